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
        // Every reason the state table gives, once: a rule keeps the index of its reason in its packed field instead
        // of a reference (one 12-byte block per rule on nanoFramework, 2.7 KB for the table). Literals only: nanoCLR
        // runs static initializers in no particular order, so this one reads no other type's statics.
        private static readonly string[] Reasons = new string[]
        {
            "",
            "GUARD",
            "MOTOR ALREADY STOPPED",
            "NOT CONNECTED WHILE PRIMING",
            "ALREADY INFUSING",
            "ALREADY PAUSED",
            "ALREADY HELD",
            "HELD; ALARM SHOWN",
            "RESUME RECHECKS VITALS",
            "ALREADY IN ALARM",
            "ALREADY STOPPED",
            "SERVICE REQUIRED",
            "LATCHED UNTIL SERVICE",
            "NOT AVAILABLE NOW",
            "NOT APPLICABLE",
        };

        private readonly long _packed;

        /// <summary>The reason must be one of the table's reasons (<see cref="Reasons"/>); any other throws.</summary>
        public TransitionRule(PumpState state, PumpTrigger trigger, Guard guard, RuleKind kind, PumpState target, string reason)
        {
            _packed = ((long)(byte)state) | ((long)(byte)trigger << 8) | ((long)(byte)guard << 16) | ((long)(byte)kind << 24)
                | ((long)(byte)target << 32) | ((long)(byte)ReasonIndex(reason) << 40);
        }

        private static int ReasonIndex(string reason)
        {
            for (int i = 0; i < Reasons.Length; i++)
            {
                if (Reasons[i] == reason)
                {
                    return i;
                }
            }

            throw new System.ArgumentException("reason not in TransitionRule.Reasons");
        }

        public PumpState State { get { return (PumpState)(int)(_packed & 0xFF); } }
        public PumpTrigger Trigger { get { return (PumpTrigger)(int)((_packed >> 8) & 0xFF); } }
        public Guard Guard { get { return (Guard)(int)((_packed >> 16) & 0xFF); } }
        public RuleKind Kind { get { return (RuleKind)(int)((_packed >> 24) & 0xFF); } }
        public PumpState Target { get { return (PumpState)(int)((_packed >> 32) & 0xFF); } }
        /// <summary>Why a rejection (or an ignore) happens; empty for transitions.</summary>
        public string Reason { get { return Reasons[(int)((_packed >> 40) & 0xFF)]; } }
    }
}
