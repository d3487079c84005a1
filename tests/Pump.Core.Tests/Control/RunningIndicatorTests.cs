using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>The running indicator a person at the bedside reads at a glance (TEC-015).</summary>
    public sealed class RunningIndicatorTests
    {
        // Proves: TEC-015
        [Fact]
        public void RunningIndicator_LitExactlyWhileInfusing_OffWhilePrimingPausedAndAfterCompletion()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.False(rig.Annunciator.Running);

            rig.Press(PanelKey.Ok);            // prime
            Assert.Equal(PumpState.Priming, rig.State);
            Assert.False(rig.Annunciator.Running);
            rig.Run(1);
            rig.Press(PanelKey.Ok);            // primed
            Assert.Equal(PumpState.Ready, rig.State);

            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.True(rig.Annunciator.Running);

            rig.Run(2);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            Assert.False(rig.Annunciator.Running);

            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.True(rig.Annunciator.Running);

            Assert.True(rig.RunUntil(() => rig.State == PumpState.Completed, 41 * 60));
            Assert.False(rig.Annunciator.Running);
        }
    }
}
