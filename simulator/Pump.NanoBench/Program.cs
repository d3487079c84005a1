using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Pump.OnTarget.Tests.Heap;
using Pump.OnTarget.Tests.Toolchain;

namespace Pump.NanoBench
{
    /// <summary>
    /// nano-bench: builds the firmware with the real nanoFramework toolchain, then measures on nanoCLR the core's
    /// heap (nanoclr32) and the time of every tick of a whole infusion (x86-64 nanoCLR), and writes the figures as
    /// markdown (hardware-docs/on-target-figures.md). Not part of dotnet test: a full run takes a few minutes.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var output = new Option<string>("--output")
            {
                Description = "Markdown file to write (relative to the repository).",
                DefaultValueFactory = _ => "hardware-docs/on-target-figures.md",
            };
            var root = new RootCommand("On-target figures on nanoCLR: heap and per-tick time distribution.") { output };
            root.SetAction(parse => Run(parse.GetValue(output)!));
            return root.Parse(args).Invoke();
        }

        private static int Run(string output)
        {
            using var build = new NanoBuild();
            Console.WriteLine("building with " + build.Toolchain.Root);
            var heap = HeapProbeRun.Run(build);
            // The firmware's own assembly stays out: it has an entry point of its own (9 KB of ROM, little RAM).
            var heapWithImage = HeapProbeRun.Run(build, build.Firmware.LoadOrder.Skip(1).Take(build.Firmware.LoadOrder.Count - 2));
            Console.WriteLine("heap: programmed " + heap["programmed"] + " bytes");
            var run = build.Run(build.TickProbe.LoadOrder, TimeSpan.FromMinutes(20));
            var ticks = TickDistribution.Parse(run.Lines);
            Console.WriteLine($"ticks: {ticks.Ticks.Count}, median {ticks.Median:F1} us, p99 {ticks.Percentile(99):F1} us, max {ticks.Max:F1} us");

            string path = TestPaths.InRepository(output);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Markdown(build, heap, heapWithImage, ticks));
            Console.WriteLine("wrote " + path);
            return 0;
        }

        private static string Markdown(NanoBuild build, HeapProbeRun heap, HeapProbeRun heapWithImage, TickDistribution ticks)
        {
            var c = CultureInfo.InvariantCulture;
            var md = new StringBuilder();
            md.AppendLine("# On-target figures (generated)");
            md.AppendLine();
            md.AppendLine("Written by `dotnet run -c Release --project simulator/Pump.NanoBench` from the toolchain at `../shared/nano`;");
            md.AppendLine("do not edit. How to read them, and what they mean for the ESP32: [on-target.md](on-target.md).");
            md.AppendLine();
            md.AppendLine("## Converted assemblies");
            md.AppendLine();
            md.AppendLine("| Assembly | .pe bytes |");
            md.AppendLine("|---|---:|");
            long total = 0;
            foreach (string pe in build.Firmware.LoadOrder.Skip(1))
            {
                long bytes = new FileInfo(pe).Length;
                total += bytes;
                md.AppendLine(c, $"| {Path.GetFileNameWithoutExtension(pe)} | {bytes:N0} |");
            }

            md.AppendLine(c, $"| **deployment total** (of 1,900,544 in the 1,856 KB area) | **{total:N0}** ({100.0 * total / 1900544:F1} %) |");
            md.AppendLine();
            md.AppendLine("## Managed heap on nanoclr32 (12-byte blocks, as on the ESP32)");
            md.AppendLine();
            md.AppendLine("Bytes the core holds after each stage of a ketamine infusion on the bench hardware (free heap after a full,");
            md.AppendLine("compacting collection, before minus after; the bench hardware is built first and not counted).");
            md.AppendLine();
            md.AppendLine("| Stage | Core heap (bytes) |");
            md.AppendLine("|---|---:|");
            foreach (string stage in new[] { "controller", "self-test", "programmed", "infusing-60s", "infusing-600s-more" })
            {
                md.AppendLine(c, $"| {stage} | {heap[stage]:N0} |");
            }

            md.AppendLine(c, $"| retained over 600 s more of infusion | {heap["retained-growth"]:N0} |");
            md.AppendLine();
            long imageStart = heap["free-before-core"] - heapWithImage["free-before-core"];
            md.AppendLine(c, $"Loading the class libraries and the ESP32 HAL beside the core takes {imageStart:N0} bytes more of the heap before `Main` runs (their types and statics; the HAL's peripheral objects cannot be built on the host).");
            md.AppendLine();
            md.AppendLine("## Control tick time on nanoCLR (x86-64 host build)");
            md.AppendLine();
            md.AppendLine(c, $"A whole infusion ({ticks.Ticks.Count:N0} ticks of 50 ms, ending {ticks.End.Split(' ')[0]}); each tick's time is the minimum over {ticks.End.Split(' ').Last()} identical runs (a shared host only ever adds time).");
            md.AppendLine();
            md.AppendLine("| Median | 90th pct | 99th pct | 99.9th pct | Max | Max / median | Power-up tick |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
            md.AppendLine(c, $"| {ticks.Median:F1} µs | {ticks.Percentile(90):F1} µs | {ticks.Percentile(99):F1} µs | {ticks.Percentile(99.9):F1} µs | {ticks.Max:F1} µs | {ticks.Max / ticks.Median:F1} | {ticks.PowerUpUs:F0} µs |");
            md.AppendLine();
            md.AppendLine("The ten slowest ticks and what they did (store writes, display rows written, step segments queued, monitor frame received):");
            md.AppendLine();
            md.AppendLine("| Tick | Time | Work |");
            md.AppendLine("|---:|---:|---|");
            foreach (var (tick, index) in ticks.Ticks.Select((t, i) => (t, i)).OrderByDescending(x => x.t.Us).Take(10))
            {
                md.AppendLine(c, $"| {index:N0} | {tick.Us:F1} µs | {TickDistribution.Describe(tick.Work)} |");
            }

            var writing = ticks.Ticks.Where(t => (t.Work & 0xFF) > 0).Select(t => t.Us).OrderBy(u => u).ToArray();
            var quiet = ticks.Ticks.Where(t => t.Work == 0).Select(t => t.Us).OrderBy(u => u).ToArray();
            md.AppendLine();
            if (writing.Length > 0 && quiet.Length > 0)
            {
                md.AppendLine(c, $"Ticks that wrote the store: {writing.Length:N0}, median {writing[writing.Length / 2]:F1} µs; ticks that did none of the listed work: {quiet.Length:N0}, median {quiet[quiet.Length / 2]:F1} µs.");
            }

            return md.ToString();
        }
    }
}
