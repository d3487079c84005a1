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
            Threshold = threshold;
            int readings = readingsRequired < 1 ? 1 : readingsRequired;
            _packed = ((long)(uint)readings) | ((long)(byte)level << 32) | ((long)(byte)parameter << 40)
                | ((long)(byte)comparison << 48) | ((relativeToBaseline ? 1L : 0L) << 56);
            _timesMs = ((long)(uint)maxReadingGapMs) | ((long)(uint)(sustainMs < 0 ? 0 : sustainMs) << 32);
        }

        // nanoFramework gives every object field its own 12-byte heap block (hardware-docs/on-target.md): the
        // small values are packed, ReadingsRequired and the enums in one long, the two times in another.
        private readonly long _packed;
        private readonly long _timesMs;

        /// <summary>Stable identifier (event log, traceability). Never reused for another meaning.</summary>
        public readonly string Code;

        /// <summary>Short panel text, at most 20 characters.</summary>
        public readonly string PanelMessage;

        public InterlockLevel Level { get { return (InterlockLevel)(int)((_packed >> 32) & 0xFF); } }
        public VitalParameter Parameter { get { return (VitalParameter)(int)((_packed >> 40) & 0xFF); } }
        public RuleComparison Comparison { get { return (RuleComparison)(int)((_packed >> 48) & 0xFF); } }

        /// <summary>In the parameter's unit (mmHg, bpm, %, /min, or ms for data ages).</summary>
        public readonly int Threshold;

        public bool RelativeToBaseline { get { return ((_packed >> 56) & 1) != 0; } }
        public int ReadingsRequired { get { return (int)(_packed & 0xFFFFFFFFL); } }
        public int MaxReadingGapMs { get { return (int)(_timesMs & 0xFFFFFFFFL); } }
        public int SustainMs { get { return (int)((_timesMs >> 32) & 0xFFFFFFFFL); } }

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
