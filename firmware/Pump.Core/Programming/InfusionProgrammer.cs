using Pump.Core.Library;
using Pump.Core.Units;

namespace Pump.Core.Programming
{
    /// <summary>
    /// Turns a clinician's entries into an <see cref="InfusionProgram"/> and validates it against the
    /// drug entry and the loaded syringe (DESIGN.md D2, D9). Runs once per entry, not per tick.
    ///
    /// Rounding: every delivered quantity rounds down (total dose, volume, rates, microsteps), so the
    /// pump never delivers more than prescribed. Limit checks use the exact value instead: a derived
    /// value is compared with a maximum through its ceiling and with a minimum through its floor, so
    /// rounding can never hide a crossed limit.
    ///
    /// Arithmetic range: inputs are capped (Max* constants) before anything is computed; with the
    /// caps, total dose &lt;= 10^9 µg, volume &lt;= 10^15 nL, rates &lt;= 3.6 * 10^18 and all products go
    /// through <see cref="Ratio"/> (exact, no 128-bit intermediates). A failed Try (impossible within
    /// the caps) rejects the program rather than throwing.
    /// </summary>
    public static class InfusionProgrammer
    {
        /// <summary>Largest weight accepted as input: 1000 kg.</summary>
        public const long MaxWeightG = 1000000L;

        /// <summary>Largest dose per kg accepted as input: 1 g/kg.</summary>
        public const long MaxDoseUgPerKg = 1000000L;

        /// <summary>Longest duration accepted as input: 7 days.</summary>
        public const long MaxDurationS = 604800L;

        /// <summary>Fastest plain rate accepted as input: 10 L/h (the library's hard limits are far lower).</summary>
        public const long MaxRateNlPerH = 10000000000L;

        /// <summary>Largest plain volume accepted as input: 10 L.</summary>
        public const long MaxVolumeNl = 10000000000L;

        public const long MicrosecondsPerSecond = 1000000L;

        public const long SecondsPerHour = 3600L;

        public const long NlPerMl = 1000000L;

        /// <summary>
        /// Weight-based total dose over a set duration: total dose = dose per kg x weight, volume =
        /// total dose / concentration, rate = volume / duration; delivered as TotalMicrosteps over
        /// the duration in µs.
        /// </summary>
        public static ProgramResult ProgramWeightBased(DrugEntry entry, int concentrationUgPerMl, long weightG, long doseUgPerKg,
            long durationS, SyringeCalibration calibration)
        {
            FindingCollector f = new FindingCollector();
            if (entry == null || entry.Mode != DoseMode.WeightBasedTotalOverDuration)
            {
                f.Add(LimitKind.DoseUgPerKg, FindingReason.WrongMode, 0, 0);
                return f.Finish(null);
            }

            if (calibration == null)
            {
                f.Add(LimitKind.SyringeVolumeNl, FindingReason.NoSyringe, 0, 0);
            }

            CheckInput(f, LimitKind.ConcentrationUgPerMl, concentrationUgPerMl, LibraryChecks.MaxConcentrationUgPerMl);
            CheckInput(f, LimitKind.WeightG, weightG, MaxWeightG);
            CheckInput(f, LimitKind.DoseUgPerKg, doseUgPerKg, MaxDoseUgPerKg);
            CheckInput(f, LimitKind.DurationS, durationS, MaxDurationS);
            if (f.HasHard)
            {
                return f.Finish(null);
            }

            if (!entry.AllowsConcentration(concentrationUgPerMl))
            {
                f.Add(LimitKind.ConcentrationUgPerMl, FindingReason.NotInLibrary, concentrationUgPerMl, 0);
            }

            CheckExact(f, entry.ConcentrationLimitsUgPerMl, LimitKind.ConcentrationUgPerMl, concentrationUgPerMl);
            CheckExact(f, entry.WeightLimitsG, LimitKind.WeightG, weightG);
            CheckExact(f, entry.DoseLimitsUgPerKg, LimitKind.DoseUgPerKg, doseUgPerKg);
            CheckExact(f, entry.DurationLimitsS, LimitKind.DurationS, durationS);

            long totalDoseUg;
            long volumeNl;
            long rateNlPerH;
            long rateUgPerKgPerH;
            long rateUgPerH;
            long totalMicrosteps;
            bool ok = Ratio.TryMulDivFloor(doseUgPerKg, weightG, 1000, out totalDoseUg)
                & Ratio.TryMulDivFloor(totalDoseUg, NlPerMl, concentrationUgPerMl, out volumeNl)
                & Ratio.TryMulDivFloor(volumeNl, SecondsPerHour, durationS, out rateNlPerH)
                & Ratio.TryMulDivFloor(doseUgPerKg, SecondsPerHour, durationS, out rateUgPerKgPerH)
                & Ratio.TryMulDivFloor(totalDoseUg, SecondsPerHour, durationS, out rateUgPerH)
                & calibration!.TryNlToMicrosteps(volumeNl, out totalMicrosteps);

            // Exact checks of the prescribed (unrounded) values: ceilings against maxima, floors against
            // minima. doseXWeight = dose per kg x weight in µg x 1000, at most 10^12 within the caps;
            // every denominator (conc x duration at most 6.1e11) stays below Ratio.MaxOperand.
            long doseXWeight = doseUgPerKg * weightG;
            ok &= CheckDerived(f, entry.TotalDoseLimitsUg, LimitKind.TotalDoseUg, doseXWeight, 1, 1000);
            ok &= CheckDerived(f, entry.RateLimitsUgPerKgPerH, LimitKind.RateUgPerKgPerH, doseUgPerKg, SecondsPerHour, durationS);
            ok &= CheckDerived(f, entry.RateLimitsUgPerH, LimitKind.RateUgPerH, doseXWeight, SecondsPerHour, 1000 * durationS);
            ok &= CheckDerived(f, entry.RateLimitsNlPerH, LimitKind.RateNlPerH, doseXWeight, 1000 * SecondsPerHour,
                concentrationUgPerMl * durationS);
            ok &= CheckDerived(f, entry.VolumeLimitsNl, LimitKind.VolumeNl, doseXWeight, 1000, concentrationUgPerMl);
            if (!ok)
            {
                f.Add(LimitKind.VolumeNl, FindingReason.TooLarge, volumeNl, 0);
                return f.Finish(null);
            }

            CheckSyringe(f, calibration, volumeNl, totalMicrosteps);
            InfusionProgram program = new InfusionProgram(entry.DrugId, entry.Mode, calibration.Syringe.Id, concentrationUgPerMl, weightG,
                doseUgPerKg, durationS, totalDoseUg, volumeNl, rateNlPerH, rateUgPerKgPerH, rateUgPerH,
                totalMicrosteps, totalMicrosteps, durationS * MicrosecondsPerSecond);
            return f.Finish(program);
        }

