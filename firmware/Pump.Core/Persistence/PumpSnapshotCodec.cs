namespace Pump.Core.Persistence
{
    /// <summary>
    /// Encodes a <see cref="PumpSnapshot"/> as a payload of 8-byte little-endian fields in a fixed order
    /// (byte map in hardware-docs/persistence.md). Evolution rule (PER-005): a later version only
    /// APPENDS fields and raises <see cref="CurrentFormatVersion"/>; a field's meaning never changes
    /// (a change of meaning needs a new record magic). A reader takes the fields it knows, gives
    /// missing ones their defaults and reports how many were missing; fields it does not know are
    /// ignored. Each field is range-checked on decode: CRC-valid bytes out of range are rejected.
    /// </summary>
    public static class PumpSnapshotCodec
    {
        public const int CurrentFormatVersion = 3;

        /// <summary>Oldest version this firmware reads.</summary>
        public const int MinReadableVersion = 1;

        public const int FieldBytes = 8;

        // Field indexes: the on-store order. Append only.
        public const int FieldPumpStateCode = 0;
        public const int FieldProgramPresent = 1;
        public const int FieldDrugId = 2;
        public const int FieldConcentrationUgPerMl = 3;
        public const int FieldWeightG = 4;
        public const int FieldDoseUgPerKg = 5;
        public const int FieldDurationMs = 6;
        public const int FieldSyringeId = 7;
        public const int FieldTotalMicrosteps = 8;
        public const int FieldRateMicrosteps = 9;
        public const int FieldRatePeriodUs = 10;
        public const int FieldDeliveredMicrosteps = 11;
        public const int FieldDeliveredIsExact = 12;
        public const int FieldVolumeDeliveredNl = 13;
        public const int FieldActiveAlarmBits = 14;
        public const int FieldLatchedAlarmBits = 15;
        public const int FieldAlarmAudioPausedUntilMs = 16;
        public const int FieldSessionStartUtcSeconds = 17;
        public const int FieldBaselineSbpMmHg = 18;
        public const int FieldBaselineDbpMmHg = 19;
        public const int FieldBaselineHrBpm = 20;
        public const int FieldBaselineSpo2Percent = 21;
        public const int FieldVitalHoldLatched = 22;
        public const int FieldBootCount = 23;
        public const int FieldDeliveryActive = 24;
        // Version 2: the plain mL/h program's entered rate and volume (restored exactly after power loss).
        public const int FieldProgramRateNlPerH = 25;
        public const int FieldProgramVolumeNl = 26;
        // Version 3: the vital-sign rules latched at the save, one bit per rule index (INT-501).
        public const int FieldVitalLatchedRules = 27;

        /// <summary>Fields written by <see cref="CurrentFormatVersion"/>.</summary>
        public const int FieldCount = 28;

        /// <summary>Payload bytes written by <see cref="CurrentFormatVersion"/>.</summary>
        public const int PayloadBytes = FieldCount * FieldBytes;

        /// <summary>Writes the snapshot into buffer[offset..]; returns the payload length.</summary>
        public static int Encode(PumpSnapshot s, byte[] buffer, int offset)
        {
            Put(buffer, offset, FieldPumpStateCode, s.PumpStateCode);
            Put(buffer, offset, FieldProgramPresent, s.ProgramPresent ? 1 : 0);
            Put(buffer, offset, FieldDrugId, s.DrugId);
            Put(buffer, offset, FieldConcentrationUgPerMl, s.ConcentrationUgPerMl);
            Put(buffer, offset, FieldWeightG, s.WeightG);
            Put(buffer, offset, FieldDoseUgPerKg, s.DoseUgPerKg);
            Put(buffer, offset, FieldDurationMs, s.DurationMs);
            Put(buffer, offset, FieldSyringeId, s.SyringeId);
            Put(buffer, offset, FieldTotalMicrosteps, s.TotalMicrosteps);
            Put(buffer, offset, FieldRateMicrosteps, s.RateMicrosteps);
            Put(buffer, offset, FieldRatePeriodUs, s.RatePeriodUs);
            Put(buffer, offset, FieldDeliveredMicrosteps, s.DeliveredMicrosteps);
            Put(buffer, offset, FieldDeliveredIsExact, s.DeliveredIsExact ? 1 : 0);
            Put(buffer, offset, FieldVolumeDeliveredNl, s.VolumeDeliveredNl);
            Put(buffer, offset, FieldActiveAlarmBits, s.ActiveAlarmBits);
            Put(buffer, offset, FieldLatchedAlarmBits, s.LatchedAlarmBits);
            Put(buffer, offset, FieldAlarmAudioPausedUntilMs, s.AlarmAudioPausedUntilMs);
            Put(buffer, offset, FieldSessionStartUtcSeconds, s.SessionStartUtcSeconds);
            Put(buffer, offset, FieldBaselineSbpMmHg, s.BaselineSbpMmHg);
            Put(buffer, offset, FieldBaselineDbpMmHg, s.BaselineDbpMmHg);
            Put(buffer, offset, FieldBaselineHrBpm, s.BaselineHrBpm);
            Put(buffer, offset, FieldBaselineSpo2Percent, s.BaselineSpo2Percent);
            Put(buffer, offset, FieldVitalHoldLatched, s.VitalHoldLatched ? 1 : 0);
            Put(buffer, offset, FieldBootCount, s.BootCount);
            Put(buffer, offset, FieldDeliveryActive, s.DeliveryActive ? 1 : 0);
            Put(buffer, offset, FieldProgramRateNlPerH, s.ProgramRateNlPerH);
            Put(buffer, offset, FieldProgramVolumeNl, s.ProgramVolumeNl);
            Put(buffer, offset, FieldVitalLatchedRules, s.VitalLatchedRules);
            return PayloadBytes;
        }

        private static void Put(byte[] buffer, int offset, int field, long value)
        {
            LittleEndian.WriteInt64(buffer, offset + field * FieldBytes, value);
        }

        /// <summary>
        /// Decodes buffer[offset..offset+length) written with formatVersion into s. Returns false (s
        /// reset to defaults) when the length is not whole fields, a field is out of range, or a
        /// field this version must hold is missing; missingFields counts fields absent because the
        /// payload came from an older version and took defaults.
        /// </summary>
        public static bool TryDecode(byte[] buffer, int offset, int length, int formatVersion, PumpSnapshot s, out int missingFields)
        {
            missingFields = 0;
            s.Reset();
            if (length < 0 || length % FieldBytes != 0 || formatVersion < MinReadableVersion)
            {
                return false;
            }

            int present = length / FieldBytes;
            // A payload must carry every field its own version defines (version 1: 25, version 2: 27, version 3: 28).
            int required = formatVersion >= 3 ? FieldCount : formatVersion == 2 ? 27 : 25;
            if (present < required)
            {
                return false;
            }

            missingFields = present < FieldCount ? FieldCount - present : 0;
            int fields = present < FieldCount ? present : FieldCount;
            long v;
            bool ok = true;
            for (int f = 0; f < fields && ok; f++)
            {
                v = LittleEndian.ReadInt64(buffer, offset + f * FieldBytes);
                ok = Assign(s, f, v);
            }

            if (!ok)
            {
                s.Reset();
                return false;
            }

            s.FormatVersion = formatVersion;
            return true;
        }

        private static bool Assign(PumpSnapshot s, int field, long v)
        {
            switch (field)
            {
                case FieldPumpStateCode: return TryInt(v, out s.PumpStateCode);
                case FieldProgramPresent: return TryBool(v, out s.ProgramPresent);
                case FieldDrugId: return TryInt(v, out s.DrugId);
                case FieldConcentrationUgPerMl: s.ConcentrationUgPerMl = v; return v >= 0 && v <= int.MaxValue;   // restored as an int
                case FieldWeightG: s.WeightG = v; return v >= 0;
                case FieldDoseUgPerKg: s.DoseUgPerKg = v; return v >= 0;
                case FieldDurationMs: s.DurationMs = v; return v >= 0;
                case FieldSyringeId: return TryInt(v, out s.SyringeId);
                case FieldTotalMicrosteps: s.TotalMicrosteps = v; return v >= 0;
                case FieldRateMicrosteps: s.RateMicrosteps = v; return v >= 0;
                case FieldRatePeriodUs: s.RatePeriodUs = v; return v >= 0;
                case FieldDeliveredMicrosteps: s.DeliveredMicrosteps = v; return v >= 0;
                case FieldDeliveredIsExact: return TryBool(v, out s.DeliveredIsExact);
                case FieldVolumeDeliveredNl: s.VolumeDeliveredNl = v; return v >= -1;
                case FieldActiveAlarmBits: s.ActiveAlarmBits = v; return true;
                case FieldLatchedAlarmBits: s.LatchedAlarmBits = v; return true;
                case FieldAlarmAudioPausedUntilMs: s.AlarmAudioPausedUntilMs = v; return true;
                case FieldSessionStartUtcSeconds: s.SessionStartUtcSeconds = v; return v >= -1;
                case FieldBaselineSbpMmHg: return TryInt(v, out s.BaselineSbpMmHg);
                case FieldBaselineDbpMmHg: return TryInt(v, out s.BaselineDbpMmHg);
                case FieldBaselineHrBpm: return TryInt(v, out s.BaselineHrBpm);
                case FieldBaselineSpo2Percent: return TryInt(v, out s.BaselineSpo2Percent);
                case FieldVitalHoldLatched: return TryBool(v, out s.VitalHoldLatched);
                case FieldBootCount: s.BootCount = v; return v >= 0;
                case FieldDeliveryActive: return TryBool(v, out s.DeliveryActive);
                case FieldProgramRateNlPerH: s.ProgramRateNlPerH = v; return v >= 0;
                case FieldProgramVolumeNl: s.ProgramVolumeNl = v; return v >= 0;
                case FieldVitalLatchedRules: s.VitalLatchedRules = v; return v >= 0;
                default: return true;
            }
        }

        private static bool TryInt(long v, out int value)
        {
            value = (int)v;
            return v >= int.MinValue && v <= int.MaxValue;
        }

        private static bool TryBool(long v, out bool value)
        {
            value = v == 1;
            return v == 0 || v == 1;
        }
    }
}
