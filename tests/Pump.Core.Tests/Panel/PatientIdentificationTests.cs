using System.Linq;
using Pump.Core.Control;
using Pump.Core.Panel;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Records;
using Pump.Core.Tests.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Panel
{
    [Collection(AllocationCollection.Name)]
    public sealed class PatientIdentificationTests
    {
        private static long Id(string text) => PatientId.Pack(text.ToCharArray(), text.Length);

        /// <summary>Idle to the patient screen, then the keys given, on a fresh pump.</summary>
        private static PumpRig AtPatient(params PanelKey[] keys)
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok, PanelKey.Ok);
            Assert.Equal(PanelStep.Patient, rig.Controller.Panel.Step);
            rig.Press(keys);
            return rig;
        }

        // Proves: PNL-405
        [Fact]
        public void PatientScreen_NewProgram_OffersNoIdThatOneOkChooses()
        {
            var rig = AtPatient();
            Assert.Equal("NO ID", rig.Display.Row(1).TrimEnd());
            Assert.Equal("OK:NO ID BACK:DRUG", rig.Display.Row(3).TrimEnd());
            rig.Press(PanelKey.Ok);
            Assert.Equal(PanelStep.Weight, rig.Controller.Panel.Step);
            Assert.Equal(PatientId.None, rig.Controller.Panel.Wizard.Entries.PatientId);
        }

        // Proves: PNL-405
        [Fact]
        public void PatientScreen_UpOkDownOkOk_EntersA9AndTheBlankEndsIt()
        {
            var rig = AtPatient(PanelKey.Up, PanelKey.Ok, PanelKey.Down);
            Assert.Equal("A[9]", rig.Display.Row(1).TrimEnd());
            rig.Press(PanelKey.Ok);
            Assert.Equal("A9[_]", rig.Display.Row(1).TrimEnd());
            rig.Press(PanelKey.Ok);
            Assert.Equal(PanelStep.Weight, rig.Controller.Panel.Step);
            Assert.Equal(Id("A9"), rig.Controller.Panel.Wizard.Entries.PatientId);
        }

        // Proves: PNL-405
        [Fact]
        public void PatientScreen_BackWhileEditing_ReturnsToNoIdAndBackAgainToTheDrug()
        {
            var rig = AtPatient(PanelKey.Up, PanelKey.Ok, PanelKey.Up, PanelKey.Back, PanelKey.Back);
            Assert.Equal("NO ID", rig.Display.Row(1).TrimEnd());
            Assert.Equal(PanelStep.Patient, rig.Controller.Panel.Step);
            rig.Press(PanelKey.Back);
            Assert.Equal(PanelStep.Drug, rig.Controller.Panel.Step);
        }

        // Proves: PNL-405, PRG-014
        [Fact]
        public void PatientIdEditor_EightCharacters_CommitsOnTheLastAndNeverHoldsMore()
        {
            var e = new PatientIdEditor();
            e.Begin(PatientId.NotChosen);
            EditResult r = EditResult.Editing;
            int presses = 0;
            while (r == EditResult.Editing && presses++ < 40)
            {
                e.Press(PanelKey.Up);
                r = e.Press(PanelKey.Ok);
            }

            Assert.Equal(EditResult.Committed, r);
            Assert.Equal(Id("AAAAAAAA"), e.Value);
            Assert.True(PatientId.IsValid(e.Value));
        }

        // Proves: PNL-405
        [Fact]
        public void PatientIdEditor_DownFromBlank_WalksBackwardsThroughDigitsAndLetters()
        {
            var e = new PatientIdEditor();
            e.Begin(PatientId.NotChosen);
            e.Press(PanelKey.Down);
            Assert.Equal('9', e.CharAt(0));
            e.Press(PanelKey.Up);
            Assert.Equal('A', e.CharAt(0));
            e.Press(PanelKey.Down);
            e.Press(PanelKey.Down);
            Assert.Equal('8', e.CharAt(0));
        }

        // Proves: PRG-014
        [Theory]
        [InlineData("A", true)]
        [InlineData("JD4711", true)]
        [InlineData("ABCDEFGH", true)]
        [InlineData("jd", false)]       // lower case is not offered and not accepted
        [InlineData("J D", false)]      // no spaces
        [InlineData("J-D", false)]
        public void PatientId_Characters_OnlyUpperCaseLettersAndDigits(string text, bool valid)
        {
            long packed = 0;
            for (int i = 0; i < text.Length; i++)
            {
                packed |= (long)text[i] << (8 * i);
            }

            Assert.Equal(valid, PatientId.IsValid(packed));
            Assert.Equal(valid ? packed : PatientId.NotChosen, PatientId.Pack(text.ToCharArray(), text.Length));
        }

        // Proves: PRG-014
        [Fact]
        public void PatientId_GapOrNegative_NotAnId()
        {
            Assert.False(PatientId.IsValid(0x41_00_41L));
            Assert.False(PatientId.IsValid(-1));
            Assert.False(PatientId.IsValid(long.MinValue));
            Assert.True(PatientId.IsValid(PatientId.None));
            Assert.Equal(PatientId.NotChosen, PatientId.Pack("ABCDEFGHI".ToCharArray(), 9));
        }

        // Proves: PRG-014
        [Fact]
        public void NewProgram_AfterASessionWithAnId_AsksAgainAndNeverOffersThePreviousId()
        {
            var rig = AtPatient(PanelKey.Up, PanelKey.Ok, PanelKey.Up, PanelKey.Ok, PanelKey.Ok);   // "AA"
            rig.EnterDigits("0700");
            rig.Press(PanelKey.Ok);                                    // dose, duration and syringe as pre-filled
            rig.AcceptReview();
            rig.Press(PanelKey.Ok);
            rig.Run(1);
            rig.Press(PanelKey.Ok, PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.Equal(Id("AA"), rig.Controller.Status.PatientId);
            rig.Press(PanelKey.PauseStop, PanelKey.PauseStop, PanelKey.Ok);   // pause, end session?, yes
            rig.Run(0.5);
            rig.Press(PanelKey.Ok);                                          // close the stopped session
            rig.Run(0.5);
            Assert.Equal(PumpState.Idle, rig.State);
            rig.Press(PanelKey.Ok, PanelKey.Ok);
            Assert.Equal(PanelStep.Patient, rig.Controller.Panel.Step);
            Assert.Equal("NO ID", rig.Display.Row(1).TrimEnd());
            Assert.Equal(PatientId.NotChosen, rig.Controller.Panel.Wizard.Entries.PatientId);
        }

        // Proves: PRG-014, REC-001
        [Fact]
        public void SessionStart_WithAnId_LogsTheIdProgrammedValuesAndDrugName()
        {
            var rig = AtPatient(PanelKey.Up, PanelKey.Ok, PanelKey.Down, PanelKey.Ok, PanelKey.Ok);   // "A9"
            rig.EnterDigits("0700");
            rig.Press(PanelKey.Ok);                                    // dose, duration and syringe as pre-filled
            rig.AcceptReview();
            rig.Press(PanelKey.Ok);
            rig.Run(1);
            rig.Press(PanelKey.Ok, PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);

            EventLogEntry patient = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.PatientIdentified));
            Assert.Equal(Id("A9"), PatientId.FromWords(patient.Arg0, patient.Arg1));
            var details = PumpRigLog.Controller(rig, PumpEvent.ProgramDetail).ToDictionary(e => e.Arg0, e => e.Arg1);
            Assert.Equal(1000, details[ProgramDetail.ConcentrationUgPerMl]);
            Assert.Equal(70_000, details[ProgramDetail.WeightG]);
            Assert.Equal(500, details[ProgramDetail.DoseUgPerKg]);
            Assert.Equal(35_000, details[ProgramDetail.TotalDoseUg]);
            var parts = PumpRigLog.Controller(rig, PumpEvent.DrugNamePart);
            Assert.Equal(3, parts.Count);                                    // "KETAMINE PSYCH 40min": 20 characters, 7 per part
            Assert.All(parts, p => Assert.Equal(20, p.Arg0 & 31));
            Assert.Equal('K', (char)((parts[0].Arg0 >> 8) & 0xFF));
            var started = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.SessionStarted));
            Assert.True(patient.Sequence > started.Sequence);
        }

        // Proves: PRG-014, PNL-407
        [Fact]
        public void Reset_WhileInfusingWithAnId_RestoredScreenShowsTheSameId()
        {
            var rig = AtPatient(PanelKey.Up, PanelKey.Ok, PanelKey.Down, PanelKey.Ok, PanelKey.Ok);   // "A9"
            rig.EnterDigits("0700");
            rig.Press(PanelKey.Ok);                                    // dose, duration and syringe as pre-filled
            rig.AcceptReview();
            rig.Press(PanelKey.Ok);
            rig.Run(1);
            rig.Press(PanelKey.Ok, PanelKey.Start);
            rig.Run(30);

            PumpRig after = SessionResetTests.Reboot(rig, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Paused, after.State);
            Assert.Equal(Id("A9"), after.Controller.Status.PatientId);
            Assert.EndsWith(" A9", after.Display.Row(0).TrimEnd());
        }

        /// <summary>The default program up to review page 1 (no id).</summary>
        private static PumpRig AtReview(string dose = "0050")
        {
            var rig = AtPatient(PanelKey.Ok);
            rig.EnterDigits("0700");
            rig.EnterDoseAndDuration(dose, "040");                     // a rate flagged on the way is kept too
            Assert.Equal(PanelStep.Review, rig.Controller.Panel.Step);
            return rig;
        }

        // Proves: PNL-406
        [Fact]
        public void Review_OkTurnsToPage2AndBackReturnsToPage1_OnlyOkOnPage2Accepts()
        {
            var rig = AtReview();
            Assert.Equal("KETAMINE PSYCH 40min", rig.Display.Row(0).TrimEnd());
            Assert.Equal("1mg/mL ID NONE", rig.Display.Row(1).TrimEnd());
            Assert.Equal("70.0kg 0.50mg/kg", rig.Display.Row(2).TrimEnd());
            rig.Press(PanelKey.Ok);
            Assert.Equal("PAGE 2/2 OK:ACCEPT", rig.Display.Row(3).TrimEnd());
            Assert.Equal(PumpState.Programming, rig.State);
            rig.Press(PanelKey.Back);
            Assert.Equal("PAGE 1/2 OK:NEXT", rig.Display.Row(3).TrimEnd());
            Assert.Equal(PanelStep.Review, rig.Controller.Panel.Step);
            rig.Press(PanelKey.Back);
            Assert.Equal(PanelStep.Defaults, rig.Controller.Panel.Step);   // dose, duration and syringe on one screen
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);
            Assert.Equal(PumpState.Ready, rig.State);
        }

        // Proves: PNL-406, PNL-003
        [Fact]
        public void Review_SoftLimitDeclined_BackReturnsToPage2WithTheConfirmationsStillNeeded()
        {
            var rig = AtReview("0080");                                 // 0.80 mg/kg > soft max 0.75, kept at entry
            rig.Press(PanelKey.Ok);
            Assert.Equal("2/2 OK:SOFT LIMITS", rig.Display.Row(3).TrimEnd());
            rig.Press(PanelKey.Ok);
            Assert.Equal(PanelStep.SoftLimit, rig.Controller.Panel.Step);
            rig.Press(PanelKey.Back);
            Assert.Equal(PanelStep.Review, rig.Controller.Panel.Step);
            Assert.Equal(1, rig.Controller.Panel.Wizard.ReviewPage);
            Assert.Equal(PumpState.Programming, rig.State);
        }
    }
}
