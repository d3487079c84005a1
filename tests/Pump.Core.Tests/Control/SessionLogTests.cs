using System.Collections.Generic;
using Pump.Core.Control;
using Pump.Core.Persistence;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// The controller's event log: session events of a drug that needs vitals are followed by the fresh vitals of
    /// their moment (SVC-008), and nothing else is; each newly latched vital rule (INT-501) and a monitor-link sender
    /// restart (LNK-014) is logged once.
    /// </summary>
    public sealed class SessionLogTests
    {
        private static List<EventLogEntry> Controller(PumpRig rig) => PumpRigLog.Entries(rig).FindAll(e => e.Category == 0);

        /// <summary>The entry right after the first controller entry with a code at or after an index.</summary>
        private static EventLogEntry? After(List<EventLogEntry> log, int code, int from = 0)
        {
            int i = log.FindIndex(from, e => e.Code == code);
            Assert.True(i >= 0, $"event {code} not logged");
            return i + 1 < log.Count ? log[i + 1] : null;
        }

        // Proves: SVC-008, PRG-013
        [Fact]
        public void SessionEvents_PlainRateDrug_CarryNoVitalsEvenWithAMonitorSending()
        {
            var rig = new PumpRig();
            rig.ProgramPlainRate("00100", "0050");   // 10.0 mL/h, 5.0 mL
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            rig.Run(3);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            Assert.DoesNotContain(Controller(rig), e => e.Code == PumpEvent.VitalsAtEvent);
        }

        // Proves: SVC-008
        [Fact]
        public void Events_DuringAKetamineSession_OnlySessionEventsAreFollowedByVitals()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(3);
            rig.Sensors.ClampClosed = false;
            rig.Step();
            rig.Press(PanelKey.Silence);
            List<EventLogEntry> log = Controller(rig);
            Assert.Equal(PumpEvent.VitalsAtEvent, After(log, PumpEvent.AlarmRaised)!.Code);
            int silenced = log.FindIndex(e => e.Code == PumpEvent.AudioPaused);
            Assert.True(silenced >= 0);
            Assert.DoesNotContain(log.GetRange(silenced, log.Count - silenced), e => e.Code == PumpEvent.VitalsAtEvent);
        }

        // Proves: SVC-008
        [Fact]
        public void SessionEvents_VitalsOlderThanTheLease_CarryNoVitals()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(3);
            rig.Vitals = null;                      // the monitor stops sending
            Assert.True(rig.RunUntil(() => rig.State != PumpState.Infusing, 120));
            rig.Run(1);
            List<EventLogEntry> log = Controller(rig);
            int stopped = log.FindLastIndex(e => e.Code == PumpEvent.Transition && e.Arg1 == (int)rig.State);
            Assert.True(stopped >= 0);
            Assert.DoesNotContain(log.GetRange(stopped, log.Count - stopped), e => e.Code == PumpEvent.VitalsAtEvent);
        }

        // Proves: INT-501, SVC-008
        [Fact]
        public void VitalRuleLatched_SystolicRise_LoggedOnceWithTheRuleAndItsLevel()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(20);
            rig.Vitals = PumpRig.Typical(sbp: 175);
            rig.NewNibpReading();
            Assert.True(rig.RunUntil(() => rig.State == PumpState.InterlockHold, 2));
            rig.Run(30);
            int rise = rig.Controller.Interlock.Evaluator.IndexOf("SBP_HOLD_RISE40");
            var latched = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.VitalRuleLatched).FindAll(e => e.Arg0 == rise));
            Assert.Equal((int)rig.Controller.Interlock.Profile.Rules[rise].Level, latched.Arg1);
            Assert.True(latched.Arg1 > 0);
        }

        // Proves: LNK-014
        [Fact]
        public void SenderRestart_Twice_EachLoggedOnceWithTheOldAndTheNewBoot()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.RestartSender();
            rig.Run(5);
            rig.RestartSender();
            rig.Run(5);
            var logged = PumpRigLog.Controller(rig, PumpEvent.MonitorSenderRestarted);
            Assert.Equal(2, logged.Count);
            Assert.Equal((1, 2), (logged[0].Arg0, logged[0].Arg1));
            Assert.Equal((2, 3), (logged[1].Arg0, logged[1].Arg1));
        }
    }
}
