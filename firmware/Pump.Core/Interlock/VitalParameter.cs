namespace Pump.Core.Interlock
{
    /// <summary>
    /// What a rule looks at. The first group are measured values from the frame; the last group are
    /// data ages the evaluator derives from time (ms), so staleness rules live in the same table.
    /// </summary>
    public enum VitalParameter
    {
        SystolicMmHg = 0,
        DiastolicMmHg = 1,
        HeartRateBpm = 2,
        Spo2Percent = 3,
        RespiratoryRatePerMin = 4,

        /// <summary>ms since the last NIBP reading was taken (since session start if none).</summary>
        NibpAgeMs = 5,

        /// <summary>ms since the last frame with usable SpO2 (probe on, no artifact).</summary>
        Spo2LostMs = 6,

        /// <summary>ms since the last accepted frame.</summary>
        LinkSilentMs = 7,
    }
}
