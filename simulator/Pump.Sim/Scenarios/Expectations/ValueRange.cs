using System.Globalization;

namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>An inclusive range a measured value must fall in; either end may be open.</summary>
    public readonly struct ValueRange
    {
        public ValueRange(double min, double max)
        {
            Min = min;
            Max = max;
        }

        public double Min { get; }

        public double Max { get; }

        public static ValueRange Any => new ValueRange(double.NegativeInfinity, double.PositiveInfinity);

        public static ValueRange Exactly(double v) => new ValueRange(v, v);

        public bool Contains(double v) => v >= Min && v <= Max;

        public string Describe(string unit)
        {
            string u = unit.Length == 0 ? "" : " " + unit;
            if (Min == Max)
            {
                return F(Min) + u;
            }
            if (double.IsNegativeInfinity(Min))
            {
                return "at most " + F(Max) + u;
            }
            if (double.IsPositiveInfinity(Max))
            {
                return "at least " + F(Min) + u;
            }
            return F(Min) + " to " + F(Max) + u;
        }

        public static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
    }
}
