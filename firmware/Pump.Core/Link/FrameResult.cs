namespace Pump.Core.Link
{
    /// <summary>
    /// Outcome of offering bytes to the parser. Every value but <see cref="None"/> and
    /// <see cref="Accepted"/> is a rejection reason with its own counter.
    /// Numeric values are stable (they appear in the event log).
    /// </summary>
    public enum FrameResult
    {
        /// <summary>No complete frame yet.</summary>
        None = 0,

        /// <summary>An authenticated frame from the paired sender, newer than the last one, with plausible values.</summary>
        Accepted = 1,

        /// <summary>CRC mismatch: corrupted, truncated or spliced bytes.</summary>
        BadCrc = 2,

        /// <summary>Length byte larger than any frame, or wrong for the frame's type.</summary>
        BadLength = 3,

        /// <summary>A protocol version this pump does not accept (including unauthenticated version 1).</summary>
        UnknownVersion = 4,

        /// <summary>Valid CRC but a message type other than vitals (the link cannot command the pump).</summary>
        UnknownType = 5,

        /// <summary>A frame from a sender other than the paired one (or the pump is not paired).</summary>
        Unpaired = 6,

        /// <summary>Authenticated, but not newer: an older boot, or a sequence not above the last within this boot.</summary>
        Replay = 7,

        /// <summary>A value outside what a monitor can report (e.g. SBP 400), inconsistent NIBP, or a reserved bit set.</summary>
        Implausible = 8,

        /// <summary>The HMAC tag does not match the pairing key: forged, or sent with another key.</summary>
        BadTag = 9,

        /// <summary>Authenticated, but from another source monitor or bed than the one seen since pairing.</summary>
        SourceChanged = 10,

        /// <summary>The persisted replay floor is damaged or its reservation could not be written (LNK-018): refused.</summary>
        ReplayGuardFault = 11,

        /// <summary>
        /// Authentic, but at or below the replay floor persisted before the last pump reset (LNK-018): possibly used
        /// before the reset, so refused. The live sender passes the floor within ReplayFloor.ReservationFrames
        /// frames; not counted toward the bad-frame alarm, since every reset produces a few.
        /// </summary>
        BelowFloor = 12,
    }
}
