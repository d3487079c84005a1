namespace Pump.Core.Interlock
{
    /// <summary>
    /// One declared vital-sign limit (People's Ventilator Project style: data, not code).
    /// Condition: value OP Threshold, where value is the parameter itself, or its rise above the session
    /// baseline when <see cref="RelativeToBaseline"/>. Persistence, at most one of:
    /// <list type="bullet">
    /// <item><see cref="ReadingsRequired"/> &gt; 1: true on that many consecutive NIBP readings, each at most
    /// <see cref="MaxReadingGapMs"/> after the previous one (NIBP parameters only);</item>
    /// <item><see cref="SustainMs"/> &gt; 0: true on every sample for at least that long;</item>
    /// <item>otherwise immediate: true on one reading or frame.</item>
    /// </list>
    /// Immutable; the evaluator keeps the per-rule state.
    /// </summary>
    public sealed class VitalRule
    {
        public VitalRule(
            string code,
            string panelMessage,
            InterlockLevel level,
            VitalParameter parameter,
            RuleComparison comparison,
            int threshold,
            bool relativeToBaseline,
            int readingsRequired,
            int maxReadingGapMs,
            int sustainMs)
        {
            Code = code;
            PanelMessage = panelMessage;
            Level = level;
            Parameter = parameter;
            Comparison = comparison;
            Threshold = threshold;
            RelativeToBaseline = relativeToBaseline;
            ReadingsRequired = readingsRequired < 1 ? 1 : readingsRequired;
            MaxReadingGapMs = maxReadingGapMs;
            SustainMs = sustainMs < 0 ? 0 : sustainMs;
        }

        /// <summary>Stable identifier (event log, traceability). Never reused for another meaning.</summary>
        public readonly string Code;

        /// <summary>Short panel text, at most 20 characters.</summary>
        public readonly string PanelMessage;

        public readonly InterlockLevel Level;
        public readonly VitalParameter Parameter;
        public readonly RuleComparison Comparison;

        /// <summary>In the parameter's unit (mmHg, bpm, %, /min, or ms for data ages).</summary>
        public readonly int Threshold;

        public readonly bool RelativeToBaseline;
        public readonly int ReadingsRequired;
        public readonly int MaxReadingGapMs;
        public readonly int SustainMs;

        /// <summary>True for the parameters measured by NIBP, which change only with a new cuff reading.</summary>
        public bool IsNibp => Parameter == VitalParameter.SystolicMmHg || Parameter == VitalParameter.DiastolicMmHg;

        /// <summary>True for the derived data-age parameters.</summary>
        public bool IsDataAge => Parameter == VitalParameter.NibpAgeMs || Parameter == VitalParameter.Spo2LostMs
            || Parameter == VitalParameter.LinkSilentMs;

        public bool Holds(long value)
        {
            switch (Comparison)
            {
                case RuleComparison.AtLeast: return value >= Threshold;
                case RuleComparison.Above: return value > Threshold;
                case RuleComparison.Below: return value < Threshold;
                default: return value <= Threshold;
            }
        }
    }
}
