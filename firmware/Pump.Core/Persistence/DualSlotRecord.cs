using Pump.Core.Common;
using Pump.Hal;

namespace Pump.Core.Persistence
{
    /// <summary>
    /// One record kept in two slots so that a write cut by power loss never destroys the last good
    /// copy (PER-002). Slot layout (little-endian): magic u32, format version u16, payload length u16,
    /// sequence i64, payload, CRC-32 of everything before it.
    /// A write goes to the slot NOT holding the newest valid copy, as three store writes (header,
    /// payload, CRC) so no copy of the payload is needed; until the CRC lands the slot cannot validate.
    /// The write is read back and checked before it counts. A load picks the valid slot with the
    /// highest sequence and reports each slot's status (PER-003); damaged bytes are never used and
    /// nothing here throws.
    /// </summary>
    public sealed class DualSlotRecord
    {
        private const int ScratchBytes = 64;

        private readonly INonVolatileStore _store;
        private readonly int _baseAddress;
        private readonly int _slotBytes;
        private readonly uint _magic;
        private readonly int _minVersion;
        private readonly int _maxVersion;
        private readonly byte[] _header = new byte[StoreLayout.RecordHeaderBytes];
        private readonly byte[] _trailer = new byte[StoreLayout.RecordTrailerBytes];
        private readonly byte[] _scratch = new byte[ScratchBytes];
        private readonly RecordReadReport _scanReport = new RecordReadReport();

        private bool _scanned;
        private int _nextSlot;
        private long _lastSequence;

        /// <param name="store">The non-volatile region.</param>
        /// <param name="baseAddress">Address of slot 0; slot 1 follows at baseAddress + slotBytes.</param>
        /// <param name="slotBytes">Bytes per slot, header and CRC included.</param>
        /// <param name="magic">Identifies this record kind.</param>
        /// <param name="minVersion">Oldest payload format version this firmware reads.</param>
        /// <param name="maxVersion">Newest payload format version this firmware reads.</param>
        public DualSlotRecord(INonVolatileStore store, int baseAddress, int slotBytes, uint magic, int minVersion, int maxVersion)
        {
            _store = store;
            _baseAddress = baseAddress;
            _slotBytes = slotBytes;
            _magic = magic;
            _minVersion = minVersion;
            _maxVersion = maxVersion;
        }

        /// <summary>Largest payload a slot holds.</summary>
        public int MaxPayloadBytes => _slotBytes - StoreLayout.RecordOverheadBytes;

        /// <summary>Sequence of the newest copy known valid (0 before the first write).</summary>
        public long LastSequence => _lastSequence;

        /// <summary>Slot the next write goes to.</summary>
        public int NextSlot => _nextSlot;

        private int SlotAddress(int slot)
        {
            return _baseAddress + slot * _slotBytes;
        }

        /// <summary>
        /// Loads the newest valid copy into payload[offset..]. Returns false, with the reasons in
        /// report, when no slot is valid or the buffer cannot hold the payload.
        /// </summary>
        public bool TryLoad(byte[] payload, int offset, RecordReadReport report)
        {
            Scan(report);
            if (!report.Found)
            {
                return false;
            }

            return TryLoadSlot(report.SelectedSlot, payload, offset, report);
        }

