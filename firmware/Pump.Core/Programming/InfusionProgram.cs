using Pump.Core.Library;

namespace Pump.Core.Programming
{
    /// <summary>
    /// A computed infusion, everything rounded down. For the delivery engine: deliver
    /// <see cref="TotalMicrosteps"/> at "RateMicrosteps microsteps every RatePeriodUs µs", i.e.
    /// step n is due at start + floor(n * RatePeriodUs / RateMicrosteps).
    /// Weight-based: RateMicrosteps = TotalMicrosteps over the whole duration in µs.
    /// Plain mL/h: RateMicrosteps = microsteps per hour (rounded down) over 3,600,000,000 µs.
    /// </summary>
    public sealed class InfusionProgram
    {
        public const long MicrosecondsPerHour = 3600000000L;

        public readonly int DrugId;

        public readonly DoseMode Mode;

        public readonly int SyringeId;

        /// <summary>0 for a plain mL/h program.</summary>
        public readonly int ConcentrationUgPerMl;

        public readonly long WeightG;

        public readonly long DoseUgPerKg;

        /// <summary>Programmed duration (weight-based) or volume / rate rounded down (plain).</summary>
        public readonly long DurationS;

        /// <summary>0 for a plain mL/h program.</summary>
        public readonly long TotalDoseUg;

        public readonly long VolumeNl;

        public readonly long RateNlPerH;

        /// <summary>Display rate: RateNlPerH / 1000 rounded down.</summary>
        public readonly long RateUlPerH;

        public readonly long RateUgPerKgPerH;

        public readonly long RateUgPerH;

        public readonly long TotalMicrosteps;

        public readonly long RateMicrosteps;

        public readonly long RatePeriodUs;

        public InfusionProgram(int drugId, DoseMode mode, int syringeId, int concentrationUgPerMl, long weightG, long doseUgPerKg, long durationS,
            long totalDoseUg, long volumeNl, long rateNlPerH, long rateUgPerKgPerH, long rateUgPerH,
            long totalMicrosteps, long rateMicrosteps, long ratePeriodUs)
        {
            DrugId = drugId;
            Mode = mode;
            SyringeId = syringeId;
            ConcentrationUgPerMl = concentrationUgPerMl;
            WeightG = weightG;
            DoseUgPerKg = doseUgPerKg;
            DurationS = durationS;
            TotalDoseUg = totalDoseUg;
            VolumeNl = volumeNl;
            RateNlPerH = rateNlPerH;
            RateUlPerH = rateNlPerH / 1000;
            RateUgPerKgPerH = rateUgPerKgPerH;
            RateUgPerH = rateUgPerH;
            TotalMicrosteps = totalMicrosteps;
            RateMicrosteps = rateMicrosteps;
            RatePeriodUs = ratePeriodUs;
        }
    }
}
