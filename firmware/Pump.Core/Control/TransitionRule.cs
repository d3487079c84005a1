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

    /// <summary>One row of the state table. Immutable.</summary>
    public sealed class TransitionRule
    {
        public TransitionRule(PumpState state, PumpTrigger trigger, Guard guard, RuleKind kind, PumpState target, string reason)
        {
            State = state;
            Trigger = trigger;
            Guard = guard;
            Kind = kind;
            Target = target;
            Reason = reason;
        }

        public PumpState State { get; }
        public PumpTrigger Trigger { get; }
        public Guard Guard { get; }
        public RuleKind Kind { get; }
        public PumpState Target { get; }
        /// <summary>Why a rejection (or an ignore) happens; empty for transitions.</summary>
        public string Reason { get; }
    }
}
