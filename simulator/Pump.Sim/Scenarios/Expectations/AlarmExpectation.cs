namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>An alarm that must (or must not) be raised: its code, optionally its priority and a time window in scenario seconds.</summary>
    public sealed class AlarmExpectation
    {
        public string Path { get; init; } = "";
        /// <summary>The alarm code; "" (no-alarm entries only) matches every code.</summary>
        public string Code { get; init; } = "";
        public string? Priority { get; init; }
        public double FromS { get; init; }
        public double ToS { get; init; } = double.PositiveInfinity;
        /// <summary>How many matching alarms (must-occur entries; at least one by default).</summary>
        public ValueRange Count { get; init; } = new ValueRange(1, double.PositiveInfinity);

        public bool Matches(string code, string priority, long atMs) =>
            (Code.Length == 0 || code == Code) && (Priority == null || priority == Priority) && atMs >= FromS * 1000 && atMs <= ToS * 1000;

        public string Describe()
        {
            string s = Code.Length == 0 ? (Priority ?? "any") + "-priority alarm" : Priority == null ? Code : Code + " (" + Priority + ")";
            if (FromS > 0 || !double.IsPositiveInfinity(ToS))
            {
                s += " between " + ValueRange.F(FromS) + " s and " + (double.IsPositiveInfinity(ToS) ? "the end" : ValueRange.F(ToS) + " s");
            }
            return s;
        }
    }
}
