using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Tests.Control;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Panel
{
    /// <summary>OK acknowledges any alarm screen (panel.md): reminders included.</summary>
    public sealed class AlarmAcknowledgeTests
    {
        // Proves: PNL-402
        [Fact]
        public void PausedCallback_Ok_AcknowledgesAndTheReminderReturnsOnlyAfterAnotherPeriod()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            rig.Run(121);
            Assert.Equal(AlarmCode.CallbackPaused, rig.Controller.Alarms.Highest);
            Assert.Contains("PAUSED: CALLBACK", rig.Display.Text);

            rig.Press(PanelKey.Ok);
            rig.Run(1);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.CallbackPaused));
            Assert.Equal(PumpState.Paused, rig.State);

            rig.Run(110);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.CallbackPaused));
            rig.Run(15);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.CallbackPaused));
        }

        // Proves: PNL-402
        [Fact]
        public void Ready_AlarmWithItsCauseGone_FirstOkAcknowledgesSecondPrimes()
        {
            var rig = new Fakes.PumpRig();
            rig.ProgramKetamine(prime: false);
            Assert.Equal(PumpState.Ready, rig.State);
            rig.Sensors.ForceBroken = true;
            rig.Run(1);
            rig.Sensors.ForceBroken = false;
            rig.Run(1);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.ForceSensorFault));
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("FORCE SENSOR FAULT", rig.Display.Row(3).TrimEnd());

            rig.Press(PanelKey.Ok);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.ForceSensorFault));
            Assert.Equal(PumpState.Ready, rig.State);
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Priming, rig.State);
        }
    }
}
