using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Pump.Sim.Reports;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Pump.Sim.Scenarios.Expectations;
using System.Collections.Generic;
using System.Linq;
using Spectre.Console;

namespace Pump.Simulator.Commands
{
    /// <summary>
    /// `run`: one scenario, a summary (readable or --json) and optionally a report directory. Exit 0 when every
    /// expectation is met (or there are none), 1 when one is not, 2 when the scenario cannot be run.
    /// </summary>
    internal static class RunCommand
    {
        public static Command Create()
        {
            var scenario = Common.ScenarioOption();
            var seed = new Option<int?>("--seed") { Description = "Overrides the scenario's seed." };
            var population = new Option<bool>("--population")
            {
                Description = "Draw the patient from the population by the seed even if the scenario says \"typical\" (as batch does; reproduces batch patient N with --seed N).",
            };
            var speed = new Option<double>("--speed")
            {
                Description = "Simulated time per wall time: 1 is real time; 0 (default) as fast as possible.",
                DefaultValueFactory = _ => 0,
            };
            var json = new Option<bool>("--json") { Description = "Print only the JSON summary on stdout." };
            var outDir = new Option<DirectoryInfo?>("--out", "-o")
            {
                Description = "Write samples.csv, vitals.csv, events.jsonl, plots and report.html here.",
            };
            var svg = new Option<bool>("--svg") { Description = "Plots as SVG instead of PNG." };
            var cmd = new Command("run", "Run one scenario (the built-in default when none is given).")
            {
                scenario, seed, population, speed, json, outDir, svg,
            };
            cmd.SetAction(r =>
            {
                Scenario? s = Common.Load(r.GetValue(scenario));
                if (s == null)
                {
                    return Common.ExitScenarioError;
                }
                double sp = r.GetValue(speed);
                if (sp < 0 || double.IsNaN(sp))
                {
                    Console.Error.WriteLine("--speed must be 0 (as fast as possible) or positive");
                    return Common.ExitScenarioError;
                }
                var run = new SimulationRun(s, new RunOptions { Seed = r.GetValue(seed), PopulationPatient = r.GetValue(population) });
                DirectoryInfo? dir = r.GetValue(outDir);
                AlarmCauseRecorder? causes = dir != null ? AlarmCauseRecorder.Attach(run) : null;
                var wall = Stopwatch.StartNew();
                run.Run(sp);
                wall.Stop();
                RunSummary summary = RunSummary.From(run, wall.ElapsedMilliseconds);
                RunFacts facts = RunFacts.From(run, summary);
                var verdicts = s.Expectations.SelectMany(e => e.Evaluate(facts)).ToList();
                string? report = null;
                if (dir != null)
                {
                    report = ReportWriter.Write(run, summary, dir.FullName, r.GetValue(svg) ? "svg" : "png", verdicts, causes!.Causes);
                }
                if (r.GetValue(json))
                {
                    Console.Out.WriteLine(summary.ToJson());
                }
                else
                {
                    PrintReadable(summary, report, verdicts);
                }
                return verdicts.All(v => v.Passed) ? Common.ExitOk : Common.ExitExpectationFailed;
            });
            return cmd;
        }

        public static void PrintReadable(RunSummary s, string? report, IReadOnlyList<Verdict>? verdicts = null)
        {
            var inv = CultureInfo.InvariantCulture;
            string colour = s.Outcome == "completed" ? "green" : "red";
            AnsiConsole.MarkupLine("[bold]" + Markup.Escape(s.Scenario) + "[/]  (seed " + s.Seed + ")");
            AnsiConsole.MarkupLine("Outcome: [" + colour + "]" + s.Outcome + "[/]   final state: " + Markup.Escape(s.FinalState)
                + " [grey](" + s.OutcomeSource + ")[/]");
            var t = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
            t.AddRow("Programmed", s.Programmed.VolumeMl.ToString("0.###", inv) + " mL = " + s.Programmed.DoseMg.ToString("0.###", inv) + " mg at "
                + s.Programmed.RateMlPerHour.ToString("0.###", inv) + " mL/h for " + s.Programmed.DurationMin.ToString(inv) + " min");
            t.AddRow("Delivered (virtual syringe)", s.Delivered.VolumeMl.ToString("0.####", inv) + " mL = " + s.Delivered.DoseMg.ToString("0.###", inv)
                + " mg (" + s.Delivered.VolumeErrorPct.ToString("+0.###;-0.###;0", inv) + " %)");
            t.AddRow("Pump's ledger", s.Delivered.LedgerVolumeMl is double l ? l.ToString("0.####", inv) + " mL" : "[grey]not exposed by the controller[/]");
            t.AddRow("Patient", "peak SBP " + s.Patient.PeakMeasuredSbpMmHg + " mmHg (baseline " + s.Patient.BaselineSbpMmHg.ToString("0", inv)
                + "), peak Cp " + s.Patient.PeakCpNgPerMl.ToString("0", inv) + " ng/mL");
            t.AddRow("Alarms", s.Alarms.Count == 0 ? "none" : Markup.Escape(string.Join(", ", s.Alarms.ConvertAll(a => a.Code + "@" + (a.AtMs / 1000) + "s"))));
            t.AddRow("Interlock trips", s.InterlockTrips.Count == 0 ? "none" : Markup.Escape(string.Join(", ", s.InterlockTrips.ConvertAll(x =>
                x.Cause + ": stopped " + x.StopLatencyMs?.ToString("0.#", inv) + " ms after arrival, " + x.StepsAfterTrip + " steps"))));
            if (s.TriggersWithoutStop.Count > 0)
            {
                t.AddRow("[yellow]Delivered through[/]", Markup.Escape(string.Join(", ", s.TriggersWithoutStop.ConvertAll(x => x.Cause + "@" + (x.AtMs / 1000) + "s"))));
            }
            t.AddRow("Time", (s.SimulatedMs / 60000.0).ToString("0.##", inv) + " min simulated in " + s.WallMs + " ms ("
                + (s.WallMs > 0 ? (s.SimulatedMs / (double)s.WallMs).ToString("0", inv) + "×" : "—") + ")");
            AnsiConsole.Write(t);
            if (verdicts != null && verdicts.Count > 0)
            {
                int met = verdicts.Count(v => v.Passed);
                AnsiConsole.MarkupLine("Expectations: [" + (met == verdicts.Count ? "green" : "red") + "]" + met + " of " + verdicts.Count + " met[/]"
                    + (met == verdicts.Count ? "" : " (exit status 1)"));
                foreach (Verdict v in verdicts.Where(v => !v.Passed))
                {
                    AnsiConsole.MarkupLine("  [red]" + Markup.Escape(v.ToString()) + "[/]");
                }
            }
            if (report != null)
            {
                AnsiConsole.MarkupLine("Report: [link]" + Markup.Escape(report) + "[/]");
            }
            else
            {
                AnsiConsole.MarkupLine("[grey]Add --out DIR for samples, vitals, events, plots and report.html.[/]");
            }
        }
    }
}
