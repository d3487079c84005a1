using System;
using System.Collections.Generic;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// What the coordinator tells the world about each tick's decisions: the event log, the observer the simulator
    /// reports from, and the refusal line on the panel; and that a fault while reporting still ends in a logged Failsafe.
    /// </summary>
    public sealed class PumpControllerReportingTests
    {
        private sealed class RecordingObserver : IPumpObserver
        {
            public readonly List<string> Seen = new();
            public long StoppedAtCount = -1;
            public bool Throw;

            public void OnTransition(PumpState from, PumpTrigger trigger, PumpState to, long nowUs)
            {
                Seen.Add($"{from}-{trigger}->{to}");
                ThrowIfAsked();
            }

            public void OnRejected(PumpState state, PumpTrigger trigger, string reason, long nowUs)
            {
                Seen.Add($"{state}-{trigger} refused: {reason}");
                ThrowIfAsked();
            }

            public void OnAlarmRaised(AlarmCode code, long nowUs)
            {
                Seen.Add($"alarm {code}");
                ThrowIfAsked();
            }

            public void OnMotorStopped(long nowUs, long countedMicrosteps)
            {
                Seen.Add("motor stopped");
                StoppedAtCount = countedMicrosteps;
                ThrowIfAsked();
            }

            private void ThrowIfAsked()
            {
                if (Throw)
                {
                    throw new InvalidOperationException("observer failed");
                }
            }
        }

        // Proves: SIM-031, STM-002
        [Fact]
        public void Observer_RefusalStartAndPause_EachReportedWithItsReasonAndTheExactCountAtTheStop()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            var observer = new RecordingObserver();
            rig.Controller.SetObserver(observer);
            rig.Vitals = null;
            rig.Run(10);
            rig.Press(PanelKey.Start);
            Assert.Contains("Ready-RequestStart refused: MONITOR DATA OLD", observer.Seen);

            rig.Vitals = PumpRig.Typical();
            rig.Run(2);
            rig.Press(PanelKey.Start);
            Assert.Contains("Ready-RequestStart->Infusing", observer.Seen);
            rig.Run(5);
            Assert.True(rig.Annunciator.Running);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            Assert.False(rig.Annunciator.Running);
            Assert.Contains("Infusing-RequestPause->Paused", observer.Seen);
            Assert.Contains("motor stopped", observer.Seen);
            long counted = rig.Controller.Ledger.CountedMicrosteps;
            Assert.True(counted > 0);
            Assert.Equal(counted, observer.StoppedAtCount);
            Assert.True(observer.Seen.IndexOf("motor stopped") < observer.Seen.IndexOf("Infusing-RequestPause->Paused"),
                "the stop (hardware first) is reported before the transition");

            rig.Controller.SetObserver(null);
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.DoesNotContain("Paused-RequestResume->Infusing", observer.Seen);
        }

        // Proves: PER-012, STM-002
        [Fact]
        public void Pause_WhileInfusing_StopLoggedWithTheExactCountAndTheDeliveredMicrolitres()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(30);
            rig.Press(PanelKey.PauseStop);
            var stops = PumpRigLog.Controller(rig, PumpEvent.DeliveryStopped);
            Assert.Equal(2, stops.Count);   // the end of priming, then the pause
            var stop = stops[1];
            Assert.Equal(rig.Controller.Ledger.CountedMicrosteps, stop.Arg0);
            Assert.Equal(rig.Controller.DeliveredVolumeNl() / 1000, stop.Arg1);
            Assert.True(stop.Arg1 > 0);
        }

        // Proves: STM-013
        [Fact]
        public void Request_Refused_LoggedWithTheStateAndTheTrigger()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            rig.Press(PanelKey.Start);
            var refused = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.RequestRejected));
            Assert.Equal(((int)PumpState.Ready * 256) + (int)PumpTrigger.RequestStart, refused.Arg0);
        }

        // Proves: PNL-004
        [Fact]
        public void Refusal_ShownOnTheBottomLineForFourSecondsThenGone()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            rig.Press(PanelKey.Start);
            Assert.Contains("PRIME LINE FIRST", rig.Display.Row(3));
            rig.Run(4);
            Assert.Contains("PRIME LINE FIRST", rig.Display.Row(3));
            rig.Step();
            Assert.DoesNotContain("PRIME LINE FIRST", rig.Display.Row(3));
            Assert.Equal("PRIME LINE FIRST", rig.Controller.LastRejection);
        }

        // Proves: STM-015, TEC-010, STM-002
        [Fact]
        public void Tick_ObserverThrowsEvenWhileTheFaultIsReported_FailsafeForcedLoggedSavedAndMotorOff()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            var observer = new RecordingObserver { Throw = true };
            rig.Controller.SetObserver(observer);
            int kicks = rig.Watchdog.Kicks;
            rig.Press(PanelKey.PauseStop);

            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(kicks, rig.Watchdog.Kicks);
            var transitions = PumpRigLog.Controller(rig, PumpEvent.Transition);
            var last = transitions[transitions.Count - 1];
            Assert.Equal((int)PumpState.Failsafe, last.Arg1);
            Assert.Equal((int)PumpTrigger.FatalFault, last.Arg0 % 256);
            Assert.Equal((int)PumpState.Infusing, last.Arg0 / 256);   // the observer threw at the stop, before the state changed
            Assert.Contains(PumpRigLog.Controller(rig, PumpEvent.AlarmRaised), e => e.Arg0 == (int)AlarmCode.SoftwareFault);

            // Saved as Failsafe: the next self-test refuses it.
            PumpRig after = SessionResetTests.Reboot(rig, watchdog: true);
            after.Run(1);
            Assert.Equal(PumpState.Failsafe, after.State);
        }

        // Proves: TEC-010
        [Fact]
        public void Failsafe_AfterASoftwareFault_LaterHealthyTicksKickTheWatchdogAgain()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Sensors.ThrowOnForceRead = true;
            rig.Step();
            Assert.Equal(PumpState.Failsafe, rig.State);
            rig.Sensors.ThrowOnForceRead = false;
            int kicks = rig.Watchdog.Kicks;
            rig.Run(1);
            Assert.Equal(kicks + 20, rig.Watchdog.Kicks);
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.False(rig.Driver.IsEnabled);
        }

        /// <summary>Asks again for every refused request, from inside the tick that refused it.</summary>
        private sealed class InsistingObserver : IPumpObserver
        {
            public PumpController? Pump;
            public int Refusals;

            public void OnTransition(PumpState from, PumpTrigger trigger, PumpState to, long nowUs) { }

            public void OnRejected(PumpState state, PumpTrigger trigger, string reason, long nowUs)
            {
                Refusals++;
                Pump!.Request(trigger);
            }

            public void OnAlarmRaised(AlarmCode code, long nowUs) { }

            public void OnMotorStopped(long nowUs, long countedMicrosteps) { }
        }

        // Proves: STM-003, TEC-010
        [Fact]
        public void Tick_RequestsThatKeepQueueingMore_HandledUpToTheBoundThenTheTickEnds()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            var observer = new InsistingObserver { Pump = rig.Controller };
            rig.Controller.SetObserver(observer);
            int kicks = rig.Watchdog.Kicks;
            rig.Press(PanelKey.Start);   // refused (not primed), asked again, refused again...
            Assert.InRange(observer.Refusals, 2, 4 * TriggerQueue.Capacity);
            Assert.Equal(kicks + 1, rig.Watchdog.Kicks);
            Assert.Equal(PumpState.Ready, rig.State);

            // The request left waiting is handled in the next tick, again bounded.
            int first = observer.Refusals;
            rig.Step();
            Assert.InRange(observer.Refusals - first, 1, 4 * TriggerQueue.Capacity);
        }

        // Proves: ALM-008, STM-015
        [Fact]
        public void Observer_AlarmsRaised_EachReportedOnceEvenTheSoftwareFaultOfAnException()
        {
            var rig = PumpControllerTests.StartedKetamine();
            var observer = new RecordingObserver();
            rig.Controller.SetObserver(observer);
            rig.Sensors.ClampClosed = false;
            rig.Run(1);
            Assert.Single(observer.Seen, e => e == "alarm SyringeNotSecured");

            rig.Sensors.ClampClosed = true;
            rig.Sensors.ThrowOnForceRead = true;
            rig.Step();
            rig.Sensors.ThrowOnForceRead = false;
            rig.Run(1);
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.Single(observer.Seen, e => e == "alarm SoftwareFault");
        }
    }
}
