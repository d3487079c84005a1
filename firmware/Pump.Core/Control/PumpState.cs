namespace Pump.Core.Control
{
    /// <summary>States of the pump (hardware-docs/state-machine.md). Values are persisted: never renumber.</summary>
    public enum PumpState
    {
        /// <summary>Power-up self-test; motor disabled.</summary>
        SelfTest = 0,
        /// <summary>No program; waiting for the clinician.</summary>
        Idle = 1,
        /// <summary>The clinician is entering a program on the panel.</summary>
        Programming = 2,
        /// <summary>Program confirmed; priming and start are possible.</summary>
        Ready = 3,
        /// <summary>Moving the plunger to fill the line (motor permitted).</summary>
        Priming = 4,
        /// <summary>Delivering the program (motor permitted).</summary>
        Infusing = 5,
        /// <summary>Paused by the clinician or after a power loss; resumable.</summary>
        Paused = 6,
        /// <summary>Held by a vital-sign hold or lease expiry; latched until the clinician resumes with vitals in range.</summary>
        InterlockHold = 7,
        /// <summary>Stopped by a technical alarm; resumable (via Paused) once the cause is cleared and acknowledged.</summary>
        Alarm = 8,
        /// <summary>Session ended early (stop-level vital sign or clinician stop); cannot be resumed.</summary>
        Stopped = 9,
        /// <summary>The program was delivered in full.</summary>
        Completed = 10,
        /// <summary>Unrecoverable fault; motor disabled until service. Nothing leaves this state.</summary>
        Failsafe = 11,
    }

    /// <summary>Number of <see cref="PumpState"/> values (enum reflection is not available on the device).</summary>
    public static class PumpStates
    {
        public const int Count = 12;

        /// <summary>The motor may move only in these states (STM-002).</summary>
        public static bool MotorPermitted(PumpState state)
        {
            return StateTraits.Has(state, StateTraits.MotorPermitted);
        }

        /// <summary>Short upper-case name for the panel and logs (enum ToString gives a number on the device).</summary>
        public static string Name(PumpState state)
        {
            switch (state)
            {
                case PumpState.SelfTest: return "SELF-TEST";
                case PumpState.Idle: return "IDLE";
                case PumpState.Programming: return "PROGRAMMING";
                case PumpState.Ready: return "READY";
                case PumpState.Priming: return "PRIMING";
                case PumpState.Infusing: return "INFUSING";
                case PumpState.Paused: return "PAUSED";
                case PumpState.InterlockHold: return "VITALS HOLD";
                case PumpState.Alarm: return "ALARM";
                case PumpState.Stopped: return "STOPPED";
                case PumpState.Completed: return "COMPLETED";
                case PumpState.Failsafe: return "FAILSAFE";
                default: return "UNKNOWN";
            }
        }
    }
}
