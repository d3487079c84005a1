using Pump.Core.Control;

namespace Pump.Evidence.Conformance
{
    /// <summary>How a state machine handled one trigger.</summary>
    public enum OutcomeKind
    {
        /// <summary>The state changed.</summary>
        Moved,
        /// <summary>Handled, the state did not change.</summary>
        Ignored,
        /// <summary>Refused with a reason; the state did not change.</summary>
        Rejected,
    }

    /// <summary>Result of firing one trigger: the state after it, the kind of outcome and a rejection's reason.</summary>
    public readonly struct StepOutcome
    {
        private StepOutcome(PumpState state, OutcomeKind kind, string reason)
        {
            State = state;
            Kind = kind;
            Reason = reason;
        }

        public PumpState State { get; }
        public OutcomeKind Kind { get; }
        public string Reason { get; }

        public static StepOutcome Moved(PumpState state) => new StepOutcome(state, OutcomeKind.Moved, "");
        public static StepOutcome Ignored(PumpState state) => new StepOutcome(state, OutcomeKind.Ignored, "");
        public static StepOutcome Rejected(PumpState state, string reason) => new StepOutcome(state, OutcomeKind.Rejected, reason);

        public override string ToString() =>
            Kind == OutcomeKind.Rejected ? $"{State} (rejected: {Reason})" : $"{State} ({Kind.ToString().ToLowerInvariant()})";
    }

    /// <summary>Anything that behaves like the pump's state machine: the firmware table or the reference model.</summary>
    public interface IStateBehaviour
    {
        PumpState State { get; }

        /// <summary>Puts the machine in a state directly (the accessor/mutator idiom for tests).</summary>
        void Reset(PumpState state);

        /// <summary>Handles one trigger with the given guard facts.</summary>
        StepOutcome Fire(PumpTrigger trigger, GuardInputs inputs);
    }
}
