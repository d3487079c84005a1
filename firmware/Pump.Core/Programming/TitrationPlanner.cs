using Pump.Core.Library;
using Pump.Core.Units;

namespace Pump.Core.Programming
{
    /// <summary>
    /// A new running rate for a programmed infusion (TIT-001..): the rate in the drug's unit (µg/kg/h for a
    /// weight-based program, nL/h for a plain mL/h one) is checked against the entry exactly as programming
    /// checks a rate (hard limits refuse, soft limits need a confirmed override), and the program it gives keeps
    /// every total of the programmed one (dose, volume, microsteps): only the step rate changes, so a higher
    /// rate finishes earlier and a lower one later. A weight-based rate is also a duration: the time the whole
    /// dose would take at it must lie within the entry's duration limits, so a titrated rate is always one the
    /// library would have accepted for this program.
    ///
    /// Rounding: the step rate is microsteps per hour rounded down (at most one microstep per hour slower);
    /// the programmed rate itself gives back the programmed schedule exactly, so a restore can recompute either.
    /// Always planned from the programmed (not the currently titrated) program: the result depends only on the
    /// program and the rate, never on time or history.
    /// </summary>
    public static class TitrationPlanner
    {
        /// <summary>Fastest dose rate accepted as input: 1 g/kg/h (the library's hard limits are far lower).</summary>
        public const long MaxRateUgPerKgPerH = 1000000L;

        private const long SecondsPerHour = 3600L;

        /// <summary>The kind (and unit) a program's rate is titrated in.</summary>
        public static LimitKind RateKind(InfusionProgram program)
        {
            return program.Mode == DoseMode.PlainRate ? LimitKind.RateNlPerH : LimitKind.RateUgPerKgPerH;
        }

        /// <summary>A program's rate in its titration unit (µg/kg/h or nL/h).</summary>
        public static long RateOf(InfusionProgram program)
        {
            return program.Mode == DoseMode.PlainRate ? program.RateNlPerH : program.RateUgPerKgPerH;
        }

        /// <summary>
        /// The programmed infusion at a new rate (in <see cref="RateKind"/>'s unit). Rejected with the hard findings,
        /// NeedsConfirmation with the soft ones, or Accepted. <paramref name="maxMicrostepsPerSecond"/> is the
        /// mechanism's limit (PRG-011).
        /// </summary>
        public static ProgramResult Plan(DrugEntry entry, InfusionProgram programmed, SyringeCalibration calibration, long rate,
            long maxMicrostepsPerSecond)
        {
            InfusionProgrammer.FindingCollector f = new InfusionProgrammer.FindingCollector();
            LimitKind kind = RateKind(programmed);
            if (entry == null || entry.DrugId != programmed.DrugId || entry.Mode != programmed.Mode || calibration == null)
            {
                f.Add(kind, FindingReason.WrongMode, rate, 0);
                return f.Finish(null);
            }

            long inputMax = kind == LimitKind.RateNlPerH ? InfusionProgrammer.MaxRateNlPerH : MaxRateUgPerKgPerH;
            if (rate <= 0)
            {
                f.Add(kind, FindingReason.NotPositive, rate, 0);
                return f.Finish(null);
            }

            if (rate > inputMax)
            {
                f.Add(kind, FindingReason.TooLarge, rate, inputMax);
                return f.Finish(null);
            }

            InfusionProgram? titrated = kind == LimitKind.RateNlPerH
                ? PlainRate(f, entry, programmed, calibration, rate)
                : WeightBased(f, entry, programmed, rate);
            if (titrated != null)
            {
                CheckMechanism(f, calibration, titrated, maxMicrostepsPerSecond);
            }

            return f.Finish(titrated);
        }