        /// <summary>
        /// Plain mL/h (no drug dose): deliver volumeNl at rateNlPerH, i.e. microsteps per hour
        /// (rounded down) every 3,600,000,000 µs until TotalMicrosteps.
        /// </summary>
        public static ProgramResult ProgramPlainRate(DrugEntry entry, long rateNlPerH, long volumeNl, SyringeCalibration calibration)
        {
            FindingCollector f = new FindingCollector();
            if (entry == null || entry.Mode != DoseMode.PlainRate)
            {
                f.Add(LimitKind.RateNlPerH, FindingReason.WrongMode, 0, 0);
                return f.Finish(null);
            }

            if (calibration == null)
            {
                f.Add(LimitKind.SyringeVolumeNl, FindingReason.NoSyringe, 0, 0);
            }

            CheckInput(f, LimitKind.RateNlPerH, rateNlPerH, MaxRateNlPerH);
            CheckInput(f, LimitKind.VolumeNl, volumeNl, MaxVolumeNl);
            if (f.HasHard)
            {
                return f.Finish(null);
            }

            CheckExact(f, entry.RateLimitsNlPerH, LimitKind.RateNlPerH, rateNlPerH);
            CheckExact(f, entry.VolumeLimitsNl, LimitKind.VolumeNl, volumeNl);

            long rateMicrostepsPerHour;
            long totalMicrosteps;
            long durationS;
            bool ok = calibration!.TryNlToMicrosteps(rateNlPerH, out rateMicrostepsPerHour)
                & calibration.TryNlToMicrosteps(volumeNl, out totalMicrosteps)
                & Ratio.TryMulDivFloor(volumeNl, SecondsPerHour, rateNlPerH, out durationS);
            if (!ok)
            {
                f.Add(LimitKind.VolumeNl, FindingReason.TooLarge, volumeNl, 0);
                return f.Finish(null);
            }

            if (rateMicrostepsPerHour == 0)
            {
                f.Add(LimitKind.RateNlPerH, FindingReason.NotPositive, rateNlPerH, 0);
            }

            CheckSyringe(f, calibration, volumeNl, totalMicrosteps);
            InfusionProgram program = new InfusionProgram(entry.DrugId, entry.Mode, calibration.Syringe.Id, 0, 0, 0, durationS, 0, volumeNl,
                rateNlPerH, 0, 0, totalMicrosteps, rateMicrostepsPerHour, InfusionProgram.MicrosecondsPerHour);
            return f.Finish(program);
        }

