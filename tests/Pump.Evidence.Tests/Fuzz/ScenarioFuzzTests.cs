using System.IO;
using Pump.Evidence.Docs;
using Pump.Evidence.Fuzz;
using Xunit;

namespace Pump.Evidence.Tests.Fuzz
{
    /// <summary>
    /// Default-run fuzzing of the simulator's scenario loader: the shipped scenarios, the committed hostile
    /// corpus, and a seeded batch of random and mutated inputs. The long run is `dotnet run -c Release --project tests/Pump.Evidence -- fuzz`.
    /// </summary>
    public sealed class ScenarioFuzzTests
    {
        // Proves: SIM-020
        [Fact]
        public void ScenarioCorpus_EveryHostileFile_RefusedWithAFieldOrAcceptedPlausibly()
        {
            string directory = RepositoryPaths.InRepository(ScenarioFuzzer.ScenarioCorpusDirectory);
            var totals = new ScenarioFuzzTotals();
            foreach (string file in Directory.EnumerateFiles(directory, "*.json"))
            {
                ScenarioFuzzer.Check(File.ReadAllText(file), totals);
            }

            Assert.True(totals.Inputs >= 15, $"{totals.Inputs} corpus files");
            Assert.True(totals.Refused >= 10, $"only {totals.Refused} hostile files refused");
        }

        // Proves: SIM-020
        [Fact]
        public void ScenarioFuzz_SeededBatch_OnlyScenarioExceptionsAndPlausibleScenarios()
        {
            var seeds = ScenarioFuzzer.LoadSeeds(RepositoryPaths.Root);

            ScenarioFuzzTotals totals = ScenarioFuzzer.Run(seed: 3, inputs: 5_000, seeds);

            Assert.True(totals.Accepted > 100 && totals.Refused > 1_000, $"{totals.Accepted} accepted, {totals.Refused} refused");
            Assert.True(totals.RandomText > 200 && totals.TokenSoup > 200 && totals.Mutated > 3_000,
                $"{totals.RandomText} random text, {totals.TokenSoup} token soup, {totals.Mutated} mutated");
        }
    }
}
