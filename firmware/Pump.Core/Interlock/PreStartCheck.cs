using Pump.Core.Link;

namespace Pump.Core.Interlock
{
    /// <summary>
    /// Decides whether an infusion may start from the latest monitor frame and captures the baseline.
    /// Requires a fresh frame (younger than the lease length) with HR, usable SpO2 and an NIBP reading no
    /// older than the profile's baseline age (clinical.md §6a: 5 min), then applies the §6b pre-start blocks.
    /// </summary>
    public static class PreStartCheck
    {
        /// <summary>Fills <paramref name="baseline"/> (Valid only when the result is Ok).</summary>
        public static StartCheck Evaluate(VitalSigns latest, bool haveFrame, long nowMs, InterlockProfile profile, VitalBaseline baseline)
        {
            baseline.Clear();
            if (!haveFrame)
            {
                return StartCheck.NoMonitorData;
            }

            if (latest.ReceivedAtMs > nowMs || nowMs - latest.ReceivedAtMs >= profile.LeaseMs)
            {
                return StartCheck.MonitorDataStale;
            }

            if (!latest.HeartRateAvailable)
            {
                return StartCheck.HeartRateMissing;
            }

            if ((latest.StatusFlags & VitalSigns.StatusSpo2ProbeOff) != 0)
            {
                return StartCheck.Spo2ProbeOff;
            }

            if (!latest.Spo2Usable)
            {
                return StartCheck.Spo2Missing;
            }

            if (!latest.NibpUsable)
            {
                return StartCheck.NibpMissing;
            }

            if (nowMs - latest.NibpMeasuredAtMs > (long)profile.BaselineMaxAgeS * 1000L)
            {
                return StartCheck.NibpTooOld;
            }

            if (profile.RespiratoryRateRequired && !latest.RespiratoryRateAvailable)
            {
                return StartCheck.RespiratoryRateMissing;
            }

            PreStartLimits limits = profile.PreStart;
            if (latest.SystolicMmHg >= limits.SystolicBlockAtLeastMmHg)
            {
                return StartCheck.SystolicTooHigh;
            }

            if (latest.DiastolicMmHg >= limits.DiastolicBlockAtLeastMmHg)
            {
                return StartCheck.DiastolicTooHigh;
            }

            if (latest.HeartRateBpm < limits.HeartRateBlockBelowBpm || latest.HeartRateBpm > limits.HeartRateBlockAboveBpm)
            {
                return StartCheck.HeartRateOutOfRange;
            }

            if (latest.Spo2Percent < limits.Spo2BlockBelowPercent)
            {
                return StartCheck.Spo2TooLow;
            }

            if (latest.RespiratoryRateAvailable
                && (latest.RespiratoryRatePerMin < limits.RespRateBlockBelowPerMin || latest.RespiratoryRatePerMin > limits.RespRateBlockAbovePerMin))
            {
                return StartCheck.RespiratoryRateOutOfRange;
            }

            baseline.Valid = true;
            baseline.SystolicMmHg = latest.SystolicMmHg;
            baseline.DiastolicMmHg = latest.DiastolicMmHg;
            baseline.HeartRateBpm = latest.HeartRateBpm;
            baseline.Spo2Percent = latest.Spo2Percent;
            baseline.RespiratoryRatePerMin = latest.RespiratoryRateAvailable ? latest.RespiratoryRatePerMin : 0;
            baseline.NibpReadingNumber = latest.NibpReadingNumber;
            baseline.NibpMeasuredAtMs = latest.NibpMeasuredAtMs;
            baseline.CapturedAtMs = latest.ReceivedAtMs;
            if (latest.SystolicMmHg >= limits.SystolicWarnAtLeastMmHg)
            {
                baseline.Warnings |= StartWarnings.SystolicElevated;
            }

            if (latest.DiastolicMmHg >= limits.DiastolicWarnAtLeastMmHg)
            {
                baseline.Warnings |= StartWarnings.DiastolicElevated;
            }

            return StartCheck.Ok;
        }
    }
}
