using Pump.Core.Alarms;
using Xunit;

namespace Pump.Core.Tests.Alarms
{
    public sealed class AlarmTableTests
    {
        // Proves: ALM-001
        [Fact]
        public void AlarmTable_EveryCode_HasExactlyOneRuleWithPanelMessage()
        {
            Assert.Equal(AlarmCodes.Count - 1, AlarmTable.Count);
            for (int i = 1; i < AlarmCodes.Count; i++)
            {
                var rule = AlarmTable.For((AlarmCode)i);
                Assert.Equal((AlarmCode)i, rule.Code);
                Assert.InRange(rule.Message.Length, 1, 20);
                Assert.False(string.IsNullOrWhiteSpace(rule.Condition));
                Assert.NotEqual(AlarmPriority.None, rule.Priority);
            }
        }

        // Proves: ALM-002
        [Fact]
        public void AlarmTable_EveryDeliveryStoppingAlarm_IsHighPriorityAndLatches()
        {
            for (int i = 0; i < AlarmTable.Count; i++)
            {
                var rule = AlarmTable.At(i);
                if (rule.Action != AlarmAction.Annunciate)
                {
                    Assert.Equal(AlarmPriority.High, rule.Priority);
                    Assert.True(rule.Latches, rule.Code.ToString());
                }
            }
        }
    
        // Proves: ALM-005
        [Fact]
        public void AlarmTable_AnnunciateOnlyAlarms_LatchExactlyWhenTheyReportAnEventTheClinicianMustSee()
        {
            var selfClearing = new[]
            {
                AlarmCode.NearEmpty, AlarmCode.CallbackPaused, AlarmCode.CallbackProgramming, AlarmCode.VitalAdvisory,
                AlarmCode.LinkErrors, AlarmCode.ClockInvalid,
            };
            for (int i = 0; i < AlarmTable.Count; i++)
            {
                var rule = AlarmTable.At(i);
                bool expectedLatch = System.Array.IndexOf(selfClearing, rule.Code) < 0;
                Assert.True(expectedLatch == rule.Latches, rule.Code + " latches: " + rule.Latches);
            }
        }
    }
}
