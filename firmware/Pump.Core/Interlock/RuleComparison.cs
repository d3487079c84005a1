namespace Pump.Core.Interlock
{
    /// <summary>How a value is compared with a rule's threshold; the condition is "value OP threshold".</summary>
    public enum RuleComparison
    {
        /// <summary>value &gt;= threshold</summary>
        AtLeast = 0,

        /// <summary>value &gt; threshold</summary>
        Above = 1,

        /// <summary>value &lt; threshold</summary>
        Below = 2,

        /// <summary>value &lt;= threshold</summary>
        AtMost = 3,
    }
}
