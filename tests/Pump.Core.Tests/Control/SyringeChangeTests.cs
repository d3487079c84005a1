using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>A syringe taken out where it may be changed (Idle, Programming, Ready) is a new syringe: its line is not primed.</summary>
    public sealed class SyringeChangeTests
    {
        // Proves: STM-005
        [Fact]
        public void Ready_SyringeTakenOutAfterPriming_StartRefusedUntilPrimedAgain()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            Assert.True(rig.Controller.LinePrimed);
            rig.Sensors.ClampClosed = false;
            rig.Step();
            rig.Sensors.ClampClosed = true;
            rig.Step();
            Assert.False(rig.Controller.LinePrimed);
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("PRIME LINE FIRST", rig.Controller.LastRejection);
        }

        // Proves: STM-005
        [Fact]
        public void Ready_SyringeStaysSecured_StillPrimedAndStarts()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            rig.Run(2);
            Assert.True(rig.Controller.LinePrimed);
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
        }
    }
}
