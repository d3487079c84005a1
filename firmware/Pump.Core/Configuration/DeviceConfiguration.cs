namespace Pump.Core.Configuration
{
    /// <summary>
    /// Everything that makes one unit different from another (DESIGN.md D13): identity, calibration, the paired
    /// monitor and the clinic's settings. Kept in the non-volatile store (<see cref="ConfigurationStore"/>), so
    /// every unit runs the same image. Checked by <see cref="ConfigurationChecks"/> before it is stored or used.
    /// </summary>
    public sealed class DeviceConfiguration
    {
        /// <summary>Characters of the unit serial (ASCII A-Z, 0-9, '-').</summary>
        public const int SerialChars = 16;

        /// <summary>Characters of the technician id written with a calibration.</summary>
        public const int TechnicianChars = 8;

        /// <summary>Unit serial number (empty in a never-configured record).</summary>
        public string Serial = "";

        /// <summary>When the calibration was measured (UTC s); 0 = the unit was never calibrated.</summary>
        public long CalibrationUtcSeconds;

        /// <summary>Who measured the calibration.</summary>
        public string CalibratedBy = "";

        /// <summary>Load cell: counts with no load, counts added by the reference mass, and that mass's force.</summary>
        public int ForceZeroCounts;
        public int ForceSpanCounts;
        public int ForceSpanMilliNewtons;

        /// <summary>Plunger potentiometer: counts at the pusher's zero and span end stops, and the travel between them.</summary>
        public int PositionZeroCounts;
        public int PositionSpanCounts;
        public int PositionSpanMicrometres;

        /// <summary>Drive train: lead-screw lead, motor full steps per revolution, driver microstepping.</summary>
        public int LeadUm = 1000;
        public int FullStepsPerRev = 200;
        public int Microstepping = 16;

        /// <summary>The monitor the pump accepts vital signs from (0 = none). Set only by pairing on the panel.</summary>
        public uint PairedMonitorId;

        /// <summary>Which stored pairing secret authenticates that monitor's frames (0 = none; room for the
        /// authenticated link, DESIGN.md D14). Set only with the pairing.</summary>
        public int PairingKeySlot;

        /// <summary>Clinic settings: occlusion level (0 low, 1 medium, 2 high), near-empty lead, callback reminders.</summary>
        public int OcclusionLevel = 1;
        public int NearEmptyLeadS = 300;
        public int CallbackPausedS = 120;
        public int CallbackProgrammingS = 60;

        /// <summary>True when a calibration has been recorded (its values are checked separately).</summary>
        public bool IsCalibrated => CalibrationUtcSeconds > 0;

        public void CopyFrom(DeviceConfiguration other)
        {
            Serial = other.Serial;
            CalibrationUtcSeconds = other.CalibrationUtcSeconds;
            CalibratedBy = other.CalibratedBy;
            ForceZeroCounts = other.ForceZeroCounts;
            ForceSpanCounts = other.ForceSpanCounts;
            ForceSpanMilliNewtons = other.ForceSpanMilliNewtons;
            PositionZeroCounts = other.PositionZeroCounts;
            PositionSpanCounts = other.PositionSpanCounts;
            PositionSpanMicrometres = other.PositionSpanMicrometres;
            LeadUm = other.LeadUm;
            FullStepsPerRev = other.FullStepsPerRev;
            Microstepping = other.Microstepping;
            PairedMonitorId = other.PairedMonitorId;
            PairingKeySlot = other.PairingKeySlot;
            OcclusionLevel = other.OcclusionLevel;
            NearEmptyLeadS = other.NearEmptyLeadS;
            CallbackPausedS = other.CallbackPausedS;
            CallbackProgrammingS = other.CallbackProgrammingS;
        }
    }
}
