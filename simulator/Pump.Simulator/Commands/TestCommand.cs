using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Pump.Sim.Reports;
using Pump.Sim.Scenarios.Testing;

namespace Pump.Simulator.Commands
{
    /// <summary>
    /// `test PATH...`: every scenario under the given files and folders, in parallel, each judged by its `expect`
    /// block; one line per scenario, a summary, JUnit XML and a JSON result file. Exit 0 all passed, 1 an
    /// expectation failed, 2 a scenario could not be run.
    /// </summary>
    internal static class TestCommand
    {
        public const int ExitFailed = Common.ExitExpectationFailed;

        public static Command Create()
        {
            var paths = new Argument<string[]>("paths")
            {
                Description = "Scenario files or folders (searched recursively for *.json; *.schema.json is skipped).",
                Arity = ArgumentArity.OneOrMore,
            };
            var junit = new Option<FileInfo?>("--junit") { Description = "Write JUnit XML here (one testcase per scenario)." };
            var json = new Option<FileInfo?>("--json") { Description = "Write the JSON result file here (verdicts and run summaries)." };
            var workers = new Option<int>("--workers", "-j")
            {
                Description = "Scenarios run at once (default: one per core).",
                DefaultValueFactory = _ => Environment.ProcessorCount,
            };
            var cmd = new Command("test", "Run scenarios and check each against the expectations in its file.") { paths, junit, json, workers };
            cmd.SetAction(r =>
            {
                int n = r.GetValue(workers);
                if (n < 1)
                {
                    Console.Error.WriteLine("--workers must be at least 1");
                    return Common.ExitScenarioError;
                }
                var files = ScenarioSuite.Discover(r.GetValue(paths) ?? Array.Empty<string>(), out var missing);
                foreach (string m in missing)
                {
                    Console.Error.WriteLine("no such file or folder: " + m);
                }
                if (missing.Count > 0)
                {
                    return Common.ExitScenarioError;
                }
                if (files.Count == 0)
                {
                    Console.Error.WriteLine("no scenario files (*.json) under the given paths");
                    return Common.ExitScenarioError;
                }
                // Lines appear in file order (as soon as every earlier scenario is done), whatever order the workers finish in.
                var gate = new object();
                var done = new ScenarioResult?[files.Count];
                int printed = 0;
                SuiteResult suite = ScenarioSuite.Run(files, n, (i, res) =>
                {
                    lock (gate)
                    {
                        done[i] = res;
                        while (printed < done.Length && done[printed] is ScenarioResult next)
                        {
                            PrintLine(next);
                            printed++;
                        }
                    }
                });
                PrintSummary(suite);
                if (r.GetValue(junit) is FileInfo j)
                {
                    JUnitReport.Save(suite, j.FullName);
                    Console.Out.WriteLine("JUnit XML: " + j.FullName);
                }
                if (r.GetValue(json) is FileInfo js)
                {
                    File.WriteAllText(js.FullName, SuiteJsonReport.Build(suite));
                    Console.Out.WriteLine("JSON results: " + js.FullName);
                }
                return suite.ExitCode;
            });
            return cmd;
        }

        private static void PrintLine(ScenarioResult r)
        {
            var inv = CultureInfo.InvariantCulture;
            string status = r.Status switch
            {
                ScenarioStatus.Passed => "PASS ",
                ScenarioStatus.Failed => "FAIL ",
                _ => "ERROR",
            };
            string detail = r.Summary == null ? "" : "  " + r.Summary.Outcome + ", " + r.Verdicts.Count(v => v.Passed) + "/" + r.Verdicts.Length
                + " expectations met, " + r.WallMs.ToString("0", inv) + " ms";
            Console.Out.WriteLine(status + " " + r.File + detail);
            foreach (var v in r.Failures)
            {
                Console.Out.WriteLine("      " + v);
            }
            if (r.Error != null)
            {
                foreach (string line in r.Error.Split('\n'))
                {
                    Console.Out.WriteLine("      " + line.TrimEnd('\r'));
                }
            }
        }

        private static void PrintSummary(SuiteResult s)
        {
            var inv = CultureInfo.InvariantCulture;
            string cpu = s.CpuMs is double c && c > 0
                ? ", " + (c / 1000).ToString("0.00", inv) + " CPU s (" + (s.Results.Count / (c / 1000)).ToString("0.0", inv) + " scenarios per CPU second)"
                : "";
            Console.Out.WriteLine(s.Results.Count + " scenarios: " + s.Passed + " passed, " + s.Failed + " failed, " + s.Errors + " errors in "
                + (s.WallMs / 1000).ToString("0.00", inv) + " s wall on " + s.Workers + " workers" + cpu);
        }
    }
}
