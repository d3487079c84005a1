namespace Pump.Core.Interlock
{
    /// <summary>
    /// Panel texts (at most 20 characters, fixed literals: nothing is built per tick) for the interlock's
    /// causes. Enum names are not used on the device (no Enum reflection on nanoFramework).
    /// </summary>
    public static class InterlockMessages
    {
        public static string ForLease(LeaseCause cause)
        {
            switch (cause)
            {
                case LeaseCause.None: return "VITALS OK";
                case LeaseCause.NeverGranted: return "NO VITALS YET";
                case LeaseCause.LinkLost: return "MONITOR DATA LOST";
                case LeaseCause.NibpStale: return "NIBP TOO OLD";
                case LeaseCause.NibpMissing: return "NO NIBP";
                case LeaseCause.Spo2ProbeOff: return "SPO2 PROBE OFF";
                case LeaseCause.Spo2Missing: return "NO SPO2";
                case LeaseCause.HeartRateMissing: return "NO HEART RATE";
                case LeaseCause.RespiratoryRateMissing: return "NO RESP RATE";
                case LeaseCause.UnpairedMonitor: return "WRONG MONITOR";
                case LeaseCause.OutsideLimits: return "VITALS OUT OF LIMIT";
                default: return "VITALS UNKNOWN";
            }
        }

        public static string ForStart(StartCheck check)
        {
            switch (check)
            {
                case StartCheck.Ok: return "BASELINE OK";
                case StartCheck.NoMonitorData: return "NO MONITOR DATA";
                case StartCheck.MonitorDataStale: return "MONITOR DATA OLD";
                case StartCheck.LinkFault: return "MONITOR LINK FAULT";
                case StartCheck.HeartRateMissing: return "NO HEART RATE";
                case StartCheck.Spo2ProbeOff: return "SPO2 PROBE OFF";
                case StartCheck.Spo2Missing: return "NO SPO2";
                case StartCheck.NibpMissing: return "NO NIBP";
                case StartCheck.NibpTooOld: return "TAKE NEW NIBP";
                case StartCheck.RespiratoryRateMissing: return "NO RESP RATE";
                case StartCheck.SystolicTooHigh: return "SBP TOO HIGH";
                case StartCheck.DiastolicTooHigh: return "DBP TOO HIGH";
                case StartCheck.HeartRateOutOfRange: return "HR OUT OF RANGE";
                case StartCheck.Spo2TooLow: return "SPO2 TOO LOW";
                case StartCheck.RespiratoryRateOutOfRange: return "RR OUT OF RANGE";
                case StartCheck.SessionStopped: return "SESSION STOPPED";
                case StartCheck.SessionAlreadyActive: return "SESSION RUNNING";
                default: return "START REFUSED";
            }
        }
    }
}
