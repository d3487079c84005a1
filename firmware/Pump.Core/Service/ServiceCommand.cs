namespace Pump.Core.Service
{
    /// <summary>
    /// Service-link command codes (hardware-docs/service-link.md). None programs, starts or resumes an infusion
    /// (SVC-002); pairing the monitor id is absent on purpose (panel only, CFG-005); set-link-key only binds a key to the monitor paired there. Never renumber.
    /// </summary>
    public static class ServiceCommand
    {
        public const byte GetInfo = 0x01;
        public const byte GetConfig = 0x02;
        public const byte SetConfig = 0x03;
        public const byte ReadRawSensors = 0x04;
        public const byte LibraryBegin = 0x10;
        public const byte LibraryData = 0x11;
        public const byte LibraryEnd = 0x12;
        public const byte LibraryStatus = 0x13;
        public const byte SetClock = 0x20;
        public const byte ReadLog = 0x30;
        public const byte ReadSessions = 0x31;
        public const byte SetLinkKey = 0x40;

        /// <summary>Every command the pump answers, in code order (the spec's table is checked against it).</summary>
        public static readonly byte[] All = new byte[]
        {
            GetInfo, GetConfig, SetConfig, ReadRawSensors, LibraryBegin, LibraryData, LibraryEnd, LibraryStatus,
            SetClock, ReadLog, ReadSessions, SetLinkKey,
        };

        public static string Name(int command)
        {
            switch (command)
            {
                case GetInfo: return "get-info";
                case GetConfig: return "get-config";
                case SetConfig: return "set-config";
                case ReadRawSensors: return "read-raw-sensors";
                case LibraryBegin: return "library-begin";
                case LibraryData: return "library-data";
                case LibraryEnd: return "library-end";
                case LibraryStatus: return "library-status";
                case SetClock: return "set-clock";
                case ReadLog: return "read-log";
                case ReadSessions: return "read-sessions";
                case SetLinkKey: return "set-link-key";
                default: return "unknown";
            }
        }
    }
}
