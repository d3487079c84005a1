using System;
using System.Collections.Generic;
using System.Linq;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Xunit;

namespace Pump.Core.Tests.Interlock
{
    /// <summary>
    /// Every row of the shipped ketamine table (clinical.md §6b), checked just on the safe side of its threshold,
    /// at the first unsafe value and beyond it. The expectations below are written from §6b, not from the table.
    /// Baseline in these scenarios: 125/75 mmHg.
    /// </summary>
    public sealed class KetamineRuleTableTests
    {
        // code, level, last safe value, first unsafe value, a further unsafe value (units of the parameter; ms for data ages)
        public static TheoryData<string, InterlockLevel, int, int, int> Rows => new TheoryData<string, InterlockLevel, int, int, int>
        {
            { "SBP_STOP_200", InterlockLevel.Stop, 199, 200, 240 },
            { "SBP_HOLD_180X2", InterlockLevel.Hold, 179, 180, 195 },
            { "SBP_HOLD_RISE40", InterlockLevel.Hold, 164, 165, 170 },     // baseline 125 + 40
            { "SBP_ADV_160", InterlockLevel.Advisory, 159, 160, 175 },
            { "SBP_ADV_RISE30", InterlockLevel.Advisory, 154, 155, 158 },  // baseline 125 + 30
            { "DBP_STOP_120", InterlockLevel.Stop, 119, 120, 130 },
            { "DBP_HOLD_110X2", InterlockLevel.Hold, 109, 110, 115 },
            { "DBP_HOLD_RISE25", InterlockLevel.Hold, 99, 100, 104 },       // baseline 75 + 25
            { "DBP_ADV_100", InterlockLevel.Advisory, 99, 100, 105 },
            { "DBP_ADV_RISE20", InterlockLevel.Advisory, 94, 95, 98 },      // baseline 75 + 20
            { "HR_STOP_GT140", InterlockLevel.Stop, 140, 141, 180 },
            { "HR_STOP_LT40", InterlockLevel.Stop, 40, 39, 20 },
            { "HR_HOLD_GT120_5M", InterlockLevel.Hold, 120, 121, 135 },
            { "HR_ADV_GT110", InterlockLevel.Advisory, 110, 111, 118 },
            { "HR_ADV_LT50", InterlockLevel.Advisory, 50, 49, 42 },
            { "SPO2_STOP_LT90_30S", InterlockLevel.Stop, 90, 89, 70 },
            { "SPO2_HOLD_LT92_30S", InterlockLevel.Hold, 92, 91, 90 },
            { "SPO2_ADV_LT94", InterlockLevel.Advisory, 94, 93, 92 },
            { "RR_STOP_APNOEA_20S", InterlockLevel.Stop, 1, 0, 0 },
            { "RR_HOLD_LT8_60S", InterlockLevel.Hold, 8, 7, 2 },
            { "RR_HOLD_GT30_60S", InterlockLevel.Hold, 30, 31, 45 },
            { "RR_ADV_LT10", InterlockLevel.Advisory, 10, 9, 8 },
            { "RR_ADV_GT24", InterlockLevel.Advisory, 24, 25, 29 },
            { "LINK_STOP_LOST_5M", InterlockLevel.Stop, 300000, 300001, 400000 },
            { "NIBP_HOLD_AGE_2X", InterlockLevel.Hold, 600000, 600001, 900000 },       // 2 x 300 s cycle
            { "SPO2_HOLD_LOST_60S", InterlockLevel.Hold, 60000, 60001, 120000 },
            { "NIBP_ADV_AGE_1_5X", InterlockLevel.Advisory, 450000, 450001, 500000 },  // 1.5 x 300 s cycle
        };

