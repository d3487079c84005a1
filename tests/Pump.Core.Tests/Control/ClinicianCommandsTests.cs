using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>The clinician's own effects: each is accepted only where it means something, and each that acts is logged.</summary>
    public sealed class ClinicianCommandsTests
    {
        // Proves: PNL-008, PNL-009
        [Fact]
        public void Confirmations_OutsideReady_RefusedAndNothingLogged()
        {
            var rig = PumpControllerTests.StartedKetamine();
            Assert.False(rig.Controller.Commands.ConfirmLineDisconnected());
            Assert.False(rig.Controller.Commands.ConfirmShortfall());
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.LineDisconnectConfirmed));
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.ShortfallConfirmed));
        }

        // Proves: PNL-008
        [Fact]
        public void ConfirmLineDisconnected_InReady_AcceptedAndLoggedOnce()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.True(rig.Controller.Commands.ConfirmLineDisconnected());
            Assert.Single(PumpRigLog.Controller(rig, PumpEvent.LineDisconnectConfirmed));
        }

        // Proves: PNL-009
        [Fact]
        public void ConfirmShortfall_InReadyWithEnoughDrug_NothingToConfirmAndNothingLogged()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            Assert.False(rig.Controller.Commands.StartShortfall(out _, out _));
            Assert.False(rig.Controller.Commands.ConfirmShortfall());
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.ShortfallConfirmed));
        }

        // Proves: ALM-003
        [Fact]
        public void SilenceAlarms_WithAnAlarmShown_PausesAudioAndLogsWhichAlarm_WithoutAlarmNothing()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Controller.Commands.SilenceAlarms(rig.Clock.NowUs);
            Assert.False(rig.Controller.Alarms.AudioPaused);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.AudioPaused));

            rig.Sensors.ClampClosed = false;
            rig.Step();
            AlarmCode shown = rig.Controller.Alarms.Highest;
            Assert.Equal(AlarmCode.SyringeNotSecured, shown);
            rig.Controller.Commands.SilenceAlarms(rig.Clock.NowUs);
            Assert.True(rig.Controller.Alarms.AudioPaused);
            var logged = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.AudioPaused));
            Assert.Equal((int)shown, logged.Arg0);
        }

        // Proves: ALM-005
        [Fact]
        public void AcknowledgeAlarms_LatchedAlarmWhoseCauseHasGone_ClearedAndLoggedWithTheCount_NothingToClearNotLogged()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Sensors.ClampClosed = false;
            rig.Step();
            Assert.Equal(PumpState.Alarm, rig.State);

            // Cause still present: nothing is cleared, nothing logged.
            Assert.Equal(0, rig.Controller.Commands.AcknowledgeAlarms(rig.Clock.NowUs));
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.AlarmsAcknowledged));

            rig.Sensors.ClampClosed = true;
            rig.Step();
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.SyringeNotSecured));
            int cleared = rig.Controller.Commands.AcknowledgeAlarms(rig.Clock.NowUs);
            Assert.True(cleared >= 1);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.SyringeNotSecured));
            var logged = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.AlarmsAcknowledged));
            Assert.Equal(cleared, logged.Arg0);
        }

        // Proves: STM-006, STM-007, INT-013
        [Fact]
        public void Resume_KetamineHold_AcknowledgesTheHoldsAndLogsIt_OnlyForADrugThatNeedsVitals()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(30);
            rig.Vitals = null;
            Assert.True(rig.RunUntil(() => rig.State == PumpState.InterlockHold, 10));
            rig.Run(65); // SpO2 missing for over 60 s latches its hold rule
            Assert.NotEqual(0, rig.Controller.Interlock.Verdict.LatchedRules);
            rig.Vitals = PumpRig.Typical();
            rig.Run(20);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.HoldsAcknowledged));
            Assert.True(rig.Controller.Commands.Resume());
            rig.Step();
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.Single(PumpRigLog.Controller(rig, PumpEvent.HoldsAcknowledged));

            var saline = new PumpRig();
            saline.ProgramPlainRate("00100", "0050");   // 10.0 mL/h, 5.0 mL
            saline.Press(PanelKey.Start, PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, saline.State);
            Assert.True(saline.Controller.Commands.Resume());
            saline.Step();
            Assert.Equal(PumpState.Infusing, saline.State);
            Assert.Empty(PumpRigLog.Controller(saline, PumpEvent.HoldsAcknowledged));
        }

        // Proves: TIT-001
        [Fact]
        public void CheckTitration_NoProgramLoaded_NoPlanAndNothingLogged()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            Assert.Equal(PumpState.Idle, rig.State);
            Assert.Null(rig.Controller.Commands.CheckTitration(500));
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.TitrationRefused));
        }
    }
}
