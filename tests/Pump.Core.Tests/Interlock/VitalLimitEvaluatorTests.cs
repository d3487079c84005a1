using System;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Xunit;

namespace Pump.Core.Tests.Interlock
{
    [Collection(AllocationCollection.Name)]
    public sealed class VitalLimitEvaluatorTests
    {
        // Proves: VIT-003
        [Fact]
        public void SbpAtLeast180_OneReading_NoHoldUntilASecondReadingWithin5Min()
        {
            var s = new VitalScenario();
            s.Nibp(60000, 185, 80);
            Assert.False(s.Latched("SBP_HOLD_180X2"));
            Assert.False(s.Fired("SBP_ADV_160")); // one reading raises no advisory either (VIT-400)

            s.Nibp(60000 + 300000, 182, 80);

            Assert.True(s.Latched("SBP_HOLD_180X2"));
            Assert.True(s.Fired("SBP_ADV_160"));
            Assert.Equal(InterlockLevel.Hold, s.Evaluator.Level);
        }

        // Proves: VIT-003
        [Fact]
        public void SbpAtLeast180_ReadingsMoreThan5MinApart_NoHold()
        {
            var s = new VitalScenario();
            s.Nibp(60000, 185, 80);
            s.Nibp(60000 + 300001, 185, 80);
            Assert.False(s.Latched("SBP_HOLD_180X2"));

            s.Nibp(60000 + 300001 + 300000, 185, 80); // but this third one pairs with the second
            Assert.True(s.Latched("SBP_HOLD_180X2"));
        }

        // Proves: VIT-003
        [Fact]
        public void SbpAtLeast180_InterveningLowerReading_ResetsTheCount()
        {
            var s = new VitalScenario();
            s.Nibp(60000, 185, 80);
            s.Nibp(120000, 170, 80);
            s.Nibp(180000, 185, 80);
            Assert.False(s.Latched("SBP_HOLD_180X2"));
        }

        // Proves: VIT-003
        [Fact]
        public void SbpAtLeast180_SameReadingRepeatedInManyFrames_CountsOnce()
        {
            var s = new VitalScenario();
            s.Nibp(60000, 185, 80);
            s.FramesEverySecond(61000, 200000);
            Assert.False(s.Latched("SBP_HOLD_180X2"));
        }

        // Proves: VIT-003
        [Fact]
        public void DbpAtLeast110_TwoReadings_Hold()
        {
            var s = new VitalScenario();
            s.Nibp(60000, 150, 112);
            Assert.False(s.Latched("DBP_HOLD_110X2"));
            s.Nibp(120000, 150, 110);
            Assert.True(s.Latched("DBP_HOLD_110X2"));
        }

        // Proves: VIT-004
        [Fact]
        public void HrAbove120_Sustained5Min_FiresExactlyAtFiveMinutes()
        {
            var s = new VitalScenario();
            s.HeartRateBpm = 125;
            s.FramesEverySecond(10000, 10000 + 299000);
            s.Evaluate(10000 + 299999);
            Assert.False(s.Fired("HR_HOLD_GT120_5M"));

            s.Evaluate(10000 + 300000);
            Assert.True(s.Latched("HR_HOLD_GT120_5M"));
        }

        // Proves: VIT-004
        [Fact]
        public void HrAbove120_OneNormalSampleInside5Min_RestartsTheClock()
        {
            var s = new VitalScenario();
            s.HeartRateBpm = 125;
            s.FramesEverySecond(10000, 200000);
            s.HeartRateBpm = 120;
            s.Frame(201000);
            s.HeartRateBpm = 125;
            s.FramesEverySecond(202000, 310000);
            Assert.False(s.Fired("HR_HOLD_GT120_5M"));
            s.FramesEverySecond(311000, 202000 + 300000);
            Assert.True(s.Fired("HR_HOLD_GT120_5M"));
        }

