using System.Linq;
using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Configuration
{
    public class PairedMonitorShownTests
    {
        // Proves: PNL-300, LNK-020
        [Fact]
        public void ReadyScreen_KetamineProgrammed_ShowsThePairedMonitorAndItsBedLabelInTurnBeforeStart()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            Assert.Equal(PumpState.Ready, rig.State);
            var bottom = new System.Collections.Generic.HashSet<string>();
            for (int i = 0; i < 70; i++)
            {
                rig.Step();
                bottom.Add(rig.Display.Row(3).TrimEnd());
            }
            Assert.Equal(new[] { "BED " + TestLinkKey.BedLabel, "MONITOR " + PumpRig.MonitorId }, bottom.OrderBy(x => x));
        }

        // Proves: PNL-300, LNK-020
        [Fact]
        public void PanelGuide_ReadyScreensWithMonitorAndBed_AreDrawnInTheGuideExactly()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            var screens = Pump.Core.Tests.Panel.PanelGuideTests.Capture(rig, 2);
            rig.Press(PanelKey.Ok);
            rig.Run(1);
            rig.Press(PanelKey.Ok);
            screens.AddRange(Pump.Core.Tests.Panel.PanelGuideTests.Capture(rig, 7));
            var boxes = Pump.Core.Tests.Panel.PanelGuideTests.Boxes(System.IO.File.ReadAllText(TestPaths.InRepository("hardware-docs/panel.md")));
            Assert.Contains(screens, x => x[3].StartsWith("BED ", System.StringComparison.Ordinal));
            foreach (string[] screen in screens)
            {
                Assert.True(boxes.Contains(string.Join("\n", screen)), "panel.md lacks this screen:\n|" + string.Join("|\n|", screen) + "|");
            }
        }

        // Proves: LNK-020
        [Fact]
        public void HeldScreen_KetamineInVitalsHold_ShowsTheBedLabelAmongItsInformationLines()
        {
            var rig = Pump.Core.Tests.Control.PumpControllerTests.StartedKetamine();
            rig.Run(20);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            var second = new System.Collections.Generic.HashSet<string>();
            for (int i = 0; i < 160; i++)
            {
                rig.Step();
                second.Add(rig.Display.Row(1).TrimEnd());
            }
            Assert.Contains("BED " + TestLinkKey.BedLabel, second);
            Assert.Contains("KETAMINE 1mg/mL", second); // the other information lines still take their turns
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
