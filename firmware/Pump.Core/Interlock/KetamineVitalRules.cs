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

        // Advisory persistence (VIT-400), so one noisy cuff or oximeter sample does not raise CHECK VITALS. [P]
        // values proposed by engineering from the 200-patient batch, not clinical anchors: like every threshold
        // in this table they need medical-director sign-off before clinical use. Holds and stops are unchanged.

        /// <summary>NIBP advisories: two consecutive readings at most 5 min apart (as the SBP/DBP holds).</summary>
        public const int AdvisoryReadings = 2;

        /// <summary>HR and RR advisories: every sample beyond the limit for 30 s.</summary>
        public const int AdvisorySustainMs = 30 * 1000;

        /// <summary>SpO2 advisory: 15 s, so it still comes before the 30 s SpO2 hold below 92 %.</summary>
        public const int Spo2AdvisorySustainMs = 15 * 1000;

        /// <summary>Builds the table. <paramref name="nibpCycleS"/> is the profile's NIBP cycle (300 s in §6b).</summary>
        public static VitalRule[] Create(int nibpCycleS)
        {
            int cycleMs = nibpCycleS * 1000;
            return new VitalRule[]
            {
                // Systolic BP.
                Immediate("SBP_STOP_200", "SBP>=200 STOP", InterlockLevel.Stop, VitalParameter.SystolicMmHg, RuleComparison.AtLeast, 200, false),
                Readings("SBP_HOLD_180X2", "SBP>=180 TWICE", InterlockLevel.Hold, VitalParameter.SystolicMmHg, 180, false, 2),
                Immediate("SBP_HOLD_RISE40", "SBP RISE>=40", InterlockLevel.Hold, VitalParameter.SystolicMmHg, RuleComparison.AtLeast, 40, true),
                Readings("SBP_ADV_160", "SBP>=160 TWICE", InterlockLevel.Advisory, VitalParameter.SystolicMmHg, 160, false, AdvisoryReadings),
                Readings("SBP_ADV_RISE30", "SBP RISE>=30 TWICE", InterlockLevel.Advisory, VitalParameter.SystolicMmHg, 30, true, AdvisoryReadings),

                // Diastolic BP.
                Immediate("DBP_STOP_120", "DBP>=120 STOP", InterlockLevel.Stop, VitalParameter.DiastolicMmHg, RuleComparison.AtLeast, 120, false),
                Readings("DBP_HOLD_110X2", "DBP>=110 TWICE", InterlockLevel.Hold, VitalParameter.DiastolicMmHg, 110, false, 2),
                Immediate("DBP_HOLD_RISE25", "DBP RISE>=25", InterlockLevel.Hold, VitalParameter.DiastolicMmHg, RuleComparison.AtLeast, 25, true),
                Readings("DBP_ADV_100", "DBP>=100 TWICE", InterlockLevel.Advisory, VitalParameter.DiastolicMmHg, 100, false, AdvisoryReadings),
                Readings("DBP_ADV_RISE20", "DBP RISE>=20 TWICE", InterlockLevel.Advisory, VitalParameter.DiastolicMmHg, 20, true, AdvisoryReadings),

                // Heart rate.
                Immediate("HR_STOP_GT140", "HR>140 STOP", InterlockLevel.Stop, VitalParameter.HeartRateBpm, RuleComparison.Above, 140, false),
                Immediate("HR_STOP_LT40", "HR<40 STOP", InterlockLevel.Stop, VitalParameter.HeartRateBpm, RuleComparison.Below, 40, false),
                Sustained("HR_HOLD_GT120_5M", "HR>120 FOR 5 MIN", InterlockLevel.Hold, VitalParameter.HeartRateBpm, RuleComparison.Above, 120, 5 * 60 * 1000),
                Sustained("HR_ADV_GT110", "HR>110 FOR 30S", InterlockLevel.Advisory, VitalParameter.HeartRateBpm, RuleComparison.Above, 110, AdvisorySustainMs),
                Sustained("HR_ADV_LT50", "HR<50 FOR 30S", InterlockLevel.Advisory, VitalParameter.HeartRateBpm, RuleComparison.Below, 50, AdvisorySustainMs),

                // SpO2.
                Sustained("SPO2_STOP_LT90_30S", "SPO2<90 STOP", InterlockLevel.Stop, VitalParameter.Spo2Percent, RuleComparison.Below, 90, 30 * 1000),
                Sustained("SPO2_HOLD_LT92_30S", "SPO2<92 FOR 30S", InterlockLevel.Hold, VitalParameter.Spo2Percent, RuleComparison.Below, 92, 30 * 1000),
                Sustained("SPO2_ADV_LT94", "SPO2<94 FOR 15S", InterlockLevel.Advisory, VitalParameter.Spo2Percent, RuleComparison.Below, 94, Spo2AdvisorySustainMs),

                // Respiratory rate (used when the monitor reports it). Apnoea: RR of 0 for 20 s.
                Sustained("RR_STOP_APNOEA_20S", "APNOEA STOP", InterlockLevel.Stop, VitalParameter.RespiratoryRatePerMin, RuleComparison.AtMost, 0, 20 * 1000),
                Sustained("RR_HOLD_LT8_60S", "RR<8 FOR 60S", InterlockLevel.Hold, VitalParameter.RespiratoryRatePerMin, RuleComparison.Below, 8, 60 * 1000),
                Sustained("RR_HOLD_GT30_60S", "RR>30 FOR 60S", InterlockLevel.Hold, VitalParameter.RespiratoryRatePerMin, RuleComparison.Above, 30, 60 * 1000),
                Sustained("RR_ADV_LT10", "RR<10 FOR 30S", InterlockLevel.Advisory, VitalParameter.RespiratoryRatePerMin, RuleComparison.Below, 10, AdvisorySustainMs),
                Sustained("RR_ADV_GT24", "RR>24 FOR 30S", InterlockLevel.Advisory, VitalParameter.RespiratoryRatePerMin, RuleComparison.Above, 24, AdvisorySustainMs),

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

        private static VitalRule Readings(string code, string message, InterlockLevel level, VitalParameter p, int atLeast, bool relative, int readings)
        {
            return new VitalRule(code, message, level, p, RuleComparison.AtLeast, atLeast, relative, readings, NibpPairMaxGapMs, 0);
        }

        private static VitalRule Sustained(string code, string message, InterlockLevel level, VitalParameter p, RuleComparison c, int threshold, int sustainMs)
        {
            return new VitalRule(code, message, level, p, c, threshold, false, 1, 0, sustainMs);
        }
    }
}
