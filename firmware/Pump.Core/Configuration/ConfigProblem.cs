namespace Pump.Core.Configuration
{
    /// <summary>
    /// Why a configuration cannot be stored or cannot let the pump infuse. Integer codes (persisted in the
    /// event log and sent on the service link: never renumber), with panel and long text.
    /// </summary>
    public static class ConfigProblem
    {
        public const int None = 0;
        public const int NoRecord = 1;
        public const int RecordDamaged = 2;
        public const int BadLength = 3;
        public const int SerialMissing = 4;
        public const int SerialInvalid = 5;
        public const int TechnicianInvalid = 6;
        public const int NotCalibrated = 7;
        public const int ForceCalibrationInvalid = 8;
        public const int PositionCalibrationInvalid = 9;
        public const int MechanismInvalid = 10;
        public const int ClinicSettingInvalid = 11;
        public const int PairingKeyInvalid = 12;
        public const int CalibrationDateInvalid = 13;
        public const int ReservedNotZero = 14;

        /// <summary>At most 20 characters: one panel row.</summary>
        public static string PanelText(int problem)
        {
            switch (problem)
            {
                case None: return "CONFIG OK";
                case NoRecord: return "NOT COMMISSIONED";
                case RecordDamaged: return "CONFIG DAMAGED";
                case BadLength: return "CONFIG BAD LENGTH";
                case SerialMissing: return "NO SERIAL NUMBER";
                case SerialInvalid: return "BAD SERIAL NUMBER";
                case TechnicianInvalid: return "BAD TECHNICIAN ID";
                case NotCalibrated: return "NOT CALIBRATED";
                case ForceCalibrationInvalid: return "FORCE CAL INVALID";
                case PositionCalibrationInvalid: return "POSITION CAL INVALID";
                case MechanismInvalid: return "MECHANISM INVALID";
                case ClinicSettingInvalid: return "CLINIC SETTING BAD";
                case PairingKeyInvalid: return "PAIRING KEY INVALID";
                case CalibrationDateInvalid: return "CAL DATE INVALID";
                case ReservedNotZero: return "CONFIG RESERVED SET";
                default: return "CONFIG ERROR";
            }
        }

        /// <summary>A sentence for the service tool and the documentation.</summary>
        public static string Describe(int problem)
        {
            switch (problem)
            {
                case None: return "The configuration is complete and valid.";
                case NoRecord: return "No configuration is stored: the unit has not been commissioned (hardware-docs/commissioning.md).";
                case RecordDamaged: return "Both copies of the stored configuration are damaged; it is not used.";
                case BadLength: return "The configuration record has the wrong length for its format version.";
                case SerialMissing: return "The unit serial number is empty.";
                case SerialInvalid: return "The unit serial number must be 1-16 characters A-Z, 0-9 or '-'.";
                case TechnicianInvalid: return "The technician id must be 0-8 characters A-Z, 0-9 or '-'.";
                case NotCalibrated: return "The unit has no calibration: calibrate force, position and mechanism before infusing.";
                case ForceCalibrationInvalid: return "Force calibration out of range: span must be 1000..8388607 counts from zero and the reference force 1000..200000 mN.";
                case PositionCalibrationInvalid: return "Position calibration out of range: end-stop counts 0..4095, at least 500 counts apart, travel 10000..200000 um.";
                case MechanismInvalid: return "Mechanism out of range: lead 100..20000 um, 1..400 full steps, 1..256 microsteps, at most 12800 microsteps per revolution.";
                case ClinicSettingInvalid: return "Clinic setting out of range: occlusion level 0..2, near-empty lead 60..1800 s, callbacks 30..600 s.";
                case PairingKeyInvalid: return "Pairing key slot must be 0..255, and 0 without a paired monitor.";
                case CalibrationDateInvalid: return "Calibration date must be 0 (never) or between 2024-01-01 and 2100-01-01 UTC.";
                case ReservedNotZero: return "Reserved bytes of the configuration record must be zero.";
                default: return "Unknown configuration problem.";
            }
        }
    }
}
