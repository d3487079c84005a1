namespace Pump.Core.Interlock
{
    /// <summary>
    /// The patient's vital signs captured from the linked monitor when the session starts. Relative rules
    /// ("rise ≥ 30 from baseline") subtract these values. Preallocated; refilled by <see cref="PreStartCheck"/>.
    /// </summary>
    public sealed class VitalBaseline
    {
        public bool Valid;
        public int SystolicMmHg;
        public int DiastolicMmHg;
        public int HeartRateBpm;
        public int Spo2Percent;

        /// <summary>0 when the monitor did not report respiratory rate at baseline.</summary>
        public int RespiratoryRatePerMin;

        public int NibpReadingNumber;

        /// <summary>Pump time at which the baseline NIBP reading was taken.</summary>
        public long NibpMeasuredAtMs;

        /// <summary>Pump time at which the frame carrying the baseline was received.</summary>
        public long CapturedAtMs;

        /// <summary>Bit set of <see cref="StartWarnings"/> values raised when the baseline was checked.</summary>
        public int Warnings;

        public void Clear()
        {
            Valid = false;
            SystolicMmHg = 0;
            DiastolicMmHg = 0;
            HeartRateBpm = 0;
            Spo2Percent = 0;
            RespiratoryRatePerMin = 0;
            NibpReadingNumber = 0;
            NibpMeasuredAtMs = 0;
            CapturedAtMs = 0;
            Warnings = 0;
        }
    }
}
