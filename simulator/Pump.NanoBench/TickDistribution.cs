using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Pump.NanoBench
{
    /// <summary>The per-tick times of one tick-probe run (Probes/TickProbe.cs) and what each tick did.</summary>
    internal sealed class TickDistribution
    {
        private TickDistribution(IReadOnlyList<(double Us, int Work)> ticks, double powerUpUs, string end)
        {
            Ticks = ticks;
            PowerUpUs = powerUpUs;
            End = end;
            Sorted = ticks.Select(t => t.Us).OrderBy(u => u).ToArray();
        }

        public IReadOnlyList<(double Us, int Work)> Ticks { get; }

        public double PowerUpUs { get; }

        public string End { get; }

        private double[] Sorted { get; }

        public double Median => Percentile(50);

        public double Max => Sorted[^1];

        public double Percentile(double p) => Sorted[Math.Min(Sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * Sorted.Length) - 1)];

        public static TickDistribution Parse(string[] lines)
        {
            var ticks = new List<(double, int)>();
            double powerUp = 0;
            string end = string.Empty;
            bool complete = false;
            foreach (string line in lines)
            {
                string[] p = line.Split(' ');
                switch (p[0])
                {
                    case "T" when p.Length == 3:
                        ticks.Add((long.Parse(p[1], CultureInfo.InvariantCulture) / 10.0, int.Parse(p[2], CultureInfo.InvariantCulture)));
                        break;
                    case "POWERUP":
                        powerUp = long.Parse(p[1], CultureInfo.InvariantCulture) / 10.0;
                        break;
                    case "END":
                        end = string.Join(' ', p.Skip(1));
                        break;
                    case "TICK" when line == "TICK PROBE COMPLETE":
                        complete = true;
                        break;
                }
            }

            if (!complete || ticks.Count == 0)
            {
                throw new InvalidOperationException("The tick probe did not finish:\n" + string.Join("\n", lines.TakeLast(20)));
            }

            return new TickDistribution(ticks, powerUp, end);
        }

        /// <summary>What a tick did, from the probe's packed counters.</summary>
        public static string Describe(int work)
        {
            var parts = new List<string>();
            int writes = work & 0xFF;
            int rows = (work >> 8) & 0xFF;
            int segments = (work >> 16) & 0xFF;
            bool frame = (work >> 24) != 0;
            if (writes > 0)
            {
                parts.Add(writes + " store write" + (writes == 1 ? string.Empty : "s"));
            }

            if (rows > 0)
            {
                parts.Add(rows + " display row" + (rows == 1 ? string.Empty : "s"));
            }

            if (segments > 0)
            {
                parts.Add(segments + " step segment" + (segments == 1 ? string.Empty : "s"));
            }

            if (frame)
            {
                parts.Add("monitor frame");
            }

            return parts.Count == 0 ? "none of these" : string.Join(", ", parts);
        }
    }
}
