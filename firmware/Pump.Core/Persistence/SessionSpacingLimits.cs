namespace Pump.Core.Persistence
{
    /// <summary>
    /// Session-spacing limits of a drug profile (clinical.md §6a). The drug library owns the values;
    /// <see cref="KetaminePsychDefaults"/> holds the brief's numbers for the ketamine profile.
    /// A zero limit is not checked.
    /// </summary>
    public sealed class SessionSpacingLimits
    {
        /// <summary>Below this time since the last session the start is refused (hard, no override).</summary>
        public long HardMinIntervalSeconds;

        /// <summary>Below this time since the last session the start needs a logged confirmation.</summary>
        public long SoftMinIntervalSeconds;

        /// <summary>Sessions already in the window at or above which a new one needs confirmation.</summary>
        public int SoftMaxSessionsInWindow;

        /// <summary>Sessions already in the window at or above which a new one is refused (0 = no hard count limit).</summary>
        public int HardMaxSessionsInWindow;

        /// <summary>The counting window (7 days for the ketamine profile).</summary>
        public long WindowSeconds;

        public const long SecondsPerHour = 3600;
        public const long SecondsPerDay = 86400;

        public SessionSpacingLimits(long hardMinIntervalSeconds, long softMinIntervalSeconds, int softMaxSessionsInWindow, int hardMaxSessionsInWindow, long windowSeconds)
        {
            HardMinIntervalSeconds = hardMinIntervalSeconds;
            SoftMinIntervalSeconds = softMinIntervalSeconds;
            SoftMaxSessionsInWindow = softMaxSessionsInWindow;
            HardMaxSessionsInWindow = hardMaxSessionsInWindow;
            WindowSeconds = windowSeconds;
        }

        /// <summary>Ketamine psychiatric profile: soft min 48 h, hard min 20 h, soft max 3 sessions in 7 days
        /// (clinical.md §6a "session_spacing").</summary>
        public static SessionSpacingLimits KetaminePsychDefaults()
        {
            return new SessionSpacingLimits(20 * SecondsPerHour, 48 * SecondsPerHour, 3, 0, 7 * SecondsPerDay);
        }
    }
}
