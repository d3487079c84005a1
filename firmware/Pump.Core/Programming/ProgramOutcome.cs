namespace Pump.Core.Programming
{
    /// <summary>Exactly one outcome per validated program. Values are logged: never renumber.</summary>
    public enum ProgramOutcome : byte
    {
        /// <summary>Inside every soft limit: may start.</summary>
        Accepted = 1,

        /// <summary>Inside every hard limit but outside a soft one: may start only after the clinician confirms each finding (logged).</summary>
        NeedsConfirmation = 2,

        /// <summary>A hard limit or a basic rule is broken: cannot start, cannot be overridden.</summary>
        Rejected = 3,
    }
}
