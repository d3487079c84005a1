using System;
using System.Collections.Generic;
using System.Linq;
using Pump.Core.Control;
using Stateless;
using Stateless.Graph;

namespace Pump.Evidence.Conformance
{
    /// <summary>
    /// Executable specification of the pump's state behaviour, written with Stateless from
    /// hardware-docs/requirements.md (STM-001..STM-013) alone, independently of the firmware's
    /// StateTable (DESIGN.md D6). Only the enum types and the guard facts (<see cref="GuardInputs"/>)
    /// are shared, so that both can be driven by the same inputs.
    /// Each rule cites the requirement it comes from.
    /// </summary>
    public sealed class ReferenceModel : IStateBehaviour
    {
        /// <summary>STM-013 default rejection text.</summary>
        public const string NotAvailable = "NOT AVAILABLE NOW";
        /// <summary>STM-010 rejection text in Failsafe.</summary>
        public const string ServiceRequired = "SERVICE REQUIRED";

        /// <summary>The clinician's requests (STM preamble); every other trigger is automatic.</summary>
        public static readonly IReadOnlyList<PumpTrigger> ClinicianRequests = new[]
        {
            PumpTrigger.BeginProgramming, PumpTrigger.CancelProgramming, PumpTrigger.ConfirmProgram,
            PumpTrigger.RequestPrime, PumpTrigger.RequestStart, PumpTrigger.RequestPause,
            PumpTrigger.RequestResume, PumpTrigger.RequestStop, PumpTrigger.ClearAlarm, PumpTrigger.EndSession,
            PumpTrigger.ConfirmTitration,
        };

        private readonly StateMachine<PumpState, PumpTrigger> _machine;
        private PumpState _state;
        private GuardInputs _inputs;
        private StepOutcome _pendingRejection;
        private bool _rejected;
        private bool _transitioned;

        public ReferenceModel()
        {
            _state = PumpState.SelfTest;
            _machine = new StateMachine<PumpState, PumpTrigger>(() => _state, s => _state = s, FiringMode.Queued);
            Configure(_machine);
            _machine.OnUnhandledTrigger(OnUnhandled);
            _machine.OnTransitioned(_ => _transitioned = true);
        }

        public PumpState State => _state;

        /// <summary>STM-002: the motor may move only in Priming and Infusing.</summary>
        public static bool MotorPermitted(PumpState state) => state == PumpState.Priming || state == PumpState.Infusing;

        /// <summary>STM-014: a session is open from Start until the clinician, completion or a stop ends it.</summary>
        public static bool SessionOpen(PumpState state) =>
            state is PumpState.Infusing or PumpState.Paused or PumpState.InterlockHold or PumpState.Alarm;

        /// <summary>STM-014, TEC-008: delivery stopped, waiting for the clinician's decision.</summary>
        public static bool AwaitsClinician(PumpState state) =>
            state is PumpState.Paused or PumpState.InterlockHold or PumpState.Alarm;

        /// <summary>STM-014, TEC-006: where an open clamp is an alarm (motion, or a session that may resume).</summary>
        public static bool SyringeMustBeSecured(PumpState state) => MotorPermitted(state) || SessionOpen(state);

        /// <summary>STM-014: a confirmed program exists from Ready until the session is closed (kept in Failsafe).</summary>
        public static bool ProgramLoaded(PumpState state) =>
            state is not (PumpState.SelfTest or PumpState.Idle or PumpState.Programming);

        /// <summary>STM-014: before a program is running the syringe may be swapped (a new one needs a new prime).</summary>
        public static bool SyringeChangeable(PumpState state) =>
            state is PumpState.Idle or PumpState.Programming or PumpState.Ready;

