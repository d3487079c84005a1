namespace Pump.Bridge.Forwarding
{
    /// <summary>Whether the bridge forwards frames; every state but <see cref="Forwarding"/> is silent so the pump's lease lapses.</summary>
    public enum BridgeState
    {
        /// <summary>No report from the source yet.</summary>
        WaitingForSource,

        /// <summary>Reports arrive and are consistent: frames go out.</summary>
        Forwarding,

        /// <summary>No report within the source timeout, or the association/connection dropped.</summary>
        SourceLost,

        /// <summary>The source's time stamps cannot be trusted (in the future, or its clock far from the bridge's).</summary>
        ClockUnsure,

        /// <summary>Two patients or sources, or the bed label / patient / source changed: latched until the bridge is restarted and re-commissioned.</summary>
        Ambiguous,
    }
}