        /// <summary>
        /// One entered value against its input range and the entry's limits, exactly as the whole program checks
        /// it (PNL-401): the finding, or null when it is within every limit. Used on the value's own screen.
        /// </summary>
        public static Finding? CheckEntered(DrugEntry entry, LimitKind kind, long value)
        {
            long max = InputMax(kind);
            if (value <= 0)
            {
                return new Finding(kind, FindingReason.NotPositive, value, 0);
            }

            if (max > 0 && value > max)
            {
                return new Finding(kind, FindingReason.TooLarge, value, max);
            }

            Limits limits = entry.GetLimits(kind);
            LimitCheck check = limits.Check(value);
            return check == LimitCheck.Within ? null : new Finding(kind, ToReason(check), value, limits.BoundFor(check));
        }

        private static long InputMax(LimitKind kind)
        {
            switch (kind)
            {
                case LimitKind.WeightG: return MaxWeightG;
                case LimitKind.DoseUgPerKg: return MaxDoseUgPerKg;
                case LimitKind.DurationS: return MaxDurationS;
                case LimitKind.RateNlPerH: return MaxRateNlPerH;
                case LimitKind.VolumeNl: return MaxVolumeNl;
                default: return 0;
            }
        }

        private static void CheckInput(FindingCollector f, LimitKind kind, long value, long max)
        {
            if (value <= 0)
            {
                f.Add(kind, FindingReason.NotPositive, value, 0);
            }
            else if (value > max)
            {
                f.Add(kind, FindingReason.TooLarge, value, max);
            }
        }

        internal static void CheckExact(FindingCollector f, Limits limits, LimitKind kind, long value)
        {
            LimitCheck check = limits.Check(value);
            if (check != LimitCheck.Within)
            {
                f.Add(kind, ToReason(check), value, limits.BoundFor(check));
            }
        }

        // Checks the exact value a * n / d: its ceiling against the maxima, its floor against the minima.
        internal static bool CheckDerived(FindingCollector f, Limits limits, LimitKind kind, long a, long n, long d)
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

        private static void CheckSyringe(FindingCollector f, SyringeCalibration calibration, long volumeNl, long totalMicrosteps)
        {
            if (volumeNl > calibration.Syringe.UsableVolumeNl || totalMicrosteps > calibration.UsableTravelMicrosteps)
            {
                f.Add(LimitKind.SyringeVolumeNl, FindingReason.ExceedsSyringe, volumeNl, calibration.Syringe.UsableVolumeNl);
            }

            if (totalMicrosteps == 0)
            {
                f.Add(LimitKind.VolumeNl, FindingReason.NotPositive, volumeNl, 0);
            }
        }

        private static FindingReason ToReason(LimitCheck check)
        {
            switch (check)
            {
                case LimitCheck.BelowHardMin: return FindingReason.BelowHardMin;
                case LimitCheck.AboveHardMax: return FindingReason.AboveHardMax;
                case LimitCheck.BelowSoftMin: return FindingReason.BelowSoftMin;
                default: return FindingReason.AboveSoftMax;
            }
        }

        /// <summary>Collects findings into fixed arrays; hard and soft are kept apart for the outcome (also for titration).</summary>
        internal sealed class FindingCollector
        {
            private readonly Finding[] _hard = new Finding[ProgramResult.MaxFindings];
            private readonly Finding[] _soft = new Finding[ProgramResult.MaxFindings];
            private int _hardCount;
            private int _softCount;
            private bool _hardSeen;

            public bool HasHard
            {
                get { return _hardSeen; }
            }

            public void Add(LimitKind kind, FindingReason reason, long value, long limit)
            {
                Finding finding = new Finding(kind, reason, value, limit);
                if (finding.IsSoft)
                {
                    if (_softCount < _soft.Length)
                    {
                        _soft[_softCount++] = finding;
                    }
                }
                else
                {
                    _hardSeen = true;
                    if (_hardCount < _hard.Length)
                    {
                        _hard[_hardCount++] = finding;
                    }
                }
            }

            public ProgramResult Finish(InfusionProgram? program)
            {
                if (_hardSeen)
                {
                    return new ProgramResult(ProgramOutcome.Rejected, null, _hard, _hardCount);
                }

                if (_softCount > 0)
                {
                    return new ProgramResult(ProgramOutcome.NeedsConfirmation, program, _soft, _softCount);
                }

                return new ProgramResult(ProgramOutcome.Accepted, program, _soft, 0);
            }
        }
    }
}
