using Pump.Core.Units;

namespace Pump.Core.Configuration
{
    /// <summary>
    /// The checks a configuration passes before it is stored (<see cref="CheckStorable"/>) and before the pump
    /// may infuse with it (<see cref="CheckReadyToInfuse"/>). Every bound is a named constant that the
    /// service-link spec and <see cref="ConfigProblem.Describe"/> state.
    /// </summary>
    public static class ConfigurationChecks
    {
        public const int ForceSpanMinCounts = 1000;
        public const int ForceFullScaleCounts = 8388607;
        public const int ForceSpanMinMilliNewtons = 1000;
        public const int ForceSpanMaxMilliNewtons = 200000;
        public const int PositionMaxCounts = 4095;
        public const int PositionMinSeparationCounts = 500;
        public const int PositionSpanMinMicrometres = 10000;
        public const int PositionSpanMaxMicrometres = 200000;
        public const int NearEmptyLeadMinS = 60;
        public const int NearEmptyLeadMaxS = 1800;
        public const int CallbackMinS = 30;
        public const int CallbackMaxS = 600;
        public const int PairingKeySlotMax = 255;

        /// <summary>2024-01-01T00:00:00Z: no calibration or clock setting can predate the design.</summary>
        public const long EarliestUtcSeconds = 1704067200;

        /// <summary>2100-01-01T00:00:00Z.</summary>
        public const long LatestUtcSeconds = 4102444800;

        /// <summary>A configuration that may be written: identity set, every given value in range. A record
        /// without calibration (date 0) is storable; its calibration values must then all be zero.</summary>
        public static int CheckStorable(DeviceConfiguration c)
        {
            if (c.Serial == null || c.Serial.Length == 0)
            {
                return ConfigProblem.SerialMissing;
            }

            if (!IsIdentifier(c.Serial, 1, DeviceConfiguration.SerialChars))
            {
                return ConfigProblem.SerialInvalid;
            }

            if (c.CalibratedBy == null || !IsIdentifier(c.CalibratedBy, 0, DeviceConfiguration.TechnicianChars))
            {
                return ConfigProblem.TechnicianInvalid;
            }

            if (c.CalibrationUtcSeconds != 0
                && (c.CalibrationUtcSeconds < EarliestUtcSeconds || c.CalibrationUtcSeconds > LatestUtcSeconds))
            {
                return ConfigProblem.CalibrationDateInvalid;
            }

            if (c.IsCalibrated)
            {
                int cal = CheckCalibrationValues(c);
                if (cal != ConfigProblem.None)
                {
                    return cal;
                }
            }
            else if (c.ForceZeroCounts != 0 || c.ForceSpanCounts != 0 || c.ForceSpanMilliNewtons != 0
                || c.PositionZeroCounts != 0 || c.PositionSpanCounts != 0 || c.PositionSpanMicrometres != 0)
            {
                // Values without a date would be a half-finished calibration.
                return ConfigProblem.CalibrationDateInvalid;
            }

            if (!Mechanism.IsValid(c.LeadUm, c.FullStepsPerRev, c.Microstepping))
            {
                return ConfigProblem.MechanismInvalid;
            }

            if (c.PairingKeySlot < 0 || c.PairingKeySlot > PairingKeySlotMax
                || (c.PairedMonitorId == 0 && c.PairingKeySlot != 0))
            {
                return ConfigProblem.PairingKeyInvalid;
            }

            if (c.OcclusionLevel < 0 || c.OcclusionLevel > 2
                || c.NearEmptyLeadS < NearEmptyLeadMinS || c.NearEmptyLeadS > NearEmptyLeadMaxS
                || c.CallbackPausedS < CallbackMinS || c.CallbackPausedS > CallbackMaxS
                || c.CallbackProgrammingS < CallbackMinS || c.CallbackProgrammingS > CallbackMaxS)
            {
                return ConfigProblem.ClinicSettingInvalid;
            }

            return ConfigProblem.None;
        }

        /// <summary>A configuration the pump may infuse with: storable and calibrated (CFG-003).</summary>
        public static int CheckReadyToInfuse(DeviceConfiguration c)
        {
            int problem = CheckStorable(c);
            if (problem != ConfigProblem.None)
            {
                return problem;
            }

            return c.IsCalibrated ? ConfigProblem.None : ConfigProblem.NotCalibrated;
        }

        /// <summary>Force and position calibration in range (the same bounds the device's converters rely on).</summary>
        public static int CheckCalibrationValues(DeviceConfiguration c)
        {
            int span = c.ForceSpanCounts < 0 ? -c.ForceSpanCounts : c.ForceSpanCounts;
            int zero = c.ForceZeroCounts < 0 ? -c.ForceZeroCounts : c.ForceZeroCounts;
            if (c.ForceSpanCounts == int.MinValue || c.ForceZeroCounts == int.MinValue
                || span < ForceSpanMinCounts || span > ForceFullScaleCounts || zero > ForceFullScaleCounts
                || c.ForceSpanMilliNewtons < ForceSpanMinMilliNewtons || c.ForceSpanMilliNewtons > ForceSpanMaxMilliNewtons)
            {
                return ConfigProblem.ForceCalibrationInvalid;
            }

            int separation = c.PositionSpanCounts - c.PositionZeroCounts;
            if (separation < 0)
            {
                separation = -separation;
            }

            if (c.PositionZeroCounts < 0 || c.PositionZeroCounts > PositionMaxCounts
                || c.PositionSpanCounts < 0 || c.PositionSpanCounts > PositionMaxCounts
                || separation < PositionMinSeparationCounts
                || c.PositionSpanMicrometres < PositionSpanMinMicrometres || c.PositionSpanMicrometres > PositionSpanMaxMicrometres)
            {
                return ConfigProblem.PositionCalibrationInvalid;
            }

            return ConfigProblem.None;
        }

        /// <summary>minChars..maxChars of A-Z, 0-9 and '-'.</summary>
        public static bool IsIdentifier(string text, int minChars, int maxChars)
        {
            if (text.Length < minChars || text.Length > maxChars)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char ch = text[i];
                bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
