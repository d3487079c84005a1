using System.Collections.Generic;
using System.IO;
using System.Linq;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    public class ShippedScenarioRunTests
    {
        public static IEnumerable<object[]> Files() =>
            Directory.GetFiles(TestPaths.Scenarios, "*.json").Where(f => !f.EndsWith(".schema.json"))
                .Select(f => new object[] { Path.GetFileName(f) });

        // Proves: SIM-021
        [Theory]
        [MemberData(nameof(Files))]
        public void ShippedScenario_RunsToItsEnd_WithAConsistentSummary(string file)
        {
            Scenario s = ScenarioLoader.LoadFile(Path.Combine(TestPaths.Scenarios, file));
            var run = new SimulationRun(s);
            run.Run();
            RunSummary summary = RunSummary.From(run, 0);
            Assert.Equal(run.EndMs, summary.SimulatedMs);
            Assert.Contains(summary.Outcome, new[] { "completed", "held", "stopped", "rejected", "alarm", "running", "not-started" });
            Assert.True(summary.Delivered.VolumeMl <= (s.FillMl ?? 60) + 1e-6);
            foreach (var t in summary.InterlockTrips)
            {
                Assert.True(t.StopLatencyMs >= 0);
                Assert.True(t.StepsAfterTrip >= 0);
            }
        }
    }
}
