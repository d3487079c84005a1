namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>An interlock trip that must occur: its cause, optionally a time window, the longest stop latency and the most steps after it.</summary>
    public sealed class TripExpectation
    {
        public string Path { get; init; } = "";
        public string Cause { get; init; } = "";
        public double FromS { get; init; }
        public double ToS { get; init; } = double.PositiveInfinity;
        public double MaxStopLatencyMs { get; init; } = double.PositiveInfinity;
        public long MaxStepsAfterTrip { get; init; } = long.MaxValue;

        /// <summary>A cause matches itself or its first word: "vitals" matches "vitals sbp=205", "sensorFault" matches "sensorFault:clamp".</summary>
        public static bool CauseMatches(string expected, string actual) =>
            actual == expected || (actual.StartsWith(expected, System.StringComparison.Ordinal) && actual.Length > expected.Length
                && (actual[expected.Length] == ' ' || actual[expected.Length] == ':'));

        public bool InWindow(long atMs) => atMs >= FromS * 1000 && atMs <= ToS * 1000;

        public string Describe()
        {
            string s = Cause;
            if (FromS > 0 || !double.IsPositiveInfinity(ToS))
            {
                s += " between " + ValueRange.F(FromS) + " s and " + (double.IsPositiveInfinity(ToS) ? "the end" : ValueRange.F(ToS) + " s");
            }
            if (!double.IsPositiveInfinity(MaxStopLatencyMs))
            {
                s += ", stopped within " + ValueRange.F(MaxStopLatencyMs) + " ms";
            }
            if (MaxStepsAfterTrip != long.MaxValue)
            {
                s += ", at most " + MaxStepsAfterTrip + " steps after";
            }
            return s;
        }
    }
}