        /// <summary>The model's traits of a state, as the firmware's StateTraits bit set.</summary>
        public static int Traits(PumpState state) =>
            (MotorPermitted(state) ? StateTraits.MotorPermitted : 0)
            | (SessionOpen(state) ? StateTraits.SessionOpen : 0)
            | (AwaitsClinician(state) ? StateTraits.AwaitsClinician : 0)
            | (SyringeMustBeSecured(state) ? StateTraits.SyringeMustBeSecured : 0)
            | (ProgramLoaded(state) ? StateTraits.ProgramLoaded : 0)
            | (SyringeChangeable(state) ? StateTraits.SyringeChangeable : 0);

        public static bool IsClinicianRequest(PumpTrigger trigger) => ClinicianRequests.Contains(trigger);

        /// <summary>The Stateless machine, for diagrams and introspection.</summary>
        public StateMachine<PumpState, PumpTrigger> Machine => _machine;

        /// <summary>The state diagram generated from this model (Mermaid).</summary>
        public static string MermaidDiagram()
        {
            var model = new ReferenceModel();
            return MermaidGraph.Format(model._machine.GetInfo());
        }

        public void Reset(PumpState state)
        {
            _state = state;
        }

        /// <summary>
        /// Handles one trigger in a raw situation: the model computes the guard facts by its own definitions
        /// (<see cref="SpecGuardFacts"/>), not the firmware's <see cref="GuardReader"/>.
        /// </summary>
        public StepOutcome Fire(PumpTrigger trigger, GuardSituation raw) => Fire(trigger, SpecGuardFacts.From(trigger, raw));

        public StepOutcome Fire(PumpTrigger trigger, GuardInputs inputs)
        {
            _inputs = inputs;
            _rejected = false;
            _transitioned = false;
            _machine.Fire(trigger);
            if (_rejected)
            {
                return _pendingRejection;
            }
            // A re-entry (titration: Infusing to Infusing) is a transition too; an ignored trigger is none.
            return _transitioned ? StepOutcome.Moved(_state) : StepOutcome.Ignored(_state);
        }

        // STM-013: an unnamed clinician request is rejected ("SERVICE REQUIRED" in Failsafe, STM-010);
        // an unnamed automatic trigger is ignored. A guarded request whose guards fail is rejected with
        // the first unmet condition (STM-005, STM-006, STM-009, STM-011).
        private void OnUnhandled(PumpState state, PumpTrigger trigger, ICollection<string> unmetGuards)
        {
            if (unmetGuards != null && unmetGuards.Count > 0)
            {
                _rejected = true;
                _pendingRejection = StepOutcome.Rejected(state, unmetGuards.First());
                return;
            }
            if (!IsClinicianRequest(trigger))
            {
                return; // ignored
            }
            _rejected = true;
            _pendingRejection = StepOutcome.Rejected(state, state == PumpState.Failsafe ? ServiceRequired : NotAvailable);
        }

        // Guard conditions, named after the GuardInputs facts they read. The description of a guard is
        // the name of the condition, so a rejection reports which condition failed.
        private Tuple<Func<bool>, string> Secured() => Tuple.Create<Func<bool>, string>(() => _inputs.SyringeSecured, Condition.SyringeSecured);
        private Tuple<Func<bool>, string> Healthy() => Tuple.Create<Func<bool>, string>(() => _inputs.DeviceHealthy, Condition.DeviceHealthy);
        private Tuple<Func<bool>, string> Primed() => Tuple.Create<Func<bool>, string>(() => _inputs.LinePrimed, Condition.LinePrimed);
        private Tuple<Func<bool>, string> Allowed() => Tuple.Create<Func<bool>, string>(() => _inputs.SessionAllowed, Condition.SessionAllowed);
        private Tuple<Func<bool>, string> Lease() => Tuple.Create<Func<bool>, string>(() => _inputs.LeaseHeld, Condition.LeaseHeld);
        private Tuple<Func<bool>, string> Baseline() => Tuple.Create<Func<bool>, string>(() => _inputs.BaselineAcceptable, Condition.BaselineAcceptable);
        private Tuple<Func<bool>, string> NoVital() => Tuple.Create<Func<bool>, string>(() => !_inputs.VitalConditionActive, Condition.NoVitalCondition);
        private Tuple<Func<bool>, string> LineFree() => Tuple.Create<Func<bool>, string>(() => _inputs.LineFreeOfPatient, Condition.LineFreeOfPatient);
        private Tuple<Func<bool>, string> EnoughDrug() => Tuple.Create<Func<bool>, string>(() => _inputs.DrugSufficient, Condition.DrugSufficient);
        private Tuple<Func<bool>, string> Titration() => Tuple.Create<Func<bool>, string>(() => _inputs.TitrationPending, Condition.TitrationPending);
        private Tuple<Func<bool>, string> NoTechnical() => Tuple.Create<Func<bool>, string>(() => !_inputs.TechnicalConditionActive, Condition.NoTechnicalCondition);

