namespace Pump.Core.Interlock
{
    /// <summary>Severity of a vital-sign limit (clinical.md §6b levels). Ordered: a larger value is worse.</summary>
    public enum InterlockLevel
    {
        None = 0,

        /// <summary>Alarm only; delivery continues. Clears by itself when the condition clears.</summary>
        Advisory = 1,

        /// <summary>Delivery pauses. Latched until a clinician acknowledges AND the vitals are back inside the limit.</summary>
        Hold = 2,

        /// <summary>The session ends and cannot be resumed.</summary>
        Stop = 3,
    }
}
