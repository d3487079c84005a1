namespace Pump.Core.Link
{
    /// <summary>
    /// Byte layout of a monitor-link frame, version 2 (hardware-docs/monitor-link.md is the specification).
    /// All multi-byte fields are little-endian. Sync, version, type and length sit at the same offsets in
    /// every version; the version byte tells the receiver where the frame ends so it can check the CRC
    /// before it trusts anything else. Version 2 adds the sender's boot number and an HMAC-SHA256 tag.
    /// </summary>
    public static class MonitorFrameFormat
    {
        public const byte Sync0 = 0xA5;
        public const byte Sync1 = 0x5A;

        /// <summary>Unauthenticated legacy version: its extent is known so it can be refused by name.</summary>
        public const byte Version1 = 0x01;

        /// <summary>The only version this pump accepts: authenticated, with a boot number.</summary>
        public const byte Version2 = 0x02;

        /// <summary>The only message type: a vital-signs report. No type can command the pump.</summary>
        public const byte TypeVitals = 0x01;

        public const int OffsetVersion = 2;
        public const int OffsetType = 3;
        public const int OffsetLength = 4;
        public const int OffsetMonitorId = 5;
        public const int OffsetBoot = 9;
        public const int OffsetSequence = 13;
        public const int OffsetPayload = 17;

        /// <summary>Bytes before the payload (sync, version, type, length, monitor id, boot, sequence).</summary>
        public const int HeaderLength = 17;

        /// <summary>HMAC-SHA256 truncated to its leftmost 128 bits (RFC 2104 §5: HMAC-SHA256-128).</summary>
        public const int TagLength = 16;
        public const int CrcLength = 4;

        /// <summary>Version 1's header (no boot number) and its trailer (CRC only): used only to find its end.</summary>
        public const int V1HeaderLength = 13;

        /// <summary>Largest payload length a receiver buffers; a larger length byte is rejected at once.</summary>
        public const int MaxPayloadLength = 64;
        public const int MaxFrameLength = HeaderLength + MaxPayloadLength + TagLength + CrcLength;

        // Vitals payload (version 2, type 1): offsets within the payload.
        public const int VitalsPayloadLength = 62;
        public const int VitalsFrameLength = HeaderLength + VitalsPayloadLength + TagLength + CrcLength;
        public const int PSourceId = 0;        // u64, the source monitor (EUI-64 or configured id), not 0
        public const int PBedLabel = 8;        // 16 bytes ASCII, NUL-padded
        public const int PHeartRate = 24;      // value record (8 bytes)
        public const int PSpo2 = 32;           // value record
        public const int PRespRate = 40;       // value record
        public const int PNibp = 48;           // NIBP record (14 bytes)

        // A value record: u16 value, u8 status (ValueStatus), u8 reserved 0, u32 age ms.
        public const int RValue = 0;
        public const int RStatus = 2;
        public const int RReserved = 3;
        public const int RAge = 4;

        // The NIBP record: u16 sys, u16 dia, u16 mean, u16 reading number, u8 status, u8 reserved 0, u32 age ms.
        public const int NSystolic = 0;
        public const int NDiastolic = 2;
        public const int NMean = 4;
        public const int NReading = 6;
        public const int NStatus = 8;
        public const int NReserved = 9;
        public const int NAge = 10;

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

        /// <summary>Oldest age a value may report (24 h); more betrays a broken clock at the source.</summary>
        public const long MaxAgeMs = 86400000L;

        /// <summary>Frame length for a version and payload length, or 0 when the version's layout is unknown.</summary>
        public static int FrameLength(int version, int payloadLength)
        {
            if (version == Version2)
            {
                return HeaderLength + payloadLength + TagLength + CrcLength;
            }

            return version == Version1 ? V1HeaderLength + payloadLength + CrcLength : 0;
        }

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

        internal static void WriteU64(byte[] b, int at, ulong value)
        {
            WriteU32(b, at, (uint)(value & 0xFFFFFFFFUL));
            WriteU32(b, at + 4, (uint)(value >> 32));
        }

        internal static int ReadU16(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }

        /// <summary>Little-endian u32 at <paramref name="at"/>. Public because the service link's pairing listener
        /// (Pump.Core.Service, a separate device assembly that cannot see internals) reads frames with it.</summary>
        public static uint ReadU32(byte[] b, int at)
        {
            return (uint)b[at] | ((uint)b[at + 1] << 8) | ((uint)b[at + 2] << 16) | ((uint)b[at + 3] << 24);
        }

        internal static ulong ReadU64(byte[] b, int at)
        {
            return (ulong)ReadU32(b, at) | ((ulong)ReadU32(b, at + 4) << 32);
        }

        /// <summary>
        /// True when every available value lies within the plausibility bounds, unavailable values and ages are 0,
        /// NIBP is internally consistent (DBP &lt; SBP; DBP &lt;= MAP &lt;= SBP unless MAP is 0, not reported), ages are within a day, the
        /// source is identified, the bed label is printable ASCII and no reserved bit is set.
        /// </summary>
        public static bool IsPlausible(VitalSigns v)
        {
            if ((v.AvailableFlags & ~VitalSigns.AvailKnownMask) != 0 || (v.StatusFlags & ~VitalSigns.StatusKnownMask) != 0)
            {
                return false;
            }

            if (v.SourceId == 0 || !LabelPlausible(v.BedLabel))
            {
                return false;
            }

            if (!CheckField(v.HeartRateAvailable, v.HeartRateBpm, v.HeartRateAgeMs, HeartRateMinBpm, HeartRateMaxBpm)
                || !CheckField((v.AvailableFlags & VitalSigns.AvailSpo2) != 0, v.Spo2Percent, v.Spo2AgeMs, Spo2MinPercent, Spo2MaxPercent)
                || !CheckField(v.RespiratoryRateAvailable, v.RespiratoryRatePerMin, v.RespiratoryRateAgeMs, RespRateMinPerMin, RespRateMaxPerMin))
            {
                return false;
            }

            if (!v.NibpAvailable)
            {
                return v.SystolicMmHg == 0 && v.DiastolicMmHg == 0 && v.MeanMmHg == 0 && v.NibpAgeMs == 0;
            }

            return v.SystolicMmHg >= SystolicMinMmHg && v.SystolicMmHg <= SystolicMaxMmHg
                && v.DiastolicMmHg >= DiastolicMinMmHg && v.DiastolicMmHg <= DiastolicMaxMmHg
                && v.DiastolicMmHg < v.SystolicMmHg
                && (v.MeanMmHg == 0 || (v.MeanMmHg >= v.DiastolicMmHg && v.MeanMmHg <= v.SystolicMmHg))
                && v.NibpAgeMs >= 0 && v.NibpAgeMs <= MaxAgeMs;
        }

        /// <summary>Printable ASCII (0x20..0x7E), then only NULs; at least one character.</summary>
        private static bool LabelPlausible(byte[] label)
        {
            bool ended = false;
            for (int i = 0; i < label.Length; i++)
            {
                byte c = label[i];
                if (c == 0)
                {
                    ended = true;
                }
                else if (ended || c < 0x20 || c > 0x7E)
                {
                    return false;
                }
            }

            return label[0] != 0;
        }

        private static bool CheckField(bool available, int value, long ageMs, int min, int max)
        {
            return available ? value >= min && value <= max && ageMs >= 0 && ageMs <= MaxAgeMs : value == 0 && ageMs == 0;
        }
    }
}
