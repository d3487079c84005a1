using Pump.Core.Common;
using Pump.Hal;

namespace Pump.Core.Persistence
{
    /// <summary>
    /// The non-volatile event log (PER-008..PER-010): a ring of fixed-size entries, each carrying its own
    /// sequence number and CRC-32, so a write cut by power loss damages only the entry being written.
    /// Entry layout (48 bytes, little-endian): sequence u32, boot count u32, UTC seconds i64 (-1 = RTC
    /// not valid), monotonic ms i64, code i32, priority u8, category u8, entry version u8, 0 u8,
    /// arg0 i32, arg1 i32, 0 u32, CRC-32 of bytes 0..43. Entry with sequence s lives at index (s-1) mod capacity.
    /// At power-up <see cref="Recover"/> finds the newest valid entry by sequence and reports a torn
    /// last entry ("REPAIRING LOG"); appending then continues after it. Appends allocate nothing.
    /// </summary>
    public sealed class EventLog
    {
        public const int EntryVersion = 1;
        private const int CrcOffset = 44;
        private const int ChunkEntries = 4;

        private readonly INonVolatileStore _store;
        private readonly IMonotonicClock _clock;
        private readonly IRealTimeClock _rtc;
        private readonly int _baseAddress;
        private readonly int _capacity;
        private readonly byte[] _entry = new byte[StoreLayout.EventLogEntryBytes];
        private readonly byte[] _chunk = new byte[StoreLayout.EventLogEntryBytes * ChunkEntries];
        private readonly LogRecoveryReport _recovery = new LogRecoveryReport();
        private long _newest;
        private long _newestBootCount;
        private long _bootCount;
        private bool _recovered;
        private int _writeFailures;

        /// <summary>The log in its <see cref="StoreLayout"/> region.</summary>
        public EventLog(INonVolatileStore store, IMonotonicClock clock, IRealTimeClock rtc)
            : this(store, clock, rtc, StoreLayout.EventLogAddress, StoreLayout.EventLogCapacityEntries)
        {
        }

        /// <summary>A log at another address or with another capacity (tests).</summary>
        public EventLog(INonVolatileStore store, IMonotonicClock clock, IRealTimeClock rtc, int baseAddress, int capacityEntries)
        {
            _store = store;
            _clock = clock;
            _rtc = rtc;
            _baseAddress = baseAddress;
            _capacity = capacityEntries;
        }

        public int CapacityEntries => _capacity;

        /// <summary>Sequence of the newest valid entry (0 when empty).</summary>
        public long NewestSequence => _newest;

        /// <summary>Oldest sequence the ring can still hold (entries below it were overwritten).</summary>
        public long OldestRetainedSequence => _newest >= _capacity ? _newest - _capacity + 1 : 1;

        /// <summary>Boot count stored in the newest valid entry at recovery (0 when empty).</summary>
        public long NewestEntryBootCount => _newestBootCount;

        /// <summary>Boot count stamped on appended entries; set once at power-up.</summary>
        public long BootCount
        {
            get { return _bootCount; }
            set { _bootCount = value; }
        }

        public LogRecoveryReport RecoveryReport => _recovery;

        /// <summary>Appends that failed since power-up (each one is a technical alarm).</summary>
        public int WriteFailureCount => _writeFailures;

        private int AddressOfIndex(int index)
        {
            return _baseAddress + index * StoreLayout.EventLogEntryBytes;
        }

        private int IndexOf(long sequence)
        {
            return (int)((sequence - 1) % _capacity);
        }

        /// <summary>
        /// Scans every entry: finds the newest valid sequence and classifies the rest. Call once at
        /// power-up before appending (an append without it recovers first). Never throws.
        /// </summary>
        public LogRecoveryReport Recover()
        {
            _recovery.Clear();
            _newest = 0;
            _newestBootCount = 0;
            int damagedAtNext = -1;
            // Pass 1: newest valid sequence. Damaged indexes are counted and the one at the next position
            // is identified in pass 2 (the next position is only known once the newest is).
            for (int first = 0; first < _capacity; first += ChunkEntries)
            {
                int count = IntMath.Min(ChunkEntries, _capacity - first);
                if (!_store.TryRead(AddressOfIndex(first), _chunk, 0, count * StoreLayout.EventLogEntryBytes))
                {
                    _recovery.ReadFailed = true;
                    break;
                }

                for (int k = 0; k < count; k++)
                {
                    int status = Classify(_chunk, k * StoreLayout.EventLogEntryBytes, first + k);
                    if (status == SlotStatus.Valid)
                    {
                        _recovery.ValidEntries++;
                        long seq = LittleEndian.ReadUInt32(_chunk, k * StoreLayout.EventLogEntryBytes);
                        if (seq > _newest)
                        {
                            _newest = seq;
                            _newestBootCount = LittleEndian.ReadUInt32(_chunk, k * StoreLayout.EventLogEntryBytes + 4);
                        }
                    }
                    else if (status == SlotStatus.Empty)
                    {
                        _recovery.EmptyEntries++;
                    }
                    else
                    {
                        _recovery.DamagedEntries++;
                    }
                }
            }

            if (!_recovery.ReadFailed && _recovery.DamagedEntries > 0)
            {
                int next = IndexOf(_newest + 1);
                if (_store.TryRead(AddressOfIndex(next), _entry, 0, StoreLayout.EventLogEntryBytes))
                {
                    damagedAtNext = SlotStatus.IsDamage(Classify(_entry, 0, next)) ? next : -1;
                }
            }

            if (damagedAtNext >= 0)
            {
                _recovery.TornEntryDetected = true;
                _recovery.LostSequence = _newest + 1;
                _recovery.DamagedEntries--;
            }

            _recovery.NewestSequence = _newest;
            _recovered = !_recovery.ReadFailed;
            return _recovery;
        }

