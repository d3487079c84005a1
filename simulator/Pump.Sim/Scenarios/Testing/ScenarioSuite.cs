using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Pump.Sim.Running;
using Pump.Sim.Scenarios.Expectations;

namespace Pump.Sim.Scenarios.Testing
{
    /// <summary>
    /// Runs scenario files and judges each run by the expectations in its file (`pump-sim test`, and the shipped
    /// suite in the default test run). Scenarios run in parallel, each from its own seed, so the verdicts do not
    /// depend on the number of workers or their order.
    /// </summary>
    public static class ScenarioSuite
    {
        /// <summary>
        /// The scenario files under the given files and folders (folders recursively, *.json but *.schema.json), in
        /// ordinal order; a path that does not exist is returned in <paramref name="missing"/>.
        /// </summary>
        public static List<string> Discover(IEnumerable<string> paths, out List<string> missing)
        {
            var files = new SortedSet<string>(StringComparer.Ordinal);
            missing = new List<string>();
            foreach (string p in paths)
            {
                if (Directory.Exists(p))
                {
                    foreach (string f in Directory.EnumerateFiles(p, "*.json", SearchOption.AllDirectories))
                    {
                        if (!f.EndsWith(".schema.json", StringComparison.Ordinal))
                        {
                            files.Add(f);
                        }
                    }
                }
                else if (File.Exists(p))
                {
                    files.Add(p);
                }
                else
                {
                    missing.Add(p);
                }
            }
            return files.ToList();
        }

        public static SuiteResult Run(IReadOnlyList<string> files, int workers, Action<int, ScenarioResult>? finished = null)
        {
            var results = new ScenarioResult[files.Count];
            var wall = Stopwatch.StartNew();
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, i =>
            {
                results[i] = RunOne(files[i]);
                finished?.Invoke(i, results[i]);
            });
            wall.Stop();
            return new SuiteResult(results, wall.Elapsed.TotalMilliseconds, workers);
        }

        /// <summary>Loads, runs and judges one scenario file; never throws for a bad file or a failing run.</summary>
        public static ScenarioResult RunOne(string file)
        {
            Scenario s;
            try
            {
                s = ScenarioLoader.LoadFile(file);
            }
            catch (ScenarioException e)
            {
                return new ScenarioResult { File = file, Name = Path.GetFileName(file), Status = ScenarioStatus.Error, Error = e.Message };
            }
            if (s.Expectations.Count == 0)
            {
                return new ScenarioResult
                {
                    File = file, Name = s.Name, Seed = s.Seed, Status = ScenarioStatus.Error,
                    Error = "expect: the scenario declares no expectations, so there is nothing to test",
                };
            }
            return Judge(file, s);
        }

        /// <summary>Runs a loaded scenario and judges it by its expectations.</summary>
        public static ScenarioResult Judge(string file, Scenario s)
        {
            bool cpu = ThreadCpuClock.TryReadMs(out double cpu0);
            var wall = Stopwatch.StartNew();
            try
            {
                var run = new SimulationRun(s);
                run.Run();
                wall.Stop();
                RunSummary summary = RunSummary.From(run, wall.ElapsedMilliseconds);
                RunFacts facts = RunFacts.From(run, summary);
                var verdicts = new List<Verdict>();
                foreach (Expectation e in s.Expectations)
                {
                    verdicts.AddRange(e.Evaluate(facts));
                }
                double? cpuMs = cpu && ThreadCpuClock.TryReadMs(out double cpu1) ? cpu1 - cpu0 : null;
                return new ScenarioResult
                {
                    File = file, Name = s.Name, Seed = run.Seed, Summary = summary, Verdicts = verdicts.ToArray(),
                    Status = verdicts.All(v => v.Passed) ? ScenarioStatus.Passed : ScenarioStatus.Failed,
                    SimulatedMs = run.NowMs, WallMs = wall.Elapsed.TotalMilliseconds, CpuMs = cpuMs,
                };
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A defect in the simulator or the core: reported against this scenario, the suite goes on.
                return new ScenarioResult
                {
                    File = file, Name = s.Name, Seed = s.Seed, Status = ScenarioStatus.Error,
                    Error = "the run threw " + e.GetType().Name + ": " + e.Message, WallMs = wall.Elapsed.TotalMilliseconds,
                };
            }
        }
    }
}
