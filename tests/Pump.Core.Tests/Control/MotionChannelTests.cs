using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// The motion channel seen from outside: the count at rest, priming's volume, and stops that leave the driver off
    /// (STM-002, TEC-004, TEC-007, DEL-005).
    /// </summary>
    public sealed class MotionChannelTests
    {
        // Proves: TEC-004, TEC-007
        [Fact]
        public void Stop_CounterUnreadableAtTheStop_CountAtRestRetakenWhenItIsBackSoEarlierPulsesAreNoRunaway()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Steps.CounterBroken = true;
            rig.Step();
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.False(rig.Driver.IsEnabled);
            rig.Steps.CounterBroken = false;
            rig.Run(2);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.MotorRunaway));
            Assert.Equal(rig.Controller.Ledger.CountedMicrosteps, rig.Controller.Motion.CountedAtStop);

            // Pulses after that reference are a runaway.
            rig.Steps.RunawayPulses = 10;
            rig.Step();
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.MotorRunaway));
        }

        // Proves: TEC-004, STM-002
        [Fact]
        public void Pause_CountedAtTheStopIsTheExactCountAndNothingMovesAfter()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            long primedRaw = rig.Steps.Counted;
            rig.Press(PanelKey.Start);
            rig.Run(10);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            // The counter's pulses since the start of the infusion (priming's are counted apart).
            Assert.Equal(rig.Steps.Counted - primedRaw, rig.Controller.Ledger.CountedMicrosteps);
            Assert.Equal(rig.Controller.Ledger.CountedMicrosteps, rig.Controller.Motion.CountedAtStop);
            Assert.Equal(rig.Controller.Ledger.CountedMicrosteps, rig.Controller.Ledger.CommandedMicrosteps);
            long counted = rig.Steps.Counted;
            rig.Run(5);
            Assert.Equal(counted, rig.Steps.Counted);
            Assert.False(rig.Controller.Motion.Engine.IsRunning);
        }

        // Proves: STM-011, DEL-005
        [Fact]
        public void Priming_RunsToThePrimeVolumeThenCountsFromZeroAgain()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Priming, rig.State);
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Ready, 60));
            Assert.True(rig.Controller.Calibration!.TryNlToMicrosteps(rig.Settings.PrimeMaxNl, out long primeSteps));
            Assert.Equal(primeSteps, rig.Steps.Counted);
            Assert.Equal(0, rig.Controller.Ledger.CountedMicrosteps);
            Assert.Equal(0, rig.Controller.Motion.CountedAtStop);
            Assert.True(rig.Controller.LinePrimed);
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: PER-006, TEC-004
        [Fact]
        public void Pause_APulseCompletesAsTheGeneratorStops_ItIsInTheRecordedCountAndIsNoRunaway()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            long primedRaw = rig.Steps.Counted;
            rig.Press(PanelKey.Start);
            rig.Run(10);
            rig.Steps.PulseInProgressAtStop = true;
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            long truth = rig.Steps.Counted - primedRaw;
            Assert.Equal(truth, rig.Controller.Ledger.CountedMicrosteps);
            Assert.True(rig.Controller.Persistence.Ledger.IsExact);
            Assert.Equal(truth, rig.Controller.Persistence.Ledger.ReservedMicrosteps);
            rig.Run(2);
            Assert.Equal(PumpState.Paused, rig.State);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.MotorRunaway));
        }

        // Proves: TIT-003, DEL-005
        [Fact]
        public void Titrate_APulseCompletesAsTheGeneratorStops_TheNewScheduleStartsFromItSoExactlyTheDueStepsAreDelivered()
        {
            PumpRig rig = TitrationTests.Infusing();
            TitrationTests.EnterRate(rig, "0050");
            rig.Steps.PulseInProgressAtStop = true;
            rig.Press(PanelKey.Ok);
            Assert.Equal(500, rig.Controller.Program!.RateUgPerKgPerH);
            for (int i = 0; i < 100; i++)
            {
                rig.Step();
                Assert.Equal(rig.Controller.Motion.Engine.MicrostepsDueBy(rig.Clock.NowUs), rig.Controller.Ledger.CountedMicrosteps);
            }
        }

        // Proves: TEC-004, TEC-007
        [Fact]
        public void Infusing_CounterJumpsBack_CounterFaultAtOnceAndStillPresentWhileItReadsBelowTheCount()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            long counted = rig.Controller.Ledger.CountedMicrosteps;
            rig.Steps.RunawayPulses = -100;     // the counter now reads 100 below what it read before
            rig.Step();
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.CounterFault));
            Assert.False(rig.Driver.IsEnabled);
            rig.Run(1);
            // Still below what was counted: still a counter fault, and the count is not taken back.
            Assert.True(rig.Controller.Alarms.IsPresent(AlarmCode.CounterFault));
            Assert.True(rig.Controller.Ledger.CountedMicrosteps >= counted);
        }

        // Proves: STM-002, PER-015
        [Fact]
        public void Resume_AfterAResetThatLeftTheDriverInReverse_InfusesForward()
        {
            var before = PumpControllerTests.StartedKetamine();
            before.Run(20);
            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Driver.SetDirection(MotorDirection.Reverse);   // the direction line as the reset left it
            after.Run(2);
            Assert.Equal(PumpState.Paused, after.State);
            after.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, after.State);
            Assert.Equal(MotorDirection.Forward, after.Driver.Direction);
            after.Run(5);
            Assert.True(after.MechanicalMicrosteps > 0);
            Assert.Equal(PumpState.Infusing, after.State);
        }

        // Proves: STM-011
        [Fact]
        public void Priming_StoppedBeforeItsFirstStep_LineNotPrimedSoStartIsRefused()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            Assert.True(rig.Controller.Request(PumpTrigger.RequestPrime));
            Assert.True(rig.Controller.Request(PumpTrigger.RequestPause));
            rig.Step();
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal(1, PumpRigLog.Transitions(rig, PumpState.Priming, PumpState.Ready));
            Assert.Equal(0, rig.Steps.Counted);
            Assert.False(rig.Controller.LinePrimed);
            rig.Controller.Request(PumpTrigger.RequestStart);
            rig.Step();
            Assert.Equal(PumpState.Ready, rig.State);
        }

        // Proves: TEC-005, STM-011
        [Fact]
        public void Priming_Done_ReadyForAMinuteWithoutAPositionOrRunawayAlarm()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            rig.Press(PanelKey.Ok);
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Ready, 60));   // the whole priming volume, about 3.6 mm
            rig.Run(60);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.MotorRunaway));
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.OverInfusion));

            // The reference is the primed position: motion without pulses from there is still caught.
            rig.DriftUmPerSecond = 300;
            Assert.True(rig.RunUntil(() => rig.Controller.Alarms.IsShown(AlarmCode.MotorRunaway), 10));
        }

        // Proves: STM-011, STM-002
        [Theory]
        [InlineData(0, 2_000_000)]       // a rate below one microstep per hour
        [InlineData(-1, 2_000_000)]      // a rate that does not convert
        [InlineData(300_000_000, -1)]    // a volume that does not convert
        public void Priming_SettingsThatCannotBeDriven_EndsAtOnceUnprimedWithoutEnablingTheDriver(long rateNlPerH, long maxNl)
        {
            var rig = new PumpRig();
            rig.Settings.PrimeRateNlPerH = rateNlPerH;
            rig.Settings.PrimeMaxNl = maxNl;
            rig.ProgramKetamine(prime: false);
            int enables = rig.Driver.EnableCount;
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal(1, PumpRigLog.Transitions(rig, PumpState.Priming, PumpState.Ready));
            Assert.Equal(enables, rig.Driver.EnableCount);
            Assert.False(rig.Driver.IsEnabled);
            Assert.False(rig.Controller.LinePrimed);
            Assert.Equal(0, rig.Steps.Counted);
            // Nothing went into the line, so it cannot be on the patient yet: this was not the program's first prime.
            Assert.False(rig.Controller.PrimedOnce);
        }

        // Proves: PER-006, TEC-011
        [Fact]
        public void Infusing_EveryTick_ThePersistedBoundIsAtLeastTheRefreshMarginAheadOfTheCommandedSteps()
        {
            var rig = PumpControllerTests.StartedKetamine();
            InfusionProgram p = rig.Controller.Program!;
            long margin = PersistentDeliveryLedger.WindowMicrosteps(PersistentDeliveryLedger.DefaultRefreshMarginMs, p.RateMicrosteps, p.RatePeriodUs);
            long window = PersistentDeliveryLedger.WindowMicrosteps(PersistentDeliveryLedger.DefaultReservationWindowMs, p.RateMicrosteps, p.RatePeriodUs);
            var ledger = rig.Controller.Persistence.Ledger;
            for (int i = 0; i < 600; i++)
            {
                rig.Step();
                long ahead = ledger.ReservedMicrosteps - rig.Controller.Ledger.CommandedMicrosteps;
                Assert.True(ahead >= margin, $"tick {i}: reserved only {ahead} ahead of the commanded steps, margin {margin}");
                // ... and never more than the window plus the engine's look-ahead (what a power cut can over-state).
                Assert.True(ahead <= window + margin, $"tick {i}: reserved {ahead} ahead");
            }
        }

        // Proves: PER-006, STM-011
        [Fact]
        public void Priming_AfterAnEndedSession_PrimesItsWholeVolumeAndNeverOverwritesTheRecordedDose()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(10);
            rig.Press(PanelKey.PauseStop, PanelKey.PauseStop, PanelKey.Ok);   // pause, end session?, yes
            rig.Run(0.5);
            rig.Press(PanelKey.Ok);                                           // close the stopped session
            rig.Run(0.5);
            Assert.Equal(PumpState.Idle, rig.State);
            var record = rig.Controller.Persistence.Ledger;
            long delivered = record.ReservedMicrosteps;
            Assert.True(delivered > 0);
            Assert.True(record.IsExact);

            // A new plain-rate program, primed to its whole priming volume.
            rig.Press(PanelKey.Ok);
            rig.ChooseDrug("NO DRUG");
            rig.EnterDigits("00100");              // 10.0 mL/h
            rig.EnterDigits("0050");               // 5.0 mL
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);
            Assert.Equal(PumpState.Ready, rig.State);
            long pulsesBefore = rig.Steps.Counted;
            rig.Press(PanelKey.Ok);
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Ready, 60));
            Assert.True(rig.Controller.LinePrimed);

            // The prime counts from 0, not from the last session's dose: the whole priming volume goes into the line.
            Assert.True(rig.Controller.Calibration!.TryNlToMicrosteps(rig.Settings.PrimeMaxNl, out long primeSteps));
            Assert.Equal(primeSteps, rig.Steps.Counted - pulsesBefore);

            // Priming went into the line: it is never recorded as a dose, over the last session's or anyone's.
            Assert.Equal(delivered, record.ReservedMicrosteps);
            Assert.True(record.IsExact);
        }
    }
}
