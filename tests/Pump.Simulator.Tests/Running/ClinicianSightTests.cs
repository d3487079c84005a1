using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    /// <summary>The virtual clinician acts on what a person sees and the published status, never on the pump's insides.</summary>
    public sealed class ClinicianSightTests
    {
        // The panel model (wizard, editor, key map), the controller's parts, and the controller's state outside PumpStatus.
        private static readonly Regex Internals = new(
            @"\.Panel\b|\.Wizard\b|\.Editor\b|\bNumberEditor\b|\bProgramWizard\b|\bTitrationScreen\b|\.Titration\.|\bTitrationStep\b|\bTitrationPlanner\b|\.Interlock\b|\.Session\b|\.Motion\b|\.Alarms\b|\.Ledger\b|\bpump\.State\b|\bpump\.Program\b");

        /// <summary>Every file of the simulated clinician: Clinician*.cs and the screen readers it acts on.</summary>
        private static string[] ClinicianFileNames()
        {
            string running = Path.Combine(TestPaths.RepositoryRoot, "simulator", "Pump.Sim", "Running");
            var names = new System.Collections.Generic.List<string>();
            foreach (string pattern in new[] { "Clinician*.cs", "*ScreenReader.cs" })
            {
                foreach (string f in Directory.GetFiles(running, pattern))
                {
                    names.Add(Path.GetFileName(f));
                }
            }

            return names.ToArray();
        }

        public static TheoryData<string> ClinicianFiles() => new TheoryData<string>(ClinicianFileNames());

        // Proves: SIM-036
        [Fact]
        public void ClinicianFiles_IncludeTheTitrationPolicyAndBothScreenReaders()
        {
            string[] names = ClinicianFileNames();
            Assert.Contains("Clinician.cs", names);
            Assert.Contains("ClinicianTitration.cs", names);
            Assert.Contains("ProgrammingScreenReader.cs", names);
            Assert.Contains("TitrationScreenReader.cs", names);
        }

        // Proves: SIM-036
        [Theory]
        [MemberData(nameof(ClinicianFiles))]
        public void ClinicianSources_ReadOnlyTheDisplayLampsSoundMonitorAndPumpStatus(string file)
        {
            string path = Path.Combine(TestPaths.RepositoryRoot, "simulator", "Pump.Sim", "Running", file);
            string[] lines = File.ReadAllLines(path);
            var offending = new System.Collections.Generic.List<string>();
            for (int i = 0; i < lines.Length; i++)
            {
                string code = lines[i].TrimStart();
                if (!code.StartsWith("//") && Internals.IsMatch(code.Replace("Pump.Core.", "")))   // namespaces are not reads
                {
                    offending.Add((i + 1) + ": " + code);
                }
            }

            Assert.True(lines.Length > 20, "the clinician's source was not found");
            Assert.True(offending.Count == 0, string.Join("\n", offending));
        }
    }
}
