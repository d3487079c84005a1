namespace Pump.Sim.Running
{
    /// <summary>What the pump says about itself, in the simulator's words (read-only).</summary>
    public enum PumpPhase
    {
        /// <summary>The controller does not expose its state (yet).</summary>
        Unknown = 0,
        Idle,
        Programming,
        Infusing,
        Held,
        Stopped,
        Completed,
        Rejected,
        Alarm,
    }

    /// <summary>A read-only snapshot of the controller's own view: state, ledger, alarm.</summary>
    public struct PumpObservation
    {
        public PumpPhase Phase;

        /// <summary>The controller's state name as it reports it.</summary>
        public string State;

        /// <summary>The pump's own delivered volume (ledger), nL; -1 when not exposed.</summary>
        public long LedgerDeliveredNl;

        /// <summary>Code of the highest active alarm, or null.</summary>
        public string? AlarmCode;

        /// <summary>"high", "medium", "low", or null.</summary>
        public string? AlarmPriority;

        /// <summary>Reasons the programme was rejected, or null.</summary>
        public string[]? RejectionReasons;
    }
}
