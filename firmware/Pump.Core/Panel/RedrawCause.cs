namespace Pump.Core.Panel
{
    /// <summary>
    /// Why the panel redrew in a tick (NFR-008): each cause but <see cref="Cadence"/> redraws in the same tick it
    /// happens, so nothing a person must act on waits for the running figures' next period.
    /// </summary>
    public enum RedrawCause
    {
        /// <summary>Nothing shown changed: the screen was not drawn.</summary>
        None = 0,

        /// <summary>A key was read (Silence, the editors, screen steps and the panel's questions change only by keys).</summary>
        Key = 1,

        /// <summary>The pump entered a state (any transition, also one back into the state it left).</summary>
        State = 2,

        /// <summary>An alarm was raised, cleared, acknowledged or silenced, or its condition came or went.</summary>
        Alarm = 3,

        /// <summary>The vital-sign rule behind a hold or stop changed, or the vitals appeared or went.</summary>
        Vitals = 4,

        /// <summary>A refusal appeared, or its time on the bottom line (PNL-004) ended.</summary>
        Refusal = 5,

        /// <summary>A screen closed by itself (the rate change after its time without a key).</summary>
        ScreenClosed = 6,

        /// <summary>Another drug library was installed (its revision and draft mark are on the idle screen).</summary>
        Library = 7,

        /// <summary>The display is reachable again after a fault: every row is written again.</summary>
        DisplayBack = 8,

        /// <summary>A new <see cref="RedrawSchedule.RefreshUs"/> period began: the running figures (volume, dose, time left, vitals, pages).</summary>
        Cadence = 9,
    }
}
