using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Panel;
using Pump.Core.Tests.Fakes;
using Pump.Core.Tests.Library;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Panel
{
    /// <summary>The screen that accepts the pre-filled dose, duration and syringe with one OK (PNL-408).</summary>
    [Collection(AllocationCollection.Name)]
    public sealed class DefaultsScreenTests
    {
        /// <summary>Idle to the defaults screen: new program, ketamine at 1 (or 2) mg/mL, no id, the weight given.</summary>
        private static PumpRig AtDefaults(string weight = "0700", bool twoMgPerMl = false)
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);
            if (twoMgPerMl)
            {
                rig.Press(PanelKey.Down);
                Assert.StartsWith("2 mg/mL", rig.Display.Row(2));
            }

            rig.Press(PanelKey.Ok, PanelKey.Ok);
            rig.EnterField(weight);
            Assert.Equal(PanelStep.Defaults, rig.Controller.Panel.Step);
            return rig;
        }

        // Proves: PNL-408
        [Theory]
        [InlineData(PanelKey.Down)]
        [InlineData(PanelKey.Up)]
        public void DefaultsScreen_UpOrDown_OpensDoseThenDurationThenSyringeEachShownForAcceptance(PanelKey key)
        {
            var rig = AtDefaults();
            rig.Press(key);
            Assert.Equal(PanelStep.Dose, rig.Controller.Panel.Step);
            Assert.False(rig.Controller.Panel.Editor.Editing);             // the value is shown, not yet changed
            Assert.Equal("00.50 mg/kg", rig.Display.Row(1).TrimEnd());
            rig.EnterField("0060");
            Assert.Equal(PanelStep.Duration, rig.Controller.Panel.Step);
            rig.Press(PanelKey.Ok);
            Assert.Equal(PanelStep.Syringe, rig.Controller.Panel.Step);
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);              // syringe, review page 1, page 2
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal(600, rig.Controller.Program!.DoseUgPerKg);
        }

        // Proves: PNL-408
        [Fact]
        public void DefaultsScreen_Back_ReturnsToTheWeightShowingTheValueEntered()
        {
            var rig = AtDefaults();
            rig.Press(PanelKey.Back);
            Assert.Equal(PanelStep.Weight, rig.Controller.Panel.Step);
            Assert.Equal("070.0 kg", rig.Display.Row(1).TrimEnd());
            rig.Press(PanelKey.Ok);
            Assert.Equal(PanelStep.Defaults, rig.Controller.Panel.Step);
        }

        // Proves: PNL-408, PNL-401
        [Fact]
        public void DefaultsScreen_AcceptedForAHeavyPatient_TotalDoseFlaggedOnTheDoseScreenThenTheRestWalked()
        {
            var rig = AtDefaults("1600", twoMgPerMl: true);                  // 160 kg: the weight's own soft limit, kept
            Assert.Contains("0.50 mg/kg", rig.Display.Row(0));
            rig.Press(PanelKey.Ok);                                          // 160 kg x 0.5 mg/kg = 80 mg > soft 75 mg
            Assert.Equal(PanelStep.EntryFinding, rig.Controller.Panel.Step);
            Assert.Equal(PanelStep.Dose, rig.Controller.Panel.Wizard.EntryStep);
            Assert.Equal(LimitKind.TotalDoseUg, rig.Controller.Panel.Wizard.EntryFinding!.Kind);
            Assert.Equal("SOFT LIMIT: CHECK", rig.Display.Row(0).TrimEnd());
            rig.Press(PanelKey.Ok);                                          // kept: the remaining values one by one
            Assert.Equal(PanelStep.Duration, rig.Controller.Panel.Step);
            rig.Press(PanelKey.Ok);
            Assert.Equal(PanelStep.Syringe, rig.Controller.Panel.Step);
            rig.Press(PanelKey.Ok, PanelKey.Ok);
            Assert.Equal("2/2 OK:SOFT LIMITS", rig.Display.Row(3).TrimEnd());   // still confirmed twice at review
        }

        // Proves: PNL-408, PNL-401
        [Fact]
        public void DefaultsScreen_KeptDoseAfterTheWeightWasCorrected_HardTotalRefusedAndBackOpensTheDose()
        {
            var rig = AtDefaults("1400", twoMgPerMl: true);                  // 140 kg, kept
            rig.EnterDoseAndDuration("0070", "040");                         // 98 mg (49 mL): soft, kept
            rig.AcceptReview();
            while (rig.State == PumpState.Programming)
            {
                rig.Press(PanelKey.Ok);                                      // the soft limits, each confirmed twice
            }

            Assert.Equal(PumpState.Ready, rig.State);
            rig.Press(PanelKey.Back);                                        // edit the program
            Assert.Equal(PumpState.Programming, rig.State);
            rig.Press(PanelKey.Ok, PanelKey.Ok);                             // drug, the id choice kept
            rig.EnterField("1500");                                          // the weight corrected to 150 kg
            Assert.Equal(PanelStep.Defaults, rig.Controller.Panel.Step);
            Assert.Equal("DOSE 0.70 mg/kg", rig.Display.Row(0).TrimEnd());   // the dose entered before, not the library's
            rig.Press(PanelKey.Ok);                                          // 150 kg x 0.7 mg/kg = 105 mg > hard 100 mg
            Assert.Equal("HARD LIMIT: REFUSED", rig.Display.Row(0).TrimEnd());
            Assert.Equal(LimitKind.TotalDoseUg, rig.Controller.Panel.Wizard.EntryFinding!.Kind);
            rig.Press(PanelKey.Ok, PanelKey.Start);
            Assert.Equal(PanelStep.EntryFinding, rig.Controller.Panel.Step);
            rig.Press(PanelKey.Back);
            Assert.Equal(PanelStep.Dose, rig.Controller.Panel.Step);
            Assert.True(rig.Controller.Panel.Editor.Editing);
            Assert.Equal(70, rig.Controller.Panel.Editor.Value);
        }

        // Proves: PNL-408
        [Fact]
        public void DefaultsScreen_ChangedSyringe_IsWhatTheScreenShowsWhenEditingAgain()
        {
            var rig = AtDefaults();
            rig.Press(PanelKey.Down, PanelKey.Ok, PanelKey.Ok);              // dose and duration kept
            Assert.Equal(PanelStep.Syringe, rig.Controller.Panel.Step);
            rig.Press(PanelKey.Up);                                          // BD PLASTIPAK 50
            string chosen = rig.Display.Row(1).TrimEnd();
            Assert.NotEqual("BD PLASTIPAK 60", chosen);
            rig.Press(PanelKey.Ok);
            Assert.Equal(PanelStep.Review, rig.Controller.Panel.Step);
            rig.Press(PanelKey.Back);
            Assert.Equal(PanelStep.Defaults, rig.Controller.Panel.Step);
            Assert.Equal("SYR " + chosen, rig.Display.Row(2).TrimEnd());
        }

        // Proves: PNL-408, PNL-400
        [Fact]
        public void DefaultsScreen_LibraryDefaultsFinerThanTheScreen_ProgramsWhatTheScreenShows()
        {
            // 0.505 mg/kg over 40.5 min: the screen can show only 0.50 mg/kg and 40 min.
            DrugEntry finer = LibraryTestData.With(ShippedLibrary.KetaminePsych40(), defaultDose: 505, defaultDuration: 2430);
            var rig = new PumpRig(library: new DrugLibrary(ShippedLibrary.Revision + 1, new[] { finer }));
            rig.Run(0.2);
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);
            rig.EnterField("0700");
            Assert.Equal(PanelStep.Defaults, rig.Controller.Panel.Step);
            Assert.Contains("0.50 mg/kg", rig.Display.Row(0));
            Assert.Equal("OVER 40 min", rig.Display.Row(1).TrimEnd());
            rig.Press(PanelKey.Ok);
            Assert.Equal(PanelStep.Review, rig.Controller.Panel.Step);
            Assert.Equal(500, rig.Controller.Panel.Wizard.Entries.DoseUgPerKg);
            Assert.Equal(2400, rig.Controller.Panel.Wizard.Entries.DurationS);
            rig.AcceptReview();
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal(35_000_000, rig.Controller.Status.Program!.VolumeNl);   // 0.50 mg/kg x 70 kg at 1 mg/mL, not 35.35 mL
        }
    }
}
