namespace Pump.Core.Persistence
{
    /// <summary>What <see cref="PumpPersistence.Open"/> recovered at power-up, for the controller and panel.</summary>
    public sealed class PowerOnReport
    {
        /// <summary>This power-up's boot count (strictly above every earlier one the store remembers).</summary>
        public long BootCount;

        /// <summary>A valid snapshot was loaded into <see cref="PumpStateStore.Current"/>.</summary>
        public bool SnapshotRecovered;

        /// <summary>Both snapshot slots were empty: a new store, not damage.</summary>
        public bool StoreWasEmpty;

        /// <summary>The snapshot was mid-delivery (started, not stopped in order): power was lost while the
        /// motor could run, and the delivered value is an upper bound. The pump stays stopped and shows it (D10).</summary>
        public bool DeliveryInterrupted;

        /// <summary>Delivered microsteps recovered (upper bound when <see cref="DeliveryInterrupted"/>).</summary>
        public long DeliveredMicrosteps;

        /// <summary>The event log needed repair ("REPAIRING LOG"): a torn last entry or damaged entries.</summary>
        public bool LogRepaired;

        /// <summary>Session history unreadable: spacing-limited drugs cannot start (HIS-005).</summary>
        public bool HistoryUntrusted;

        /// <summary>A write at power-up failed (snapshot or log): a technical alarm.</summary>
        public bool WriteFailed;

        public void Clear()
        {
            BootCount = 0;
            SnapshotRecovered = false;
            StoreWasEmpty = false;
            DeliveryInterrupted = false;
            DeliveredMicrosteps = 0;
            LogRepaired = false;
            HistoryUntrusted = false;
            WriteFailed = false;
        }
    }
}
