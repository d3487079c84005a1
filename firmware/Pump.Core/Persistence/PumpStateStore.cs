using Pump.Hal;

namespace Pump.Core.Persistence
{
    /// <summary>
    /// The pump snapshot in its two slots (PER-004). The controller edits <see cref="Current"/> and calls
    /// <see cref="TrySave"/> on every state change worth surviving a power cut (program accepted,
    /// start, pause, stop, alarm raised or latched, acknowledgements, baselines taken). The delivered
    /// fields are stamped from <see cref="Ledger"/> on every save (PER-006).
    /// </summary>
    public sealed class PumpStateStore
    {
        private readonly DualSlotRecord _record;
        private readonly byte[] _payload = new byte[StoreLayout.SnapshotMaxPayloadBytes];
        private readonly PumpSnapshot _current = new PumpSnapshot();
        private readonly RecordReadReport _loadReport = new RecordReadReport();
        private readonly PersistentDeliveryLedger _ledger;
        private int _missingFields;
        private bool _decodeFailed;

        public PumpStateStore(INonVolatileStore store)
        {
            _record = new DualSlotRecord(store, StoreLayout.SnapshotAddress, StoreLayout.SnapshotSlotBytes,
                StoreLayout.SnapshotMagic, PumpSnapshotCodec.MinReadableVersion, 0xFFFF);
            _current.Reset();
            _ledger = new PersistentDeliveryLedger(this);
        }

        /// <summary>The working snapshot: what the next save writes (delivered fields excepted).</summary>
        public PumpSnapshot Current => _current;

        /// <summary>The write-ahead delivery ledger: the only writer of the delivered fields.</summary>
        public PersistentDeliveryLedger Ledger => _ledger;

        /// <summary>What the last <see cref="TryLoad"/> found in each slot.</summary>
        public RecordReadReport LoadReport => _loadReport;

        /// <summary>Fields a loaded older-version snapshot did not carry (they took defaults).</summary>
        public int MissingFieldCount => _missingFields;

        /// <summary>True when the newest CRC-valid slot held field values out of range (it was not used).</summary>
        public bool DecodeFailed => _decodeFailed;

        /// <summary>
        /// Loads the newest valid snapshot into <see cref="Current"/> and the ledger. On false nothing
        /// valid was found: Current holds defaults and <see cref="LoadReport"/> says why per slot.
        /// If the newest CRC-valid slot fails to decode, the other slot is tried.
        /// </summary>
        public bool TryLoad()
        {
            _decodeFailed = false;
            _missingFields = 0;
            bool ok = _record.TryLoad(_payload, 0, _loadReport)
                && PumpSnapshotCodec.TryDecode(_payload, 0, _loadReport.PayloadLength, _loadReport.FormatVersion, _current, out _missingFields);
            if (!ok && _loadReport.Found)
            {
                // CRC-valid but undecodable: never use it; fall back to the other slot if that one decodes.
                _decodeFailed = true;
                ok = TryLoadOtherSlot();
            }

            if (!ok)
            {
                _current.Reset();
                _ledger.LoadFrom(_current);
                return false;
            }

            _ledger.LoadFrom(_current);
            return true;
        }

        private bool TryLoadOtherSlot()
        {
            int bad = _loadReport.SelectedSlot;
            int other = 1 - bad;
            if (_loadReport.StatusOf(other) != SlotStatus.Valid)
            {
                MarkInconsistent(bad);
                return false;
            }

            MarkInconsistent(bad);
            if (!_record.TryLoadSlot(other, _payload, 0, _loadReport))
            {
                return false;
            }

            return PumpSnapshotCodec.TryDecode(_payload, 0, _loadReport.PayloadLength, _loadReport.FormatVersion, _current, out _missingFields);
        }

        private void MarkInconsistent(int slot)
        {
            if (slot == 0)
            {
                _loadReport.Slot0Status = SlotStatus.Inconsistent;
            }
            else if (slot == 1)
            {
                _loadReport.Slot1Status = SlotStatus.Inconsistent;
            }

            _loadReport.SelectedSlot = -1;
        }

        /// <summary>Writes <see cref="Current"/> with the ledger's delivered values. False on a write failure
        /// (the previous copy stays valid); the controller raises a technical alarm.</summary>
        public bool TrySave()
        {
            return WriteWithDelivered(_ledger.ReservedMicrosteps, _ledger.IsExact, _ledger.VolumeDeliveredNl, _ledger.IsDeliveryActive);
        }

        /// <summary>Stamps the given delivered values into Current and writes it. On failure Current's
        /// delivered fields go back to the ledger's persisted values.</summary>
        internal bool WriteWithDelivered(long deliveredMicrosteps, bool exact, long volumeNl, bool active)
        {
            _current.DeliveryActive = active;
            _current.FormatVersion = PumpSnapshotCodec.CurrentFormatVersion;
            _current.DeliveredMicrosteps = deliveredMicrosteps;
            _current.DeliveredIsExact = exact;
            _current.VolumeDeliveredNl = volumeNl;
            int length = PumpSnapshotCodec.Encode(_current, _payload, 0);
            bool ok = _record.TryWrite(PumpSnapshotCodec.CurrentFormatVersion, _payload, 0, length);
            if (!ok)
            {
                _current.DeliveredMicrosteps = _ledger.ReservedMicrosteps;
                _current.DeliveredIsExact = _ledger.IsExact;
                _current.VolumeDeliveredNl = _ledger.VolumeDeliveredNl;
                _current.DeliveryActive = _ledger.IsDeliveryActive;
            }

            return ok;
        }
    }
}
