using System.IO;
using System.Linq;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    /// <summary>
    /// The real controller on the virtual hardware, driven only through the panel and the monitor link. What one
    /// scenario shows is in its file's `expect` block (ShippedScenarioRunTests); here, what needs many seeds.
    /// </summary>
    public class ControllerIntegrationTests
    {
        private static (SimulationRun Run, RunSummary Summary) Run(string file, int? seed = null)
        {
            Scenario s = file == "default" ? DefaultScenario.Create() : ScenarioLoader.LoadFile(Path.Combine(TestPaths.Scenarios, file));
            var run = new SimulationRun(s, new RunOptions { Seed = seed });
            run.Run();
            return (run, RunSummary.From(run, 0));
        }

        // Proves: SIM-005
        [Fact]
        public void PowerLoss_ManySeeds_SomeCutsTearAWrite_AndEveryRebootIsSafe()
        {
            int torn = 0;
            for (int seed = 1; seed <= 12; seed++)
            {
                var (run, s) = Run("power-loss-torn-write.json", seed);
                torn += (int)run.Pump.Store.TornWrites;
                Assert.True(s.Delivered.LedgerVolumeMl >= s.Delivered.VolumeMl - 0.01, "ledger lost delivered volume, seed " + seed);
                Assert.Equal(2, s.ControllerBoots);
                Assert.Contains(s.FinalState, new[] { "PAUSED", "ALARM", "IDLE" });
                long offAt = run.Events.First(e => e.Kind == "power" && e.Detail.StartsWith("power lost")).AtMs;
                Assert.DoesNotContain(run.Events, e => e.Kind == "state" && e.AtMs > offAt && e.Detail.Contains("-> INFUSING"));
            }
            Assert.Equal(12, torn);
        }
    }
}
