namespace Pump.Core.Persistence
{
    /// <summary>Priority stored with each event-log entry (IEC 60601-1-8 levels for alarms, Info otherwise).</summary>
    public static class EventPriority
    {
        public const int Info = 0;
        public const int Low = 1;
        public const int Medium = 2;
        public const int High = 3;
    }

    /// <summary>Category stored with each event-log entry, for filtering on the history screen.</summary>
    public static class EventCategory
    {
        public const int System = 0;
        public const int Program = 1;
        public const int Delivery = 2;
        public const int Alarm = 3;
        public const int Interlock = 4;
        public const int Override = 5;
        public const int Persistence = 6;
        public const int Link = 7;
        public const int Panel = 8;
    }

    /// <summary>
    /// Event codes the persistence layer itself logs at power-up (range 9000–9099; other areas own
    /// their own ranges). Arguments are noted per code.
    /// </summary>
    public static class PersistenceEventCodes
    {
        /// <summary>Power-up. arg0 = boot count (low 32 bits), arg1 = 1 when the RTC was valid.</summary>
        public const int Boot = 9001;

        /// <summary>"REPAIRING LOG": the last log write before power-down was cut. arg0 = lost sequence,
        /// arg1 = other damaged entries found.</summary>
        public const int LogRepaired = 9002;

        /// <summary>A snapshot slot held damaged bytes. arg0 = slot, arg1 = <see cref="SlotStatus"/>.</summary>
        public const int SnapshotSlotDamaged = 9003;

        /// <summary>No valid snapshot: defaults in use. arg0 = slot 0 status, arg1 = slot 1 status.</summary>
        public const int SnapshotMissing = 9004;

        /// <summary>A session-history slot held damaged bytes. arg0 = slot, arg1 = status.</summary>
        public const int HistorySlotDamaged = 9005;

        /// <summary>No valid session history: spacing cannot be verified. arg0/arg1 = slot statuses.</summary>
        public const int HistoryMissing = 9006;

        /// <summary>Power was lost while delivering: the delivered value is an upper bound.
        /// arg0 = recovered upper bound in microsteps (saturated to int), arg1 = drug id.</summary>
        public const int PowerLossDuringDelivery = 9007;

        /// <summary>A drug-library slot held damaged bytes. arg0 = slot, arg1 = status.</summary>
        public const int LibrarySlotDamaged = 9008;
    }
}
