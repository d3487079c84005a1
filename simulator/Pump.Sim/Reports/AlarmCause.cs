namespace Pump.Sim.Reports
{
    /// <summary>An alarm as the report shows it: when, code, priority, the panel's message, and its cause (the rule, the value and the limit).</summary>
    public sealed class AlarmCause
    {
        public long AtMs { get; init; }
        public string Code { get; init; } = "";
        public string Priority { get; init; } = "";
        public string Message { get; init; } = "";
        /// <summary>The vital-sign rule (code and condition), the lease's reason, or the alarm table's condition.</summary>
        public string Rule { get; init; } = "";
        /// <summary>The value that crossed the limit, or the fault that reached the pump; "" when not known.</summary>
        public string Value { get; init; } = "";
        public string Limit { get; init; } = "";
    }
}
