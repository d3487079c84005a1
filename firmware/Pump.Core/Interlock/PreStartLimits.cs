namespace Pump.Core.Interlock
{
    /// <summary>
    /// Vital signs that block (or warn before) the start of an infusion (clinical.md §6b "Pre-start" column).
    /// Block: value at or beyond the limit. Warn: start allowed, the panel shows the warning.
    /// </summary>
    public sealed class PreStartLimits
    {
        public PreStartLimits(
            int systolicBlockAtLeastMmHg,
            int systolicWarnAtLeastMmHg,
            int diastolicBlockAtLeastMmHg,
            int diastolicWarnAtLeastMmHg,
            int heartRateBlockBelowBpm,
            int heartRateBlockAboveBpm,
            int spo2BlockBelowPercent,
            int respRateBlockBelowPerMin,
            int respRateBlockAbovePerMin)
        {
            SystolicBlockAtLeastMmHg = systolicBlockAtLeastMmHg;
            SystolicWarnAtLeastMmHg = systolicWarnAtLeastMmHg;
            DiastolicBlockAtLeastMmHg = diastolicBlockAtLeastMmHg;
            DiastolicWarnAtLeastMmHg = diastolicWarnAtLeastMmHg;
            HeartRateBlockBelowBpm = heartRateBlockBelowBpm;
            HeartRateBlockAboveBpm = heartRateBlockAboveBpm;
            Spo2BlockBelowPercent = spo2BlockBelowPercent;
            RespRateBlockBelowPerMin = respRateBlockBelowPerMin;
            RespRateBlockAbovePerMin = respRateBlockAbovePerMin;
        }

        public readonly int SystolicBlockAtLeastMmHg;
        public readonly int SystolicWarnAtLeastMmHg;
        public readonly int DiastolicBlockAtLeastMmHg;
        public readonly int DiastolicWarnAtLeastMmHg;
        public readonly int HeartRateBlockBelowBpm;
        public readonly int HeartRateBlockAboveBpm;
        public readonly int Spo2BlockBelowPercent;
        public readonly int RespRateBlockBelowPerMin;
        public readonly int RespRateBlockAbovePerMin;
    }
}
