namespace Pump.Core.Persistence
{
    /// <summary>Outcome codes of <see cref="SessionHistory.CheckSessionSpacing"/>, ordered by severity.</summary>
    public static class SpacingVerdict
    {
        /// <summary>Within every limit.</summary>
        public const int Allowed = 0;

        /// <summary>A soft limit is exceeded: start only after a clinician's confirmation, which is logged.</summary>
        public const int SoftNeedsConfirmation = 1;

        /// <summary>A hard limit is exceeded: start refused, no override.</summary>
        public const int HardRefused = 2;

        /// <summary>The spacing cannot be proven (RTC not valid, history unreadable, clock behind a recorded
        /// session): treated exactly as a hard refusal (HIS-005).</summary>
        public const int CannotVerify = 3;
    }

    /// <summary>Result of a session-spacing check. Preallocated by the caller and overwritten.</summary>
    public sealed class SpacingCheckResult
    {
        public int Verdict;

        /// <summary>Seconds since the last session of the drug; -1 when there was none (or unknown).</summary>
        public long SecondsSinceLastSession = -1;

        /// <summary>The interval limit that was crossed (hard or soft), 0 when none.</summary>
        public long IntervalLimitSeconds;

        /// <summary>Sessions of the drug already inside the window.</summary>
        public int SessionsInWindow;

        /// <summary>The count limit that was crossed, 0 when none.</summary>
        public int SessionsLimit;

        /// <summary>True when the interval check gave a soft finding (confirmation text names it).</summary>
        public bool SoftInterval;

        /// <summary>True when the count check gave a soft finding.</summary>
        public bool SoftCount;

        /// <summary>Panel text: what was found, the value and the limit, and what to do.</summary>
        public string Message = "";

        /// <summary>True for a refusal: hard limit or cannot verify. The start must not proceed.</summary>
        public bool IsRefused => Verdict >= SpacingVerdict.HardRefused;

        public void Clear()
        {
            Verdict = SpacingVerdict.Allowed;
            SecondsSinceLastSession = -1;
            IntervalLimitSeconds = 0;
            SessionsInWindow = 0;
            SessionsLimit = 0;
            SoftInterval = false;
            SoftCount = false;
            Message = "";
        }
    }
}
