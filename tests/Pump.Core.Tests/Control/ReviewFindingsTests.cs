using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Persistence;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>Regression tests for the findings of the safety review of the controller.</summary>
    public sealed class ReviewFindingsTests
    {
        // Proves: TEC-012, DEL-002
        [Fact]
        public void Priming_MoreThanTheProgramVolume_NeverCountsAgainstTheProgram()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);   rig.ChooseDrug("NO DRUG");
            rig.EnterDigits("00100");              // 10.0 mL/h
            rig.EnterDigits("0010");               // 1.0 mL
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);   // syringe, review 1/2, accept
            rig.Press(PanelKey.Ok);                // prime
            rig.Run(20);                           // ~1.7 mL at the priming rate, more than the program
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal(0, rig.Controller.Ledger.CountedMicrosteps);
            long primed = rig.Steps.Counted;
            rig.Press(PanelKey.Start);
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Completed, 7 * 60));
            Assert.Equal(rig.Controller.Program!.TotalMicrosteps, rig.Steps.Counted - primed);
        }

        // Proves: STM-005, TEC-007
        [Fact]
        public void Start_ForceSensorDeadInReady_RefusedDeviceFaultAndMotorNeverEnabled()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            int enables = rig.Driver.EnableCount;
            long counted = rig.Steps.Counted;
            rig.Sensors.ForceBroken = true;
            rig.Step();
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.ForceSensorFault));
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("DEVICE FAULT", rig.Controller.LastRejection);
            Assert.Equal(enables, rig.Driver.EnableCount);
            Assert.Equal(counted, rig.Steps.Counted);
        }

        // Proves: TEC-011, PER-006
        [Fact]
        public void Start_DoseRecordCannotBeWritten_FailsafeWithoutASinglePulse()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            long counted = rig.Steps.Counted;
            rig.Store.CutAfterBytes = rig.Store.BytesWritten;
            rig.Press(PanelKey.Start);
            rig.Run(1);
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.StorageFault));
            Assert.Equal(counted, rig.Steps.Counted);
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: HIS-001, PER-006, REC-001
        [Fact]
        public void Start_SessionHistoryCannotBeWritten_FailsafeWithoutASinglePulse()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            long counted = rig.Steps.Counted;
            rig.Store.FailFrom = StoreLayout.SessionHistoryAddress;
            rig.Store.FailTo = StoreLayout.SessionHistoryAddress + (2 * StoreLayout.SessionHistorySlotBytes);
            rig.Press(PanelKey.Start);
            rig.Run(1);
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.StorageFault));
            Assert.Equal(counted, rig.Steps.Counted);
            Assert.False(rig.Driver.IsEnabled);
            // The session never began: the record must not say it did, nor carry a start time for it.
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.SessionStarted));
            Assert.Equal(-1, rig.Controller.SessionStartUtcSeconds);
        }

        // Proves: HIS-005
        [Fact]
        public void Start_ClockLostAfterReview_RefusedSessionLimit()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            rig.Rtc.Valid = false;
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("SESSION LIMIT", rig.Controller.LastRejection);
        }

        // Proves: ALM-004, ALM-007
        [Fact]
        public void LatchedAlarm_ConditionReturnsWhileStillShown_LoggedAgainAndEndsAudioPause()
        {
            var alarms = new AlarmManager();
            alarms.SetCondition(AlarmCode.Occlusion, true, 0);
            alarms.SetCondition(AlarmCode.Occlusion, false, 1_000_000);
            alarms.PauseAudio(2_000_000);
            Assert.True(alarms.AudioPaused);
            int before = alarms.HistoryCount;
            alarms.BeginTick();
            alarms.SetCondition(AlarmCode.Occlusion, true, 3_000_000);
            Assert.False(alarms.AudioPaused);
            Assert.Equal(before + 1, alarms.HistoryCount);
            Assert.Equal(1, alarms.RaisedThisTickCount);
        }
    }
}
