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
            @"\.Panel\b|\.Wizard\b|\.Editor\b|\bNumberEditor\b|\bProgramWizard\b|\.Interlock\b|\.Session\b|\.Motion\b|\.Alarms\b|\.Ledger\b|\bpump\.State\b|\bpump\.Program\b");

        // Proves: SIM-036
        [Theory]
        [InlineData("Clinician.cs")]
        [InlineData("ProgrammingScreenReader.cs")]
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
