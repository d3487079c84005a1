using Pump.Hal;

namespace Pump.Core.Persistence
{
    /// <summary>
    /// The spacing rules of a drug profile over the recorded sessions (HIS-003..HIS-006): minimum interval and
    /// sessions per window, hard and soft, with the clinician's message; unverifiable means refused.
    /// </summary>
    public static class SessionSpacingCheck
    {
        /// <summary>
        /// Whether a new session of the drug may start now (HIS-003..HIS-006). rtcValid and nowUtcSeconds come
        /// from <see cref="IRealTimeClock.TryReadUtcSeconds"/>. Verdicts: Allowed; SoftNeedsConfirmation (value
        /// and limit in the result; the confirmation must be logged); HardRefused; CannotVerify (no valid
        /// RTC, unreadable history, or a recorded session later than now: refused like a hard limit).
        /// Builds a message string: call when the clinician asks to start, never per tick.
        /// </summary>
        public static void Run(SessionHistory history, int drugId, bool rtcValid, long nowUtcSeconds, SessionSpacingLimits limits, SpacingCheckResult result)
        {
            result.Clear();
            if (!history.IsTrusted)
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
            if (history.TryGetLastSessionStart(drugId, out last))
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
                int inWindow = history.CountSessionsInWindow(drugId, nowUtcSeconds, limits.WindowSeconds);
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
