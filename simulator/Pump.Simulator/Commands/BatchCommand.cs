using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
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
            var json = new Option<bool>("--json") { Description = "Print only the JSON percentiles on stdout." };
            var cmd = new Command("batch", "Run a scenario over a virtual population and print percentiles.") { scenario, seeds, json };
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
                bool asJson = r.GetValue(json);
                var results = new RunSummary[last - first + 1];
                var wall = Stopwatch.StartNew();
                void RunAll(Action? tick)
                {
                    Parallel.For(first, last + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, seed =>
                    {
                        var run = new SimulationRun(s, new RunOptions { Seed = seed, PopulationPatient = true, Record = true });
                        var w = Stopwatch.StartNew();
                        run.Run();
                        results[seed - first] = RunSummary.From(run, w.ElapsedMilliseconds);
                        tick?.Invoke();
                    });
                }
                if (asJson || Console.IsOutputRedirected)
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
                else
                {
                    Print(stats);
                }
                return Common.ExitOk;
            });
            return cmd;
        }

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
            AnsiConsole.MarkupLine("Sessions with CHECK VITALS: " + st.SessionsWithAdvisory + " of " + st.Sessions + " ("
                + (100.0 * st.SessionsWithAdvisory / Math.Max(1, st.Sessions)).ToString("0.#", inv) + " %); raised " + st.AdvisoriesRaised + " times");
            foreach (var kv in st.RejectionReasons)
            {
                AnsiConsole.MarkupLine("Rejected " + kv.Value + "×: " + Markup.Escape(kv.Key));
            }
        }
    }

    /// <summary>Distribution of a quantity over a batch.</summary>
    public sealed class Percentiles
    {
        public double P5 { get; init; }
        public double P50 { get; init; }
        public double P95 { get; init; }
        public double Max { get; init; }
        public double Mean { get; init; }

        public static Percentiles Of(IEnumerable<double> values)
        {
            double[] v = values.OrderBy(x => x).ToArray();
            if (v.Length == 0)
            {
                return new Percentiles();
            }
            double Q(double q) => v[(int)Math.Clamp(Math.Round(q * (v.Length - 1)), 0, v.Length - 1)];
            return new Percentiles { P5 = Q(0.05), P50 = Q(0.5), P95 = Q(0.95), Max = v[^1], Mean = v.Average() };
        }
    }

    /// <summary>The batch result printed or emitted as JSON.</summary>
    public sealed class BatchStatistics
    {
        public string Scenario { get; init; } = "";
        public int Sessions { get; init; }
        public long WallMs { get; init; }
        public Percentiles PeakSystolicMmHg { get; init; } = new Percentiles();
        public Percentiles PeakSystolicRiseMmHg { get; init; } = new Percentiles();
        /// <summary>Over the completed sessions (a held or stopped session is meant to deliver less).</summary>
        public Percentiles DeliveredDoseErrorPct { get; init; } = new Percentiles();
        public Percentiles PeakCpNgPerMl { get; init; } = new Percentiles();
        public Dictionary<string, int> Outcomes { get; init; } = new Dictionary<string, int>();
        public int HeldOrStopped { get; init; }
        public int SessionsReachingSbp180 { get; init; }
        /// <summary>Sessions that raised CHECK VITALS (the advisory vital-sign alarm) at least once.</summary>
        public int SessionsWithAdvisory { get; init; }
        /// <summary>CHECK VITALS alarms raised over the whole batch.</summary>
        public int AdvisoriesRaised { get; init; }
        public Dictionary<string, int> RejectionReasons { get; init; } = new Dictionary<string, int>();

        private static readonly string AdvisoryCode = global::Pump.Core.Alarms.AlarmCode.VitalAdvisory.ToString();

        public static BatchStatistics From(string scenario, RunSummary[] r, long wallMs)
        {
            return new BatchStatistics
            {
                Scenario = scenario,
                Sessions = r.Length,
                WallMs = wallMs,
                PeakSystolicMmHg = Percentiles.Of(r.Select(x => (double)x.Patient.PeakMeasuredSbpMmHg)),
                PeakSystolicRiseMmHg = Percentiles.Of(r.Select(x => x.Patient.PeakMeasuredSbpMmHg - x.Patient.BaselineSbpMmHg)),
                DeliveredDoseErrorPct = Percentiles.Of(r.Where(x => x.Outcome == "completed").Select(x => x.Delivered.VolumeErrorPct)),
                PeakCpNgPerMl = Percentiles.Of(r.Select(x => x.Patient.PeakCpNgPerMl)),
                Outcomes = r.GroupBy(x => x.Outcome).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
                HeldOrStopped = r.Count(x => x.Outcome == "held" || x.Outcome == "stopped"),
                SessionsReachingSbp180 = r.Count(x => x.Patient.PeakMeasuredSbpMmHg >= 180),
                SessionsWithAdvisory = r.Count(x => x.Alarms.Any(a => a.Code == AdvisoryCode)),
                AdvisoriesRaised = r.Sum(x => x.Alarms.Count(a => a.Code == AdvisoryCode)),
                RejectionReasons = r.Where(x => x.Rejection != null).SelectMany(x => x.Rejection!.Take(1))
                    .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count()),
            };
        }
    }
}
