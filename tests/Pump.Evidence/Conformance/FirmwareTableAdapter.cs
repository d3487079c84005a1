using Pump.Core.Control;

namespace Pump.Evidence.Conformance
{
    /// <summary>Drives the firmware's <see cref="StateTable"/> exactly as the controller does: resolve, then apply.</summary>
    public sealed class FirmwareTableAdapter : IStateBehaviour
    {
        private readonly StateTable _table;

        public FirmwareTableAdapter(StateTable table)
        {
            _table = table;
            State = PumpState.SelfTest;
        }

        public FirmwareTableAdapter() : this(new StateTable())
        {
        }

        public PumpState State { get; private set; }

        public void Reset(PumpState state) => State = state;

        public StepOutcome Fire(PumpTrigger trigger, GuardInputs inputs)
        {
            TransitionRule rule = _table.Resolve(State, trigger, ref inputs);
            switch (rule.Kind)
            {
                case RuleKind.Transition:
                    // A transition is a move even when it re-enters its own state (a titration re-enters Infusing).
                    State = rule.Target;
                    return StepOutcome.Moved(State);
                case RuleKind.Reject:
                    // A guarded refusal names the first unmet condition, as the controller shows it on the panel.
                    return StepOutcome.Rejected(State, rule.Guard == Guard.Always ? rule.Reason : inputs.RefusalReason(rule.Guard));
                default:
                    return StepOutcome.Ignored(State);
            }
        }
    }
}