        /// <summary>
        /// Loads one particular slot that the last <see cref="Scan"/> found valid (used when the newest
        /// copy is CRC-valid but its owner's codec rejects it, so the older copy is the fallback).
        /// On success report.SelectedSlot is that slot and the next write overwrites the other slot,
        /// with a sequence above both.
        /// </summary>
        public bool TryLoadSlot(int slot, byte[] payload, int offset, RecordReadReport report)
        {
            if ((slot != 0 && slot != 1) || report.StatusOf(slot) != SlotStatus.Valid)
            {
                report.SelectedSlot = -1;
                return false;
            }

            report.SelectedSlot = slot;
            int address = SlotAddress(slot);
            // Re-read and re-check the bytes actually handed out.
            if (!_store.TryRead(address, _header, 0, StoreLayout.RecordHeaderBytes))
            {
                MarkSelectedFailed(report, SlotStatus.ReadError);
                return false;
            }

            int length = LittleEndian.ReadUInt16(_header, 6);
            if (length > MaxPayloadBytes || payload == null || offset < 0 || payload.Length - offset < length)
            {
                MarkSelectedFailed(report, SlotStatus.BadLength);
                return false;
            }

            if (!_store.TryRead(address + StoreLayout.RecordHeaderBytes, payload, offset, length)
                || !_store.TryRead(address + StoreLayout.RecordHeaderBytes + length, _trailer, 0, StoreLayout.RecordTrailerBytes))
            {
                MarkSelectedFailed(report, SlotStatus.ReadError);
                return false;
            }

            uint crc = Crc32.Update(Crc32.Start, _header, 0, StoreLayout.RecordHeaderBytes);
            crc = Crc32.Finish(Crc32.Update(crc, payload, offset, length));
            if (crc != LittleEndian.ReadUInt32(_trailer, 0)
                || LittleEndian.ReadUInt32(_header, 0) != _magic
                || LittleEndian.ReadInt64(_header, 8) != (slot == 0 ? report.Slot0Sequence : report.Slot1Sequence))
            {
                MarkSelectedFailed(report, SlotStatus.Inconsistent);
                return false;
            }

            report.PayloadLength = length;
            report.FormatVersion = LittleEndian.ReadUInt16(_header, 4);
            _nextSlot = 1 - slot;
            return true;
        }

        private void MarkSelectedFailed(RecordReadReport report, int status)
        {
            if (report.SelectedSlot == 0)
            {
                report.Slot0Status = status;
            }
            else
            {
                report.Slot1Status = status;
            }

            report.SelectedSlot = -1;
        }

        /// <summary>
        /// Validates both slots without copying a payload out, fills report and sets where the next
        /// write goes. Called by <see cref="TryLoad"/>, and by the first write if no load came first.
        /// </summary>
        public void Scan(RecordReadReport report)
        {
            report.Clear();
            long seq0;
            long seq1;
            int len0;
            int len1;
            int ver0;
            int ver1;
            report.Slot0Status = ValidateSlot(0, out seq0, out len0, out ver0);
            report.Slot1Status = ValidateSlot(1, out seq1, out len1, out ver1);
            report.Slot0Sequence = seq0;
            report.Slot1Sequence = seq1;

            bool ok0 = report.Slot0Status == SlotStatus.Valid;
            bool ok1 = report.Slot1Status == SlotStatus.Valid;
            if (ok0 && (!ok1 || seq0 >= seq1))
            {
                report.SelectedSlot = 0;
                report.PayloadLength = len0;
                report.FormatVersion = ver0;
            }
            else if (ok1)
            {
                report.SelectedSlot = 1;
                report.PayloadLength = len1;
                report.FormatVersion = ver1;
            }

            if (report.SelectedSlot >= 0)
            {
                // The selected copy has the highest valid sequence; the next write takes the other slot.
                _lastSequence = report.SelectedSlot == 0 ? seq0 : seq1;
                _nextSlot = 1 - report.SelectedSlot;
            }
            else
            {
                _lastSequence = 0;
                _nextSlot = 0;
            }

            _scanned = true;
        }

