using Pump.Core.Persistence;
using Pump.Hal;

namespace Pump.Core.Link
{
    /// <summary>
    /// Replay protection that survives a pump reset (LNK-017): a persisted high-water mark per pairing, written
    /// ahead of use. Before the parser accepts a frame past the last reservation it stores
    /// (boot, sequence + <see cref="ReservationFrames"/> - 1), covering this frame and the next N - 1; after a reset only a newer boot, or the same boot with
    /// a sequence above that reservation, is accepted, so no frame the pump may have used before the reset is
    /// accepted again. Flash is written about once per <see cref="ReservationFrames"/> frames. A reservation that
    /// cannot be written refuses the frame (the lease lapses). A floor record whose key check or monitor differs
    /// from the current pairing predates it (the key record is always written first), so it counts as no floor;
    /// a floor record that is damaged in both slots refuses every frame until the key is set again.
    /// Record (format 1, two CRC slots at <see cref="StoreLayout.ReplayFloorAddress"/>): monitor id u32,
    /// key check u32, boot u32, reserved sequence u32. Without <see cref="Attach"/> the floor is RAM only (tests).
    /// </summary>
    public sealed class ReplayFloor
    {
        /// <summary>
        /// Frames reserved per flash write. At one frame a second: one write per 16 s, and after a reset the live
        /// sender's frames are accepted again within 16 frames of the last one accepted (hardware-docs/monitor-link.md).
        /// </summary>
        public const int ReservationFrames = 16;

        public const int FormatVersion = 1;
        public const int PayloadBytes = 16;

        private readonly byte[] _buffer = new byte[PayloadBytes];
        private readonly RecordReadReport _report = new RecordReadReport();
        private DualSlotRecord? _record;
        private uint _monitorId;
        private uint _keyCheck;
        private bool _haveFloor;
        private uint _floorBoot;
        private uint _floorSequence;
        private bool _haveReservation;
        private uint _reservedBoot;
        private uint _reservedSequence;
        private bool _damaged;
        private int _writes;

        /// <summary>True when reservations are persisted.</summary>
        public bool Persistent => _record != null;

        /// <summary>Both stored copies damaged: every frame is refused until the key is set again.</summary>
        public bool Damaged => _damaged;

        /// <summary>The floor loaded at power-up: frames at or below it are refused.</summary>
        public bool HasFloor => _haveFloor;

        public uint FloorBoot => _floorBoot;

        public uint FloorSequence => _floorSequence;

        /// <summary>The newest reservation written in this run.</summary>
        public uint ReservedBoot => _reservedBoot;

        public uint ReservedSequence => _reservedSequence;

        /// <summary>Reservations written since power-up.</summary>
        public int Writes => _writes;

        /// <summary>Forgets everything (a new pairing): RAM only until the next <see cref="Attach"/>.</summary>
        public void Reset()
        {
            _record = null;
            _haveFloor = false;
            _haveReservation = false;
            _damaged = false;
            _floorBoot = 0;
            _floorSequence = 0;
            _reservedBoot = 0;
            _reservedSequence = 0;
            _writes = 0;
        }

        /// <summary>
        /// Binds the floor to the store and the pairing (monitor id and key check) and loads the stored mark.
        /// Returns false when both copies are damaged (then <see cref="Damaged"/> refuses every frame).
        /// </summary>
        public bool Attach(INonVolatileStore store, uint monitorId, uint keyCheck)
        {
            Reset();
            _monitorId = monitorId;
            _keyCheck = keyCheck;
            _record = new DualSlotRecord(store, StoreLayout.ReplayFloorAddress, StoreLayout.ReplayFloorSlotBytes,
                StoreLayout.ReplayFloorMagic, FormatVersion, FormatVersion);
            if (!_record.TryLoad(_buffer, 0, _report))
            {
                bool empty = _report.Slot0Status == SlotStatus.Empty && _report.Slot1Status == SlotStatus.Empty;
                _damaged = !empty;
                return empty;
            }

            if (_report.PayloadLength != PayloadBytes)
            {
                _damaged = true;
                return false;
            }

            if (LittleEndian.ReadUInt32(_buffer, 0) != monitorId || LittleEndian.ReadUInt32(_buffer, 4) != keyCheck)
            {
                return true; // written for an earlier key: nothing was accepted under this one yet
            }

            _haveFloor = true;
            _floorBoot = LittleEndian.ReadUInt32(_buffer, 8);
            _floorSequence = LittleEndian.ReadUInt32(_buffer, 12);
            _haveReservation = true;
            _reservedBoot = _floorBoot;
            _reservedSequence = _floorSequence;
            return true;
        }

        /// <summary>Writes a fresh floor (no frame accepted yet) for a newly set key. False if it did not verify.</summary>
        public static bool TryWriteFresh(INonVolatileStore store, uint monitorId, uint keyCheck)
        {
            DualSlotRecord record = new DualSlotRecord(store, StoreLayout.ReplayFloorAddress, StoreLayout.ReplayFloorSlotBytes,
                StoreLayout.ReplayFloorMagic, FormatVersion, FormatVersion);
            byte[] payload = new byte[PayloadBytes];
            Encode(payload, monitorId, keyCheck, 0, 0);
            return record.TryWrite(FormatVersion, payload, 0, PayloadBytes);
        }

        private static void Encode(byte[] buffer, uint monitorId, uint keyCheck, uint boot, uint sequence)
        {
            LittleEndian.WriteUInt32(buffer, 0, monitorId);
            LittleEndian.WriteUInt32(buffer, 4, keyCheck);
            LittleEndian.WriteUInt32(buffer, 8, boot);
            LittleEndian.WriteUInt32(buffer, 12, sequence);
        }

        /// <summary>None when (boot, sequence) lies above the power-up floor; else Replay (older boot), BelowFloor (same boot), or ReplayGuardFault when damaged.</summary>
        public FrameResult Check(uint boot, uint sequence)
        {
            if (_damaged)
            {
                return FrameResult.ReplayGuardFault;
            }

            if (_haveFloor && boot < _floorBoot)
            {
                return FrameResult.Replay; // an older boot: the live sender cannot come back to it
            }

            if (_haveFloor && boot == _floorBoot && sequence <= _floorSequence)
            {
                return FrameResult.BelowFloor; // the live sender passes it within ReservationFrames frames
            }

            return FrameResult.None;
        }

        /// <summary>
        /// Called just before a frame is accepted: when it lies past the last reservation, persists the next one.
        /// None when the frame is covered; ReplayGuardFault when the reservation did not verify (refuse the frame).
        /// Allocates nothing.
        /// </summary>
        public FrameResult Reserve(uint boot, uint sequence)
        {
            if (_damaged)
            {
                return FrameResult.ReplayGuardFault;
            }

            if (_record == null || (_haveReservation && boot == _reservedBoot && sequence <= _reservedSequence))
            {
                return FrameResult.None;
            }

            // This frame and the next ReservationFrames - 1: one write per ReservationFrames frames.
            uint reserved = sequence > 0xFFFFFFFFu - ReservationFrames ? 0xFFFFFFFFu : sequence + (ReservationFrames - 1);
            Encode(_buffer, _monitorId, _keyCheck, boot, reserved);
            if (!_record.TryWrite(FormatVersion, _buffer, 0, PayloadBytes))
            {
                return FrameResult.ReplayGuardFault;
            }

            _haveReservation = true;
            _reservedBoot = boot;
            _reservedSequence = reserved;
            _writes = _writes == int.MaxValue ? _writes : _writes + 1;
            return FrameResult.None;
        }
    }
}