        private static InfusionProgram? WeightBased(InfusionProgrammer.FindingCollector f, DrugEntry entry, InfusionProgram p, long rate)
        {
            // Within the caps: rate × weight ≤ 1e12, dose × 3600 ≤ 3.6e9, total microsteps × rate well below 2^62.
            InfusionProgrammer.CheckExact(f, entry.RateLimitsUgPerKgPerH, LimitKind.RateUgPerKgPerH, rate);
            long rateXWeight = rate * p.WeightG;
            bool ok = InfusionProgrammer.CheckDerived(f, entry.RateLimitsUgPerH, LimitKind.RateUgPerH, rateXWeight, 1, 1000)
                & InfusionProgrammer.CheckDerived(f, entry.RateLimitsNlPerH, LimitKind.RateNlPerH, rateXWeight, 1000, p.ConcentrationUgPerMl)
                & InfusionProgrammer.CheckDerived(f, entry.DurationLimitsS, LimitKind.DurationS, p.DoseUgPerKg, SecondsPerHour, rate);
            if (ok && rate == p.RateUgPerKgPerH)
            {
                // Back to the programmed rate: the programmed schedule itself, exactly.
                return p;
            }

            long rateUgPerH;
            long rateNlPerH;
            long microstepsPerHour;
            ok &= Ratio.TryMulDivFloor(rateXWeight, 1, 1000, out rateUgPerH)
                & Ratio.TryMulDivFloor(rateXWeight, 1000, p.ConcentrationUgPerMl, out rateNlPerH)
                & Ratio.TryMulDivFloor(p.TotalMicrosteps, rate, p.DoseUgPerKg, out microstepsPerHour);
            if (!ok)
            {
                f.Add(LimitKind.RateUgPerKgPerH, FindingReason.TooLarge, rate, MaxRateUgPerKgPerH);
                return null;
            }

            if (microstepsPerHour <= 0)
            {
                f.Add(LimitKind.RateUgPerKgPerH, FindingReason.NotPositive, rate, 0);
                return null;
            }

            return new InfusionProgram(p.DrugId, p.Mode, p.SyringeId, p.ConcentrationUgPerMl, p.WeightG, p.DoseUgPerKg, p.DurationS,
                p.TotalDoseUg, p.VolumeNl, rateNlPerH, rate, rateUgPerH, p.TotalMicrosteps, microstepsPerHour,
                InfusionProgram.MicrosecondsPerHour);
        }

        private static InfusionProgram? PlainRate(InfusionProgrammer.FindingCollector f, DrugEntry entry, InfusionProgram p, SyringeCalibration calibration, long rate)
        {
            InfusionProgrammer.CheckExact(f, entry.RateLimitsNlPerH, LimitKind.RateNlPerH, rate);
            if (rate == p.RateNlPerH)
            {
                return p;
            }

            long microstepsPerHour;
            if (!calibration.TryNlToMicrosteps(rate, out microstepsPerHour))
            {
                f.Add(LimitKind.RateNlPerH, FindingReason.TooLarge, rate, InfusionProgrammer.MaxRateNlPerH);
                return null;
            }

            if (microstepsPerHour <= 0)
            {
                f.Add(LimitKind.RateNlPerH, FindingReason.NotPositive, rate, 0);
                return null;
            }

            return new InfusionProgram(p.DrugId, p.Mode, p.SyringeId, 0, 0, 0, p.DurationS, 0, p.VolumeNl, rate, 0, 0,
                p.TotalMicrosteps, microstepsPerHour, InfusionProgram.MicrosecondsPerHour);
        }

        /// <summary>The mechanism cannot drive faster than its limit with this syringe: a hard refusal naming the pump's maximum in mL/h.</summary>
        private static void CheckMechanism(InfusionProgrammer.FindingCollector f, SyringeCalibration calibration, InfusionProgram t, long maxMicrostepsPerSecond)
        {
            long demanded;
            long allowed;
            bool within = Ratio.TryMulDivCeil(t.RateMicrosteps, InfusionProgram.MicrosecondsPerHour, t.RatePeriodUs, out demanded)
                && maxMicrostepsPerSecond > 0 && maxMicrostepsPerSecond <= Ratio.MaxOperand / SecondsPerHour
                && demanded <= maxMicrostepsPerSecond * SecondsPerHour;
            if (within)
            {
                return;
            }

            if (!calibration.TryMicrostepsToNl(maxMicrostepsPerSecond * SecondsPerHour, out allowed))
            {
                allowed = 0;
            }

            f.Add(LimitKind.RateNlPerH, FindingReason.AboveHardMax, t.RateNlPerH, allowed);
        }
    }
}
