using System;
using System.Linq;
using System.Text;
using Pump.Core.Library;
using Pump.Core.Link;

namespace Pump.Evidence.Fuzz
{
    /// <summary>
    /// The long fuzz runs behind `fuzz --inputs N`, each under a <see cref="FuzzProgress"/>: exit 0 when every
    /// target passes, 1 when an input breaks an oracle or the retained heap grows past
    /// <see cref="FuzzProgress.GrowthLimitBytes"/>, 2 on a hang.
    /// </summary>
    public static class FuzzRuns
    {
        public static int Run(int seed, long inputs)
        {
            int failures = 0;
            failures += RunLink(seed, inputs);
            failures += RunScenario(seed, inputs);
            failures += RunLibrary(seed, inputs);
            return failures == 0 ? 0 : 1;
        }

        private static int RunLibrary(int seed, long inputs)
        {
            Console.WriteLine($"Drug-library decoder: {inputs} mutated binaries, seed {seed}");
            return Guarded("drug-library decoder", inputs, input => $"({input.Length} bytes) {Convert.ToHexString(input)}", progress =>
            {
                LibraryFuzzTotals totals = LibraryFuzzer.Run(seed, inputs, progress.Completed);
                long heapAfter = progress.Finish(inputs);
                Console.WriteLine($"  done: {totals.Inputs} inputs in {progress.Elapsed.TotalSeconds:F1} s ({totals.Inputs / progress.Elapsed.TotalSeconds:F0}/s); "
                    + $"{totals.Accepted} accepted");
                Console.WriteLine($"  {progress.HeapSummary(heapAfter)}");
                for (int e = 1; e < totals.ByError.Length; e++)
                {
                    if (totals.ByError[e] > 0)
                    {
                        Console.WriteLine($"    {(LibraryError)e}: {totals.ByError[e]}");
                    }
                }
            });
        }

        private static int RunScenario(int seed, long inputs)
        {
            var seeds = ScenarioFuzzer.LoadSeeds(Docs.RepositoryPaths.Root);
            Console.WriteLine($"Scenario loader: {inputs} random and mutated inputs from {seeds.Count} seed files, seed {seed}");
            return Guarded("scenario loader", inputs, input => Encoding.UTF8.GetString(input), progress =>
            {
                ScenarioFuzzTotals totals = ScenarioFuzzer.Run(seed, inputs, seeds, progress.Completed);
                long heapAfter = progress.Finish(inputs);
                Console.WriteLine($"  done: {totals.Inputs} inputs in {progress.Elapsed.TotalSeconds:F1} s ({totals.Inputs / progress.Elapsed.TotalSeconds:F0}/s); "
                    + $"{totals.Mutated} mutated, {totals.RandomText} random text, {totals.TokenSoup} token soup; "
                    + $"{totals.Accepted} accepted, {totals.Refused} refused with a ScenarioException");
                Console.WriteLine($"  {progress.HeapSummary(heapAfter)}");
                foreach (var kv in totals.RefusedByField.OrderByDescending(kv => kv.Value).Take(12))
                {
                    Console.WriteLine($"    refused at {kv.Key}: {kv.Value}");
                }
            });
        }

        private static int RunLink(int seed, long inputs)
        {
            Console.WriteLine($"Monitor-link parser: {inputs} inputs, seed {seed}");
            return Guarded("monitor-link parser", inputs, input => $"({input.Length} bytes) {Convert.ToHexString(input)}", progress =>
            {
                LinkFuzzTotals totals = LinkFuzzer.Run(seed, inputs, progress.Completed);
                long heapAfter = progress.Finish(inputs);
                Console.WriteLine($"  done: {totals.Inputs} inputs, {totals.Bytes} bytes in {progress.Elapsed.TotalSeconds:F1} s ({totals.Inputs / progress.Elapsed.TotalSeconds:F0}/s); "
                    + $"{totals.Accepted} frames accepted, {totals.Rejected} rejected; parser allocations {totals.AllocatedBytesInParser} bytes");
                Console.WriteLine($"  {progress.HeapSummary(heapAfter)}");
                for (int r = 1; r < totals.ByResult.Length; r++)
                {
                    Console.WriteLine($"    {(FrameResult)r}: {totals.ByResult[r]}");
                }
            });
        }

        /// <summary>Runs one target under a <see cref="FuzzProgress"/>; 0 on success, 1 on a failed oracle or heap growth.</summary>
        private static int Guarded(string target, long inputs, Func<byte[], string> showInput, Action<FuzzProgress> run)
        {
            using var progress = new FuzzProgress(target, inputs);
            try
            {
                run(progress);
                return 0;
            }
            catch (FuzzFailure failure)
            {
                Console.WriteLine($"FAILURE: {target}: {failure.Message}");
                Console.WriteLine($"  input: {showInput(failure.Input)}");
                return 1;
            }
            catch (HeapGrowthFailure growth)
            {
                Console.WriteLine($"FAILURE: heap growth: {growth.Message}");
                return 1;
            }
        }
    }
}
