using System;
using System.Collections.Generic;
using System.Linq;

namespace Pump.Sim.Batch
{
    /// <summary>Distribution of a quantity over a batch (nearest-rank percentiles), rounded to the quantity's resolution.</summary>
    public sealed class Percentiles
    {
        public double P5 { get; init; }
        public double P50 { get; init; }
        public double P95 { get; init; }
        public double Max { get; init; }
        public double Mean { get; init; }

        public static Percentiles Of(IEnumerable<double> values, int digits)
        {
            double[] v = values.OrderBy(x => x).ToArray();
            if (v.Length == 0)
            {
                return new Percentiles();
            }
            double Q(double q) => R(v[(int)Math.Clamp(Math.Round(q * (v.Length - 1)), 0, v.Length - 1)]);
            double R(double x) => Math.Round(x, digits, MidpointRounding.AwayFromZero);
            return new Percentiles { P5 = Q(0.05), P50 = Q(0.5), P95 = Q(0.95), Max = R(v[^1]), Mean = R(v.Average()) };
        }
    }
}
