using System;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Xunit;

namespace Pump.Core.Tests.Interlock
{
    public sealed class PreStartCheckTests
    {
        private static readonly InterlockProfile Ketamine = InterlockProfile.KetaminePsych40();

        private static VitalSigns Frame(long rxMs)
        {
            return new VitalSigns
            {
                MonitorId = 1,
                Sequence = 1,
                HeartRateBpm = 72,
                Spo2Percent = 97,
                RespiratoryRatePerMin = 14,
                SystolicMmHg = 128,
                DiastolicMmHg = 80,
                MeanMmHg = 96,
                NibpAgeS = 45,
                NibpReadingNumber = 3,
                AvailableFlags = VitalSigns.AvailKnownMask,
                ReceivedAtMs = rxMs,
            };
        }

        private static StartCheck Check(Action<VitalSigns> change, long nowMs = 100000)
        {
            VitalSigns f = Frame(100000);
            change(f);
            return PreStartCheck.Evaluate(f, true, nowMs, Ketamine, new VitalBaseline());
        }

        // Proves: INT-007
        [Fact]
        public void PreStart_FreshNormalVitals_OkAndBaselineCaptured()
        {
            var baseline = new VitalBaseline();
            Assert.Equal(StartCheck.Ok, PreStartCheck.Evaluate(Frame(100000), true, 100500, Ketamine, baseline));

            Assert.True(baseline.Valid);
            Assert.Equal(128, baseline.SystolicMmHg);
            Assert.Equal(80, baseline.DiastolicMmHg);
            Assert.Equal(72, baseline.HeartRateBpm);
            Assert.Equal(97, baseline.Spo2Percent);
            Assert.Equal(14, baseline.RespiratoryRatePerMin);
            Assert.Equal(3, baseline.NibpReadingNumber);
            Assert.Equal(100000 - 45000, baseline.NibpMeasuredAtMs);
            Assert.Equal(100000, baseline.CapturedAtMs);
            Assert.Equal(0, baseline.Warnings);
        }

        // Proves: INT-007
        [Fact]
        public void PreStart_NoFrameOrStaleFrame_Blocked()
        {
            var baseline = new VitalBaseline();
            Assert.Equal(StartCheck.NoMonitorData, PreStartCheck.Evaluate(new VitalSigns(), false, 0, Ketamine, baseline));
            Assert.Equal(StartCheck.MonitorDataStale, Check(f => { }, 105000));
            Assert.Equal(StartCheck.Ok, Check(f => { }, 104999));
            Assert.Equal(StartCheck.MonitorDataStale, Check(f => { }, 99999));
            Assert.False(baseline.Valid);
        }

        // Proves: INT-007
        [Fact]
        public void PreStart_NibpAtMost5MinOld_Ok_Older_Blocked()
        {
            Assert.Equal(StartCheck.Ok, Check(f => f.NibpAgeS = 300));
            Assert.Equal(StartCheck.NibpTooOld, Check(f => f.NibpAgeS = 301));
            Assert.Equal(StartCheck.NibpTooOld, Check(f => f.NibpAgeS = 299, 101001));
        }

        // Proves: INT-007
        [Fact]
        public void PreStart_RequiredVitalMissing_BlockedWithReason()
        {
            Assert.Equal(StartCheck.HeartRateMissing, Check(f => { f.AvailableFlags &= ~VitalSigns.AvailHeartRate; f.HeartRateBpm = 0; }));
            Assert.Equal(StartCheck.Spo2ProbeOff, Check(f => f.StatusFlags = VitalSigns.StatusSpo2ProbeOff));
            Assert.Equal(StartCheck.Spo2Missing, Check(f => f.StatusFlags = VitalSigns.StatusSpo2Artifact));
            Assert.Equal(StartCheck.NibpMissing, Check(f => f.StatusFlags = VitalSigns.StatusNibpCuffError));
            Assert.Equal(StartCheck.NibpMissing, Check(f => f.AvailableFlags &= ~VitalSigns.AvailNibp));
            Assert.Equal(StartCheck.Ok, Check(f => f.AvailableFlags &= ~VitalSigns.AvailRespiratoryRate));
        }

        // Proves: INT-008
        [Theory]
        [InlineData(159, 80, 72, 97, 14, StartCheck.Ok)]
        [InlineData(160, 80, 72, 97, 14, StartCheck.SystolicTooHigh)]
        [InlineData(150, 99, 72, 97, 14, StartCheck.Ok)]
        [InlineData(150, 100, 72, 97, 14, StartCheck.DiastolicTooHigh)]
        [InlineData(128, 80, 50, 97, 14, StartCheck.Ok)]
        [InlineData(128, 80, 49, 97, 14, StartCheck.HeartRateOutOfRange)]
        [InlineData(128, 80, 110, 97, 14, StartCheck.Ok)]
        [InlineData(128, 80, 111, 97, 14, StartCheck.HeartRateOutOfRange)]
        [InlineData(128, 80, 72, 94, 14, StartCheck.Ok)]
        [InlineData(128, 80, 72, 93, 14, StartCheck.Spo2TooLow)]
        [InlineData(128, 80, 72, 97, 10, StartCheck.Ok)]
        [InlineData(128, 80, 72, 97, 9, StartCheck.RespiratoryRateOutOfRange)]
        [InlineData(128, 80, 72, 97, 30, StartCheck.Ok)]
        [InlineData(128, 80, 72, 97, 31, StartCheck.RespiratoryRateOutOfRange)]
        public void PreStart_BlockLimits_AtAndEitherSide(int sbp, int dbp, int hr, int spo2, int rr, StartCheck expected)
        {
            Assert.Equal(expected, Check(f =>
            {
                f.SystolicMmHg = sbp;
                f.DiastolicMmHg = dbp;
                f.MeanMmHg = (sbp + 2 * dbp) / 3;
                f.HeartRateBpm = hr;
                f.Spo2Percent = spo2;
                f.RespiratoryRatePerMin = rr;
            }));
        }

        // Proves: INT-008
        [Theory]
        [InlineData(139, 89, 0)]
        [InlineData(140, 89, StartWarnings.SystolicElevated)]
        [InlineData(139, 90, StartWarnings.DiastolicElevated)]
        [InlineData(159, 99, StartWarnings.SystolicElevated | StartWarnings.DiastolicElevated)]
        public void PreStart_WarnBands_StartAllowedWithWarning(int sbp, int dbp, int warnings)
        {
            VitalSigns f = Frame(100000);
            f.SystolicMmHg = sbp;
            f.DiastolicMmHg = dbp;
            f.MeanMmHg = (sbp + 2 * dbp) / 3;
            var baseline = new VitalBaseline();

            Assert.Equal(StartCheck.Ok, PreStartCheck.Evaluate(f, true, 100000, Ketamine, baseline));
            Assert.Equal(warnings, baseline.Warnings);
        }
    }
}
