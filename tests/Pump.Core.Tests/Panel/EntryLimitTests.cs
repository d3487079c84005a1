using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Panel;
using Pump.Core.Programming;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Panel
{
    /// <summary>Each value is checked on its own screen as it is entered: hard limits refused there, soft flagged there.</summary>
    public sealed class EntryLimitTests
    {
        // Ketamine 1 mg/mL: weight hard 30..200 soft 45..120 kg; dose soft 0.1..0.75 hard max 1.0 mg/kg; duration
        // hard 20..120 soft 40..60 min; total dose soft max 75, hard max 100 mg; volume hard max 60 mL (so heavy
        // patients and large doses are entered at 2 mg/mL).
        // Proves: PNL-401, PRG-004
        [Theory]
        [InlineData("0250", "0050", "040", PanelStep.Weight, false, LimitKind.WeightG)]          // 25 kg < hard min 30
        [InlineData("2500", "0050", "040", PanelStep.Weight, false, LimitKind.WeightG)]          // 250 kg > hard max 200
        [InlineData("0400", "0050", "040", PanelStep.Weight, true, LimitKind.WeightG)]           // 40 kg < soft min 45
        [InlineData("1300", "0050", "040", PanelStep.Weight, true, LimitKind.WeightG, 2)]        // 130 kg > soft max 120
        [InlineData("0700", "0000", "040", PanelStep.Dose, false, LimitKind.DoseUgPerKg)]        // zero dose
        [InlineData("0700", "0005", "040", PanelStep.Dose, true, LimitKind.DoseUgPerKg)]         // 0.05 < soft min 0.1
        [InlineData("0700", "0080", "040", PanelStep.Dose, true, LimitKind.DoseUgPerKg)]         // 0.80 > soft max 0.75
        [InlineData("0700", "0120", "040", PanelStep.Dose, false, LimitKind.DoseUgPerKg)]        // 1.20 > hard max 1.00
        [InlineData("1100", "0075", "040", PanelStep.Dose, true, LimitKind.TotalDoseUg, 2)]      // 82.5 mg > soft 75
        [InlineData("1400", "0075", "040", PanelStep.Dose, false, LimitKind.TotalDoseUg, 2)]     // 105 mg > hard 100 (weight flagged first)
        [InlineData("0700", "0050", "030", PanelStep.Duration, true, LimitKind.DurationS)]       // 30 min < soft min 40
        [InlineData("0700", "0050", "015", PanelStep.Duration, false, LimitKind.DurationS)]      // 15 min < hard min 20
        [InlineData("0700", "0050", "130", PanelStep.Duration, false, LimitKind.DurationS)]      // 130 min > hard max 120
        [InlineData("0700", "0050", "000", PanelStep.Duration, false, LimitKind.DurationS)]      // zero duration
        public void WeightBasedEntry_ValueBeyondLimit_ShownOnItsOwnScreen(string weight, string dose, string duration,
            PanelStep screen, bool soft, LimitKind kind, int concentrationMgPerMl = 1)
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);
            if (concentrationMgPerMl == 2)
            {
                rig.Press(PanelKey.Down);
                Assert.StartsWith("2 mg/mL", rig.Display.Row(2));
            }

            rig.Press(PanelKey.Ok, PanelKey.Ok);    // drug, no patient id
            string[] values = { weight, dose, duration };
            PanelStep[] steps = { PanelStep.Weight, PanelStep.Dose, PanelStep.Duration };
            for (int i = 0; i < 3 && steps[i] != screen; i++)
            {
                rig.EnterField(values[i]);
                if (rig.Controller.Panel.Step == PanelStep.Defaults)
                {
                    rig.ChangeDefaults();   // to the dose screen, where each value is entered and checked
                }
            }

            Assert.Equal(screen, rig.Controller.Panel.Step);
            rig.EnterDigits(values[System.Array.IndexOf(steps, screen)]);
            AssertFinding(rig, screen, soft, kind);
        }

        // Proves: PNL-401
        [Theory]
        [InlineData("13000", "0050", PanelStep.Rate, LimitKind.RateNlPerH)]     // 1300 mL/h > device 1200
        [InlineData("00000", "0050", PanelStep.Rate, LimitKind.RateNlPerH)]     // zero rate
        [InlineData("00100", "0700", PanelStep.Volume, LimitKind.VolumeNl)]     // 70 mL > 60 mL largest syringe
        public void PlainRateEntry_ValueBeyondHardLimit_RefusedOnItsOwnScreen(string rate, string volume, PanelStep screen, LimitKind kind)
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);
            rig.ChooseDrug("NO DRUG");
            rig.EnterDigits(rate);
            if (screen == PanelStep.Volume)
            {
                rig.EnterDigits(volume);
            }

            AssertFinding(rig, screen, false, kind);
        }

        // Proves: PNL-401, PRG-007
        [Fact]
        public void Review_VolumeBeyondSyringe_RejectedAndBackLandsOnSyringe()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);
            rig.ChooseDrug("NO DRUG");
            rig.EnterDigits("00100");   // 10.0 mL/h
            rig.EnterDigits("0200");    // 20.0 mL
            while (!rig.Display.Row(1).StartsWith("BD PLASTIPAK 10", System.StringComparison.Ordinal))
            {
                rig.Press(PanelKey.Up);
            }

            rig.Press(PanelKey.Ok);
            Assert.Equal("REJECTED: HARD LIMIT", rig.Display.Row(0).TrimEnd());
            rig.Press(PanelKey.Ok);
            Assert.Equal(PanelStep.Review, rig.Controller.Panel.Step);
            rig.Press(PanelKey.Back);
            Assert.Equal(PanelStep.Syringe, rig.Controller.Panel.Step);
        }

        private static void AssertFinding(PumpRig rig, PanelStep screen, bool soft, LimitKind kind)
        {
            PanelModel panel = rig.Controller.Panel;
            Assert.Equal(PanelStep.EntryFinding, panel.Step);
            Assert.Equal(screen, panel.Wizard.EntryStep);
            Finding f = panel.Wizard.EntryFinding!;
            Assert.Equal(kind, f.Kind);
            Assert.Equal(soft, f.IsSoft);
            Assert.Equal(soft ? "SOFT LIMIT: CHECK" : "HARD LIMIT: REFUSED", rig.Display.Row(0).TrimEnd());
            Assert.False(string.IsNullOrWhiteSpace(rig.Display.Row(2)));
            if (!soft)
            {
                // A refused value cannot be kept: OK does nothing, Back reopens its editor.
                rig.Press(PanelKey.Ok);
                Assert.Equal(PanelStep.EntryFinding, panel.Step);
                rig.Press(PanelKey.Back);
                Assert.Equal(screen, panel.Step);
                Assert.True(panel.Editor.Editing);
            }
            else
            {
                rig.Press(PanelKey.Ok);
                Assert.NotEqual(PanelStep.EntryFinding, panel.Step);
            }
        }
    }
}
