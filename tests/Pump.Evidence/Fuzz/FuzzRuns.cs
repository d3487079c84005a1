using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Pump.Core.Link;

namespace Pump.Evidence.Fuzz
{
    /// <summary>The long fuzz runs behind `fuzz --inputs N`, with a progress watchdog for hangs.</summary>
    public static class FuzzRuns
    {
        /// <summary>A run that makes no progress for this long is reported as a hang (harness only; the firmware never reads a wall clock).</summary>
        private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(60);

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
            long progress = 0;
            long lastSeen = -1;
            using var watchdog = new Timer(_ =>
            {
                long now = Interlocked.Read(ref progress);
                if (now == lastSeen)
                {
                    Console.WriteLine($"HANG: no progress for {HangAfter.TotalSeconds} s after input {now}");
                    Environment.Exit(2);
                }
                lastSeen = now;
            }, null, HangAfter, HangAfter);
            var watch = Stopwatch.StartNew();
            long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
            try
            {
                ScenarioFuzzTotals totals = ScenarioFuzzer.Run(seed, inputs, seeds, i =>
                {
                    Interlocked.Exchange(ref progress, i);
                    if (i % 100_000 == 0 && i > 0)
                    {
                        // The heap after a full collection, every 100,000 inputs: flat means no growth.
                        Console.WriteLine($"  {i} inputs, {watch.Elapsed.TotalSeconds:F0} s, heap {GC.GetTotalMemory(forceFullCollection: true) / 1024} KiB");
                    }
                });
                long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine($"  done: {totals.Inputs} inputs in {watch.Elapsed.TotalSeconds:F1} s; {totals.Accepted} accepted, {totals.Refused} refused with a ScenarioException; "
                    + $"heap {memoryBefore / 1024} KiB before, {memoryAfter / 1024} KiB after.");
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
            long progress = 0;
            long lastSeen = -1;
            using var watchdog = new Timer(_ =>
            {
                long now = Interlocked.Read(ref progress);
                if (now == lastSeen)
                {
                    Console.WriteLine($"HANG: no progress for {HangAfter.TotalSeconds} s after input {now}");
                    Environment.Exit(2);
                }
                lastSeen = now;
            }, null, HangAfter, HangAfter);
            var watch = Stopwatch.StartNew();
            long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
            try
            {
                LinkFuzzTotals totals = LinkFuzzer.Run(seed, inputs, i =>
                {
                    Interlocked.Exchange(ref progress, i);
                    if (i % 100_000 == 0 && i > 0)
                    {
                        // The heap after a full collection, every 100,000 inputs: flat means no growth.
                        Console.WriteLine($"  {i} inputs, {watch.Elapsed.TotalSeconds:F0} s, heap {GC.GetTotalMemory(forceFullCollection: true) / 1024} KiB");
                    }
                });
                long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine($"  done: {totals.Inputs} inputs, {totals.Bytes} bytes in {watch.Elapsed.TotalSeconds:F1} s; "
                    + $"{totals.Accepted} frames accepted, {totals.Rejected} rejected; parser allocations {totals.AllocatedBytesInParser} bytes; "
                    + $"heap {memoryBefore / 1024} KiB before, {memoryAfter / 1024} KiB after.");
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
