using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// The supervisor's conditions on a short plain-rate program (0.1 mL at 10 mL/h, 36 s), so completion and
    /// what follows it are seen without running a 40-minute infusion.
    /// </summary>
    public sealed class SafetySupervisorTests
    {
        // Proves: DEL-002, TEC-009
        [Fact]
        public void ShortProgram_LastStepCounted_CompletesExactlyAtTheTotalWithInfusionComplete()
        {
            var rig = StartedShortProgram();
            long total = rig.Controller.Program!.TotalMicrosteps;

            Assert.True(rig.RunUntil(() => rig.State != PumpState.Infusing, 60));

            Assert.Equal(PumpState.Completed, rig.State);
            Assert.Equal(total, rig.Controller.Ledger.CountedMicrosteps);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.InfusionComplete));
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.DoseLimitReached));
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: TEC-012
        [Fact]
        public void Completed_OnePulseBeyondTheTotal_FailsafeWithDoseLimit()
        {
            var rig = StartedShortProgram();
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Completed, 60));
            rig.Run(1);
            Assert.Equal(PumpState.Completed, rig.State);

            rig.Steps.RunawayPulses = 1;
            rig.Step();

            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.DoseLimitReached));
        }

        // Proves: TEC-004
        [Fact]
        public void Paused_OnePulseCountedWithTheMotorStopped_FailsafeAsRunaway()
        {
            var rig = PausedKetamine();
            rig.Run(1);
            Assert.Equal(PumpState.Paused, rig.State);

            rig.Steps.RunawayPulses = 1;
            rig.Step();

            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.MotorRunaway));
        }

        // Proves: TEC-008
        [Fact]
        public void Paused_ExactlyTwoMinutes_ReminderOnThatTickNotTheOneBefore()
        {
            var rig = PausedKetamine();
            long due = rig.Controller.StateEnteredUs + 120_000_000L;

            while (rig.Clock.NowUs < due - PumpRig.TickUs)
            {
                rig.Step();
            }

            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.CallbackPaused));
            rig.Step();
            Assert.Equal(due, rig.Clock.NowUs);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.CallbackPaused));
        }

        // Proves: TEC-008
        [Fact]
        public void Programming_KeyPressedHalfWay_ReminderExactlyOneMinuteAfterThatKey()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Programming, rig.State);
            rig.Run(30);
            rig.Press(PanelKey.Down);
            long due = rig.Clock.NowUs + 60_000_000L;

            while (rig.Clock.NowUs < due - PumpRig.TickUs)
            {
                rig.Step();
            }

            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.CallbackProgramming));
            rig.Step();
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.CallbackProgramming));
            Assert.Equal(PumpState.Programming, rig.State);
        }

        // Proves: TEC-008
        [Fact]
        public void Ready_EnteredWhenPrimingEndsByItself_ReminderOneMinuteAfterReadyNotAfterTheLastKey()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            rig.Press(PanelKey.Ok);                      // prime: the last key pressed
            Assert.Equal(PumpState.Priming, rig.State);
            long lastKeyUs = rig.Clock.NowUs;
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Ready, 120));
            long readyUs = rig.Controller.StateEnteredUs;
            Assert.True(readyUs - lastKeyUs >= 1_000_000, "priming should end by itself well after the key");

            // Ready was entered without a key: the minute counts from there, not from the key before priming.
            while (rig.Clock.NowUs < readyUs + 60_000_000L - PumpRig.TickUs)
            {
                rig.Step();
            }

            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.CallbackProgramming));
            rig.Step();
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.CallbackProgramming));
        }

        // Proves: STM-006, ALM-001
        [Fact]
        public void Paused_MonitorFallsSilent_StaysPausedWithoutALeaseAlarmAndTheResumeIsRefused()
        {
            var rig = PausedKetamine();

            rig.Vitals = null;
            rig.Run(10);

            // The lease is needed to move, not to stay paused: NO VALID VITALS is armed while infusing or held (alarms.md).
            Assert.Equal(PumpState.Paused, rig.State);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.VitalsLeaseLost));
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Paused, rig.State);
            Assert.Equal("MONITOR DATA LOST", rig.Controller.LastRejection);
        }

        // Proves: STM-007
        [Fact]
        public void Paused_Spo2AtHoldLevelFor30s_Held()
        {
            var rig = PausedKetamine();
            var low = PumpRig.Typical();
            low.Spo2Percent = 91;

            rig.Vitals = low;

            Assert.True(rig.RunUntil(() => rig.State != PumpState.Paused, 45));
            Assert.Equal(PumpState.InterlockHold, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.VitalHold));
        }

        // Proves: STM-008
        [Fact]
        public void Paused_SystolicAtStopLevel_SessionStopped()
        {
            var rig = PausedKetamine();

            rig.Vitals = PumpRig.Typical(sbp: 205, dbp: 100);
            rig.NewNibpReading();

            Assert.True(rig.RunUntil(() => rig.State != PumpState.Paused, 3));
            Assert.Equal(PumpState.Stopped, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.VitalStop));
        }

        private static PumpRig PausedKetamine()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            return rig;
        }

        // Proves: TEC-004
        [Fact]
        public void Infusing_CounterStopsAdvancingWhilePulsesAreDue_StallStopsDelivery()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            long frozen = rig.Steps.Counted + rig.Steps.RunawayPulses;

            for (int tick = 0; tick < 40 && rig.State == PumpState.Infusing; tick++)
            {
                rig.StepWithoutTick();
                rig.Steps.RunawayPulses = frozen - rig.Steps.Counted; // the motor no longer turns
                rig.Controller.Tick();
            }

            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.MotorStall));
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: TEC-007
        [Fact]
        public void Infusing_CounterGoesBackwards_Failsafe()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);

            rig.StepWithoutTick();
            rig.Steps.RunawayPulses = -50;
            rig.Controller.Tick();

            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.CounterFault));
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: VIT-400, STM-007
        [Fact]
        public void Infusing_Spo2AtAdvisoryLevel_CheckVitalsShownWhileDeliveryGoesOn()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(2.5);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.VitalAdvisory));

            rig.Vitals = PumpRig.Typical(spo2: 93);

            Assert.True(rig.RunUntil(() => rig.Controller.Alarms.IsShown(AlarmCode.VitalAdvisory), 40));
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.VitalHold));
            Assert.True(rig.Driver.IsEnabled);
        }

        // Proves: ALM-001, INT-012
        [Fact]
        public void Held_BySpo2WithTheMonitorFresh_ShowsTheHoldNotNoValidVitals()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Vitals = PumpRig.Typical(spo2: 91);
            Assert.True(rig.RunUntil(() => rig.State == PumpState.InterlockHold, 45));

            rig.Run(2);

            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.VitalHold));
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.VitalsLeaseLost));
        }

        // Proves: TEC-007, ALM-001
        [Fact]
        public void Infusing_PositionSensorStopsAnswering_PositionFaultStopsDeliveryAndNoSyringeLevelIsClaimed()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);

            rig.Sensors.PositionBroken = true;
            rig.Step();

            // Without a position the pump cannot know the syringe level: it says what failed, not that the syringe is empty.
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.PositionSensorFault));
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.SyringeEmpty));
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: TEC-007
        [Fact]
        public void Infusing_DisplayUnreachable_DisplayFaultStopsDelivery()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);

            rig.Display.Dead = true;
            rig.Step();

            Assert.True(rig.Controller.Alarms.IsPresent(AlarmCode.DisplayFault));
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: LNK-010, ALM-001
        [Fact]
        public void Ready_ForgedFramesKeepArriving_MonitorLinkErrorsShown()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.LinkErrors));

            var forger = new Pump.Core.Link.HmacSha256();
            forger.SetKey(new byte[32], 0, 32);
            rig.SenderMac = forger;   // another key: every frame fails authentication

            Assert.True(rig.RunUntil(() => rig.Controller.Alarms.IsShown(AlarmCode.LinkErrors), 30));
            Assert.Equal(PumpState.Ready, rig.State);
        }

        /// <summary>A plain-rate program of 0.1 mL at 10.0 mL/h, primed and started.</summary>
        private static PumpRig StartedShortProgram()
        {
            var rig = new PumpRig();
            rig.ProgramPlainRate("00100", "0001");   // 10.0 mL/h, 0.1 mL
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            return rig;
        }
    }
}
