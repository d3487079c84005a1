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
            Findings f = new Findings();
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

        private static InfusionProgram? WeightBased(Findings f, DrugEntry entry, InfusionProgram p, long rate)
        {
            // Within the caps: rate × weight ≤ 1e12, dose × 3600 ≤ 3.6e9, total microsteps × rate well below 2^62.
            Check(f, entry.RateLimitsUgPerKgPerH, LimitKind.RateUgPerKgPerH, rate);
            long rateXWeight = rate * p.WeightG;
            bool ok = CheckDerived(f, entry.RateLimitsUgPerH, LimitKind.RateUgPerH, rateXWeight, 1, 1000)
                & CheckDerived(f, entry.RateLimitsNlPerH, LimitKind.RateNlPerH, rateXWeight, 1000, p.ConcentrationUgPerMl)
                & CheckDerived(f, entry.DurationLimitsS, LimitKind.DurationS, p.DoseUgPerKg, SecondsPerHour, rate);
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

        private static InfusionProgram? PlainRate(Findings f, DrugEntry entry, InfusionProgram p, SyringeCalibration calibration, long rate)
        {
            Check(f, entry.RateLimitsNlPerH, LimitKind.RateNlPerH, rate);
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
        private static void CheckMechanism(Findings f, SyringeCalibration calibration, InfusionProgram t, long maxMicrostepsPerSecond)
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

        private static void Check(Findings f, Limits limits, LimitKind kind, long value)
        {
            LimitCheck check = limits.Check(value);
            switch (check)
            {
                case LimitCheck.BelowHardMin: f.Add(kind, FindingReason.BelowHardMin, value, limits.HardMin); break;
                case LimitCheck.AboveHardMax: f.Add(kind, FindingReason.AboveHardMax, value, limits.HardMax); break;
                case LimitCheck.BelowSoftMin: f.Add(kind, FindingReason.BelowSoftMin, value, limits.SoftMin); break;
                case LimitCheck.AboveSoftMax: f.Add(kind, FindingReason.AboveSoftMax, value, limits.SoftMax); break;
            }
        }

        // The exact value a * n / d: its ceiling against the maxima, its floor against the minima (as programming does).
        private static bool CheckDerived(Findings f, Limits limits, LimitKind kind, long a, long n, long d)
        {
            long floor;
            long ceil;
            if (!Ratio.TryMulDivFloor(a, n, d, out floor) || !Ratio.TryMulDivCeil(a, n, d, out ceil))
            {
                return false;
            }

            if (ceil > limits.HardMax)
            {
                f.Add(kind, FindingReason.AboveHardMax, ceil, limits.HardMax);
            }
            else if (floor < limits.HardMin)
            {
                f.Add(kind, FindingReason.BelowHardMin, floor, limits.HardMin);
            }
            else if (ceil > limits.SoftMax)
            {
                f.Add(kind, FindingReason.AboveSoftMax, ceil, limits.SoftMax);
            }
            else if (floor < limits.SoftMin)
            {
                f.Add(kind, FindingReason.BelowSoftMin, floor, limits.SoftMin);
            }

            return true;
        }

        /// <summary>Hard and soft findings kept apart; a rate has at most five (one per checked quantity, plus the mechanism).</summary>
        private sealed class Findings
        {
            private const int Max = 6;
            private readonly Finding[] _hard = new Finding[Max];
            private readonly Finding[] _soft = new Finding[Max];
            private int _hardCount;
            private int _softCount;

            public void Add(LimitKind kind, FindingReason reason, long value, long limit)
            {
                Finding finding = new Finding(kind, reason, value, limit);
                if (finding.IsSoft)
                {
                    if (_softCount < Max)
                    {
                        _soft[_softCount++] = finding;
                    }
                }
                else if (_hardCount < Max)
                {
                    _hard[_hardCount++] = finding;
                }
            }

            public ProgramResult Finish(InfusionProgram? program)
            {
                if (_hardCount > 0 || program == null)
                {
                    return new ProgramResult(ProgramOutcome.Rejected, null, _hard, _hardCount);
                }

                return _softCount > 0
                    ? new ProgramResult(ProgramOutcome.NeedsConfirmation, program, _soft, _softCount)
                    : new ProgramResult(ProgramOutcome.Accepted, program, _soft, 0);
            }
        }
    }
}
