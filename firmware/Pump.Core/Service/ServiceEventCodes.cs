namespace Pump.Core.Service
{
    /// <summary>Event-log codes written in service mode (SVC-006). Persisted: never renumber.</summary>
    public static class ServiceEventCodes
    {
        /// <summary>arg0 = 1 when a session was open (service link refused), arg1 = configuration problem.</summary>
        public const int ServiceModeEntered = 9101;

        /// <summary>arg0 = configuration problem (0 = written), arg1 = 1 when calibration values changed.</summary>
        public const int ConfigurationWritten = 9102;

        /// <summary>arg0 = old UTC s as unsigned 32 bits (-1 unknown), arg1 = new UTC s as unsigned 32 bits.</summary>
        public const int ClockSet = 9103;

        /// <summary>arg0 = revision, arg1 = entries: verified and waiting for the panel's confirmation.</summary>
        public const int LibraryStaged = 9104;

        /// <summary>arg0 = revision declined on the panel.</summary>
        public const int LibraryDeclined = 9105;

        /// <summary>arg0 = LibraryError code, arg1 = service status: a library refused on the link.</summary>
        public const int LibraryRejected = 9106;

        /// <summary>arg0 = monitor id (low 31 bits), arg1 = previous monitor id (low 31 bits): confirmed on the panel.</summary>
        public const int MonitorPaired = 9107;

        /// <summary>arg0 = command, arg1 = service status: a write refused (bad input, store failure).</summary>
        public const int CommandRefused = 9108;
    }
}
