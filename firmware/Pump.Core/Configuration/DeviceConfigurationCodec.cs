using Pump.Core.Persistence;

namespace Pump.Core.Configuration
{
    /// <summary>
    /// The configuration's bytes, used both in the store and on the service link (hardware-docs/service-link.md,
    /// "Configuration payload"). Format version 1, little-endian, <see cref="PayloadBytes"/> long.
    /// Decode is all-or-nothing: the target is written only after every field decoded and passed
    /// <see cref="ConfigurationChecks.CheckStorable"/>, so a bad record is never half used (CFG-002).
    /// </summary>
    public static class DeviceConfigurationCodec
    {
        public const int FormatVersion = 1;
        public const int PayloadBytes = 80;

        public const int OSerial = 0;
        public const int OCalibrationUtc = 16;
        public const int OCalibratedBy = 24;
        public const int OForceZero = 32;
        public const int OForceSpan = 36;
        public const int OForceSpanMn = 40;
        public const int OPositionZero = 44;
        public const int OPositionSpan = 48;
        public const int OPositionSpanUm = 52;
        public const int OLeadUm = 56;
        public const int OFullSteps = 60;
        public const int OMicrostepping = 62;
        public const int OPairedMonitor = 64;
        public const int OPairingKeySlot = 68;
        public const int OOcclusionLevel = 70;
        public const int OReserved71 = 71;
        public const int ONearEmptyLead = 72;
        public const int OCallbackPaused = 74;
        public const int OCallbackProgramming = 76;
        public const int OReserved78 = 78;

        /// <summary>Writes c into buffer[offset..offset+PayloadBytes). False when it does not fit.</summary>
        public static bool Encode(DeviceConfiguration c, byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || buffer.Length - offset < PayloadBytes)
            {
                return false;
            }

            for (int i = 0; i < PayloadBytes; i++)
            {
                buffer[offset + i] = 0;
            }

            PutAscii(buffer, offset + OSerial, c.Serial, DeviceConfiguration.SerialChars);
            LittleEndian.WriteInt64(buffer, offset + OCalibrationUtc, c.CalibrationUtcSeconds);
            PutAscii(buffer, offset + OCalibratedBy, c.CalibratedBy, DeviceConfiguration.TechnicianChars);
            LittleEndian.WriteInt32(buffer, offset + OForceZero, c.ForceZeroCounts);
            LittleEndian.WriteInt32(buffer, offset + OForceSpan, c.ForceSpanCounts);
            LittleEndian.WriteInt32(buffer, offset + OForceSpanMn, c.ForceSpanMilliNewtons);
            LittleEndian.WriteInt32(buffer, offset + OPositionZero, c.PositionZeroCounts);
            LittleEndian.WriteInt32(buffer, offset + OPositionSpan, c.PositionSpanCounts);
            LittleEndian.WriteInt32(buffer, offset + OPositionSpanUm, c.PositionSpanMicrometres);
            LittleEndian.WriteInt32(buffer, offset + OLeadUm, c.LeadUm);
            LittleEndian.WriteUInt16(buffer, offset + OFullSteps, Clamp16(c.FullStepsPerRev));
            LittleEndian.WriteUInt16(buffer, offset + OMicrostepping, Clamp16(c.Microstepping));
            LittleEndian.WriteUInt32(buffer, offset + OPairedMonitor, c.PairedMonitorId);
            LittleEndian.WriteUInt16(buffer, offset + OPairingKeySlot, Clamp16(c.PairingKeySlot));
            buffer[offset + OOcclusionLevel] = (byte)(c.OcclusionLevel & 0xFF);
            LittleEndian.WriteUInt16(buffer, offset + ONearEmptyLead, Clamp16(c.NearEmptyLeadS));
            LittleEndian.WriteUInt16(buffer, offset + OCallbackPaused, Clamp16(c.CallbackPausedS));
            LittleEndian.WriteUInt16(buffer, offset + OCallbackProgramming, Clamp16(c.CallbackProgrammingS));
            return true;
        }

