namespace Pump.Core.Interlock
{
    /// <summary>Result of the pre-start check. Only <see cref="Ok"/> allows a start. Numeric values are stable.</summary>
    public enum StartCheck
    {
        Ok = 0,
        NoMonitorData = 1,
        MonitorDataStale = 2,
        LinkFault = 3,
        HeartRateMissing = 4,
        Spo2ProbeOff = 5,
        Spo2Missing = 6,
        NibpMissing = 7,
        NibpTooOld = 8,
        RespiratoryRateMissing = 9,
        SystolicTooHigh = 10,
        DiastolicTooHigh = 11,
        HeartRateOutOfRange = 12,
        Spo2TooLow = 13,
        RespiratoryRateOutOfRange = 14,
        SessionStopped = 15,

        /// <summary>A session is already running: a new baseline mid-session would wipe latched holds.</summary>
        SessionAlreadyActive = 16,
    }

    /// <summary>Pre-start warnings (start allowed, shown on the panel): bit flags in <see cref="VitalBaseline.Warnings"/>.</summary>
    public static class StartWarnings
    {
        public const int SystolicElevated = 0x01;
        public const int DiastolicElevated = 0x02;
    }
}
