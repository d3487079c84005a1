using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.IO;
using Pump.Sim.Batch;
using Pump.Sim.Reports;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Spectre.Console;

namespace Pump.Simulator.Commands
{
    /// <summary>`batch`: one scenario over a virtual population (one patient per seed), in parallel.</summary>
    internal static class BatchCommand
    {
        public static Command Create()
        {
            var scenario = Common.ScenarioOption();
            var seeds = new Option<string>("--seeds")
            {
                Description = "Seed range A..B (inclusive), e.g. 1..200; each seed draws a patient from the population.",
                DefaultValueFactory = _ => "1..100",
            };
            var json = new Option<bool>("--json") { Description = "Print only JSON on stdout: the percentiles and one record per patient." };
            var csv = new Option<bool>("--csv") { Description = "Print only CSV on stdout: one row per patient." };
            var cmd = new Command("batch", "Run a scenario over a virtual population and print percentiles.") { scenario, seeds, json, csv };
            cmd.SetAction(r =>
            {
                Scenario? s = Common.Load(r.GetValue(scenario));
                if (s == null)
                {
                    return Common.ExitScenarioError;
                }
                if (!TryParseRange(r.GetValue(seeds) ?? "", out int first, out int last))
                {
                    Console.Error.WriteLine("--seeds: expected A..B with whole numbers A <= B (e.g. 1..200)");
                    return Common.ExitScenarioError;
                }
                bool asJson = r.GetValue(json), asCsv = r.GetValue(csv);
                if (asJson && asCsv)
                {
                    Console.Error.WriteLine("--json and --csv: choose one");
                    return Common.ExitScenarioError;
                }
                // Every batch patient is drawn from the population; a run of one seed reproduces it (run --population
                // forces the draw for a scenario whose own variability is "typical").
                FileInfo? file = r.GetValue(scenario);
                string reproduce = "pump-sim run" + (file != null ? " --scenario " + Quote(file.ToString()) : "") + " --seed {0}"
                    + (s.Patient.Variability == "population" ? "" : " --population");
                var results = new BatchPatientRecord[last - first + 1];
                var wall = Stopwatch.StartNew();
                void RunAll(Action? tick)
                {
                    Parallel.For(first, last + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, seed =>
                    {
                        var run = new SimulationRun(s, new RunOptions { Seed = seed, PopulationPatient = true, Record = true });
                        var causes = AlarmCauseRecorder.Attach(run);
                        var w = Stopwatch.StartNew();
                        run.Run();
                        results[seed - first] = BatchPatientRecord.From(run, RunSummary.From(run, w.ElapsedMilliseconds),
                            string.Format(CultureInfo.InvariantCulture, reproduce, seed), causes.Causes);
                        tick?.Invoke();
                    });
                }
                if (asJson || asCsv || Console.IsOutputRedirected)
                {
                    RunAll(null);
                }
                else
                {
                    AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                            new RemainingTimeColumn(), new SpinnerColumn())
                        .Start(ctx =>
                        {
                            ProgressTask task = ctx.AddTask("patients", maxValue: results.Length);
                            RunAll(() => { lock (task) { task.Increment(1); } });
                        });
                }
                wall.Stop();
                var stats = BatchStatistics.From(s.Name, results, wall.ElapsedMilliseconds);
                if (asJson)
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(stats, RunSummary.JsonOptions));
                }
                else if (asCsv)
                {
                    Console.Out.Write(BatchCsv.Build(stats));
                }
                else
                {
                    Print(stats);
                }
                return Common.ExitOk;
            });
            return cmd;
        }

        private static string Quote(string path) => path.IndexOfAny(new[] { ' ', '"', '\'' }) >= 0 ? "\"" + path + "\"" : path;

        public static bool TryParseRange(string text, out int first, out int last)
        {
            first = last = 0;
            string[] parts = text.Split("..");
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out first)
                && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out last)
                && first <= last && (long)last - first < 1_000_000;
        }

        private static void Print(BatchStatistics st)
        {
            var inv = CultureInfo.InvariantCulture;
            AnsiConsole.MarkupLine("[bold]" + Markup.Escape(st.Scenario) + "[/]: " + st.Sessions + " virtual patients in " + st.WallMs + " ms");
            var t = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn("p5").AddColumn("p50").AddColumn("p95").AddColumn("max");
            void Row(string name, Percentiles p, string fmt) =>
                t.AddRow(name, p.P5.ToString(fmt, inv), p.P50.ToString(fmt, inv), p.P95.ToString(fmt, inv), p.Max.ToString(fmt, inv));
            Row("Peak systolic (mmHg)", st.PeakSystolicMmHg, "0");
            Row("Peak rise in systolic (mmHg)", st.PeakSystolicRiseMmHg, "0.0");
            Row("Delivered-dose error, completed (%)", st.DeliveredDoseErrorPct, "0.###");
            Row("Peak plasma ketamine (ng/mL)", st.PeakCpNgPerMl, "0");
            AnsiConsole.Write(t);
            AnsiConsole.MarkupLine("Outcomes: " + Markup.Escape(string.Join(", ", st.Outcomes.Select(kv => kv.Key + " " + kv.Value))));
            AnsiConsole.MarkupLine("Sessions held or stopped: " + st.HeldOrStopped + " of " + st.Sessions
                + " (" + (100.0 * st.HeldOrStopped / Math.Max(1, st.Sessions)).ToString("0.#", inv) + " %); reaching SBP >= 180: "
                + st.SessionsReachingSbp180);
            foreach (var kv in st.RejectionReasons)
            {
                AnsiConsole.MarkupLine("Rejected " + kv.Value + "×: " + Markup.Escape(kv.Key));
            }
            AnsiConsole.MarkupLine("[grey]--json or --csv: one record per patient (drawn parameters, outcome, peaks, holds and stops with causes).[/]");
        }
    }
}