        /// <summary>
        /// Decodes buffer[offset..offset+count) into a scratch object, checks it, and only then copies it into
        /// target. Returns <see cref="ConfigProblem.None"/> or the first problem found; target is untouched on failure.
        /// </summary>
        public static int Decode(byte[] buffer, int offset, int count, DeviceConfiguration scratch, DeviceConfiguration target)
        {
            if (buffer == null || offset < 0 || count != PayloadBytes || buffer.Length - offset < count)
            {
                return ConfigProblem.BadLength;
            }

            if (buffer[offset + OReserved71] != 0 || buffer[offset + OReserved78] != 0 || buffer[offset + OReserved78 + 1] != 0)
            {
                return ConfigProblem.ReservedNotZero;
            }

            string? serial = GetAscii(buffer, offset + OSerial, DeviceConfiguration.SerialChars);
            if (serial == null)
            {
                return ConfigProblem.SerialInvalid;
            }

            string? technician = GetAscii(buffer, offset + OCalibratedBy, DeviceConfiguration.TechnicianChars);
            if (technician == null)
            {
                return ConfigProblem.TechnicianInvalid;
            }

            scratch.Serial = serial;
            scratch.CalibrationUtcSeconds = LittleEndian.ReadInt64(buffer, offset + OCalibrationUtc);
            scratch.CalibratedBy = technician;
            scratch.ForceZeroCounts = LittleEndian.ReadInt32(buffer, offset + OForceZero);
            scratch.ForceSpanCounts = LittleEndian.ReadInt32(buffer, offset + OForceSpan);
            scratch.ForceSpanMilliNewtons = LittleEndian.ReadInt32(buffer, offset + OForceSpanMn);
            scratch.PositionZeroCounts = LittleEndian.ReadInt32(buffer, offset + OPositionZero);
            scratch.PositionSpanCounts = LittleEndian.ReadInt32(buffer, offset + OPositionSpan);
            scratch.PositionSpanMicrometres = LittleEndian.ReadInt32(buffer, offset + OPositionSpanUm);
            scratch.LeadUm = LittleEndian.ReadInt32(buffer, offset + OLeadUm);
            scratch.FullStepsPerRev = LittleEndian.ReadUInt16(buffer, offset + OFullSteps);
            scratch.Microstepping = LittleEndian.ReadUInt16(buffer, offset + OMicrostepping);
            scratch.PairedMonitorId = LittleEndian.ReadUInt32(buffer, offset + OPairedMonitor);
            scratch.PairingKeySlot = LittleEndian.ReadUInt16(buffer, offset + OPairingKeySlot);
            scratch.OcclusionLevel = buffer[offset + OOcclusionLevel];
            scratch.NearEmptyLeadS = LittleEndian.ReadUInt16(buffer, offset + ONearEmptyLead);
            scratch.CallbackPausedS = LittleEndian.ReadUInt16(buffer, offset + OCallbackPaused);
            scratch.CallbackProgrammingS = LittleEndian.ReadUInt16(buffer, offset + OCallbackProgramming);
            int problem = ConfigurationChecks.CheckStorable(scratch);
            if (problem == ConfigProblem.None)
            {
                target.CopyFrom(scratch);
            }

            return problem;
        }

        private static int Clamp16(int value)
        {
            return value < 0 ? 0 : (value > 0xFFFF ? 0xFFFF : value);
        }

        private static void PutAscii(byte[] buffer, int at, string text, int width)
        {
            int n = text == null ? 0 : (text.Length < width ? text.Length : width);
            for (int i = 0; i < n; i++)
            {
                char ch = text![i];
                buffer[at + i] = ch < 0x80 ? (byte)ch : (byte)'?';
            }
        }

        /// <summary>Text zero-padded to width; null when a byte after the first zero is not zero or a byte is not printable ASCII.</summary>
        private static string? GetAscii(byte[] buffer, int at, int width)
        {
            int length = 0;
            while (length < width && buffer[at + length] != 0)
            {
                byte b = buffer[at + length];
                if (b < 0x20 || b > 0x7E)
                {
                    return null;
                }

                length++;
            }

            for (int i = length; i < width; i++)
            {
                if (buffer[at + i] != 0)
                {
                    return null;
                }
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)buffer[at + i];
            }

            return new string(chars);
        }
    }
}
