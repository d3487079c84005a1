using Pump.Core.Common;

namespace Pump.Core.Delivery
{
    /// <summary>
    /// An absolute step schedule (Klipper-style, DESIGN.md D2): step n is due at
    /// AnchorUs + ceil(n * RatePeriodUs / RateMicrosteps), so nothing accumulates. A rate change
    /// makes a new schedule anchored at the time of the change.
    /// Range: (t - AnchorUs) * RateMicrosteps stays below 2^63 for 24 h (8.64e10 µs) at up to
    /// 1e8 microsteps per period (DEL-006); beyond that the products are refused by explicit range
    /// checks (<see cref="IntMath"/>: an exception the tick turns into Failsafe), on nanoCLR as on .NET (NFR-005).
    /// </summary>
    public struct StepSchedule
    {
        public long AnchorUs;
        public long RateMicrosteps;
        public long RatePeriodUs;

        public StepSchedule(long anchorUs, long rateMicrosteps, long ratePeriodUs)
        {
            AnchorUs = anchorUs;
            RateMicrosteps = rateMicrosteps;
            RatePeriodUs = ratePeriodUs;
        }

        /// <summary>True when the rate is usable (both terms positive).</summary>
        public bool IsValid { get { return RateMicrosteps > 0 && RatePeriodUs > 0; } }

        /// <summary>Due time of step n (µs).</summary>
        public long DueUs(long step)
        {
            return IntMath.Add(AnchorUs, IntMath.CeilDiv(IntMath.Multiply(step, RatePeriodUs), RateMicrosteps));
        }

        /// <summary>Number of steps due at or before time t: floor((t - anchor) * rate). 0 before the anchor.</summary>
        public long StepsDueBy(long timeUs)
        {
            return IntMath.MulDiv(IntMath.Max(timeUs - AnchorUs, 0L), RateMicrosteps, RatePeriodUs);
        }
    }
}