        // Proves: VIT-004
        [Fact]
        public void Spo2Below92_For30s_HoldAt30sNotBefore()
        {
            var s = new VitalScenario();
            s.Spo2Percent = 91;
            s.FramesEverySecond(5000, 34000);
            Assert.False(s.Fired("SPO2_HOLD_LT92_30S"));
            Assert.Equal(InterlockLevel.Advisory, s.Evaluator.Level);
            s.Frame(35000);
            Assert.True(s.Latched("SPO2_HOLD_LT92_30S"));
        }

        // Proves: VIT-004
        [Fact]
        public void Apnoea_RespRateZeroFor20s_Stop()
        {
            var s = new VitalScenario();
            s.RespiratoryRatePerMin = 0;
            s.FramesEverySecond(5000, 24000);
            Assert.False(s.Evaluator.Stopped);
            s.Frame(25000);
            Assert.True(s.Evaluator.Stopped);
            Assert.Equal("RR_STOP_APNOEA_20S", s.Evaluator.ActiveRule!.Code);
        }

        // Proves: VIT-007
        [Fact]
        public void MissingSpo2_DuringLowSpo2Run_DoesNotResetThePersistenceClock()
        {
            var s = new VitalScenario();
            s.Spo2Percent = 91;
            s.FramesEverySecond(5000, 15000);
            s.StatusFlags = VitalSigns.StatusSpo2ProbeOff;
            s.FramesEverySecond(16000, 30000);
            s.StatusFlags = 0;
            s.FramesEverySecond(31000, 35000);

            Assert.True(s.Latched("SPO2_HOLD_LT92_30S"));
        }

        // Proves: VIT-007
        [Fact]
        public void MissingHeartRate_AfterHighReading_KeepsTheAdvisory()
        {
            var s = new VitalScenario();
            s.HeartRateBpm = 115;
            s.FramesEverySecond(1000, 31000);
            Assert.True(s.Fired("HR_ADV_GT110"));
            s.AvailableFlags &= ~VitalSigns.AvailHeartRate;
            s.HeartRateBpm = 0;
            s.FramesEverySecond(32000, 50000);
            Assert.True(s.Fired("HR_ADV_GT110"));
        }

        // Proves: VIT-007, VIT-006
        [Fact]
        public void Spo2ProbeOff_MoreThan60s_Hold()
        {
            var s = new VitalScenario();
            s.FramesEverySecond(1000, 10000);
            s.StatusFlags = VitalSigns.StatusSpo2ProbeOff;
            s.FramesEverySecond(11000, 70000);
            Assert.False(s.Latched("SPO2_HOLD_LOST_60S"));
            s.Evaluate(70001);
            Assert.True(s.Latched("SPO2_HOLD_LOST_60S"));
        }

        // Proves: VIT-006
        [Fact]
        public void CuffError_NibpAgesOut_AdvisoryThenHold()
        {
            var s = new VitalScenario();
            s.StatusFlags = VitalSigns.StatusNibpCuffError;
            s.Nibp(100000, 130, 80); // flagged: not a usable reading, the t = 0 baseline reading stays the latest
            s.FramesEverySecond(101000, 450000);
            Assert.Equal(InterlockLevel.None, s.Evaluator.Level);
            s.Frame(450001);
            Assert.Equal(InterlockLevel.Advisory, s.Evaluator.Level);
            Assert.Equal("NIBP_ADV_AGE_1_5X", s.Evaluator.ActiveRule!.Code);
            s.FramesEverySecond(451000, 600000);
            Assert.Equal(InterlockLevel.Advisory, s.Evaluator.Level);
            s.Frame(600001);
            Assert.Equal(InterlockLevel.Hold, s.Evaluator.Level);
            Assert.Equal("NIBP_HOLD_AGE_2X", s.Evaluator.ActiveRule!.Code);
        }

        // Proves: VIT-010
        [Fact]
        public void Level_SeveralRulesActive_ReportsHighestAndFirstInTableOrder()
        {
            var s = new VitalScenario();
            s.Nibp(60000, 170, 80); // >=160 advisory, rise 45: rise>=30 advisory and rise>=40 hold
            Assert.Equal(InterlockLevel.Hold, s.Evaluator.Level);
            Assert.Equal("SBP_HOLD_RISE40", s.Evaluator.ActiveRule!.Code);

            var t = new VitalScenario();
            t.Nibp(60000, 205, 125); // two stops: SBP's row comes first
            Assert.Equal(InterlockLevel.Stop, t.Evaluator.Level);
            Assert.Equal("SBP_STOP_200", t.Evaluator.ActiveRule!.Code);
            Assert.Equal("SBP>=200 STOP", t.Evaluator.ActiveRule!.PanelMessage);
        }

