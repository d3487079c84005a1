using System.Collections.Generic;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// The act end of a tick's alarms: every alarm raised is logged with its priority and reported to the observer
    /// in that tick (ALM-008), and the running lamp is put in a known state at power-up, then written only when it
    /// changes (TEC-015).
    /// </summary>
    public sealed class AlarmReporterTests
    {
        // Proves: ALM-008
        [Fact]
        public void AlarmRaised_ClampOpenedWhileInfusing_LoggedWithItsPriorityAndReportedWithTheTickTime()
        {
            var rig = PumpControllerTests.StartedKetamine();
            var seen = new AlarmRecorder();
            rig.Controller.SetObserver(seen);
            rig.Run(2);
            Assert.Empty(seen.Raised);

            rig.Sensors.ClampClosed = false;
            rig.Step();
            var reported = Assert.Single(seen.Raised);
            Assert.Equal(AlarmCode.SyringeNotSecured, reported.Code);
            Assert.Equal(rig.Clock.NowUs, reported.AtUs);
            var logged = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.AlarmRaised).FindAll(e => e.Arg0 == (int)AlarmCode.SyringeNotSecured));
            Assert.Equal((int)AlarmPriority.High, logged.Priority);
            Assert.Equal(0, logged.Arg1);
        }

        // Proves: ALM-006
        [Fact]
        public void Annunciator_ClampOpenedWhileInfusing_HighPrioritySoundAndLightInThatTick()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(2);
            Assert.Equal(AlarmSound.Silent, rig.Annunciator.Sound);
            Assert.Equal(AlarmLight.Off, rig.Annunciator.Light);

            rig.Sensors.ClampClosed = false;
            rig.Step();
            Assert.Equal(AlarmSound.HighPriority, rig.Annunciator.Sound);
            Assert.Equal(AlarmLight.HighFlashing, rig.Annunciator.Light);
        }

        // Proves: ALM-008
        [Fact]
        public void AlarmRaised_TwoInOneTick_EachLoggedAndReportedOnce()
        {
            var rig = PumpControllerTests.StartedKetamine();
            var seen = new AlarmRecorder();
            rig.Controller.SetObserver(seen);
            rig.Sensors.ClampClosed = false;
            rig.Sensors.ForceBroken = true;
            rig.Step();
            rig.Run(1);
            Assert.Single(seen.Raised.FindAll(r => r.Code == AlarmCode.SyringeNotSecured));
            Assert.Single(seen.Raised.FindAll(r => r.Code == AlarmCode.ForceSensorFault));
            var logged = PumpRigLog.Controller(rig, PumpEvent.AlarmRaised);
            Assert.Single(logged.FindAll(e => e.Arg0 == (int)AlarmCode.SyringeNotSecured));
            Assert.Single(logged.FindAll(e => e.Arg0 == (int)AlarmCode.ForceSensorFault));
            Assert.Equal(seen.Raised.Count, logged.Count);
        }

        // Proves: TEC-015
        [Fact]
        public void RunningLamp_PowerUp_WrittenOffOnceThenOnlyOnEachChange()
        {
            var rig = new PumpRig();
            rig.Run(1);
            Assert.Equal(1, rig.Annunciator.RunningWrites);   // a known state after a reset, whatever the lamp showed
            Assert.False(rig.Annunciator.Running);

            rig.ProgramKetamine();
            rig.Press(PanelKey.Start);
            rig.Run(5);
            Assert.True(rig.Annunciator.Running);
            Assert.Equal(2, rig.Annunciator.RunningWrites);

            rig.Press(PanelKey.PauseStop);
            rig.Run(2);
            Assert.False(rig.Annunciator.Running);
            Assert.Equal(3, rig.Annunciator.RunningWrites);
        }

        private sealed class AlarmRecorder : IPumpObserver
        {
            public List<(AlarmCode Code, long AtUs)> Raised { get; } = new();

            public void OnTransition(PumpState from, PumpTrigger trigger, PumpState to, long nowUs) { }
            public void OnRejected(PumpState state, PumpTrigger trigger, string reason, long nowUs) { }
            public void OnAlarmRaised(AlarmCode code, long nowUs) => Raised.Add((code, nowUs));
            public void OnMotorStopped(long nowUs, long countedMicrosteps) { }
        }
    }
}
