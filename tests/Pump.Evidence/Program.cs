using System;
using System.CommandLine;
using System.Diagnostics;
using Pump.Evidence.Conformance;
using Pump.Evidence.Docs;

namespace Pump.Evidence
{
    /// <summary>
    /// Long-run evidence commands (not part of the default test run):
    ///   conformance --sequences 100000   firmware table vs Stateless reference model
    ///   docs                             regenerate every generated document (diagram, state table, traceability)
    ///   fuzz --inputs 1000000            monitor-link parser, scenario loader and drug-library decoder on random and mutated inputs
    ///   performance                      IEC 60601-2-24 style accuracy and occlusion runs; writes hardware-docs/performance.md
    ///   traceability                     regenerate traceability.md and list the gaps
    ///   bridge-latency                   monitor value to last step through PCD-01 / IntelliVue and the monitor bridge
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var root = new RootCommand("Evidence for the syringe-pump firmware: conformance, fuzzing, accuracy, traceability.");
            root.Subcommands.Add(ConformanceCommand());
            root.Subcommands.Add(DocsCommand());
            root.Subcommands.Add(TraceabilityCommand());
            root.Subcommands.Add(FuzzCommand());
            root.Subcommands.Add(PerformanceCommand());
            root.Subcommands.Add(BridgeLatencyCommand());
            return root.Parse(args).Invoke();
        }

        private static Command ConformanceCommand()
        {
            var sequences = new Option<int>("--sequences") { Description = "Random trigger sequences to run", DefaultValueFactory = _ => 100_000 };
            var seed = new Option<int>("--seed") { Description = "Seed of the first sequence generator", DefaultValueFactory = _ => 20261126 };
            var length = new Option<int>("--max-length") { Description = "Longest sequence (steps)", DefaultValueFactory = _ => 60 };
            var command = new Command("conformance", "Run the firmware state table and the Stateless reference model side by side.")
            {
                sequences, seed, length,
            };
            command.SetAction(result =>
            {
                var watch = Stopwatch.StartNew();
                int failures = 0;
                foreach (Aspect aspect in new[] { Aspect.Behaviour, Aspect.BehaviourAndReason })
                {
                    string what = aspect == Aspect.Behaviour ? "state, motor permission, outcome" : "also refusal reasons";
                    var checker = ConformanceChecker.ForFirmware(aspect);
                    var pairs = checker.CheckAllPairs(out int pairsChecked);
                    Console.WriteLine($"[{what}] every pair: {pairsChecked} (state, trigger, guard inputs) cases, {pairs.Count} disagreement(s).");
                    foreach (var d in pairs)
                    {
                        Console.WriteLine(d);
                    }
                    Disagreement? found = checker.CheckRandomSequences(result.GetValue(seed), result.GetValue(sequences), result.GetValue(length), out long steps);
                    Console.WriteLine($"[{what}] random sequences: {result.GetValue(sequences)} (seed {result.GetValue(seed)}, {steps} steps): "
                        + (found == null ? "0 disagreements." : "DISAGREEMENT; shortest reproducing sequence:"));
                    if (found != null)
                    {
                        Console.WriteLine(found);
                    }
                    failures += pairs.Count + (found == null ? 0 : 1);
                }
                Console.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s");
                return failures == 0 ? 0 : 1;
            });
            return command;
        }

        private static Command FuzzCommand()
        {
            var inputs = new Option<long>("--inputs") { Description = "Inputs per target", DefaultValueFactory = _ => 1_000_000 };
            var seed = new Option<int>("--seed") { Description = "Seed", DefaultValueFactory = _ => 20261126 };
            var writeCorpus = new Option<bool>("--write-corpus") { Description = "Rewrite the committed seed corpus and exit" };
            var command = new Command("fuzz", "Fuzz the monitor-link parser, the scenario loader and the drug-library decoder.") { inputs, seed, writeCorpus };
            command.SetAction(result =>
            {
                if (result.GetValue(writeCorpus))
                {
                    Fuzz.LinkCorpus.Write(RepositoryPaths.InRepository(Fuzz.LinkCorpus.RelativeDirectory));
                    Console.WriteLine($"wrote {Fuzz.LinkCorpus.RelativeDirectory}");
                    return 0;
                }
                return Fuzz.FuzzRuns.Run(result.GetValue(seed), result.GetValue(inputs));
            });
            return command;
        }

        private static Command BridgeLatencyCommand()
        {
            var command = new Command("bridge-latency", "Measure the time from a monitor's hold-level blood pressure to the pump's last step through each protocol and the monitor bridge.");
            command.SetAction(_ =>
            {
                Console.WriteLine(Bridge.BridgeLatency.Format(Bridge.BridgeLatency.Measure()));
                return 0;
            });
            return command;
        }

        private static Command PerformanceCommand()
        {
            var command = new Command("performance", "Run the IEC 60601-2-24 style flow and occlusion cases on the simulator; write hardware-docs/performance.md and its plots.");
            command.SetAction(_ =>
            {
                var watch = Stopwatch.StartNew();
                var (flows, ideal, occlusions) = Accuracy.PerformanceReport.Measure(Console.WriteLine);
                Accuracy.PerformanceReport.Write(flows, ideal, occlusions);
                Console.WriteLine($"wrote hardware-docs/performance.md in {watch.Elapsed.TotalSeconds:F1} s");
                return 0;
            });
            return command;
        }

        private static Command TraceabilityCommand()
        {
            var command = new Command("traceability", "Regenerate hardware-docs/traceability.md and list requirements without tests.");
            command.SetAction(_ =>
            {
                var matrix = Traceability.TraceabilityMatrix.FromRepository(RepositoryPaths.Root);
                GeneratedDocuments.Traceability().Write();
                var untested = matrix.Untested();
                var unknown = matrix.UnknownCitations();
                Console.WriteLine($"wrote hardware-docs/traceability.md: {matrix.Requirements.Count} requirements, {matrix.Citations.Count} citing tests, {untested.Count} untested, {unknown.Count} unknown citation(s).");
                if (untested.Count > 0)
                {
                    Console.WriteLine("Requirements without a test:");
                    Console.WriteLine(matrix.Describe(untested));
                }
                foreach (var (test, id) in unknown)
                {
                    Console.WriteLine($"Unknown ID {id} cited by {test.Method} ({test.File})");
                }
                return untested.Count == 0 && unknown.Count == 0 ? 0 : 1;
            });
            return command;
        }

        private static Command DocsCommand()
        {
            var command = new Command("docs", "Regenerate state-diagram.md, state-table.md and traceability.md in hardware-docs/.");
            command.SetAction(_ =>
            {
                foreach (var document in GeneratedDocuments.All())
                {
                    document.Write();
                    Console.WriteLine($"wrote {document.RelativePath}");
                }
                return 0;
            });
            return command;
        }
    }
}
