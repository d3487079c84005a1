using System;
using System.Collections.Generic;
using System.Globalization;
using Pump.OnTarget.Tests.Toolchain;

namespace Pump.OnTarget.Tests.Heap
{
    /// <summary>
    /// One run of Probes/HeapProbe.cs on nanoclr32 (12-byte heap blocks, as on the ESP32): the managed heap the core
    /// holds at each stage, in bytes. Shared by the heap test and the benchmark command.
    /// </summary>
    internal sealed class HeapProbeRun
    {
        private HeapProbeRun(IReadOnlyDictionary<string, long> stages, string state, string log)
        {
            Stages = stages;
            FinalState = state;
            Log = log;
        }

        /// <summary>Bytes held by the core after each stage (controller, self-test, programmed, infusing-60s, ...).</summary>
        public IReadOnlyDictionary<string, long> Stages { get; }

        public string FinalState { get; }

        public string Log { get; }

        public long this[string stage] => Stages[stage];

        /// <summary>Runs the probe with extra .pe files loaded before it (e.g. the whole firmware image, to measure what it costs at start).</summary>
        public static HeapProbeRun Run(NanoBuild build, IEnumerable<string>? alsoLoaded = null)
        {
            var load = new List<string>(build.HeapProbe.LoadOrder);
            if (alsoLoaded != null)
            {
                foreach (string pe in alsoLoaded)
                {
                    if (!load.Contains(pe))
                    {
                        load.Insert(load.Count - 1, pe);
                    }
                }
            }

            var run = build.Run(load, TimeSpan.FromMinutes(3), thirtyTwoBit: true);
            var stages = new Dictionary<string, long>();
            string state = string.Empty;
            bool complete = false;
            foreach (string line in run.Lines)
            {
                string[] parts = line.Split(' ');
                if (line == "HEAP PROBE COMPLETE")
                {
                    complete = true;
                }
                else if (parts.Length >= 3 && parts[0] == "HEAP" && parts[1] == "state")
                {
                    state = parts[2];
                }
                else if (parts.Length >= 3 && parts[0] == "HEAP")
                {
                    stages[parts[1]] = long.Parse(parts[2], CultureInfo.InvariantCulture);
                    if (parts.Length >= 5)
                    {
                        stages[parts[3]] = long.Parse(parts[4], CultureInfo.InvariantCulture);
                    }
                }
            }

            if (!complete)
            {
                throw new InvalidOperationException("The heap probe did not finish on nanoclr32:\n" + string.Join("\n", run.Lines));
            }

            return new HeapProbeRun(stages, state, run.Output);
        }
    }
}
