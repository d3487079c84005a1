using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Xunit;

namespace Pump.Core.Tests.Configuration
{
    public class PairedMonitorShownTests
    {
        // Proves: PNL-300
        [Fact]
        public void ReadyScreen_KetamineProgrammed_ShowsThePairedMonitorBeforeStart()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("MONITOR " + PumpRig.MonitorId, rig.Display.Row(3).TrimEnd());
        }

        // Proves: PNL-300
        [Fact]
        public void ReadyScreen_NoMonitorPaired_SaysNotPaired()
        {
            var rig = new PumpRig();
            rig.Settings.PairedMonitorId = 0;
            rig.ProgramKetamine();
            rig.Run(4); // let any rejection message expire
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("MONITOR NOT PAIRED", rig.Display.Row(3).TrimEnd());
        }
    }
}
