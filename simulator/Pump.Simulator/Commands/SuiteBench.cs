using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Pump.Sim.Scenarios.Testing;

namespace Pump.Simulator.Commands
{
    /// <summary>
    /// `bench --suite PATH`: a scenario suite through the same runner as `pump-sim test`, cold (JIT included, as CI
    /// runs it): wall seconds, process CPU seconds and scenarios per CPU second. `bench --fresh N`: the default scenario
    /// as N fresh processes (`pump-sim run --json`), startup included.
    /// </summary>
    internal static class SuiteBench
    {
        public sealed class SuiteFigures
        {
            public string Path { get; init; } = "";
            public int Scenarios { get; init; }
            public int Passed { get; init; }
            public int Workers { get; init; }
            public double WallS { get; init; }
            /// <summary>CPU time of the whole process (all threads, JIT and GC included).</summary>
            public double ProcessCpuS { get; init; }
            public double ScenariosPerCpuSecond { get; init; }
            public double SimulatedMinutes { get; init; }
            public double SimulatedPerProcessCpuSecond { get; init; }
        }

        public sealed class FreshFigures
        {
            public int Processes { get; init; }
            public double MedianWallS { get; init; }
            public double BestWallS { get; init; }
            public string Command { get; init; } = "";
        }

        public static SuiteFigures Suite(string path, int workers)
        {
            var files = ScenarioSuite.Discover(new[] { path }, out var missing);
            if (missing.Count > 0 || files.Count == 0)
            {
                throw new FileNotFoundException("no scenarios under " + path);
            }
            Process self = Process.GetCurrentProcess();
            TimeSpan cpu0 = self.TotalProcessorTime;
            SuiteResult r = ScenarioSuite.Run(files, workers);
            self.Refresh();
            double cpu = (self.TotalProcessorTime - cpu0).TotalSeconds;
            double simulatedMin = 0;
            foreach (ScenarioResult x in r.Results)
            {
                simulatedMin += x.SimulatedMs / 60_000.0;
            }
            return new SuiteFigures
            {
                Path = path,
                Scenarios = files.Count,
                Passed = r.Passed,
                Workers = workers,
                WallS = Math.Round(r.WallMs / 1000, 2),
                ProcessCpuS = Math.Round(cpu, 2),
                ScenariosPerCpuSecond = Math.Round(files.Count / Math.Max(cpu, 0.001), 1),
                SimulatedMinutes = Math.Round(simulatedMin, 1),
                SimulatedPerProcessCpuSecond = Math.Round(simulatedMin * 60 / Math.Max(cpu, 0.001)),
            };
        }

        public static FreshFigures Fresh(int processes)
        {
            // The apphost when run as pump-sim; the entry assembly under `dotnet pump-sim.dll`.
            string exe = Environment.ProcessPath ?? "dotnet";
            string prefix = Path.GetFileNameWithoutExtension(exe) == "dotnet" ? "\"" + typeof(SuiteBench).Assembly.Location + "\" " : "";
            var walls = new double[processes];
            for (int i = 0; i < processes; i++)
            {
                var psi = new ProcessStartInfo(exe, prefix + "run --json") { RedirectStandardOutput = true, UseShellExecute = false };
                var w = Stopwatch.StartNew();
                using Process p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + exe);
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                walls[i] = w.Elapsed.TotalSeconds;
                if (p.ExitCode != 0)
                {
                    throw new InvalidOperationException(exe + " run --json exited " + p.ExitCode.ToString(CultureInfo.InvariantCulture));
                }
            }
            Array.Sort(walls);
            return new FreshFigures
            {
                Processes = processes,
                MedianWallS = Math.Round(walls[processes / 2], 3),
                BestWallS = Math.Round(walls[0], 3),
                Command = Path.GetFileName(exe) + " " + prefix.Trim() + (prefix.Length > 0 ? " " : "") + "run --json",
            };
        }
    }
}
