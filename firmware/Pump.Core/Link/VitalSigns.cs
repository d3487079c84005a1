namespace Pump.Core.Link
{
    /// <summary>
    /// One vital-signs report from the paired monitor, in integer units. A mutable holder so that
    /// the parser and the interlock can reuse preallocated instances (no allocation per frame).
    /// A value is meaningful only when its "available" flag is set; unavailable values are 0.
    /// </summary>
    public sealed class VitalSigns
    {
        // Availability bits (frame byte "avail"): a clear bit means "value not available".
        public const int AvailHeartRate = 0x01;
        public const int AvailSpo2 = 0x02;
        public const int AvailRespiratoryRate = 0x04;
        public const int AvailNibp = 0x08;
        public const int AvailKnownMask = 0x0F;

        // Sensor status bits (frame byte "status").
        public const int StatusSpo2ProbeOff = 0x01;
        public const int StatusSpo2Artifact = 0x02;
        public const int StatusNibpCuffError = 0x04;
        public const int StatusEcgLeadsOff = 0x08;
        public const int StatusKnownMask = 0x0F;

        /// <summary>Identity of the sending monitor.</summary>
        public uint MonitorId;

        /// <summary>Frame sequence number; strictly increasing per monitor.</summary>
        public uint Sequence;

        public int HeartRateBpm;
        public int Spo2Percent;
        public int RespiratoryRatePerMin;
        public int SystolicMmHg;
        public int DiastolicMmHg;
        public int MeanMmHg;

        /// <summary>Age of the NIBP reading when the frame was sent, in seconds (monitor-relative; no clock sync).</summary>
        public int NibpAgeS;

        /// <summary>Monitor's NIBP measurement counter; a new value means a new cuff reading (wraps at 65536).</summary>
        public int NibpReadingNumber;

        /// <summary>Bit set of Avail* constants.</summary>
        public int AvailableFlags;

        /// <summary>Bit set of Status* constants.</summary>
        public int StatusFlags;

        /// <summary>Pump monotonic time (ms) at which the parser accepted the frame; set by the parser.</summary>
        public long ReceivedAtMs;

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
        public long NibpMeasuredAtMs => ReceivedAtMs - (long)NibpAgeS * 1000L;

        public void CopyFrom(VitalSigns other)
        {
            MonitorId = other.MonitorId;
            Sequence = other.Sequence;
            HeartRateBpm = other.HeartRateBpm;
            Spo2Percent = other.Spo2Percent;
            RespiratoryRatePerMin = other.RespiratoryRatePerMin;
            SystolicMmHg = other.SystolicMmHg;
            DiastolicMmHg = other.DiastolicMmHg;
            MeanMmHg = other.MeanMmHg;
            NibpAgeS = other.NibpAgeS;
            NibpReadingNumber = other.NibpReadingNumber;
            AvailableFlags = other.AvailableFlags;
            StatusFlags = other.StatusFlags;
            ReceivedAtMs = other.ReceivedAtMs;
        }

        public void Clear()
        {
            MonitorId = 0;
            Sequence = 0;
            HeartRateBpm = 0;
            Spo2Percent = 0;
            RespiratoryRatePerMin = 0;
            SystolicMmHg = 0;
            DiastolicMmHg = 0;
            MeanMmHg = 0;
            NibpAgeS = 0;
            NibpReadingNumber = 0;
            AvailableFlags = 0;
            StatusFlags = 0;
            ReceivedAtMs = 0;
        }
    }
}