        // Proves: VIT-010
        [Fact]
        public void Advisory_ConditionClears_LevelReturnsToNoneWithoutAcknowledge()
        {
            var s = new VitalScenario();
            s.Nibp(60000, 160, 80);
            s.Nibp(120000, 161, 80);
            Assert.Equal(InterlockLevel.Advisory, s.Evaluator.Level);
            s.Nibp(180000, 150, 80);
            Assert.Equal(InterlockLevel.None, s.Evaluator.Level);
            Assert.Null(s.Evaluator.ActiveRule);
        }

        // Proves: VIT-005
        [Fact]
        public void RelativeRule_UsesTheSessionBaseline()
        {
            var rules = InterlockProfile.KetaminePsych40().Rules;
            var low = new VitalScenario(rules);
            low.Nibp(60000, 165, 80); // 125 + 40
            Assert.True(low.Latched("SBP_HOLD_RISE40"));

            var high = new VitalScenario(rules);
            high.Baseline.SystolicMmHg = 140;
            high.Evaluator.BeginSession(high.Baseline);
            high.Nibp(60000, 165, 80); // only +25 above this baseline
            high.Nibp(120000, 165, 80); // advisories need two readings (VIT-400)
            Assert.False(high.Latched("SBP_HOLD_RISE40"));
            Assert.Equal("SBP_ADV_160", high.Evaluator.ActiveRule!.Code);
        }

        // Proves: VIT-400
        [Fact]
        public void Advisories_OneNoisySample_RaiseNothing()
        {
            var s = new VitalScenario();
            s.Nibp(60000, 162, 98);            // one high cuff reading (above both SBP and DBP advisories, below the holds)
            s.Nibp(120000, 128, 80);
            s.HeartRateBpm = 125;
            s.Spo2Percent = 90;
            s.RespiratoryRatePerMin = 6;
            s.Frame(121000);                    // one bad second of HR, SpO2 and RR
            s.HeartRateBpm = 72;
            s.Spo2Percent = 97;
            s.RespiratoryRatePerMin = 14;
            s.FramesEverySecond(122000, 200000);
            Assert.Equal(InterlockLevel.None, s.Evaluator.Level);
        }

        // Proves: VIT-400
        [Theory]
        [InlineData("HR_ADV_GT110", 30000)]
        [InlineData("RR_ADV_GT24", 30000)]
        [InlineData("SPO2_ADV_LT94", 15000)]
        public void SampleAdvisory_RaisedOnlyAfterItsDeclaredPersistence(string code, int sustainMs)
        {
            var s = new VitalScenario();
            switch (code)
            {
                case "HR_ADV_GT110": s.HeartRateBpm = 112; break;
                case "RR_ADV_GT24": s.RespiratoryRatePerMin = 26; break;
                default: s.Spo2Percent = 93; break;
            }

            s.FramesEverySecond(1000, 1000 + sustainMs - 1000);
            Assert.False(s.Fired(code));
            s.FramesEverySecond(1000 + sustainMs, 1000 + sustainMs);
            Assert.True(s.Fired(code));
        }

        // Proves: VIT-008
        [Fact]
        public void Hold_ConditionClearsWithoutAcknowledge_StaysLatched()
        {
            var s = new VitalScenario();
            s.Spo2Percent = 91;
            s.FramesEverySecond(1000, 31000);
            Assert.True(s.Latched("SPO2_HOLD_LT92_30S"));

            s.Spo2Percent = 97;
            s.FramesEverySecond(32000, 100000);

            Assert.Equal(InterlockLevel.Hold, s.Evaluator.Level);
            Assert.False(s.Evaluator.ResumePermitted(100000));
            Assert.False(s.Evaluator.Resume(100000));
            Assert.Equal(InterlockLevel.Hold, s.Evaluator.Level);

            s.Evaluator.Acknowledge();
            Assert.True(s.Evaluator.ResumePermitted(100000));
            Assert.True(s.Evaluator.Resume(100000));
            Assert.Equal(InterlockLevel.None, s.Evaluator.Level);
        }

