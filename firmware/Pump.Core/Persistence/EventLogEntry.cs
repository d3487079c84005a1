namespace Pump.Core.Persistence
{
    /// <summary>One event-log entry as read back. Preallocated by the reader (history screen, report)
    /// and overwritten in place, so paging through the log allocates nothing.</summary>
    public sealed class EventLogEntry
    {
        /// <summary>Position in the log, 1-based, never reused.</summary>
        public long Sequence;

        /// <summary>Power-up during which the event happened (low 32 bits of the boot count).</summary>
        public long BootCount;

        /// <summary>RTC time; -1 when the RTC was not valid at the time.</summary>
        public long UtcSeconds;

        /// <summary>Monotonic time since that power-up, in ms.</summary>
        public long MonotonicMs;

        public int Code;
        public int Priority;
        public int Category;
        public int Arg0;
        public int Arg1;

        public bool HasUtc => UtcSeconds >= 0;

        public void CopyFrom(EventLogEntry other)
        {
            Sequence = other.Sequence;
            BootCount = other.BootCount;
            UtcSeconds = other.UtcSeconds;
            MonotonicMs = other.MonotonicMs;
            Code = other.Code;
            Priority = other.Priority;
            Category = other.Category;
            Arg0 = other.Arg0;
            Arg1 = other.Arg1;
        }
    }
}
