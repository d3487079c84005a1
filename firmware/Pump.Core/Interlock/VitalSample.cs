using Pump.Core.Link;

namespace Pump.Core.Interlock
{
    /// <summary>
    /// What one frame says about one rule's parameter: the value the rule judges (minus the baseline for a
    /// relative rule) and when it was measured. NIBP values count only on a new cuff reading; a value the frame
    /// does not carry is no sample (missing data never clears a condition). Data-age rules are judged from time.
    /// </summary>
    internal static class VitalSample
    {
        internal static bool TryRead(VitalRule rule, VitalSigns frame, VitalBaseline baseline, bool newNibpReading,
            out int value, out long sampleMs)
        {
            value = 0;
            sampleMs = frame.ReceivedAtMs;
            bool relative = rule.RelativeToBaseline;
            switch (rule.Parameter)
            {
                case VitalParameter.SystolicMmHg:
                    sampleMs = frame.NibpMeasuredAtMs;
                    value = frame.SystolicMmHg - (relative ? baseline.SystolicMmHg : 0);
                    return newNibpReading;
                case VitalParameter.DiastolicMmHg:
                    sampleMs = frame.NibpMeasuredAtMs;
                    value = frame.DiastolicMmHg - (relative ? baseline.DiastolicMmHg : 0);
                    return newNibpReading;
                case VitalParameter.HeartRateBpm:
                    value = frame.HeartRateBpm - (relative ? baseline.HeartRateBpm : 0);
                    return frame.HeartRateAvailable;
                case VitalParameter.Spo2Percent:
                    value = frame.Spo2Percent - (relative ? baseline.Spo2Percent : 0);
                    return frame.Spo2Usable;
                case VitalParameter.RespiratoryRatePerMin:
                    value = frame.RespiratoryRatePerMin - (relative ? baseline.RespiratoryRatePerMin : 0);
                    return frame.RespiratoryRateAvailable;
                default:
                    return false;
            }
        }
    }
}
