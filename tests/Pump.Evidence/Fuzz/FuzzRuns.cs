using System;
using System.Linq;
using Pump.Core.Link;

namespace Pump.Evidence.Fuzz
{
    /// <summary>The long fuzz runs behind `fuzz --inputs N`, each under a <see cref="FuzzProgress"/> hang watchdog.</summary>
    public static class FuzzRuns
    {
        public static int Run(int seed, long inputs)
        {
            int failures = 0;
            failures += RunLink(seed, inputs);
            failures += RunScenario(seed, inputs);
            return failures == 0 ? 0 : 1;
        }

        private static int RunScenario(int seed, long inputs)
        {
            var seeds = ScenarioFuzzer.LoadSeeds(Docs.RepositoryPaths.Root);
            Console.WriteLine($"Scenario loader: {inputs} mutated inputs from {seeds.Count} seed files, seed {seed}");
            using var progress = new FuzzProgress();
            try
            {
                ScenarioFuzzTotals totals = ScenarioFuzzer.Run(seed, inputs, seeds, progress.Completed);
                long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine($"  done: {totals.Inputs} inputs in {progress.Elapsed.TotalSeconds:F1} s; {totals.Accepted} accepted, {totals.Refused} refused with a ScenarioException; "
                    + $"heap {progress.HeapBeforeBytes / 1024} KiB before, {memoryAfter / 1024} KiB after.");
                foreach (var kv in totals.RefusedByField.OrderByDescending(kv => kv.Value).Take(12))
                {
                    Console.WriteLine($"    refused at {kv.Key}: {kv.Value}");
                }
                return 0;
            }
            catch (FuzzFailure failure)
            {
                Console.WriteLine($"FAILURE: {failure.Message}");
                Console.WriteLine($"  input: {System.Text.Encoding.UTF8.GetString(failure.Input)}");
                return 1;
            }
        }

        private static int RunLink(int seed, long inputs)
        {
            Console.WriteLine($"Monitor-link parser: {inputs} inputs, seed {seed}");
            using var progress = new FuzzProgress();
            try
            {
                LinkFuzzTotals totals = LinkFuzzer.Run(seed, inputs, progress.Completed);
                long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine($"  done: {totals.Inputs} inputs, {totals.Bytes} bytes in {progress.Elapsed.TotalSeconds:F1} s; "
                    + $"{totals.Accepted} frames accepted, {totals.Rejected} rejected; parser allocations {totals.AllocatedBytesInParser} bytes; "
                    + $"heap {progress.HeapBeforeBytes / 1024} KiB before, {memoryAfter / 1024} KiB after.");
                for (int r = 1; r < totals.ByResult.Length; r++)
                {
                    Console.WriteLine($"    {(FrameResult)r}: {totals.ByResult[r]}");
                }
                return 0;
            }
            catch (FuzzFailure failure)
            {
                Console.WriteLine($"FAILURE: {failure.Message}");
                Console.WriteLine($"  input ({failure.Input.Length} bytes): {Convert.ToHexString(failure.Input)}");
                return 1;
            }
        }
    }
}
