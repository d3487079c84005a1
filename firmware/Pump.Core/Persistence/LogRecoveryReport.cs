namespace Pump.Core.Persistence
{
    /// <summary>What <see cref="EventLog.Recover"/> found when it scanned the ring at power-up.</summary>
    public sealed class LogRecoveryReport
    {
        public int ValidEntries;
        public int EmptyEntries;

        /// <summary>Damaged entries other than the torn one (bit flips, foreign bytes).</summary>
        public int DamagedEntries;

        /// <summary>True when the position of the next entry held damaged bytes: the last append before
        /// power-down was cut ("REPAIRING LOG"). That one entry is lost; the next append overwrites it.</summary>
        public bool TornEntryDetected;

        /// <summary>Sequence of the torn entry (0 when none).</summary>
        public long LostSequence;

        /// <summary>Newest valid sequence (0 when the log is empty).</summary>
        public long NewestSequence;

        /// <summary>True when the store could not be read (the log is then unusable until the next power-up).</summary>
        public bool ReadFailed;

        public void Clear()
        {
            ValidEntries = 0;
            EmptyEntries = 0;
            DamagedEntries = 0;
            TornEntryDetected = false;
            LostSequence = 0;
            NewestSequence = 0;
            ReadFailed = false;
        }

        /// <summary>True when the log needs repairing (torn or damaged entries were found).</summary>
        public bool NeedsRepair => TornEntryDetected || DamagedEntries > 0;
    }
}
