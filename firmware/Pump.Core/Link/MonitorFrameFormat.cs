namespace Pump.Core.Link
{
    /// <summary>
    /// Byte layout of a monitor-link frame (hardware-docs/monitor-link.md is the specification).
    /// All multi-byte fields are little-endian. The header layout (sync, version, type, length) is the
    /// same for every version so a receiver can always find a frame's end and check its CRC.
    /// </summary>
    public static class MonitorFrameFormat
    {
        public const byte Sync0 = 0xA5;
        public const byte Sync1 = 0x5A;

        /// <summary>The only protocol version this pump understands.</summary>
        public const byte Version1 = 0x01;

        /// <summary>The only message type: a vital-signs report. No type can command the pump.</summary>
        public const byte TypeVitals = 0x01;

        public const int OffsetVersion = 2;
        public const int OffsetType = 3;
        public const int OffsetLength = 4;
        public const int OffsetMonitorId = 5;
        public const int OffsetSequence = 9;
        public const int OffsetPayload = 13;

        /// <summary>Bytes before the payload (sync, version, type, length, monitor id, sequence).</summary>
        public const int HeaderLength = 13;
        public const int CrcLength = 4;

        /// <summary>Largest payload length a receiver buffers; a larger length byte is rejected at once.</summary>
        public const int MaxPayloadLength = 64;
        public const int MaxFrameLength = HeaderLength + MaxPayloadLength + CrcLength;

        // Vitals payload (version 1, type 1): offsets within the payload.
        public const int VitalsPayloadLength = 16;
        public const int VitalsFrameLength = HeaderLength + VitalsPayloadLength + CrcLength;
        public const int PHeartRate = 0;      // u16 bpm
        public const int PSpo2 = 2;           // u8 %
        public const int PRespRate = 3;       // u8 /min
        public const int PSystolic = 4;       // u16 mmHg
        public const int PDiastolic = 6;      // u16 mmHg
        public const int PMean = 8;           // u16 mmHg
        public const int PNibpAge = 10;       // u16 s
        public const int PNibpReading = 12;   // u16 counter
        public const int PAvailable = 14;     // u8 VitalSigns.Avail* bits
        public const int PStatus = 15;        // u8 VitalSigns.Status* bits

        // Plausibility bounds: values a monitor can physically report. Outside them the frame is corrupt
        // or the monitor is faulty; either way it is not used. These are not clinical limits.
        public const int HeartRateMinBpm = 15;
        public const int HeartRateMaxBpm = 300;
        public const int Spo2MinPercent = 30;
        public const int Spo2MaxPercent = 100;
        public const int RespRateMinPerMin = 0;
        public const int RespRateMaxPerMin = 150;
        public const int SystolicMinMmHg = 40;
        public const int SystolicMaxMmHg = 300;
        public const int DiastolicMinMmHg = 15;
        public const int DiastolicMaxMmHg = 250;

        internal static void WriteU16(byte[] b, int at, int value)
        {
            b[at] = (byte)(value & 0xFF);
            b[at + 1] = (byte)((value >> 8) & 0xFF);
        }

        internal static void WriteU32(byte[] b, int at, uint value)
        {
            b[at] = (byte)(value & 0xFF);
            b[at + 1] = (byte)((value >> 8) & 0xFF);
            b[at + 2] = (byte)((value >> 16) & 0xFF);
            b[at + 3] = (byte)((value >> 24) & 0xFF);
        }

        internal static int ReadU16(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }

        internal static uint ReadU32(byte[] b, int at)
        {
            return (uint)b[at] | ((uint)b[at + 1] << 8) | ((uint)b[at + 2] << 16) | ((uint)b[at + 3] << 24);
        }

        /// <summary>
        /// True when every available value lies within the plausibility bounds, unavailable values are 0,
        /// NIBP is internally consistent (DBP &lt;= MAP &lt;= SBP, DBP &lt; SBP) and no reserved bit is set.
        /// </summary>
        public static bool IsPlausible(VitalSigns v)
        {
            if ((v.AvailableFlags & ~VitalSigns.AvailKnownMask) != 0 || (v.StatusFlags & ~VitalSigns.StatusKnownMask) != 0)
            {
                return false;
            }

            if (!CheckField((v.AvailableFlags & VitalSigns.AvailHeartRate) != 0, v.HeartRateBpm, HeartRateMinBpm, HeartRateMaxBpm)
                || !CheckField((v.AvailableFlags & VitalSigns.AvailSpo2) != 0, v.Spo2Percent, Spo2MinPercent, Spo2MaxPercent)
                || !CheckField((v.AvailableFlags & VitalSigns.AvailRespiratoryRate) != 0, v.RespiratoryRatePerMin, RespRateMinPerMin, RespRateMaxPerMin))
            {
                return false;
            }

            if ((v.AvailableFlags & VitalSigns.AvailNibp) == 0)
            {
                return v.SystolicMmHg == 0 && v.DiastolicMmHg == 0 && v.MeanMmHg == 0 && v.NibpAgeS == 0;
            }

            return v.SystolicMmHg >= SystolicMinMmHg && v.SystolicMmHg <= SystolicMaxMmHg
                && v.DiastolicMmHg >= DiastolicMinMmHg && v.DiastolicMmHg <= DiastolicMaxMmHg
                && v.DiastolicMmHg < v.SystolicMmHg
                && v.MeanMmHg >= v.DiastolicMmHg && v.MeanMmHg <= v.SystolicMmHg
                && v.NibpAgeS >= 0 && v.NibpAgeS <= 0xFFFF;
        }

        private static bool CheckField(bool available, int value, int min, int max)
        {
            return available ? value >= min && value <= max : value == 0;
        }
    }
}
