using System.IO;
using System.Text.RegularExpressions;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    /// <summary>
    /// The procedure of hardware-docs/drug-library.md with pump-library alone: take the shipped source,
    /// tighten one ketamine limit, check, review, diff, sign, build; then install the bytes on a pump
    /// (the core's install path, which `pump-service library install` uses) and see the panel change.
    /// </summary>
    public sealed class PharmacistPathTests
    {
        // Proves: LIB-009, LIB-011, LIB-012, LIB-013
        [Fact]
        public void ShippedSource_TightenKetamineHardDose_CheckedReviewedSignedBuiltAndThePanelRejectsWhatItAcceptedBefore()
        {
            using var temp = new TempFolder();
            string dir = temp.Path;
            string shipped = Path.Combine(dir, "shipped.json");
            string edited = Path.Combine(dir, "clinic-rev2.json");
            File.Copy(TestPaths.ShippedSource, shipped);
            Cli.Ok("build", shipped, "-o", Path.Combine(dir, "rev1.bin"), "--draft");

            // Edit: ketamine hard maximum dose 1 -> 0.9 mg/kg, revision 1 -> 2.
            string text = File.ReadAllText(shipped);
            string changed = text.Replace("\"softMax\": 0.75, \"hardMax\": 1,", "\"softMax\": 0.75, \"hardMax\": 0.9,")
                .Replace("\"revision\": 1,", "\"revision\": 2,");
            Assert.NotEqual(text, changed);
            File.WriteAllText(edited, changed);

            string check = Cli.Ok("check", edited);
            Assert.Contains("OK, the pump accepts it. Revision 2", check);
            string crc = Regex.Match(check, "content CRC (0x[0-9A-F]{8})").Groups[1].Value;

            string report = Path.Combine(dir, "review.html");
            Cli.Ok("show", edited, "--html", "-o", report);
            string html = File.ReadAllText(report);
            Assert.Contains(crc, html);
            Assert.Contains("DRAFT: not signed off", html);
            Assert.Contains("<td class=\"n\">0.9</td>", html);

            string diff = Cli.Ok("diff", Path.Combine(dir, "rev1.bin"), edited, "--md");
            Assert.Contains("| id 10 \"KETAMINE PSYCH 40min\" | limits.dose_mg_per_kg.hardMax | 1 mg/kg | 0.9 mg/kg |", diff);
            Assert.Contains("| library | revision | 1 | 2 |", diff);

            var (unsignedCode, _, unsignedErr) = Cli.Run("build", edited, "-o", Path.Combine(dir, "rev2.bin"));
            Assert.Equal(1, unsignedCode);
            Assert.Contains("not signed off", unsignedErr);
            Assert.False(File.Exists(Path.Combine(dir, "rev2.bin")));

            Cli.Ok("sign", edited, "--author", "Ann Lee", "--reviewer", "Bo Chen", "--crc", crc, "--date", "2026-12-03");
            Cli.Ok("build", edited, "-o", Path.Combine(dir, "rev2.bin"));
            byte[] bytes = File.ReadAllBytes(Path.Combine(dir, "rev2.bin"));

            // Before: 0.95 mg/kg (57 mL for 60 kg) is above the soft maximum only: the panel asks for a confirmation.
            var rig = new PumpRig();
            Assert.Equal("2/2 OK:SOFT LIMITS", EnterKetamineDose(rig, "0095"));

            // Install on an idle pump, restart, and program the same dose: now beyond the hard maximum.
            var installer = new PumpRig();
            installer.Run(0.2);
            LibraryLoadResult installed = installer.Controller.InstallLibrary(bytes, 0, bytes.Length);
            Assert.True(installed.IsAccepted, installed.LongMessage);
            var after = new PumpRig(installer.Store);
            after.Run(0.2);
            Assert.Equal(2u, after.Controller.Library.Revision);
            Assert.False(after.Controller.Library.IsDraft);
            Assert.DoesNotContain("DRAFT", after.Display.Row(0));
            Assert.Equal("HARD LIMIT: REFUSED", EnterKetamineDose(after, "0095"));
            Assert.Equal(PumpState.Programming, after.State);
            Assert.Null(after.Controller.Program);
        }

        /// <summary>
        /// Ketamine, 1 mg/mL, 60 kg, the dose given, 40 min, BD 60: the dose screen's refusal if a hard limit refuses
        /// the dose where it is entered (PNL-401), else the review screen's verdict line.
        /// </summary>
        private static string EnterKetamineDose(PumpRig rig, string doseDigits)
        {
            rig.Run(0.2);
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);   // new program, ketamine, no patient id
            rig.EnterField("0600");
            if (rig.Controller.Panel.Step == Pump.Core.Panel.PanelStep.Defaults)
            {
                rig.ChangeDefaults();                          // the dose is entered and checked on its own screen
            }

            rig.EnterDigits(doseDigits);
            if (rig.Controller.Panel.Wizard.EntryFinding is { IsSoft: false } && rig.Controller.Panel.Step == Pump.Core.Panel.PanelStep.EntryFinding)
            {
                return rig.Display.Row(0).Trim();
            }

            if (rig.Controller.Panel.Step == Pump.Core.Panel.PanelStep.EntryFinding)
            {
                rig.Press(PanelKey.Ok);
            }

            rig.EnterField("040");
            rig.Press(PanelKey.Ok);
            if (rig.Display.Row(3).StartsWith("PAGE 1/2", System.StringComparison.Ordinal))
            {
                rig.Press(PanelKey.Ok);                        // review page 2 holds the verdict line
            }

            string row0 = rig.Display.Row(0).Trim();
            return row0.StartsWith("REJECTED", System.StringComparison.Ordinal) ? row0 : rig.Display.Row(3).Trim();
        }
    }
}
