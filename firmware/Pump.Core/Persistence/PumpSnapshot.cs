namespace Pump.Core.Persistence
{
    /// <summary>
    /// The pump state that survives power loss (DESIGN.md D10, PER-004). Plain integer fields in
    /// stated units. The delivered fields (<see cref="DeliveredMicrosteps"/>, <see cref="DeliveredIsExact"/>,
    /// <see cref="VolumeDeliveredNl"/>, <see cref="DeliveryActive"/>) belong to <see cref="PersistentDeliveryLedger"/>: every save
    /// stamps them from the ledger, so no other writer can lower the persisted delivered bound.
    /// </summary>
    public sealed class PumpSnapshot
    {
        /// <summary>Format version the snapshot was decoded from (the codec writes its current one).</summary>
        public int FormatVersion;

        /// <summary>State machine state code (owned by the state table).</summary>
        public int PumpStateCode;

        public bool ProgramPresent;
        public int DrugId;
        public long ConcentrationUgPerMl;
        public long WeightG;
        public long DoseUgPerKg;
        public long DurationMs;
        public int SyringeId;
        public long TotalMicrosteps;

        /// <summary>Rate as a ratio: <see cref="RateMicrosteps"/> microsteps every <see cref="RatePeriodUs"/> µs.</summary>
        public long RateMicrosteps;
        public long RatePeriodUs;

        /// <summary>UPPER BOUND of the microsteps truly delivered in this program (exact after an orderly stop).</summary>
        public long DeliveredMicrosteps;

        /// <summary>True when <see cref="DeliveredMicrosteps"/> is the exact counted value (orderly stop),
        /// false when it is a write-ahead reservation (the motor may have run up to it, not beyond).</summary>
        public bool DeliveredIsExact = true;

        /// <summary>Volume of <see cref="DeliveredMicrosteps"/> in nL (rounded up for a bound, down when exact);
        /// -1 when the ledger had no syringe calibration.</summary>
        public long VolumeDeliveredNl;

        /// <summary>True from the start of delivery until an orderly stop: if a power-up finds it set, power
        /// was lost while the motor could run (the delivered value is then an upper bound).</summary>
        public bool DeliveryActive;

        /// <summary>Plain mL/h programs: the entered rate and volume (0 for weight-based programs). Version 2.</summary>
        public long ProgramRateNlPerH;
        public long ProgramVolumeNl;

        public long ActiveAlarmBits;
        public long LatchedAlarmBits;

        /// <summary>Monotonic ms (of boot <see cref="BootCount"/>) until which alarm audio is paused.
        /// Meaningless after a restart: the monotonic clock restarts, so audio re-arms.</summary>
        public long AlarmAudioPausedUntilMs;

        /// <summary>RTC time the session started; -1 when the RTC was not valid.</summary>
        public long SessionStartUtcSeconds = -1;

        public int BaselineSbpMmHg;
        public int BaselineDbpMmHg;
        public int BaselineHrBpm;
        public int BaselineSpo2Percent;
        public bool VitalHoldLatched;

        /// <summary>Vital-sign rules latched at the save, one bit per rule-table index; 0 in older records (version 3).</summary>
        public long VitalLatchedRules;

        /// <summary>Power-ups since the store was first written; raised once per boot.</summary>
        public long BootCount;

        /// <summary>Every field back to its power-on default (no program, nothing delivered).</summary>
        public void Reset()
        {
            FormatVersion = PumpSnapshotCodec.CurrentFormatVersion;
            PumpStateCode = 0;
            ProgramPresent = false;
            DrugId = 0;
            ConcentrationUgPerMl = 0;
            WeightG = 0;
            DoseUgPerKg = 0;
            DurationMs = 0;
            SyringeId = 0;
            TotalMicrosteps = 0;
            RateMicrosteps = 0;
            RatePeriodUs = 0;
            DeliveredMicrosteps = 0;
            DeliveredIsExact = true;
            VolumeDeliveredNl = 0;
            DeliveryActive = false;
            ProgramRateNlPerH = 0;
            ProgramVolumeNl = 0;
            ActiveAlarmBits = 0;
            LatchedAlarmBits = 0;
            AlarmAudioPausedUntilMs = 0;
            SessionStartUtcSeconds = -1;
            BaselineSbpMmHg = 0;
            BaselineDbpMmHg = 0;
            BaselineHrBpm = 0;
            BaselineSpo2Percent = 0;
            VitalHoldLatched = false;
            VitalLatchedRules = 0;
            BootCount = 0;
        }

        /// <summary>Copies every field from another snapshot (no allocation).</summary>
        public void CopyFrom(PumpSnapshot other)
        {
            FormatVersion = other.FormatVersion;
            PumpStateCode = other.PumpStateCode;
            ProgramPresent = other.ProgramPresent;
            DrugId = other.DrugId;
            ConcentrationUgPerMl = other.ConcentrationUgPerMl;
            WeightG = other.WeightG;
            DoseUgPerKg = other.DoseUgPerKg;
            DurationMs = other.DurationMs;
            SyringeId = other.SyringeId;
            TotalMicrosteps = other.TotalMicrosteps;
            RateMicrosteps = other.RateMicrosteps;
            RatePeriodUs = other.RatePeriodUs;
            DeliveredMicrosteps = other.DeliveredMicrosteps;
            DeliveredIsExact = other.DeliveredIsExact;
            VolumeDeliveredNl = other.VolumeDeliveredNl;
            DeliveryActive = other.DeliveryActive;
            ProgramRateNlPerH = other.ProgramRateNlPerH;
            ProgramVolumeNl = other.ProgramVolumeNl;
            ActiveAlarmBits = other.ActiveAlarmBits;
            LatchedAlarmBits = other.LatchedAlarmBits;
            AlarmAudioPausedUntilMs = other.AlarmAudioPausedUntilMs;
            SessionStartUtcSeconds = other.SessionStartUtcSeconds;
            BaselineSbpMmHg = other.BaselineSbpMmHg;
            BaselineDbpMmHg = other.BaselineDbpMmHg;
            BaselineHrBpm = other.BaselineHrBpm;
            BaselineSpo2Percent = other.BaselineSpo2Percent;
            VitalHoldLatched = other.VitalHoldLatched;
            VitalLatchedRules = other.VitalLatchedRules;
            BootCount = other.BootCount;
        }
    }
}
