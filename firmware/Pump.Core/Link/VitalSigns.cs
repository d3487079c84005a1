namespace Pump.Core.Link
{
    /// <summary>
    /// One vital-signs report from the paired monitor, in integer units. A mutable holder so that
    /// the parser and the interlock can reuse preallocated instances (no allocation per frame).
    /// A value is meaningful only when its "available" flag is set; unavailable values are 0.
    /// On the wire (link v2) each value has its own status and age; the parser turns the statuses into the
    /// flags below (see <see cref="MonitorFrameFormat"/>), and each value keeps its own measurement age.
    /// </summary>
    public sealed class VitalSigns
    {
        // Availability bits: a clear bit means "value not available".
        public const int AvailHeartRate = 0x01;
        public const int AvailSpo2 = 0x02;
        public const int AvailRespiratoryRate = 0x04;
        public const int AvailNibp = 0x08;
        public const int AvailKnownMask = 0x0F;

        // Sensor status bits.
        public const int StatusSpo2ProbeOff = 0x01;
        public const int StatusSpo2Artifact = 0x02;
        public const int StatusNibpCuffError = 0x04;
        public const int StatusEcgLeadsOff = 0x08;
        public const int StatusKnownMask = 0x0F;

        /// <summary>Longest bed label carried (ASCII, printable, NUL-padded on the wire).</summary>
        public const int BedLabelLength = 16;

        /// <summary>Identity of the sending link end (the bridge or monitor the pump is paired with).</summary>
        public uint MonitorId;

        /// <summary>The sender's boot number: a restarted sender counts up and numbers its frames afresh.</summary>
        public uint Boot;

        /// <summary>Frame sequence number; strictly increasing within one boot.</summary>
        public uint Sequence;

        /// <summary>The source patient monitor's own identity (e.g. its EUI-64); never 0 in an accepted frame.</summary>
        public ulong SourceId;

        /// <summary>The source monitor's bed label, ASCII, NUL-padded (shown at pairing and before start).</summary>
        public readonly byte[] BedLabel = new byte[BedLabelLength];

        public int HeartRateBpm;
        public int Spo2Percent;
        public int RespiratoryRatePerMin;
        public int SystolicMmHg;
        public int DiastolicMmHg;
        public int MeanMmHg;

        /// <summary>Age of each value at sending, ms, as the source reported it (each value keeps its own time).</summary>
        public long HeartRateAgeMs;
        public long Spo2AgeMs;
        public long RespiratoryRateAgeMs;
        public long NibpAgeMs;

        /// <summary>Monitor's NIBP measurement counter; a new value means a new cuff reading (wraps at 65536).</summary>
        public int NibpReadingNumber;

        /// <summary>Bit set of Avail* constants.</summary>
        public int AvailableFlags;

        /// <summary>Bit set of Status* constants.</summary>
        public int StatusFlags;

        /// <summary>Pump monotonic time (ms) at which the parser accepted the frame; set by the parser.</summary>
        public long ReceivedAtMs;

        /// <summary>Age of the NIBP reading when the frame was sent, whole seconds (rounded down).</summary>
        public int NibpAgeS
        {
            get { return NibpAgeMs >= 0x7FFFFFFFL * 1000L ? 0x7FFFFFFF : (int)(NibpAgeMs / 1000); }
            set { NibpAgeMs = (long)value * 1000L; }
        }

        public bool HeartRateAvailable => (AvailableFlags & AvailHeartRate) != 0;

        public bool RespiratoryRateAvailable => (AvailableFlags & AvailRespiratoryRate) != 0;

        public bool NibpAvailable => (AvailableFlags & AvailNibp) != 0;

        /// <summary>SpO2 is usable only when reported, the probe is on and the monitor flags no artifact.</summary>
        public bool Spo2Usable =>
            (AvailableFlags & AvailSpo2) != 0
            && (StatusFlags & (StatusSpo2ProbeOff | StatusSpo2Artifact)) == 0;

        /// <summary>NIBP is usable only when reported and the monitor flags no cuff error.</summary>
        public bool NibpUsable => NibpAvailable && (StatusFlags & StatusNibpCuffError) == 0;

        /// <summary>Pump time at which the NIBP reading was taken (receive time minus the reported age).</summary>
        public long NibpMeasuredAtMs => ReceivedAtMs - NibpAgeMs;

        /// <summary>
        /// Age of the oldest available continuous value (HR, SpO2, and RR when <paramref name="includeRespRate"/>):
        /// the lease runs from that measurement, not from the frame's arrival.
        /// </summary>
        public long ContinuousAgeMs(bool includeRespRate)
        {
            long age = 0;
            if (HeartRateAvailable && HeartRateAgeMs > age)
            {
                age = HeartRateAgeMs;
            }

            if ((AvailableFlags & AvailSpo2) != 0 && Spo2AgeMs > age)
            {
                age = Spo2AgeMs;
            }

            if (includeRespRate && RespiratoryRateAvailable && RespiratoryRateAgeMs > age)
            {
                age = RespiratoryRateAgeMs;
            }

            return age;
        }

        /// <summary>True when the bed label equals <paramref name="other"/>'s byte for byte.</summary>
        public bool SameSource(VitalSigns other)
        {
            if (SourceId != other.SourceId)
            {
                return false;
            }

            for (int i = 0; i < BedLabelLength; i++)
            {
                if (BedLabel[i] != other.BedLabel[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The bed label as text (allocates: for pairing and service screens, not the control tick).</summary>
        public string BedLabelText()
        {
            int n = 0;
            while (n < BedLabelLength && BedLabel[n] != 0)
            {
                n++;
            }

            char[] chars = new char[n];
            for (int i = 0; i < n; i++)
            {
                chars[i] = (char)BedLabel[i];
            }

            return new string(chars);
        }

        /// <summary>Sets the bed label from ASCII text, truncated to <see cref="BedLabelLength"/> (test and simulator helper).</summary>
        public void SetBedLabel(string text)
        {
            for (int i = 0; i < BedLabelLength; i++)
            {
                BedLabel[i] = text != null && i < text.Length ? (byte)text[i] : (byte)0;
            }
        }

        public void CopyFrom(VitalSigns other)
        {
            MonitorId = other.MonitorId;
            Boot = other.Boot;
            Sequence = other.Sequence;
            SourceId = other.SourceId;
            for (int i = 0; i < BedLabelLength; i++)
            {
                BedLabel[i] = other.BedLabel[i];
            }

            HeartRateBpm = other.HeartRateBpm;
            Spo2Percent = other.Spo2Percent;
            RespiratoryRatePerMin = other.RespiratoryRatePerMin;
            SystolicMmHg = other.SystolicMmHg;
            DiastolicMmHg = other.DiastolicMmHg;
            MeanMmHg = other.MeanMmHg;
            HeartRateAgeMs = other.HeartRateAgeMs;
            Spo2AgeMs = other.Spo2AgeMs;
            RespiratoryRateAgeMs = other.RespiratoryRateAgeMs;
            NibpAgeMs = other.NibpAgeMs;
            NibpReadingNumber = other.NibpReadingNumber;
            AvailableFlags = other.AvailableFlags;
            StatusFlags = other.StatusFlags;
            ReceivedAtMs = other.ReceivedAtMs;
        }

        public void Clear()
        {
            MonitorId = 0;
            Boot = 0;
            Sequence = 0;
            SourceId = 0;
            for (int i = 0; i < BedLabelLength; i++)
            {
                BedLabel[i] = 0;
            }

            HeartRateBpm = 0;
            Spo2Percent = 0;
            RespiratoryRatePerMin = 0;
            SystolicMmHg = 0;
            DiastolicMmHg = 0;
            MeanMmHg = 0;
            HeartRateAgeMs = 0;
            Spo2AgeMs = 0;
            RespiratoryRateAgeMs = 0;
            NibpAgeMs = 0;
            NibpReadingNumber = 0;
            AvailableFlags = 0;
            StatusFlags = 0;
            ReceivedAtMs = 0;
        }
    }
}
