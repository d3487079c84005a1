using System;
using System.IO;
using System.Linq;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Pump.Sim.Scenarios.Testing;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    /// <summary>
    /// The shipped scenario suite, run through the same runner as `pump-sim test`: every scenario must meet the
    /// expectations in its file (the safety behaviour each one shows: stop latencies, alarms, holds, the ledger).
    /// </summary>
    public class ShippedScenarioRunTests
    {
        // Proves: SIM-004, SIM-005, SIM-008, SIM-012, SIM-021, SIM-025, SIM-031
        [Fact]
        public void ShippedSuite_EveryScenario_MeetsTheExpectationsInItsFile()
        {
            var files = ScenarioSuite.Discover(new[] { TestPaths.Scenarios }, out var missing);
            Assert.Empty(missing);
            Assert.True(files.Count >= 48, "scenario folder has " + files.Count + " files");

            SuiteResult suite = ScenarioSuite.Run(files, Environment.ProcessorCount);

            string problems = string.Join("\n", suite.Results.Where(r => r.Status != ScenarioStatus.Passed)
                .Select(r => Path.GetFileName(r.File) + ": " + (r.Error ?? string.Join("; ", r.Failures.Select(f => f.ToString())))));
            Assert.True(suite.ExitCode == 0, problems);
            foreach (ScenarioResult r in suite.Results)
            {
                Assert.True(r.Verdicts.Length >= 5, Path.GetFileName(r.File) + " checks only " + r.Verdicts.Length + " expectations");
                RunSummary s = r.Summary!;
                Assert.Equal(r.SimulatedMs, s.SimulatedMs);
                Assert.All(s.InterlockTrips, t => Assert.True(t.StopLatencyMs >= 0 && t.StepsAfterTrip >= 0));
            }
        }

        // Proves: SIM-004, SIM-012
        [Fact]
        public void BuiltInDefaultScenario_MeetsTheShippedDefaultExpectations()
        {
            Scenario file = ScenarioLoader.LoadFile(Path.Combine(TestPaths.Scenarios, "default.json"));
            Scenario builtIn = DefaultScenario.Create();
            builtIn.Expectations = file.Expectations;

            ScenarioResult r = ScenarioSuite.Judge("built-in", builtIn);

            Assert.True(r.Status == ScenarioStatus.Passed, r.Error ?? string.Join("; ", r.Failures.Select(f => f.ToString())));
        }
    }
}
