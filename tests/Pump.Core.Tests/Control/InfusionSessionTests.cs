using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>The session's records: what a confirmed program leaves in the log.</summary>
    public sealed class InfusionSessionTests
    {
        // Proves: PNL-003
        [Fact]
        public void ConfirmedProgram_WithASoftDoseOverride_LogsTheOverrideWithItsValueThenTheProgramWithItsVolume()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok); // new program, drug, no patient id
            rig.EnterDigits("0700");
            rig.ChangeDefaults();
            rig.EnterDigits("0080"); // 0.80 mg/kg > soft max 0.75
            rig.Press(PanelKey.Ok);  // keep it
            rig.EnterField("040");
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok); // syringe, review page 2, soft-limit screen
            int guard = 0;
            while (rig.State == PumpState.Programming && guard++ < 10)
            {
                rig.Press(PanelKey.Ok);
            }

            Assert.Equal(PumpState.Ready, rig.State);
            var entries = PumpRigLog.Entries(rig);
            int confirmed = entries.FindIndex(e => e.Category == 0 && e.Code == PumpEvent.ProgramConfirmed);
            int dose = entries.FindIndex(e => e.Category == 0 && e.Code == PumpEvent.SoftLimitOverride
                && e.Arg0 == (int)LimitKind.DoseUgPerKg);
            Assert.True(dose >= 0, "the dose override is logged");
            Assert.True(confirmed > dose, "overrides are logged before the program they belong to");
            Assert.Equal(800, entries[dose].Arg1);
            Assert.Equal(rig.Controller.Session.Drug!.DrugId, entries[confirmed].Arg0);
            Assert.Equal((int)(rig.Controller.Program!.VolumeNl / 1000), entries[confirmed].Arg1);
            Assert.True(entries[confirmed].Arg1 > 0);
        }

        // Proves: PNL-003
        [Fact]
        public void ConfirmedProgram_InsideEveryLimit_LogsNoOverride()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();

            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.SoftLimitOverride));
            var confirmed = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.ProgramConfirmed));
            Assert.Equal((int)(rig.Controller.Program!.VolumeNl / 1000), confirmed.Arg1);
        }
    }
}
