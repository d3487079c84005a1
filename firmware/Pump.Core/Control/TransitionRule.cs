namespace Pump.Core.Control
{
    /// <summary>What a rule does with a trigger.</summary>
    public enum RuleKind
    {
        /// <summary>Move to <see cref="TransitionRule.Target"/> (may equal the source for none).</summary>
        Transition = 0,
        /// <summary>Handled, nothing changes (e.g. a hold while already held).</summary>
        Ignore = 1,
        /// <summary>Refused; the panel shows <see cref="TransitionRule.Reason"/>.</summary>
        Reject = 2,
    }

    /// <summary>
    /// One row of the state table. Immutable. The five small enums are packed into one field: nanoFramework gives
    /// every object field its own 12-byte heap block, and the table holds one rule per (state, trigger) pair, so
    /// five separate fields cost about 11 KB of the ESP32's heap (hardware-docs/on-target.md).
    /// </summary>
    public sealed class TransitionRule
    {
        private readonly long _packed;

        public TransitionRule(PumpState state, PumpTrigger trigger, Guard guard, RuleKind kind, PumpState target, string reason)
        {
            _packed = ((long)(byte)state) | ((long)(byte)trigger << 8) | ((long)(byte)guard << 16) | ((long)(byte)kind << 24) | ((long)(byte)target << 32);
            Reason = reason;
        }

        public PumpState State { get { return (PumpState)(int)(_packed & 0xFF); } }
        public PumpTrigger Trigger { get { return (PumpTrigger)(int)((_packed >> 8) & 0xFF); } }
        public Guard Guard { get { return (Guard)(int)((_packed >> 16) & 0xFF); } }
        public RuleKind Kind { get { return (RuleKind)(int)((_packed >> 24) & 0xFF); } }
        public PumpState Target { get { return (PumpState)(int)((_packed >> 32) & 0xFF); } }
        /// <summary>Why a rejection (or an ignore) happens; empty for transitions.</summary>
        public string Reason { get; }
    }
}
