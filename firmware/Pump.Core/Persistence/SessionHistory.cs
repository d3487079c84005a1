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
        private readonly byte[] _payload = new byte[HeaderBytes + MaxSessions * SessionBytes];
        private readonly long[] _start = new long[MaxSessions];
        private readonly long[] _doseUg = new long[MaxSessions];
        private readonly int[] _drug = new int[MaxSessions];
        private readonly bool[] _final = new bool[MaxSessions];
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

                _start[i] = start;
                _doseUg[i] = dose;
                _drug[i] = LittleEndian.ReadInt32(_payload, at + 16);
                _final[i] = (flags & 1) != 0;
            }

            _count = count;
            return true;
        }

        private bool Save()
        {
            LittleEndian.WriteInt32(_payload, 0, _count);
            for (int i = 0; i < _count; i++)
            {
                int at = HeaderBytes + i * SessionBytes;
                LittleEndian.WriteInt64(_payload, at, _start[i]);
                LittleEndian.WriteInt64(_payload, at + 8, _doseUg[i]);
                LittleEndian.WriteInt32(_payload, at + 16, _drug[i]);
                LittleEndian.WriteInt32(_payload, at + 20, _final[i] ? 1 : 0);
            }

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
            long oldStart = _start[0];
            long oldDose = _doseUg[0];
            int oldDrug = _drug[0];
            bool oldFinal = _final[0];
            if (dropped)
            {
                ShiftOut();
            }

            _start[_count] = startUtcSeconds;
            _doseUg[_count] = programmedDoseUg;
            _drug[_count] = drugId;
            _final[_count] = false;
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
                _start[i - 1] = _start[i];
                _doseUg[i - 1] = _doseUg[i];
                _drug[i - 1] = _drug[i];
                _final[i - 1] = _final[i];
            }

            _count--;
        }

        private void ShiftIn(long start, long dose, int drug, bool final)
        {
            for (int i = _count; i > 0; i--)
            {
                _start[i] = _start[i - 1];
                _doseUg[i] = _doseUg[i - 1];
                _drug[i] = _drug[i - 1];
                _final[i] = _final[i - 1];
            }

            _start[0] = start;
            _doseUg[0] = dose;
            _drug[0] = drug;
            _final[0] = final;
            _count++;
        }

        /// <summary>Records the final delivered dose of the newest session (from the counted microsteps, or
        /// the recovered upper bound after a power cut). False when there is no open session or the write fails.</summary>
        public bool TryFinishSession(long deliveredUg)
        {
            if (_count == 0 || deliveredUg < 0 || _final[_count - 1])
            {
                return false;
            }

            int last = _count - 1;
            long oldDose = _doseUg[last];
            _doseUg[last] = deliveredUg;
            _final[last] = true;
            if (Save())
            {
                return true;
            }

            _doseUg[last] = oldDose;
            _final[last] = false;
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
            into.StartUtcSeconds = _start[i];
            into.DeliveredUg = _doseUg[i];
            into.DrugId = _drug[i];
            into.Final = _final[i];
            return true;
        }

        /// <summary>Start of the most recent session of the drug (the latest start time, whatever the order of recording).</summary>
        public bool TryGetLastSessionStart(int drugId, out long startUtcSeconds)
        {
            startUtcSeconds = -1;
            for (int i = 0; i < _count; i++)
            {
                if (_drug[i] == drugId && _start[i] > startUtcSeconds)
                {
                    startUtcSeconds = _start[i];
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
                if (_drug[i] == drugId && _start[i] > from && _start[i] <= nowUtcSeconds)
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

        /// <summary>
        /// Whether a new session of the drug may start now (HIS-003..HIS-006). rtcValid and nowUtcSeconds come
        /// from <see cref="IRealTimeClock.TryReadUtcSeconds"/>. Verdicts: Allowed; SoftNeedsConfirmation (value
        /// and limit in the result; the confirmation must be logged); HardRefused; CannotVerify (no valid
        /// RTC, unreadable history, or a recorded session later than now: refused like a hard limit).
        /// Builds a message string: call when the clinician asks to start, never per tick.
        /// </summary>
        public void CheckSessionSpacing(int drugId, bool rtcValid, long nowUtcSeconds, SessionSpacingLimits limits, SpacingCheckResult result)
        {
            result.Clear();
            if (!_trusted)
            {
                Refuse(result, SpacingVerdict.CannotVerify, "Cannot verify session spacing: session history unreadable. Start refused.");
                return;
            }

            if (!rtcValid || nowUtcSeconds < 0)
            {
                Refuse(result, SpacingVerdict.CannotVerify, "Cannot verify session spacing: clock not set. Set the clock; start refused.");
                return;
            }

            long last;
            if (TryGetLastSessionStart(drugId, out last))
            {
                long since = nowUtcSeconds - last;
                result.SecondsSinceLastSession = since;
                if (since < 0)
                {
                    Refuse(result, SpacingVerdict.CannotVerify, "Cannot verify session spacing: clock is earlier than the last recorded session. Check the clock; start refused.");
                    return;
                }

                if (limits.HardMinIntervalSeconds > 0 && since < limits.HardMinIntervalSeconds)
                {
                    result.IntervalLimitSeconds = limits.HardMinIntervalSeconds;
                    Refuse(result, SpacingVerdict.HardRefused, "Last session " + Duration(since) + " ago; minimum interval is "
                        + Duration(limits.HardMinIntervalSeconds) + ". Start refused.");
                    return;
                }

                if (limits.SoftMinIntervalSeconds > 0 && since < limits.SoftMinIntervalSeconds)
                {
                    result.IntervalLimitSeconds = limits.SoftMinIntervalSeconds;
                    result.SoftInterval = true;
                }
            }

            if (limits.WindowSeconds > 0)
            {
                int inWindow = CountSessionsInWindow(drugId, nowUtcSeconds, limits.WindowSeconds);
                result.SessionsInWindow = inWindow;
                if (limits.HardMaxSessionsInWindow > 0 && inWindow >= limits.HardMaxSessionsInWindow)
                {
                    result.SessionsLimit = limits.HardMaxSessionsInWindow;
                    Refuse(result, SpacingVerdict.HardRefused, inWindow.ToString() + " sessions in the last " + Duration(limits.WindowSeconds)
                        + "; maximum is " + limits.HardMaxSessionsInWindow.ToString() + ". Start refused.");
                    return;
                }

                if (limits.SoftMaxSessionsInWindow > 0 && inWindow >= limits.SoftMaxSessionsInWindow)
                {
                    result.SessionsLimit = limits.SoftMaxSessionsInWindow;
                    result.SoftCount = true;
                }
            }

            if (!result.SoftInterval && !result.SoftCount)
            {
                result.Verdict = SpacingVerdict.Allowed;
                result.Message = result.SecondsSinceLastSession < 0
                    ? "No previous session recorded."
                    : "Last session " + Duration(result.SecondsSinceLastSession) + " ago.";
                return;
            }

            result.Verdict = SpacingVerdict.SoftNeedsConfirmation;
            string text = "";
            if (result.SoftInterval)
            {
                text = "Last session " + Duration(result.SecondsSinceLastSession) + " ago; recommended minimum "
                    + Duration(result.IntervalLimitSeconds) + ". ";
            }

            if (result.SoftCount)
            {
                text = text + result.SessionsInWindow.ToString() + " sessions in the last " + Duration(limits.WindowSeconds)
                    + "; recommended maximum " + result.SessionsLimit.ToString() + ". ";
            }

            result.Message = text + "Confirm to start.";
        }

        private static void Refuse(SpacingCheckResult result, int verdict, string message)
        {
            result.Verdict = verdict;
            result.Message = message;
        }

        /// <summary>"3 d 4 h", "20 h", "19 h 59 min", "12 min": whole units, rounded down.</summary>
        public static string Duration(long seconds)
        {
            if (seconds < 0)
            {
                seconds = 0;
            }

            long days = seconds / SessionSpacingLimits.SecondsPerDay;
            long hours = (seconds % SessionSpacingLimits.SecondsPerDay) / SessionSpacingLimits.SecondsPerHour;
            long minutes = (seconds % SessionSpacingLimits.SecondsPerHour) / 60;
            if (days > 0)
            {
                return hours > 0 ? days.ToString() + " d " + hours.ToString() + " h" : days.ToString() + " d";
            }

            if (hours > 0)
            {
                return minutes > 0 ? hours.ToString() + " h " + minutes.ToString() + " min" : hours.ToString() + " h";
            }

            return minutes.ToString() + " min";
        }
    }
}
