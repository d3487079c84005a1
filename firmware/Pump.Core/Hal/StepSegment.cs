namespace Pump.Hal
{
    /// <summary>
    /// A run of steps on an absolute schedule (Klipper-style): step n, for FirstStep &lt; n &lt;= LastStep,
    /// is due at AnchorUs + ceil(n * RatePeriodUs / RateMicrosteps). Step numbers count from the anchor,
    /// so consecutive segments of one rate share the anchor and no rounding accumulates.
    /// A generator may emit a step early by at most its tick resolution, never more than one step late.
    /// </summary>
    public struct StepSegment
    {
        /// <summary>Absolute time (µs) of step 0 of this rate's schedule.</summary>
        public long AnchorUs;
        /// <summary>Last step number already covered before this segment (exclusive lower bound).</summary>
        public long FirstStep;
        /// <summary>Last step number emitted by this segment (inclusive).</summary>
        public long LastStep;
        /// <summary>Rate numerator: this many microsteps take <see cref="RatePeriodUs"/>.</summary>
        public long RateMicrosteps;
        /// <summary>Rate denominator in microseconds.</summary>
        public long RatePeriodUs;

        public StepSegment(long anchorUs, long firstStep, long lastStep, long rateMicrosteps, long ratePeriodUs)
        {
            AnchorUs = anchorUs;
            FirstStep = firstStep;
            LastStep = lastStep;
            RateMicrosteps = rateMicrosteps;
            RatePeriodUs = ratePeriodUs;
        }

        /// <summary>Number of microsteps in this segment.</summary>
        public long Microsteps { get { return LastStep - FirstStep; } }

        /// <summary>Due time (µs) of step n of this segment's schedule, rounded up to the microsecond.</summary>
        public long DueUs(long n)
        {
            return AnchorUs + CeilDiv(n * RatePeriodUs, RateMicrosteps);
        }

        /// <summary>Due time of the last step of the segment.</summary>
        public long EndUs { get { return DueUs(LastStep); } }

        private static long CeilDiv(long a, long b)
        {
            long q = a / b;
            return (a % b) != 0 ? q + 1 : q;
        }
    }
}
