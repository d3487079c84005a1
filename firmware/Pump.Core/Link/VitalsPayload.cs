namespace Pump.Core.Link
{
    /// <summary>
    /// Reads and writes the version-2 vitals payload: per value a number, its own status and its own age.
    /// Statuses map to and from the <see cref="VitalSigns"/> flags the interlock reads; a value whose status is
    /// not Valid travels as 0 with age 0, so nothing unusable reaches the pump as a number.
    /// </summary>
    public static class VitalsPayload
    {
        /// <summary>Writes <paramref name="v"/> at buffer[at..]; false (nothing useful written) if a field does not fit.</summary>
        public static bool Write(VitalSigns v, byte[] buffer, int at)
        {
            int hr = HeartRateStatus(v);
            int spo2 = Spo2Status(v);
            int rr = v.RespiratoryRateAvailable ? ValueStatus.Valid : ValueStatus.Unavailable;
            int nibp = NibpStatus(v);
            if (!Fits(hr, v.HeartRateBpm, v.HeartRateAgeMs) || !Fits(spo2, v.Spo2Percent, v.Spo2AgeMs)
                || !Fits(rr, v.RespiratoryRatePerMin, v.RespiratoryRateAgeMs) || !Fits(nibp, v.SystolicMmHg, v.NibpAgeMs)
                || !FitsU16(v.DiastolicMmHg) || !FitsU16(v.MeanMmHg) || !FitsU16(v.NibpReadingNumber))
            {
                return false;
            }

            MonitorFrameFormat.WriteU64(buffer, at + MonitorFrameFormat.PSourceId, v.SourceId);
            for (int i = 0; i < VitalSigns.BedLabelLength; i++)
            {
                buffer[at + MonitorFrameFormat.PBedLabel + i] = v.BedLabel[i];
            }

            WriteRecord(buffer, at + MonitorFrameFormat.PHeartRate, hr, v.HeartRateBpm, v.HeartRateAgeMs);
            WriteRecord(buffer, at + MonitorFrameFormat.PSpo2, spo2, v.Spo2Percent, v.Spo2AgeMs);
            WriteRecord(buffer, at + MonitorFrameFormat.PRespRate, rr, v.RespiratoryRatePerMin, v.RespiratoryRateAgeMs);
            int n = at + MonitorFrameFormat.PNibp;
            bool valid = nibp == ValueStatus.Valid;
            MonitorFrameFormat.WriteU16(buffer, n + MonitorFrameFormat.NSystolic, valid ? v.SystolicMmHg : 0);
            MonitorFrameFormat.WriteU16(buffer, n + MonitorFrameFormat.NDiastolic, valid ? v.DiastolicMmHg : 0);
            MonitorFrameFormat.WriteU16(buffer, n + MonitorFrameFormat.NMean, valid ? v.MeanMmHg : 0);
            MonitorFrameFormat.WriteU16(buffer, n + MonitorFrameFormat.NReading, v.NibpReadingNumber);
            buffer[n + MonitorFrameFormat.NStatus] = (byte)nibp;
            buffer[n + MonitorFrameFormat.NReserved] = 0;
            MonitorFrameFormat.WriteU32(buffer, n + MonitorFrameFormat.NAge, valid ? (uint)v.NibpAgeMs : 0u);
            return true;
        }

        /// <summary>
        /// Decodes the payload at buffer[at..] into <paramref name="into"/> (header fields untouched). Returns
        /// false when a status or reserved byte is unknown, or a non-Valid value carries a number or an age.
        /// Value ranges are judged afterwards by <see cref="MonitorFrameFormat.IsPlausible"/>.
        /// </summary>
        public static bool Read(byte[] buffer, int at, VitalSigns into)
        {
            into.SourceId = MonitorFrameFormat.ReadU64(buffer, at + MonitorFrameFormat.PSourceId);
            for (int i = 0; i < VitalSigns.BedLabelLength; i++)
            {
                into.BedLabel[i] = buffer[at + MonitorFrameFormat.PBedLabel + i];
            }

            int avail = 0;
            int flags = 0;
            int hr = ReadRecord(buffer, at + MonitorFrameFormat.PHeartRate, out into.HeartRateBpm, out into.HeartRateAgeMs);
            int spo2 = ReadRecord(buffer, at + MonitorFrameFormat.PSpo2, out into.Spo2Percent, out into.Spo2AgeMs);
            int rr = ReadRecord(buffer, at + MonitorFrameFormat.PRespRate, out into.RespiratoryRatePerMin, out into.RespiratoryRateAgeMs);
            int n = at + MonitorFrameFormat.PNibp;
            into.SystolicMmHg = MonitorFrameFormat.ReadU16(buffer, n + MonitorFrameFormat.NSystolic);
            into.DiastolicMmHg = MonitorFrameFormat.ReadU16(buffer, n + MonitorFrameFormat.NDiastolic);
            into.MeanMmHg = MonitorFrameFormat.ReadU16(buffer, n + MonitorFrameFormat.NMean);
            into.NibpReadingNumber = MonitorFrameFormat.ReadU16(buffer, n + MonitorFrameFormat.NReading);
            into.NibpAgeMs = MonitorFrameFormat.ReadU32(buffer, n + MonitorFrameFormat.NAge);
            int nibp = buffer[n + MonitorFrameFormat.NStatus];
            if (hr < 0 || spo2 < 0 || rr < 0 || nibp > ValueStatus.MaxKnown || buffer[n + MonitorFrameFormat.NReserved] != 0)
            {
                return false;
            }

            if (nibp != ValueStatus.Valid
                && (into.SystolicMmHg != 0 || into.DiastolicMmHg != 0 || into.MeanMmHg != 0 || into.NibpAgeMs != 0))
            {
                return false;
            }

            if (hr == ValueStatus.Valid) avail |= VitalSigns.AvailHeartRate;
            else if (hr == ValueStatus.SensorOff) flags |= VitalSigns.StatusEcgLeadsOff;
            if (spo2 == ValueStatus.Valid) avail |= VitalSigns.AvailSpo2;
            else if (spo2 == ValueStatus.SensorOff) flags |= VitalSigns.StatusSpo2ProbeOff;
            else if (spo2 == ValueStatus.Artefact) flags |= VitalSigns.StatusSpo2Artifact;
            if (rr == ValueStatus.Valid) avail |= VitalSigns.AvailRespiratoryRate;
            if (nibp == ValueStatus.Valid) avail |= VitalSigns.AvailNibp;
            else if (nibp != ValueStatus.Unavailable) flags |= VitalSigns.StatusNibpCuffError;
            into.AvailableFlags = avail;
            into.StatusFlags = flags;
            return true;
        }

        /// <summary>Wire status of the heart rate implied by the flags.</summary>
        public static int HeartRateStatus(VitalSigns v)
        {
            if (v.HeartRateAvailable) return ValueStatus.Valid;
            return (v.StatusFlags & VitalSigns.StatusEcgLeadsOff) != 0 ? ValueStatus.SensorOff : ValueStatus.Unavailable;
        }

        /// <summary>Wire status of SpO2 implied by the flags (probe off and artefact win over "available").</summary>
        public static int Spo2Status(VitalSigns v)
        {
            if ((v.StatusFlags & VitalSigns.StatusSpo2ProbeOff) != 0) return ValueStatus.SensorOff;
            if ((v.StatusFlags & VitalSigns.StatusSpo2Artifact) != 0) return ValueStatus.Artefact;
            return (v.AvailableFlags & VitalSigns.AvailSpo2) != 0 ? ValueStatus.Valid : ValueStatus.Unavailable;
        }

        /// <summary>Wire status of NIBP implied by the flags (a cuff error wins over "available").</summary>
        public static int NibpStatus(VitalSigns v)
        {
            if ((v.StatusFlags & VitalSigns.StatusNibpCuffError) != 0) return ValueStatus.MeasurementError;
            return v.NibpAvailable ? ValueStatus.Valid : ValueStatus.Unavailable;
        }

        /// <summary>Reads a value record; returns its status, or -1 when the status or reserved byte is unknown or a non-Valid record is not zero.</summary>
        private static int ReadRecord(byte[] b, int at, out int value, out long ageMs)
        {
            value = MonitorFrameFormat.ReadU16(b, at + MonitorFrameFormat.RValue);
            ageMs = MonitorFrameFormat.ReadU32(b, at + MonitorFrameFormat.RAge);
            int status = b[at + MonitorFrameFormat.RStatus];
            if (status > ValueStatus.MaxKnown || b[at + MonitorFrameFormat.RReserved] != 0)
            {
                return -1;
            }

            if (status != ValueStatus.Valid && (value != 0 || ageMs != 0))
            {
                return -1;
            }

            return status;
        }

        private static void WriteRecord(byte[] b, int at, int status, int value, long ageMs)
        {
            bool valid = status == ValueStatus.Valid;
            MonitorFrameFormat.WriteU16(b, at + MonitorFrameFormat.RValue, valid ? value : 0);
            b[at + MonitorFrameFormat.RStatus] = (byte)status;
            b[at + MonitorFrameFormat.RReserved] = 0;
            MonitorFrameFormat.WriteU32(b, at + MonitorFrameFormat.RAge, valid ? (uint)ageMs : 0u);
        }

        private static bool Fits(int status, int value, long ageMs)
        {
            return status != ValueStatus.Valid || (FitsU16(value) && ageMs >= 0 && ageMs <= 0xFFFFFFFFL);
        }

        private static bool FitsU16(int v)
        {
            return v >= 0 && v <= 0xFFFF;
        }
    }
}
