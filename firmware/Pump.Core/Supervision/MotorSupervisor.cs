namespace Pump.Core.Supervision
{
    /// <summary>Verdict of the step accounting check.</summary>
    public enum MotorVerdict
    {
        Ok = 0,
        /// <summary>Counted behind the steps due (generator or driver not stepping).</summary>
        Stall = 1,
        /// <summary>Counted beyond commanded, or pulses while stopped.</summary>
        Runaway = 2,
    }

    /// <summary>
    /// Compares the pulse counter with the plan every tick (TEC-004): counted may trail the steps due
    /// by at most the in-flight allowance, and may never pass what was commanded. Pure; allocation-free.
    /// </summary>
    public static class MotorSupervisor
    {
        /// <summary>How far (time) the counter may trail the schedule: two ticks plus generator quantization.</summary>
        public const long LagToleranceUs = 200000;

        /// <summary>Extra microsteps of slack on the stall side.</summary>
        public const long SlackMicrosteps = 2;

        /// <summary>
        /// While running: counted must be ≥ (steps due by now − lag tolerance) − slack and ≤ commanded.
        /// dueLaggedMicrosteps is the schedule's count due by (now − <see cref="LagToleranceUs"/>).
        /// </summary>
        public static MotorVerdict CheckRunning(long countedMicrosteps, long commandedMicrosteps, long dueLaggedMicrosteps)
        {
            if (countedMicrosteps > commandedMicrosteps)
            {
                return MotorVerdict.Runaway;
            }

            if (countedMicrosteps < dueLaggedMicrosteps - SlackMicrosteps)
            {
                return MotorVerdict.Stall;
            }

            return MotorVerdict.Ok;
        }

        /// <summary>While stopped: any pulse after the stop settled is a runaway.</summary>
        public static MotorVerdict CheckStopped(long countedMicrosteps, long countedAtStopMicrosteps)
        {
            return countedMicrosteps > countedAtStopMicrosteps ? MotorVerdict.Runaway : MotorVerdict.Ok;
        }
    }
}
