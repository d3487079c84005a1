using System.IO;
using System.Linq;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    /// <summary>The virtual clinician's titration policy, worked from the display (TIT, SIM-036, SIM-037).</summary>
    public class ClinicianTitrationTests
    {
        private static SimulationRun Run(string file)
        {
            Scenario s = ScenarioLoader.LoadFile(Path.Combine(TestPaths.Scenarios, file));
            var run = new SimulationRun(s, new RunOptions());
            run.Run();
            return run;
        }

        // Proves: SIM-037, TIT-001
        [Fact]
        public void TitrationRaiseBack_StrongThenSettledDissociation_LowersThenRaisesBackThroughThePanelAndTheTotalHolds()
        {
            SimulationRun run = Run("titration-raise-back.json");

            var decisions = run.Events.Where(e => e.Kind == "clinician" && e.Detail.Contains("dose rate")).ToList();
            var changes = run.Events.Where(e => e.Kind == "state" && e.Detail == "INFUSING -> INFUSING (ConfirmTitration)").ToList();
            Assert.Equal(2, decisions.Count);
            Assert.Contains("lowers the dose rate to 0.25", decisions[0].Detail);
            Assert.Contains("raises the dose rate back to 0.75", decisions[1].Detail);
            Assert.Equal(2, changes.Count);
            // Each change took effect only after the clinician's keys on the panel, within seconds of deciding.
            Assert.InRange(changes[0].AtMs - decisions[0].AtMs, 1, 30_000);
            Assert.InRange(changes[1].AtMs - decisions[1].AtMs, 1, 30_000);
            // Raised back only after dissociation stayed settled for the scenario's 5 minutes.
            Assert.True(decisions[1].AtMs - changes[0].AtMs >= 5 * 60_000);
            RunSummary s = RunSummary.From(run, 0);
            Assert.Equal("completed", s.Outcome);
            Assert.InRange(s.Delivered.VolumeMl, 34.965, 35.035);
        }

        // Proves: SIM-037
        [Fact]
        public void TitrationDissociation_NoRaiseBackInTheScenario_LowersOnceAndNeverRaises()
        {
            SimulationRun run = Run("titration-dissociation.json");

            Assert.Single(run.Events, e => e.Kind == "state" && e.Detail == "INFUSING -> INFUSING (ConfirmTitration)");
            Assert.DoesNotContain(run.Events, e => e.Kind == "clinician" && e.Detail.Contains("raises"));
        }
    }
}
