using Pump.Hal;

namespace Pump.Core.Persistence
{
    /// <summary>
    /// Recent sessions, persisted in a <see cref="DualSlotRecord"/> (HIS-001..HIS-006), for the spacing
    /// rules of a drug profile across power cycles. A session is recorded when its infusion starts,
    /// with the programmed dose as an upper bound of what it will deliver, so a power cut mid-session
    /// still counts it; the final dose replaces the bound when the session ends.
    /// Payload (little-endian): count i32, then per session oldest first: start UTC s i64,
    /// delivered µg i64, drug id i32, flags i32 (bit 0 = final). When full, the oldest is dropped.
    /// </summary>
    public sealed class SessionHistory
    {
        public const int FormatVersion = 1;

        /// <summary>Sessions kept. The hard 20 h minimum allows at most 9 sessions of one drug in 7 days,
        /// so 64 covers the window for several drugs.</summary>
        public const int MaxSessions = 64;

        private const int HeaderBytes = 4;
        private const int SessionBytes = 24;

        private readonly DualSlotRecord _record;
        // The payload is the only copy of the sessions (entry i at HeaderBytes + i * SessionBytes): parsed arrays
        // beside it cost 1.3 KB of the ESP32's heap (hardware-docs/on-target.md).
        private readonly byte[] _payload = new byte[HeaderBytes + MaxSessions * SessionBytes];
        private readonly RecordReadReport _loadReport = new RecordReadReport();
        private int _count;
        private bool _trusted;

        public SessionHistory(INonVolatileStore store)
        {
            _record = new DualSlotRecord(store, StoreLayout.SessionHistoryAddress, StoreLayout.SessionHistorySlotBytes,
                StoreLayout.SessionHistoryMagic, FormatVersion, FormatVersion);
        }

        /// <summary>Sessions held (oldest dropped beyond <see cref="MaxSessions"/>).</summary>
        public int Count => _count;

        /// <summary>True when the history is known: loaded from a valid slot, or the store never held one
        /// (both slots empty, a new pump). False after damage in both slots: spacing cannot be verified.</summary>
        public bool IsTrusted => _trusted;

        public RecordReadReport LoadReport => _loadReport;

        /// <summary>Loads the newest valid copy. False when none is valid; <see cref="IsTrusted"/> then
        /// tells a new, empty store (trusted) from damaged history (not trusted).</summary>
        public bool TryLoad()
        {
            _count = 0;
            bool ok = _record.TryLoad(_payload, 0, _loadReport) && Decode(_loadReport.PayloadLength);
            if (ok)
            {
                _trusted = true;
                return true;
            }

            _count = 0;
            _trusted = _loadReport.Slot0Status == SlotStatus.Empty && _loadReport.Slot1Status == SlotStatus.Empty;
            return false;
        }

        private bool Decode(int length)
        {
            if (length < HeaderBytes)
            {
                return false;
            }

            int count = LittleEndian.ReadInt32(_payload, 0);
            if (count < 0 || count > MaxSessions || length != HeaderBytes + count * SessionBytes)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                int at = HeaderBytes + i * SessionBytes;
                long start = LittleEndian.ReadInt64(_payload, at);
                long dose = LittleEndian.ReadInt64(_payload, at + 8);
                int flags = LittleEndian.ReadInt32(_payload, at + 20);
                if (start < 0 || dose < 0 || (flags & ~1) != 0)
                {
                    return false;
                }

            }

            _count = count;
            return true;
        }

        private bool Save()
        {
            LittleEndian.WriteInt32(_payload, 0, _count);
            return _record.TryWrite(FormatVersion, _payload, 0, HeaderBytes + _count * SessionBytes);
        }

        /// <summary>
        /// Records a session starting now (call before the first step is commanded). The dose stored is
        /// the programmed dose: an upper bound until <see cref="TryFinishSession"/>. Needs a valid RTC
        /// time (a drug with spacing limits never starts without one). False on a write failure or bad
        /// arguments; on false the in-memory history is unchanged.
        /// </summary>
        public bool TryBeginSession(int drugId, long startUtcSeconds, long programmedDoseUg)
        {
            if (startUtcSeconds < 0 || programmedDoseUg < 0 || !_trusted)
            {
                return false;
            }

            // Keep the dropped oldest entry so a failed write can be undone.
            bool dropped = _count == MaxSessions;
            long oldStart = Start(0);
            long oldDose = Dose(0);
            int oldDrug = Drug(0);
            bool oldFinal = IsFinal(0);
            if (dropped)
            {
                ShiftOut();
            }

            Set(_count, startUtcSeconds, programmedDoseUg, drugId, false);
            _count++;
            if (Save())
            {
                return true;
            }

            _count--;
            if (dropped)
            {
                ShiftIn(oldStart, oldDose, oldDrug, oldFinal);
            }

            return false;
        }