        /// <summary>Status of the entry bytes at buffer[offset..] found at ring index.</summary>
        private int Classify(byte[] buffer, int offset, int index)
        {
            byte fill = buffer[offset];
            if (fill == 0x00 || fill == 0xFF)
            {
                bool uniform = true;
                for (int i = 1; i < StoreLayout.EventLogEntryBytes && uniform; i++)
                {
                    uniform = buffer[offset + i] == fill;
                }

                if (uniform)
                {
                    return SlotStatus.Empty;
                }
            }

            uint crc = Crc32.Compute(buffer, offset, CrcOffset);
            if (crc != LittleEndian.ReadUInt32(buffer, offset + CrcOffset))
            {
                return SlotStatus.BadCrc;
            }

            if (buffer[offset + 30] != EntryVersion)
            {
                return SlotStatus.UnsupportedVersion;
            }

            long seq = LittleEndian.ReadUInt32(buffer, offset);
            if (seq == 0 || IndexOf(seq) != index)
            {
                return SlotStatus.Inconsistent;
            }

            return SlotStatus.Valid;
        }

        /// <summary>
        /// Appends one entry stamped with the RTC (when valid), the monotonic clock and the boot count,
        /// and verifies it by reading it back. False on a store failure: the controller raises a
        /// technical alarm; the next append retries the same position. Allocates nothing.
        /// </summary>
        public bool Append(int code, int priority, int category, int arg0, int arg1)
        {
            if (!_recovered)
            {
                Recover();
                if (!_recovered)
                {
                    _writeFailures++;
                    return false;
                }
            }

            long utc;
            if (!_rtc.TryReadUtcSeconds(out utc) || utc < 0)
            {
                utc = -1;
            }

            long sequence = _newest + 1;
            if (sequence > uint.MaxValue)
            {
                // 4 billion entries: never reached in a device's life; refuse rather than wrap.
                _writeFailures++;
                return false;
            }

            LittleEndian.WriteUInt32(_entry, 0, (uint)sequence);
            LittleEndian.WriteUInt32(_entry, 4, (uint)(_bootCount & 0xFFFFFFFF));
            LittleEndian.WriteInt64(_entry, 8, utc);
            LittleEndian.WriteInt64(_entry, 16, _clock.NowUs / 1000);
            LittleEndian.WriteInt32(_entry, 24, code);
            _entry[28] = (byte)(priority & 0xFF);
            _entry[29] = (byte)(category & 0xFF);
            _entry[30] = EntryVersion;
            _entry[31] = 0;
            LittleEndian.WriteInt32(_entry, 32, arg0);
            LittleEndian.WriteInt32(_entry, 36, arg1);
            LittleEndian.WriteUInt32(_entry, 40, 0);
            LittleEndian.WriteUInt32(_entry, CrcOffset, Crc32.Compute(_entry, 0, CrcOffset));

            int index = IndexOf(sequence);
            int address = AddressOfIndex(index);
            if (!_store.TryWrite(address, _entry, 0, StoreLayout.EventLogEntryBytes)
                || !_store.TryRead(address, _chunk, 0, StoreLayout.EventLogEntryBytes)
                || Classify(_chunk, 0, index) != SlotStatus.Valid
                || LittleEndian.ReadUInt32(_chunk, 0) != (uint)sequence)
            {
                _writeFailures++;
                return false;
            }

            _newest = sequence;
            return true;
        }

        /// <summary>Reads the entry with this sequence. False when it was overwritten, never written or damaged.</summary>
        public bool TryReadEntry(long sequence, EventLogEntry into)
        {
            if (sequence < OldestRetainedSequence || sequence > _newest || sequence < 1)
            {
                return false;
            }

            int index = IndexOf(sequence);
            if (!_store.TryRead(AddressOfIndex(index), _entry, 0, StoreLayout.EventLogEntryBytes)
                || Classify(_entry, 0, index) != SlotStatus.Valid
                || LittleEndian.ReadUInt32(_entry, 0) != (uint)sequence)
            {
                return false;
            }

            into.Sequence = sequence;
            into.BootCount = LittleEndian.ReadUInt32(_entry, 4);
            into.UtcSeconds = LittleEndian.ReadInt64(_entry, 8);
            into.MonotonicMs = LittleEndian.ReadInt64(_entry, 16);
            into.Code = LittleEndian.ReadInt32(_entry, 24);
            into.Priority = _entry[28];
            into.Category = _entry[29];
            into.Arg0 = LittleEndian.ReadInt32(_entry, 32);
            into.Arg1 = LittleEndian.ReadInt32(_entry, 36);
            return true;
        }

        /// <summary>
        /// Fills into[offset..] with up to maxCount valid entries, newest first, starting at
        /// fromSequence (0 = the newest). Damaged entries are skipped. Returns how many were filled;
        /// continueFrom is the sequence to pass for the next page (0 when the log is exhausted).
        /// </summary>
        public int ReadNewestFirst(long fromSequence, EventLogEntry[] into, int offset, int maxCount, out long continueFrom)
        {
            long seq = fromSequence <= 0 || fromSequence > _newest ? _newest : fromSequence;
            long oldest = OldestRetainedSequence;
            int filled = 0;
            while (seq >= oldest && seq >= 1 && filled < maxCount && offset + filled < into.Length)
            {
                if (TryReadEntry(seq, into[offset + filled]))
                {
                    filled++;
                }

                seq--;
            }

            continueFrom = seq >= oldest && seq >= 1 ? seq : 0;
            return filled;
        }
    }
}
