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

        /// <summary>A valid frame from the paired monitor, newer than the last one, with plausible values.</summary>
        Accepted = 1,

        /// <summary>CRC mismatch: corrupted, truncated or spliced bytes.</summary>
        BadCrc = 2,

        /// <summary>Length byte larger than any frame, or wrong for the frame's type.</summary>
        BadLength = 3,

        /// <summary>Valid CRC but a protocol version this pump does not understand.</summary>
        UnknownVersion = 4,

        /// <summary>Valid CRC but a message type other than vitals (the link cannot command the pump).</summary>
        UnknownType = 5,

        /// <summary>Valid frame from a monitor other than the paired one.</summary>
        Unpaired = 6,

        /// <summary>Sequence number not greater than the last accepted one (replayed, duplicated or out of order).</summary>
        Replay = 7,

        /// <summary>A value outside what a monitor can report (e.g. SBP 400), inconsistent NIBP, or a reserved bit set.</summary>
        Implausible = 8,
    }
}
