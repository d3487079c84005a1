namespace Pump.Core.Service
{
    /// <summary>
    /// First byte of every response: what happened to the command. Anything but <see cref="Ok"/> (and the
    /// library's <see cref="AwaitingPanel"/>) means the command changed nothing (SVC-003). Never renumber.
    /// </summary>
    public static class ServiceStatus
    {
        public const int Ok = 0;
        public const int BadCrc = 1;
        public const int Truncated = 2;
        public const int Oversized = 3;
        public const int UnsupportedVersion = 4;
        public const int UnknownCommand = 5;
        public const int BadPayloadLength = 6;
        public const int SessionOpen = 7;
        public const int DuplicateSequence = 8;
        public const int InvalidConfiguration = 9;
        public const int StoreWriteFailed = 10;
        public const int NoLibraryTransfer = 11;
        public const int LibraryOutOfOrder = 12;
        public const int LibraryTooLarge = 13;
        public const int LibraryCrcMismatch = 14;
        public const int LibraryRefused = 15;
        public const int AwaitingPanel = 16;
        public const int ClockOutOfRange = 17;
        public const int ClockWriteFailed = 18;
        public const int PairingIsPanelOnly = 19;
        public const int SensorUnavailable = 20;
        public const int LibraryDeclined = 21;
        public const int NoConfiguration = 22;
        public const int MonitorNotPaired = 23;
        public const int KeyForOtherMonitor = 24;
        public const int LinkKeyRefused = 25;

        /// <summary>Every status, in code order (the spec's table is checked against it).</summary>
        public static readonly int[] All = new int[]
        {
            Ok, BadCrc, Truncated, Oversized, UnsupportedVersion, UnknownCommand, BadPayloadLength, SessionOpen,
            DuplicateSequence, InvalidConfiguration, StoreWriteFailed, NoLibraryTransfer, LibraryOutOfOrder,
            LibraryTooLarge, LibraryCrcMismatch, LibraryRefused, AwaitingPanel, ClockOutOfRange, ClockWriteFailed,
            PairingIsPanelOnly, SensorUnavailable, LibraryDeclined, NoConfiguration, MonitorNotPaired, KeyForOtherMonitor,
            LinkKeyRefused,
        };

        public static string Name(int status)
        {
            switch (status)
            {
                case Ok: return "ok";
                case BadCrc: return "bad-crc";
                case Truncated: return "truncated";
                case Oversized: return "oversized";
                case UnsupportedVersion: return "unsupported-version";
                case UnknownCommand: return "unknown-command";
                case BadPayloadLength: return "bad-payload-length";
                case SessionOpen: return "session-open";
                case DuplicateSequence: return "duplicate-sequence";
                case InvalidConfiguration: return "invalid-configuration";
                case StoreWriteFailed: return "store-write-failed";
                case NoLibraryTransfer: return "no-library-transfer";
                case LibraryOutOfOrder: return "library-out-of-order";
                case LibraryTooLarge: return "library-too-large";
                case LibraryCrcMismatch: return "library-crc-mismatch";
                case LibraryRefused: return "library-refused";
                case AwaitingPanel: return "awaiting-panel";
                case ClockOutOfRange: return "clock-out-of-range";
                case ClockWriteFailed: return "clock-write-failed";
                case PairingIsPanelOnly: return "pairing-is-panel-only";
                case SensorUnavailable: return "sensor-unavailable";
                case LibraryDeclined: return "library-declined";
                case NoConfiguration: return "no-configuration";
                case MonitorNotPaired: return "monitor-not-paired";
                case KeyForOtherMonitor: return "key-for-other-monitor";
                case LinkKeyRefused: return "link-key-refused";
                default: return "unknown-status";
            }
        }
    }
}
