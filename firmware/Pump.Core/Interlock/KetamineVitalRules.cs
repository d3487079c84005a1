namespace Pump.Core.Interlock
{
    /// <summary>
    /// The vital-sign limit table for the profile "KETAMINE – PSYCH 40 min", exactly as clinical.md §6b
    /// (values [P], anchors cited there; every threshold needs medical-director sign-off). Table order is
    /// the tie-break when several rules of the same level are active: the first one is reported.
    /// Consciousness (MOAA/S) rules need a manual entry, not link data, and are not in this table.
    /// </summary>
    public static class KetamineVitalRules
    {
        /// <summary>"2 readings ≤ 5 min apart".</summary>
        public const int NibpPairMaxGapMs = 5 * 60 * 1000;

        /// <summary>Builds the table. <paramref name="nibpCycleS"/> is the profile's NIBP cycle (300 s in §6b).</summary>
        public static VitalRule[] Create(int nibpCycleS)
        {
            int cycleMs = nibpCycleS * 1000;
            return new VitalRule[]
            {
                // Systolic BP.
                Immediate("SBP_STOP_200", "SBP>=200 STOP", InterlockLevel.Stop, VitalParameter.SystolicMmHg, RuleComparison.AtLeast, 200, false),
                Readings("SBP_HOLD_180X2", "SBP>=180 TWICE", InterlockLevel.Hold, VitalParameter.SystolicMmHg, 180, 2),
                Immediate("SBP_HOLD_RISE40", "SBP RISE>=40", InterlockLevel.Hold, VitalParameter.SystolicMmHg, RuleComparison.AtLeast, 40, true),
                Immediate("SBP_ADV_160", "SBP>=160", InterlockLevel.Advisory, VitalParameter.SystolicMmHg, RuleComparison.AtLeast, 160, false),
                Immediate("SBP_ADV_RISE30", "SBP RISE>=30", InterlockLevel.Advisory, VitalParameter.SystolicMmHg, RuleComparison.AtLeast, 30, true),

                // Diastolic BP.
                Immediate("DBP_STOP_120", "DBP>=120 STOP", InterlockLevel.Stop, VitalParameter.DiastolicMmHg, RuleComparison.AtLeast, 120, false),
                Readings("DBP_HOLD_110X2", "DBP>=110 TWICE", InterlockLevel.Hold, VitalParameter.DiastolicMmHg, 110, 2),
                Immediate("DBP_HOLD_RISE25", "DBP RISE>=25", InterlockLevel.Hold, VitalParameter.DiastolicMmHg, RuleComparison.AtLeast, 25, true),
                Immediate("DBP_ADV_100", "DBP>=100", InterlockLevel.Advisory, VitalParameter.DiastolicMmHg, RuleComparison.AtLeast, 100, false),
                Immediate("DBP_ADV_RISE20", "DBP RISE>=20", InterlockLevel.Advisory, VitalParameter.DiastolicMmHg, RuleComparison.AtLeast, 20, true),

                // Heart rate.
                Immediate("HR_STOP_GT140", "HR>140 STOP", InterlockLevel.Stop, VitalParameter.HeartRateBpm, RuleComparison.Above, 140, false),
                Immediate("HR_STOP_LT40", "HR<40 STOP", InterlockLevel.Stop, VitalParameter.HeartRateBpm, RuleComparison.Below, 40, false),
                Sustained("HR_HOLD_GT120_5M", "HR>120 FOR 5 MIN", InterlockLevel.Hold, VitalParameter.HeartRateBpm, RuleComparison.Above, 120, 5 * 60 * 1000),
                Immediate("HR_ADV_GT110", "HR>110", InterlockLevel.Advisory, VitalParameter.HeartRateBpm, RuleComparison.Above, 110, false),
                Immediate("HR_ADV_LT50", "HR<50", InterlockLevel.Advisory, VitalParameter.HeartRateBpm, RuleComparison.Below, 50, false),

                // SpO2.
                Sustained("SPO2_STOP_LT90_30S", "SPO2<90 STOP", InterlockLevel.Stop, VitalParameter.Spo2Percent, RuleComparison.Below, 90, 30 * 1000),
                Sustained("SPO2_HOLD_LT92_30S", "SPO2<92 FOR 30S", InterlockLevel.Hold, VitalParameter.Spo2Percent, RuleComparison.Below, 92, 30 * 1000),
                Immediate("SPO2_ADV_LT94", "SPO2<94", InterlockLevel.Advisory, VitalParameter.Spo2Percent, RuleComparison.Below, 94, false),

                // Respiratory rate (used when the monitor reports it). Apnoea: RR of 0 for 20 s.
                Sustained("RR_STOP_APNOEA_20S", "APNOEA STOP", InterlockLevel.Stop, VitalParameter.RespiratoryRatePerMin, RuleComparison.AtMost, 0, 20 * 1000),
                Sustained("RR_HOLD_LT8_60S", "RR<8 FOR 60S", InterlockLevel.Hold, VitalParameter.RespiratoryRatePerMin, RuleComparison.Below, 8, 60 * 1000),
                Sustained("RR_HOLD_GT30_60S", "RR>30 FOR 60S", InterlockLevel.Hold, VitalParameter.RespiratoryRatePerMin, RuleComparison.Above, 30, 60 * 1000),
                Immediate("RR_ADV_LT10", "RR<10", InterlockLevel.Advisory, VitalParameter.RespiratoryRatePerMin, RuleComparison.Below, 10, false),
                Immediate("RR_ADV_GT24", "RR>24", InterlockLevel.Advisory, VitalParameter.RespiratoryRatePerMin, RuleComparison.Above, 24, false),

                // Monitor link and data age.
                Immediate("LINK_STOP_LOST_5M", "MONITOR LOST STOP", InterlockLevel.Stop, VitalParameter.LinkSilentMs, RuleComparison.Above, 5 * 60 * 1000, false),
                Immediate("NIBP_HOLD_AGE_2X", "NIBP TOO OLD", InterlockLevel.Hold, VitalParameter.NibpAgeMs, RuleComparison.Above, 2 * cycleMs, false),
                Immediate("SPO2_HOLD_LOST_60S", "SPO2 LOST", InterlockLevel.Hold, VitalParameter.Spo2LostMs, RuleComparison.Above, 60 * 1000, false),
                Immediate("NIBP_ADV_AGE_1_5X", "NIBP OVERDUE", InterlockLevel.Advisory, VitalParameter.NibpAgeMs, RuleComparison.Above, cycleMs + cycleMs / 2, false),
            };
        }

        private static VitalRule Immediate(string code, string message, InterlockLevel level, VitalParameter p, RuleComparison c, int threshold, bool relative)
        {
            return new VitalRule(code, message, level, p, c, threshold, relative, 1, 0, 0);
        }

        private static VitalRule Readings(string code, string message, InterlockLevel level, VitalParameter p, int atLeast, int readings)
        {
            return new VitalRule(code, message, level, p, RuleComparison.AtLeast, atLeast, false, readings, NibpPairMaxGapMs, 0);
        }

        private static VitalRule Sustained(string code, string message, InterlockLevel level, VitalParameter p, RuleComparison c, int threshold, int sustainMs)
        {
            return new VitalRule(code, message, level, p, c, threshold, false, 1, 0, sustainMs);
        }
    }
}