        private int ValidateSlot(int slot, out long sequence, out int length, out int version)
        {
            sequence = 0;
            length = 0;
            version = 0;
            int address = SlotAddress(slot);
            if (!_store.TryRead(address, _header, 0, StoreLayout.RecordHeaderBytes))
            {
                return SlotStatus.ReadError;
            }

            if (LittleEndian.ReadUInt32(_header, 0) != _magic)
            {
                int fill;
                if (IsUniform(_header, 0, StoreLayout.RecordHeaderBytes, out fill))
                {
                    int rest;
                    if (!TryCheckUniform(address, _slotBytes, (byte)fill, out rest))
                    {
                        return SlotStatus.ReadError;
                    }

                    if (rest == 1)
                    {
                        return SlotStatus.Empty;
                    }
                }

                return SlotStatus.BadMagic;
            }

            version = LittleEndian.ReadUInt16(_header, 4);
            length = LittleEndian.ReadUInt16(_header, 6);
            sequence = LittleEndian.ReadInt64(_header, 8);
            if (length > MaxPayloadBytes)
            {
                return SlotStatus.BadLength;
            }

            uint crc = Crc32.Update(Crc32.Start, _header, 0, StoreLayout.RecordHeaderBytes);
            int done = 0;
            while (done < length)
            {
                int chunk = IntMath.Min(ScratchBytes, length - done);
                if (!_store.TryRead(address + StoreLayout.RecordHeaderBytes + done, _scratch, 0, chunk))
                {
                    return SlotStatus.ReadError;
                }

                crc = Crc32.Update(crc, _scratch, 0, chunk);
                done += chunk;
            }

            if (!_store.TryRead(address + StoreLayout.RecordHeaderBytes + length, _trailer, 0, StoreLayout.RecordTrailerBytes))
            {
                return SlotStatus.ReadError;
            }

            if (Crc32.Finish(crc) != LittleEndian.ReadUInt32(_trailer, 0))
            {
                return SlotStatus.BadCrc;
            }

            if (version < _minVersion || version > _maxVersion)
            {
                return SlotStatus.UnsupportedVersion;
            }

            if (sequence <= 0)
            {
                return SlotStatus.Inconsistent;
            }

            return SlotStatus.Valid;
        }

        private static bool IsUniform(byte[] buffer, int offset, int count, out int fill)
        {
            fill = buffer[offset];
            if (fill != 0x00 && fill != 0xFF)
            {
                return false;
            }

            for (int i = 1; i < count; i++)
            {
                if (buffer[offset + i] != fill)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>result = 1 when all count bytes at address equal fill, else 0. False on I/O error.</summary>
        private bool TryCheckUniform(int address, int count, byte fill, out int result)
        {
            result = 0;
            int done = 0;
            while (done < count)
            {
                int chunk = IntMath.Min(ScratchBytes, count - done);
                if (!_store.TryRead(address + done, _scratch, 0, chunk))
                {
                    return false;
                }

                for (int i = 0; i < chunk; i++)
                {
                    if (_scratch[i] != fill)
                    {
                        return true;
                    }
                }

                done += chunk;
            }

            result = 1;
            return true;
        }

        /// <summary>
        /// Writes payload[offset..offset+count) as the new newest copy, durably, and verifies it by
        /// reading it back. Returns false (and the previous copy stays the newest valid one) on bad
        /// arguments, an I/O error or a failed verification. Allocates nothing.
        /// </summary>
        public bool TryWrite(int formatVersion, byte[] payload, int offset, int count)
        {
            if (payload == null || offset < 0 || count < 0 || count > MaxPayloadBytes
                || payload.Length - offset < count || formatVersion < 0 || formatVersion > 0xFFFF)
            {
                return false;
            }

            if (!_scanned)
            {
                Scan(_scanReport);
            }

            int slot = _nextSlot;
            long sequence = _lastSequence + 1;
            int address = SlotAddress(slot);
            LittleEndian.WriteUInt32(_header, 0, _magic);
            LittleEndian.WriteUInt16(_header, 4, formatVersion);
            LittleEndian.WriteUInt16(_header, 6, count);
            LittleEndian.WriteInt64(_header, 8, sequence);
            uint crc = Crc32.Update(Crc32.Start, _header, 0, StoreLayout.RecordHeaderBytes);
            crc = Crc32.Finish(Crc32.Update(crc, payload, offset, count));
            LittleEndian.WriteUInt32(_trailer, 0, crc);

            if (!_store.TryWrite(address, _header, 0, StoreLayout.RecordHeaderBytes)
                || !_store.TryWrite(address + StoreLayout.RecordHeaderBytes, payload, offset, count)
                || !_store.TryWrite(address + StoreLayout.RecordHeaderBytes + count, _trailer, 0, StoreLayout.RecordTrailerBytes))
            {
                return false;
            }

            long readSequence;
            int readLength;
            int readVersion;
            if (ValidateSlot(slot, out readSequence, out readLength, out readVersion) != SlotStatus.Valid
                || readSequence != sequence || readLength != count)
            {
                return false;
            }

            _lastSequence = sequence;
            _nextSlot = 1 - slot;
            return true;
        }
    }
}
