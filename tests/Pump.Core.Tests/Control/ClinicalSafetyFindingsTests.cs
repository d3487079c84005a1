using System.Collections.Generic;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Link;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// Regression tests for the hostile-testing findings of issue 11 that are not about resets: re-priming into a
    /// connected line, resume bouncing, near-empty chatter, starting with far too little drug, plain-rate logging.
    /// </summary>
    public sealed class ClinicalSafetyFindingsTests
    {
        // Proves: STM-011, PNL-008
        [Fact]
        public void RePrime_InReadyAfterFirstPrime_NeedsTwoConfirmedStepsAndIsLogged()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            Assert.Equal(PumpState.Ready, rig.State);
            long pulses = rig.Steps.Counted;

            // One OK no longer primes: it asks to disconnect the line.
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal(1, rig.Controller.Panel.RePrimeStep);
            Assert.Equal("DISCONNECT THE LINE", rig.Display.Row(1).TrimEnd());
            rig.Press(PanelKey.Back);
            Assert.Equal(0, rig.Controller.Panel.RePrimeStep);
            Assert.Equal(pulses, rig.Steps.Counted);

            // A request that skips the questions is refused by the table.
            rig.Controller.Request(PumpTrigger.RequestPrime);
            rig.Step();
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("DISCONNECT LINE", rig.Controller.LastRejection);
            Assert.Equal(pulses, rig.Steps.Counted);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.LineDisconnectConfirmed));

            rig.Press(PanelKey.Ok, PanelKey.Ok);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("FROM THE PATIENT?", rig.Display.Row(2).TrimEnd());
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Priming, rig.State);
            Assert.Single(PumpRigLog.Controller(rig, PumpEvent.LineDisconnectConfirmed));

            // The confirmation is spent by that prime: the next one asks again.
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Ready, rig.State);
            rig.Controller.Request(PumpTrigger.RequestPrime);
            rig.Step();
            Assert.Equal(PumpState.Ready, rig.State);
        }

        // Proves: STM-011
        [Fact]
        public void RePrime_AfterClampOpenedDuringPriming_NeedsTheDisconnectionConfirmed()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Priming, rig.State);
            rig.Sensors.ClampClosed = false;
            rig.Step();
            Assert.Equal(PumpState.Ready, rig.State);
            rig.Step();
            rig.Sensors.ClampClosed = true;
            rig.Run(1);
            Assert.False(rig.Controller.LinePrimed);
            rig.Controller.Request(PumpTrigger.RequestPrime);
            rig.Step();
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("DISCONNECT LINE", rig.Controller.LastRejection);
            rig.Press(PanelKey.Ok);                     // acknowledges SYRINGE NOT SECURED first (PNL-402)
            Assert.False(rig.Controller.Alarms.IsShown(Pump.Core.Alarms.AlarmCode.SyringeNotSecured));
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);
            Assert.Equal(PumpState.Priming, rig.State);
        }

        // Proves: STM-011
        [Fact]
        public void FirstPrime_OfANewProgram_NeedsNoDisconnectQuestion()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Priming, rig.State);
        }

        // Proves: INT-012, STM-006
        [Fact]
        public void Resume_NewestFrameLacksHeartRate_RefusedNamingItWithoutABounce()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(20);
            rig.Vitals = null;
            Assert.True(rig.RunUntil(() => rig.State == PumpState.InterlockHold, 10));
            VitalSigns noHr = PumpRig.Typical();
            noHr.AvailableFlags &= ~VitalSigns.AvailHeartRate;
            noHr.HeartRateBpm = 0;
            rig.Vitals = noHr;
            rig.Run(5);
            var transitions = new TransitionRecorder();
            rig.Controller.SetObserver(transitions);
            int enables = rig.Driver.EnableCount;

            rig.Press(PanelKey.Start);
            rig.Run(1);

            Assert.Equal(PumpState.InterlockHold, rig.State);
            Assert.Empty(transitions.Seen);
            Assert.Equal(enables, rig.Driver.EnableCount);
            Assert.Equal("NO HEART RATE", rig.Controller.LastRejection);
        }

        // Proves: INT-001, INT-012
        [Fact]
        public void InterlockVerdict_EveryTick_AgreesWithTheInterlocksOwnRules()
        {
            var rig = PumpControllerTests.StartedKetamine();
            var interlock = rig.Controller.Interlock;
            for (int i = 0; i < 400; i++)
            {
                if (i == 100) rig.Vitals = null;
                if (i == 250) rig.Vitals = PumpRig.Typical();
                rig.Step();
                long nowMs = rig.Clock.NowUs / 1000;
                Assert.Equal(interlock.MayInfuse(nowMs), interlock.Verdict.MayInfuse);
                Assert.Equal(interlock.ResumePermitted(nowMs), interlock.Verdict.ResumePermitted);
                Assert.Equal(interlock.LeaseCauseAt(nowMs), interlock.Verdict.LeaseCause);
            }

            Assert.Equal(PumpState.InterlockHold, rig.State);
            Assert.True(interlock.Verdict.ResumePermitted);
        }

        // Proves: TEC-014
        [Fact]
        public void NearEmpty_NoisyPositionAtTheThreshold_RaisedOnce()
        {
            var rig = new PumpRig();
            // 4.40 mL loaded: the 300 s lead at 52.5 mL/h is 4.375 mL, so the threshold is crossed in ~2 s.
            rig.StartPositionUm = 120_000 - 4_400_000 / 556;
            rig.Sensors.PositionUm = rig.StartPositionUm;
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start, PanelKey.Ok);
            Assert.Equal(PumpState.Infusing, rig.State);
            var raised = new TransitionRecorder();
            rig.Controller.SetObserver(raised);
            for (int tick = 0; tick < 20 * 40; tick++)
            {
                rig.StepWithoutTick();
                // ±150 µm of wiper noise (about ±0.08 mL): the raw condition flips every tick near the threshold.
                rig.Sensors.PositionUm += tick % 2 == 0 ? 150 : -150;
                rig.Controller.Tick();
            }

            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));
            Assert.Single(raised.Alarms.FindAll(a => a == AlarmCode.NearEmpty));
        }

        // Proves: STM-005, PNL-009
        [Fact]
        public void Start_FarTooLittleDrugLoaded_AsksWithBothVolumesAndStartsOnlyWhenConfirmed()
        {
            var rig = new PumpRig();
            rig.StartPositionUm = 120_000 - 500_000 / 556;   // 0.5 mL for a 35 mL program
            rig.Sensors.PositionUm = rig.StartPositionUm;
            rig.ProgramKetamine();
            int enables = rig.Driver.EnableCount;

            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.True(rig.Controller.Panel.ConfirmingShortfall);
            Assert.Equal("TOO LITTLE DRUG", rig.Display.Row(0).TrimEnd());
            Assert.Equal("LOADED  0.4 mL", rig.Display.Row(1).TrimEnd());
            Assert.Equal("PROGRAM 35.0 mL", rig.Display.Row(2).TrimEnd());
            rig.Press(PanelKey.Back);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal(enables, rig.Driver.EnableCount);

            // Without the confirmation the table refuses.
            rig.Controller.Request(PumpTrigger.RequestStart);
            rig.Step();
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("TOO LITTLE DRUG", rig.Controller.LastRejection);

            rig.Press(PanelKey.Start, PanelKey.Ok);
            Assert.Equal(PumpState.Infusing, rig.State);
            var confirmed = PumpRigLog.Controller(rig, PumpEvent.ShortfallConfirmed);
            Assert.Single(confirmed);
            Assert.Equal(35_000, confirmed[0].Arg1);
            Assert.InRange(confirmed[0].Arg0, 400, 500);
        }

        // Proves: STM-005
        [Fact]
        public void Start_EnoughDrugLoaded_StartsWithoutAQuestion()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.ShortfallConfirmed));
        }

        // Proves: PRG-013
        [Fact]
        public void PlainRateInfusion_Started_LoggedAsPlainRate()
        {
            var rig = new PumpRig();
            rig.ProgramPlainRate("00100", "0050");   // 10.0 mL/h, 5.0 mL
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            var logged = PumpRigLog.Controller(rig, PumpEvent.PlainRateInfusionStarted);
            Assert.Single(logged);
            Assert.Equal(10_000, logged[0].Arg0);
            Assert.Equal(5_000, logged[0].Arg1);
        }

        // Proves: PRG-013
        [Fact]
        public void KetamineInfusion_Started_NotLoggedAsPlainRate()
        {
            var rig = PumpControllerTests.StartedKetamine();
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.PlainRateInfusionStarted));
        }

        private sealed class TransitionRecorder : IPumpObserver
        {
            public List<(PumpState From, PumpState To)> Seen { get; } = new();
            public List<AlarmCode> Alarms { get; } = new();

            public void OnTransition(PumpState from, PumpTrigger trigger, PumpState to, long nowUs) => Seen.Add((from, to));
            public void OnRejected(PumpState state, PumpTrigger trigger, string reason, long nowUs) { }
            public void OnAlarmRaised(AlarmCode code, long nowUs) => Alarms.Add(code);
            public void OnMotorStopped(long nowUs, long countedMicrosteps) { }
        }
    }
}
