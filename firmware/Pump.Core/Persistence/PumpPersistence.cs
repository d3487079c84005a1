using Pump.Hal;

namespace Pump.Core.Persistence
{
    /// <summary>
    /// Everything that survives power loss, over one <see cref="INonVolatileStore"/> laid out by
    /// <see cref="StoreLayout"/>: the pump snapshot and its delivery ledger, the event log, the session
    /// history and the drug-library blob. <see cref="Open"/> runs the power-up recovery once (PER-012).
    /// </summary>
    public sealed class PumpPersistence
    {
        private readonly INonVolatileStore _store;
        private readonly IRealTimeClock _rtc;
        private readonly PumpStateStore _state;
        private readonly EventLog _log;
        private readonly SessionHistory _history;
        private readonly DrugLibraryStore _library;
        private readonly PowerOnReport _report = new PowerOnReport();

        public PumpPersistence(INonVolatileStore store, IMonotonicClock clock, IRealTimeClock rtc)
        {
            _store = store;
            _rtc = rtc;
            _state = new PumpStateStore(store);
            _log = new EventLog(store, clock, rtc);
            _history = new SessionHistory(store);
            _library = new DrugLibraryStore(store);
        }

        public PumpStateStore State => _state;

        public PersistentDeliveryLedger Ledger => _state.Ledger;

        public EventLog Log => _log;

        public SessionHistory History => _history;

        public DrugLibraryStore Library => _library;

        public PowerOnReport Report => _report;

        /// <summary>True when the store is large enough for the layout.</summary>
        public bool StoreFits => StoreLayout.Fits(_store.CapacityBytes);

        /// <summary>
        /// Power-up recovery: loads the snapshot (ledger included), recovers the log, loads the history,
        /// raises the boot count above every one remembered, persists it, and logs what was found
        /// (boot, repaired log, damaged or missing slots, delivery interrupted by power loss).
        /// Never throws; never starts anything: the controller reads the report and stays stopped.
        /// </summary>
        public PowerOnReport Open()
        {
            _report.Clear();
            if (!StoreFits)
            {
                _report.WriteFailed = true;
                _report.HistoryUntrusted = true;
                return _report;
            }

            _report.SnapshotRecovered = _state.TryLoad();
            RecordReadReport snap = _state.LoadReport;
            _report.StoreWasEmpty = !_report.SnapshotRecovered && snap.Slot0Status == SlotStatus.Empty && snap.Slot1Status == SlotStatus.Empty;
            LogRecoveryReport logReport = _log.Recover();
            _history.TryLoad();
            _report.HistoryUntrusted = !_history.IsTrusted;
            _report.LogRepaired = logReport.NeedsRepair;

            PumpSnapshot s = _state.Current;
            long boot = s.BootCount > _log.NewestEntryBootCount ? s.BootCount : _log.NewestEntryBootCount;
            boot++;
            s.BootCount = boot;
            _log.BootCount = boot;
            _report.BootCount = boot;
            _report.DeliveredMicrosteps = s.DeliveredMicrosteps;
            _report.DeliveryInterrupted = _report.SnapshotRecovered && s.DeliveryActive;

            bool ok = _state.TrySave();
            long utc;
            bool rtcValid = _rtc.TryReadUtcSeconds(out utc);
            ok &= _log.Append(PersistenceEventCodes.Boot, EventPriority.Info, EventCategory.System, Low32(boot), rtcValid ? 1 : 0);
            if (logReport.NeedsRepair)
            {
                ok &= _log.Append(PersistenceEventCodes.LogRepaired, EventPriority.Low, EventCategory.Persistence,
                    Low32(logReport.LostSequence), logReport.DamagedEntries);
            }

            ok &= LogSlotDamage(snap, PersistenceEventCodes.SnapshotSlotDamaged);
            if (!_report.SnapshotRecovered && !_report.StoreWasEmpty)
            {
                ok &= _log.Append(PersistenceEventCodes.SnapshotMissing, EventPriority.High, EventCategory.Persistence, snap.Slot0Status, snap.Slot1Status);
            }

            RecordReadReport hist = _history.LoadReport;
            ok &= LogSlotDamage(hist, PersistenceEventCodes.HistorySlotDamaged);
            if (!_history.IsTrusted)
            {
                ok &= _log.Append(PersistenceEventCodes.HistoryMissing, EventPriority.High, EventCategory.Persistence, hist.Slot0Status, hist.Slot1Status);
            }

            if (_report.DeliveryInterrupted)
            {
                ok &= _log.Append(PersistenceEventCodes.PowerLossDuringDelivery, EventPriority.High, EventCategory.Delivery,
                    Low32(s.DeliveredMicrosteps), s.DrugId);
            }

            _report.WriteFailed = !ok;
            return _report;
        }

        private bool LogSlotDamage(RecordReadReport r, int code)
        {
            bool ok = true;
            if (SlotStatus.IsDamage(r.Slot0Status))
            {
                ok &= _log.Append(code, EventPriority.Low, EventCategory.Persistence, 0, r.Slot0Status);
            }

            if (SlotStatus.IsDamage(r.Slot1Status))
            {
                ok &= _log.Append(code, EventPriority.Low, EventCategory.Persistence, 1, r.Slot1Status);
            }

            return ok;
        }

        /// <summary>Saturates to int for a log argument.</summary>
        private static int Low32(long value)
        {
            return value > int.MaxValue ? int.MaxValue : (value < int.MinValue ? int.MinValue : (int)value);
        }
    }
}
