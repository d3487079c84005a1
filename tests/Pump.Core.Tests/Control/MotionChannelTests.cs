using Pump.Core.Alarms;
using Pump.Core.Control;
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
    }
}
