using System.IO;
using System.Linq;
using Pump.Sim.Running;
using Pump.Sim.Scenarios.Testing;
using Xunit;

namespace Pump.Simulator.Tests.Scenarios
{
    public class ScenarioSuiteTests
    {
        private static readonly string[] Quick = { "concentration-rejected.json", "soft-limit-not-confirmed.json", "hard-limit-rejected.json", "programming-abandoned.json" };

        // Proves: SIM-002, SIM-032
        [Fact]
        public void Run_OneWorkerOrSeveral_SameResultsInFileOrder()
        {
            var files = Quick.Select(f => Path.Combine(TestPaths.Scenarios, f)).ToList();

            SuiteResult one = ScenarioSuite.Run(files, 1);
            SuiteResult four = ScenarioSuite.Run(files, 4);

            Assert.Equal(files, one.Results.Select(r => r.File));
            Assert.Equal(files, four.Results.Select(r => r.File));
            for (int i = 0; i < files.Count; i++)
            {
                Assert.Equal(one.Results[i].Verdicts.Select(v => v.ToString()), four.Results[i].Verdicts.Select(v => v.ToString()));
                Assert.Equal(Comparable(one.Results[i].Summary!), Comparable(four.Results[i].Summary!));
            }
        }

        [Fact]
        public void Discover_Folder_FindsScenariosButNotTheSchema_Sorted()
        {
            var files = ScenarioSuite.Discover(new[] { TestPaths.Scenarios, Path.Combine(TestPaths.Scenarios, "default.json") }, out var missing);

            Assert.Empty(missing);
            Assert.DoesNotContain(files, f => f.EndsWith("scenario.schema.json"));
            Assert.Equal(files.OrderBy(f => f, System.StringComparer.Ordinal), files);
            Assert.Single(files, f => f.EndsWith("default.json"));
        }

        private static string Comparable(RunSummary s) => s.ToJson().Replace("\"wallMs\": " + s.WallMs, "", System.StringComparison.Ordinal);
    }
}
