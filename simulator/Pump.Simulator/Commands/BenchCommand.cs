using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Spectre.Console;

namespace Pump.Simulator.Commands
{
    /// <summary>
    /// `bench`: speed of the default scenario (simulated time / wall time, after a warm-up run; CPU per control tick),
    /// managed bytes allocated per control tick in steady state, both for the controller's Tick alone and for the
    /// whole simulation step, and how often the panel is drawn in steady infusion.
    /// </summary>
    internal static class BenchCommand
    {
        public static Command Create()
        {
            var runs = new Option<int>("--runs") { Description = "Measured runs after one warm-up.", DefaultValueFactory = _ => 5 };
            var json = new Option<bool>("--json") { Description = "Print only JSON." };
            var suite = new Option<DirectoryInfo?>("--suite")
            {
                Description = "Instead: run this scenario folder through the `test` runner once, cold, and report wall and CPU seconds.",
            };
            var fresh = new Option<int>("--fresh") { Description = "Instead: run the default scenario as this many fresh processes (startup included)." };
            var cmd = new Command("bench", "Measure speed and per-tick allocation of the default scenario (or a suite, or fresh processes).") { runs, json, suite, fresh };
            cmd.SetAction(r =>
            {
                if (r.GetValue(suite) is DirectoryInfo dir)
                {
                    var f = SuiteBench.Suite(dir.ToString(), Environment.ProcessorCount);
                    Console.Out.WriteLine(r.GetValue(json) ? JsonSerializer.Serialize(f, RunSummary.JsonOptions)
                        : string.Format(CultureInfo.InvariantCulture, "{0} scenarios ({1} passed, {2:0.#} simulated min) through the test runner on {3} workers: {4:0.00} s wall, "
                            + "{5:0.00} s process CPU, {6:0.0} scenarios per CPU second, {7:0}x real time per CPU second; load {8}",
                            f.Scenarios, f.Passed, f.SimulatedMinutes, f.Workers, f.WallS, f.ProcessCpuS, f.ScenariosPerCpuSecond, f.SimulatedPerProcessCpuSecond, ReadLoadAverage()));
                    return Common.ExitOk;
                }
                if (r.GetValue(fresh) is int processes && processes > 0)
                {
                    var f = SuiteBench.Fresh(processes);
                    Console.Out.WriteLine(r.GetValue(json) ? JsonSerializer.Serialize(f, RunSummary.JsonOptions)
                        : string.Format(CultureInfo.InvariantCulture, "default scenario as {0} fresh processes ({1}): median {2:0.000} s, best {3:0.000} s wall, startup included; load {4}",
                            f.Processes, f.Command, f.MedianWallS, f.BestWallS, ReadLoadAverage()));
                    return Common.ExitOk;
                }
                int n = Math.Max(1, r.GetValue(runs));
                BenchResult b = Measure(n);
                if (r.GetValue(json))
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(b, RunSummary.JsonOptions));
                }
                else
                {
                    var inv = CultureInfo.InvariantCulture;
                    var t = new Table().Border(TableBorder.Rounded).AddColumn("measure").AddColumn("value").AddColumn("target");
                    t.AddRow("Cores", b.Cores.ToString(inv), "2");
                    t.AddRow("Control tick", b.TickPeriodMs + " ms", "50 ms");
                    t.AddRow("Simulated per run", (b.SimulatedMs / 60000.0).ToString("0.#", inv) + " min", "");
                    t.AddRow("Wall per run (median / best)", b.MedianWallMs.ToString("0.0", inv) + " / " + b.BestWallMs.ToString("0.0", inv) + " ms", "");
                    t.AddRow("Speed (median, wall clock)", b.MedianSpeed.ToString("0", inv) + "× real time", ">= 10000×");
                    t.AddRow("Speed (all runs, per CPU second)", b.SpeedPerCpuSecond is double c ? c.ToString("0", inv) + "×" : "n/a", ">= 10000×");
                    t.AddRow("CPU per control tick (whole simulation step)", b.CpuUsPerTick is double u ? u.ToString("0.00", inv) + " µs" : "n/a", "");
                    t.AddRow("Panel drawings, steady infusion", b.PanelRedrawsPerMinute.ToString("0.#", inv) + " per min", "60 (NFR-008)");
                    t.AddRow("Load average", b.LoadAverage ?? "n/a", "");
                    t.AddRow("Controller Tick, steady state", b.ControllerBytesPerTick.ToString("0.##", inv) + " B/tick", "0");
                    t.AddRow("Whole simulation step, steady state", b.StepBytesPerTick.ToString("0.##", inv) + " B/tick", "0");
                    t.AddRow("Delivered vs programmed volume", b.DeliveredVolumeErrorPct.ToString("+0.####;-0.####;0", inv) + " %", "within ±0.1 %");
                    t.AddRow("Outcome", b.Outcome, "completed");
                    AnsiConsole.Write(t);
                }
                return Common.ExitOk;
            });
            return cmd;
        }

        public static BenchResult Measure(int runs)
        {
            // Warm-up: JIT and tiering.
            RunOnce(out _);
            var walls = new double[runs];
            RunSummary? last = null;
            long simulated = 0;
            bool haveCpu = ThreadCpuClock.TryReadMs(out double cpuStart);
            for (int i = 0; i < runs; i++)
            {
                walls[i] = RunOnce(out last);
                simulated = last.SimulatedMs;
            }
            haveCpu &= ThreadCpuClock.TryReadMs(out double cpuEnd);
            double cpuTotal = Math.Max(cpuEnd - cpuStart, 10);
            Array.Sort(walls);
            double median = walls[runs / 2];

            // Allocation in steady state: run to mid-infusion, then measure 2000 ticks.
            var run = new SimulationRun(DefaultScenario.Create());
            while (run.NowMs < 20 * 60_000)
            {
                run.Step();
            }
            run.Controller.MeasureAllocations = true;
            int drawn = run.Controller.Pump!.Panel.Redraw.Redraws;
            long before = GC.GetAllocatedBytesForCurrentThread();
            const int ticks = 2000;
            for (int i = 0; i < ticks; i++)
            {
                run.Step();
            }
            long stepBytes = GC.GetAllocatedBytesForCurrentThread() - before;
            drawn = run.Controller.Pump!.Panel.Redraw.Redraws - drawn;
            return new BenchResult
            {
                Cores = Environment.ProcessorCount,
                TickPeriodMs = ControllerHost.TickPeriodMs,
                SimulatedMs = simulated,
                MedianWallMs = median,
                BestWallMs = walls[0],
                MedianSpeed = simulated / median,
                SpeedPerCpuSecond = haveCpu ? simulated * (double)runs / cpuTotal : null,
                CpuUsPerTick = haveCpu ? cpuTotal * 1000.0 / runs / (simulated / ControllerHost.TickPeriodMs) : null,
                PanelRedrawsPerMinute = drawn * 60_000.0 / (ticks * ControllerHost.TickPeriodMs),
                LoadAverage = ReadLoadAverage(),
                ControllerBytesPerTick = run.Controller.MeasuredTicks == 0 ? 0 : (double)run.Controller.TickAllocatedBytes / run.Controller.MeasuredTicks,
                StepBytesPerTick = (double)stepBytes / ticks,
                DeliveredVolumeErrorPct = last!.Delivered.VolumeErrorPct,
                Outcome = last.Outcome,
            };
        }

        private static string? ReadLoadAverage()
        {
            try
            {
                return System.IO.File.ReadAllText("/proc/loadavg").Trim();
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static double RunOnce(out RunSummary summary)
        {
            var run = new SimulationRun(DefaultScenario.Create());
            var w = Stopwatch.StartNew();
            run.Run();
            w.Stop();
            summary = RunSummary.From(run, w.ElapsedMilliseconds);
            return w.Elapsed.TotalMilliseconds;
        }
    }

    public sealed class BenchResult
    {
        public int Cores { get; init; }
        public int TickPeriodMs { get; init; }
        public long SimulatedMs { get; init; }
        public double MedianWallMs { get; init; }
        public double BestWallMs { get; init; }
        public double MedianSpeed { get; init; }
        /// <summary>Simulated time per CPU second of the running thread over all measured runs (independent of machine load; 10 ms resolution).</summary>
        public double? SpeedPerCpuSecond { get; init; }
        /// <summary>/proc/loadavg while measuring (context for the wall-clock figure).</summary>
        public string? LoadAverage { get; init; }
        /// <summary>CPU of the simulating thread per 50 ms control tick (core and virtual hardware; 10 ms clock resolution over all runs).</summary>
        public double? CpuUsPerTick { get; init; }
        /// <summary>Panel drawings per simulated minute in steady infusion (NFR-008: the 1 s cadence plus at-once causes).</summary>
        public double PanelRedrawsPerMinute { get; init; }
        public double ControllerBytesPerTick { get; init; }
        public double StepBytesPerTick { get; init; }
        public double DeliveredVolumeErrorPct { get; init; }
        public string Outcome { get; init; } = "";
    }
}
