namespace Pump.Core.Control
{
    /// <summary>
    /// What each state means for the rest of the pump, declared beside the state table (STM-014) instead of
    /// being spelled out as state comparisons where it is used. hardware-docs/state-table.md is generated
    /// from these rows, and the Stateless reference model in tests/Pump.Evidence asserts them.
    /// </summary>
    public static class StateTraits
    {
        /// <summary>The motor may move forward (STM-002).</summary>
        public const int MotorPermitted = 1;

        /// <summary>A session is open: begun by Start and not yet ended by the clinician, completion or a stop.
        /// It is what a reset brings back (PER-015).</summary>
        public const int SessionOpen = 2;

        /// <summary>Delivery is stopped and waits for the clinician's decision (callback reminder, TEC-008).</summary>
        public const int AwaitsClinician = 4;

        /// <summary>An open clamp or a disengaged plunger is an alarm here (TEC-006).</summary>
        public const int SyringeMustBeSecured = 8;

        /// <summary>A confirmed program is loaded (the session screens and the supervision read it).</summary>
        public const int ProgramLoaded = 16;

        /// <summary>The program is being chosen; the syringe may be changed (a new syringe needs a new prime).</summary>
        public const int SyringeChangeable = 32;

        /// <summary>Number of declared traits.</summary>
        public const int Count = 6;

        // One row per PumpState, in enum order.
        private static readonly int[] Rows =
        {
            /* SelfTest      */ 0,
            /* Idle          */ SyringeChangeable,
            /* Programming   */ SyringeChangeable,
            /* Ready         */ ProgramLoaded | SyringeChangeable,
            /* Priming       */ MotorPermitted | ProgramLoaded | SyringeMustBeSecured,
            /* Infusing      */ MotorPermitted | SessionOpen | ProgramLoaded | SyringeMustBeSecured,
            /* Paused        */ SessionOpen | AwaitsClinician | ProgramLoaded | SyringeMustBeSecured,
            /* InterlockHold */ SessionOpen | AwaitsClinician | ProgramLoaded | SyringeMustBeSecured,
            /* Alarm         */ SessionOpen | AwaitsClinician | ProgramLoaded | SyringeMustBeSecured,
            /* Stopped       */ ProgramLoaded,
            /* Completed     */ ProgramLoaded,
            /* Failsafe      */ ProgramLoaded,
        };

        /// <summary>Whether a state has a trait (false for a state code out of range).</summary>
        public static bool Has(PumpState state, int trait)
        {
            int i = (int)state;
            return i >= 0 && i < Rows.Length && (Rows[i] & trait) != 0;
        }

        /// <summary>The trait at an index 0..Count-1 (for documentation and tests).</summary>
        public static int At(int index)
        {
            return 1 << index;
        }

        public static string Name(int trait)
        {
            switch (trait)
            {
                case MotorPermitted: return "motor permitted";
                case SessionOpen: return "session open";
                case AwaitsClinician: return "awaits clinician";
                case SyringeMustBeSecured: return "syringe must be secured";
                case ProgramLoaded: return "program loaded";
                case SyringeChangeable: return "syringe changeable";
                default: return "?";
            }
        }
    }
}