        private void ShiftOut()
        {
            for (int i = 1; i < _count; i++)
            {
                CopyEntry(i, i - 1);
            }

            _count--;
        }

        private void ShiftIn(long start, long dose, int drug, bool final)
        {
            for (int i = _count; i > 0; i--)
            {
                CopyEntry(i - 1, i);
            }

            Set(0, start, dose, drug, final);
            _count++;
        }

        private static int At(int i)
        {
            return HeaderBytes + i * SessionBytes;
        }

        private long Start(int i)
        {
            return LittleEndian.ReadInt64(_payload, At(i));
        }

        private long Dose(int i)
        {
            return LittleEndian.ReadInt64(_payload, At(i) + 8);
        }

        private int Drug(int i)
        {
            return LittleEndian.ReadInt32(_payload, At(i) + 16);
        }

        private bool IsFinal(int i)
        {
            return (LittleEndian.ReadInt32(_payload, At(i) + 20) & 1) != 0;
        }

        private void Set(int i, long start, long dose, int drug, bool final)
        {
            int at = At(i);
            LittleEndian.WriteInt64(_payload, at, start);
            LittleEndian.WriteInt64(_payload, at + 8, dose);
            LittleEndian.WriteInt32(_payload, at + 16, drug);
            LittleEndian.WriteInt32(_payload, at + 20, final ? 1 : 0);
        }

        private void CopyEntry(int from, int to)
        {
            int src = At(from);
            int dst = At(to);
            for (int b = 0; b < SessionBytes; b++)
            {
                _payload[dst + b] = _payload[src + b];
            }
        }

        /// <summary>Records the final delivered dose of the newest session (from the counted microsteps, or
        /// the recovered upper bound after a power cut). False when there is no open session or the write fails.</summary>
        public bool TryFinishSession(long deliveredUg)
        {
            if (_count == 0 || deliveredUg < 0 || IsFinal(_count - 1))
            {
                return false;
            }

            int last = _count - 1;
            long oldDose = Dose(last);
            long start = Start(last);
            int drug = Drug(last);
            Set(last, start, deliveredUg, drug, true);
            if (Save())
            {
                return true;
            }

            Set(last, start, oldDose, drug, false);
            return false;
        }

        /// <summary>Session at position newestFirstIndex (0 = newest). False when out of range.</summary>
        public bool TryGetSession(int newestFirstIndex, SessionRecord into)
        {
            if (newestFirstIndex < 0 || newestFirstIndex >= _count)
            {
                return false;
            }

            int i = _count - 1 - newestFirstIndex;
            into.StartUtcSeconds = Start(i);
            into.DeliveredUg = Dose(i);
            into.DrugId = Drug(i);
            into.Final = IsFinal(i);
            return true;
        }

        /// <summary>Start of the most recent session of the drug (the latest start time, whatever the order of recording).</summary>
        public bool TryGetLastSessionStart(int drugId, out long startUtcSeconds)
        {
            startUtcSeconds = -1;
            for (int i = 0; i < _count; i++)
            {
                if (Drug(i) == drugId && Start(i) > startUtcSeconds)
                {
                    startUtcSeconds = Start(i);
                }
            }

            return startUtcSeconds >= 0;
        }

        /// <summary>Time since the last session of the drug, in seconds. False when there was none.</summary>
        public bool TryGetSecondsSinceLastSession(int drugId, long nowUtcSeconds, out long seconds)
        {
            long last;
            seconds = -1;
            if (!TryGetLastSessionStart(drugId, out last))
            {
                return false;
            }

            seconds = nowUtcSeconds - last;
            return true;
        }

        /// <summary>Sessions of the drug that started after (nowUtc - windowSeconds) and not after nowUtc.</summary>
        public int CountSessionsInWindow(int drugId, long nowUtcSeconds, long windowSeconds)
        {
            int n = 0;
            long from = nowUtcSeconds - windowSeconds;
            for (int i = 0; i < _count; i++)
            {
                if (Drug(i) == drugId && Start(i) > from && Start(i) <= nowUtcSeconds)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>Sessions of the drug in the last days days.</summary>
        public int CountSessionsInLastDays(int drugId, long nowUtcSeconds, int days)
        {
            return CountSessionsInWindow(drugId, nowUtcSeconds, days * SessionSpacingLimits.SecondsPerDay);
        }

        /// <summary>Whether a new session of the drug may start now (HIS-003..HIS-006): see <see cref="SessionSpacingCheck"/>.</summary>
        public void CheckSessionSpacing(int drugId, bool rtcValid, long nowUtcSeconds, SessionSpacingLimits limits, SpacingCheckResult result)
        {
            SessionSpacingCheck.Run(this, drugId, rtcValid, nowUtcSeconds, limits, result);
        }
    }
}
