using System.Collections.Generic;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>How the controller orders the triggers of one tick (STM-003).</summary>
    public sealed class TriggerOrderTests
    {
        private sealed class RecordingObserver : IPumpObserver
        {
            public List<string> Events { get; } = new();

            public List<long> AtUs { get; } = new();

            public void OnTransition(PumpState from, PumpTrigger trigger, PumpState to, long nowUs)
            {
                Events.Add($"{from} --{trigger}--> {to}");
                AtUs.Add(nowUs);
            }

            public void OnRejected(PumpState state, PumpTrigger trigger, string reason, long nowUs)
            {
                Events.Add($"{state} rejects {trigger}");
                AtUs.Add(nowUs);
            }

            public void OnAlarmRaised(AlarmCode code, long nowUs)
            {
            }

            public void OnMotorStopped(long nowUs, long countedMicrosteps)
            {
            }
        }

        private static (PumpRig Rig, RecordingObserver Seen) Paused()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            var seen = new RecordingObserver();
            rig.Controller.SetObserver(seen);
            return (rig, seen);
        }

        // Proves: STM-003
        [Fact]
        public void Tick_ClampOpensAsTheClinicianPressesResume_SafetyStopIsHandledBeforeTheRequest()
        {
            var (rig, seen) = Paused();

            rig.Sensors.ClampClosed = false;
            rig.Keypad.Press(PanelKey.Start);
            rig.Step();

            // Clinician first would read "Paused rejects RequestResume", then the stop.
            Assert.Equal(new[] { "Paused --TechnicalStop--> Alarm", "Alarm rejects RequestResume" }, seen.Events);
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: STM-003
        [Fact]
        public void Tick_TwoRequestsQueued_HandledInOrderToCompletionWithinTheTick()
        {
            var (rig, seen) = Paused();

            Assert.True(rig.Controller.Request(PumpTrigger.RequestResume));
            Assert.True(rig.Controller.Request(PumpTrigger.RequestPause));
            rig.Step();

            Assert.Equal(new[] { "Paused --RequestResume--> Infusing", "Infusing --RequestPause--> Paused" }, seen.Events);
            Assert.Equal(seen.AtUs[0], seen.AtUs[1]);
            Assert.Equal(PumpState.Paused, rig.State);
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: STM-003
        [Fact]
        public void Tick_RequestQueuedBeforeTheTickThatOpensTheClamp_SafetyStopStillComesFirst()
        {
            var (rig, seen) = Paused();

            Assert.True(rig.Controller.Request(PumpTrigger.RequestResume));
            rig.Sensors.ClampClosed = false;
            rig.Step();

            Assert.Equal(new[] { "Paused --TechnicalStop--> Alarm", "Alarm rejects RequestResume" }, seen.Events);
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: STM-003
        [Fact]
        public void Request_ClinicianShareFull_RefusedAndTheQueuedOnesStillRun()
        {
            var (rig, seen) = Paused();

            int accepted = FillClinicianShare(rig);
            rig.Step();

            Assert.Equal(24, accepted);
            Assert.Equal(24, seen.Events.Count);
            Assert.Equal(PumpState.Paused, rig.State);
        }

        // Proves: STM-003
        [Fact]
        public void Tick_ClinicianShareFullWhenTheClampOpens_SafetyStopIsNotCrowdedOut()
        {
            var (rig, seen) = Paused();

            FillClinicianShare(rig);
            rig.Sensors.ClampClosed = false;
            rig.Step();

            Assert.Equal("Paused --TechnicalStop--> Alarm", seen.Events[0]);
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.False(rig.Driver.IsEnabled);
        }

        private static int FillClinicianShare(PumpRig rig)
        {
            int accepted = 0;
            while (rig.Controller.Request(accepted % 2 == 0 ? PumpTrigger.RequestResume : PumpTrigger.RequestPause))
            {
                accepted++;
                Assert.True(accepted <= 1000, "the trigger queue never fills");
            }

            return accepted;
        }
    }
}