        private void Configure(StateMachine<PumpState, PumpTrigger> m)
        {
            // STM-004: power-up.
            m.Configure(PumpState.SelfTest)
                .PermitIf(PumpTrigger.SelfTestPassed, PumpState.Idle, () => !_inputs.SessionInterrupted, "no interrupted session")
                .PermitIf(PumpTrigger.SelfTestPassed, PumpState.Paused, () => _inputs.SessionInterrupted, "session interrupted");

            // STM-012: programming.
            m.Configure(PumpState.Idle)
                .Permit(PumpTrigger.BeginProgramming, PumpState.Programming);
            m.Configure(PumpState.Programming)
                .Permit(PumpTrigger.ConfirmProgram, PumpState.Ready)
                .Permit(PumpTrigger.CancelProgramming, PumpState.Idle);

            m.Configure(PumpState.Ready)
                .Permit(PumpTrigger.BeginProgramming, PumpState.Programming)        // STM-012 edit
                .Permit(PumpTrigger.CancelProgramming, PumpState.Idle)              // STM-012
                .PermitIf(PumpTrigger.RequestPrime, PumpState.Priming, Secured(), Healthy(), LineFree())   // STM-011
                .PermitIf(PumpTrigger.RequestStart, PumpState.Infusing,             // STM-005, in this order
                    Secured(), Healthy(), Primed(), EnoughDrug(), Allowed(), Lease(), Baseline(), NoVital())
                .Ignore(PumpTrigger.TechnicalStop);                                 // STM-009

            // STM-011: priming.
            m.Configure(PumpState.Priming)
                .Permit(PumpTrigger.PrimeFinished, PumpState.Ready)
                .Permit(PumpTrigger.RequestPause, PumpState.Ready)
                .Permit(PumpTrigger.RequestStop, PumpState.Ready)
                .Permit(PumpTrigger.TechnicalStop, PumpState.Ready)
                .Ignore(PumpTrigger.VitalHold)
                .Ignore(PumpTrigger.VitalStop);

            m.Configure(PumpState.Infusing)
                .Permit(PumpTrigger.RequestPause, PumpState.Paused)                 // STM-012
                .Permit(PumpTrigger.RequestStop, PumpState.Stopped)                 // STM-012
                .Permit(PumpTrigger.InfusionComplete, PumpState.Completed)          // STM-012
                .Permit(PumpTrigger.VitalHold, PumpState.InterlockHold)             // STM-007
                .Permit(PumpTrigger.VitalStop, PumpState.Stopped)                   // STM-008
                .Permit(PumpTrigger.TechnicalStop, PumpState.Alarm)                 // STM-009
                .Ignore(PumpTrigger.RequestStart)                                   // STM-012
                .Ignore(PumpTrigger.RequestResume)                                  // STM-012
                .PermitReentryIf(PumpTrigger.ConfirmTitration, Healthy(), Titration()); // TIT-002, TIT-003

            m.Configure(PumpState.Paused)
                .PermitIf(PumpTrigger.RequestResume, PumpState.Infusing,            // STM-006
                    Secured(), Healthy(), Lease(), NoVital(), NoTechnical())
                .Permit(PumpTrigger.RequestStop, PumpState.Stopped)                 // STM-012
                .Permit(PumpTrigger.InfusionComplete, PumpState.Completed)          // STM-012
                .Permit(PumpTrigger.VitalHold, PumpState.InterlockHold)             // STM-007
                .Permit(PumpTrigger.VitalStop, PumpState.Stopped)                   // STM-008
                .Permit(PumpTrigger.TechnicalStop, PumpState.Alarm)                 // STM-009
                .Ignore(PumpTrigger.RequestPause);                                  // STM-012

            m.Configure(PumpState.InterlockHold)
                .PermitIf(PumpTrigger.RequestResume, PumpState.Infusing,            // STM-006, STM-007
                    Secured(), Healthy(), Lease(), NoVital(), NoTechnical())
                .Permit(PumpTrigger.RequestStop, PumpState.Stopped)                 // STM-007, STM-012
                .Permit(PumpTrigger.InfusionComplete, PumpState.Completed)          // STM-012
                .Permit(PumpTrigger.VitalStop, PumpState.Stopped)                   // STM-007, STM-008
                .Ignore(PumpTrigger.VitalHold)                                      // STM-007
                .Ignore(PumpTrigger.TechnicalStop)                                  // STM-009
                .Ignore(PumpTrigger.RequestPause);                                  // STM-012

            m.Configure(PumpState.Alarm)
                .PermitIf(PumpTrigger.ClearAlarm, PumpState.Paused, NoTechnical())  // STM-009
                .Permit(PumpTrigger.RequestStop, PumpState.Stopped)                 // STM-012
                .Permit(PumpTrigger.InfusionComplete, PumpState.Completed)          // STM-012
                .Permit(PumpTrigger.VitalStop, PumpState.Stopped)                   // STM-008
                .Ignore(PumpTrigger.VitalHold)                                      // STM-007
                .Ignore(PumpTrigger.TechnicalStop)                                  // STM-009
                .Ignore(PumpTrigger.RequestPause);                                  // STM-012

            // STM-008: a stopped session cannot be resumed, only closed.
            m.Configure(PumpState.Stopped)
                .Permit(PumpTrigger.EndSession, PumpState.Idle);
            m.Configure(PumpState.Completed)
                .Permit(PumpTrigger.EndSession, PumpState.Idle);                    // STM-012

            // STM-010: fatal faults lead to Failsafe from every state; nothing leaves it.
            foreach (PumpState state in AllStates)
            {
                if (state == PumpState.Failsafe)
                {
                    continue;
                }
                m.Configure(state)
                    .Permit(PumpTrigger.FatalFault, PumpState.Failsafe)
                    .Permit(PumpTrigger.SelfTestFailed, PumpState.Failsafe);
            }
            m.Configure(PumpState.Failsafe)
                .Ignore(PumpTrigger.FatalFault)
                .Ignore(PumpTrigger.SelfTestFailed);
        }

        public static readonly IReadOnlyList<PumpState> AllStates =
            Enumerable.Range(0, PumpStates.Count).Select(i => (PumpState)i).ToArray();

        public static readonly IReadOnlyList<PumpTrigger> AllTriggers =
            Enumerable.Range(0, PumpTriggers.Count).Select(i => (PumpTrigger)i).ToArray();

        /// <summary>Names of the guard conditions, as reported in the model's rejections.</summary>
        public static class Condition
        {
            public const string SyringeSecured = "syringe secured";
            public const string LinePrimed = "line primed";
            public const string DeviceHealthy = "device healthy";
            public const string SessionAllowed = "session allowed";
            public const string LeaseHeld = "lease held";
            public const string BaselineAcceptable = "baseline acceptable";
            public const string NoVitalCondition = "no vital condition";
            public const string NoTechnicalCondition = "no technical condition";
            public const string LineFreeOfPatient = "line free of patient";
            public const string DrugSufficient = "enough drug loaded";
            public const string TitrationPending = "rate checked and confirmed";
        }
    }
}