        /// <summary>Applies <paramref name="value"/> to the rule's parameter for as long as its persistence needs.</summary>
        private static bool FiresWith(string code, int value)
        {
            var s = new VitalScenario();
            VitalRule rule = s.Evaluator.RuleAt(s.Index(code));
            switch (rule.Parameter)
            {
                case VitalParameter.SystolicMmHg:
                    for (int k = 0; k < rule.ReadingsRequired; k++)
                    {
                        s.Nibp(60000 + k * 300000L, value, VitalScenario.BaseDiastolic);
                    }

                    break;
                case VitalParameter.DiastolicMmHg:
                    for (int k = 0; k < rule.ReadingsRequired; k++)
                    {
                        s.Nibp(60000 + k * 300000L, Math.Max(VitalScenario.BaseSystolic, value + 30), value);
                    }

                    break;
                case VitalParameter.HeartRateBpm:
                    s.HeartRateBpm = value;
                    s.FramesEverySecond(1000, 1000 + rule.SustainMs);
                    break;
                case VitalParameter.Spo2Percent:
                    s.Spo2Percent = value;
                    s.FramesEverySecond(1000, 1000 + rule.SustainMs);
                    break;
                case VitalParameter.RespiratoryRatePerMin:
                    s.RespiratoryRatePerMin = value;
                    s.FramesEverySecond(1000, 1000 + rule.SustainMs);
                    break;
                case VitalParameter.NibpAgeMs:
                    s.Frame(value); // link alive, same cuff reading taken at t = 0
                    break;
                case VitalParameter.Spo2LostMs:
                    s.StatusFlags = VitalSigns.StatusSpo2ProbeOff;
                    s.Frame(value); // last usable SpO2 was at the baseline, t = 0
                    break;
                default:
                    s.Evaluate(value); // no frame since the baseline at t = 0
                    break;
            }

            return s.Fired(code);
        }

        // Proves: VIT-002
        [Theory]
        [MemberData(nameof(Rows))]
        public void KetamineRule_AroundThreshold_FiresExactlyFromTheFirstUnsafeValue(string code, InterlockLevel level, int safe, int firstUnsafe, int beyond)
        {
            var table = InterlockProfile.KetaminePsych40().Rules;
            Assert.Equal(level, table.Single(r => r.Code == code).Level);
            Assert.False(FiresWith(code, safe), code + " fired at " + safe);
            Assert.True(FiresWith(code, firstUnsafe), code + " did not fire at " + firstUnsafe);
            Assert.True(FiresWith(code, beyond), code + " did not fire at " + beyond);
        }

        // Proves: VIT-002, VIT-001
        [Fact]
        public void KetamineTable_EveryRuleIsCheckedAboveAndNothingElseIsShipped()
        {
            var tested = new SortedSet<string>(Rows.Select(r => (string)r[0]));
            var shipped = new SortedSet<string>(InterlockProfile.KetaminePsych40().Rules.Select(r => r.Code));
            Assert.Equal(tested, shipped);
        }

        // Proves: VIT-001
        [Fact]
        public void KetamineTable_CodesUniqueAndPanelMessagesAtMost20Chars()
        {
            var table = InterlockProfile.KetaminePsych40().Rules;
            Assert.Equal(table.Length, table.Select(r => r.Code).Distinct().Count());
            Assert.Equal(table.Length, table.Select(r => r.PanelMessage).Distinct().Count());
            Assert.All(table, r => Assert.InRange(r.PanelMessage.Length, 1, 20));
            Assert.All(table, r => Assert.Matches("^[A-Z0-9_]+$", r.Code));
            Assert.All(table, r => Assert.NotEqual(InterlockLevel.None, r.Level));
        }

        // Proves: VIT-006
        [Fact]
        public void KetamineTable_DataAgeLimits_FollowTheNibpCycle()
        {
            VitalRule[] table = KetamineVitalRules.Create(600);
            Assert.Equal(900000, table.Single(r => r.Code == "NIBP_ADV_AGE_1_5X").Threshold);
            Assert.Equal(1200000, table.Single(r => r.Code == "NIBP_HOLD_AGE_2X").Threshold);
        }
    }
}