        // Proves: VIT-008
        [Fact]
        public void Hold_AcknowledgedWhileStillOutside_ResumeOnlyAfterAFreshReadingInside()
        {
            var s = new VitalScenario();
            s.Nibp(60000, 170, 80);
            Assert.True(s.Latched("SBP_HOLD_RISE40"));
            s.Evaluator.Acknowledge();
            s.FramesEverySecond(61000, 120000); // same cuff reading: still outside
            Assert.False(s.Evaluator.ResumePermitted(120000));

            s.Nibp(130000, 168, 80); // new reading, still >= 165
            Assert.False(s.Evaluator.ResumePermitted(130000));

            s.Nibp(140000, 150, 80);
            Assert.True(s.Evaluator.ResumePermitted(140000));
            Assert.True(s.Evaluator.Resume(140000));
            Assert.Equal(InterlockLevel.None, s.Evaluator.Level);
        }

        // Proves: VIT-008
        [Fact]
        public void Hold_NewHoldAfterAcknowledge_NeedsItsOwnAcknowledge()
        {
            var s = new VitalScenario();
            s.Nibp(60000, 170, 80);
            s.Evaluator.Acknowledge();
            s.Nibp(120000, 150, 104); // SBP back inside; DBP 75 + 29: a new hold
            Assert.True(s.Latched("DBP_HOLD_RISE25"));
            s.Nibp(180000, 150, 80);
            Assert.False(s.Evaluator.ResumePermitted(180000));
            s.Evaluator.Acknowledge();
            Assert.True(s.Evaluator.ResumePermitted(180000));
        }

        // Proves: VIT-008, VIT-006
        [Fact]
        public void DataAgeHold_NewReadingArrives_ResumableAfterAcknowledge()
        {
            var s = new VitalScenario();
            s.FramesEverySecond(1000, 600000);
            Assert.False(s.Latched("NIBP_HOLD_AGE_2X"));
            s.Frame(600001);
            Assert.True(s.Latched("NIBP_HOLD_AGE_2X"));
            s.Evaluator.Acknowledge();
            Assert.False(s.Evaluator.ResumePermitted(600002));
            s.Nibp(610000, 130, 80);
            Assert.True(s.Evaluator.ResumePermitted(610000));
        }

        // Proves: VIT-009
        [Fact]
        public void Stop_VitalsNormalAndAcknowledged_NeverResumes()
        {
            var s = new VitalScenario();
            s.HeartRateBpm = 141;
            s.Frame(1000);
            Assert.True(s.Evaluator.Stopped);
            s.HeartRateBpm = 72;
            s.FramesEverySecond(2000, 60000);
            s.Evaluator.Acknowledge();

            Assert.Equal(InterlockLevel.Stop, s.Evaluator.Level);
            Assert.False(s.Evaluator.ResumePermitted(60000));
            Assert.False(s.Evaluator.Resume(60000));
            Assert.True(s.Evaluator.Stopped);
        }

        // Proves: VIT-011, BLD-004
        [Fact]
        public void Evaluator_AfterWarmUp_AllocatesNothingPerFrameOrTick()
        {
            var s = new VitalScenario();
            s.FramesEverySecond(1000, 5000);
            long before = GC.GetAllocatedBytesForCurrentThread();
            s.HeartRateBpm = 125;
            s.FramesEverySecond(6000, 400000);
            s.Nibp(401000, 185, 90);
            s.Nibp(402000, 185, 90);
            s.Evaluator.Acknowledge();
            s.Evaluator.ResumePermitted(402000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(InterlockLevel.Hold, s.Evaluator.Level);
            Assert.Equal(0, allocated);
        }
    }
}
