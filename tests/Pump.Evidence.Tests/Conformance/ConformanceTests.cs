using System.Linq;
using Pump.Core.Control;
using Pump.Evidence.Conformance;
using Xunit;

namespace Pump.Evidence.Tests.Conformance
{
    /// <summary>
    /// The firmware table against the Stateless reference model written from the STM requirements.
    /// The long run (100,000 sequences) is `dotnet run --project tests/Pump.Evidence -c Release -- conformance`.
    /// </summary>
    public sealed class ConformanceTests
    {
        public const int DefaultRunSequences = 2_000;

        // Proves: STM-001, STM-002, STM-004, STM-005, STM-006, STM-007, STM-008, STM-009, STM-010, STM-011, STM-012, STM-013
        [Fact]
        public void Conformance_EveryPairUnderEveryGuardInput_FirmwareMatchesReferenceModel()
        {
            var found = ConformanceChecker.ForFirmware(Aspect.Behaviour).CheckAllPairs(out int pairs);

            Assert.Equal(PumpStates.Count * PumpTriggers.Count * GuardFacts.CombinationCount, pairs);
            Assert.True(found.Count == 0, found.Count + " disagreement(s):\n" + string.Join("\n", found.Take(10)));
        }

        // Proves: STM-005, STM-006, STM-009, STM-010, STM-011, STM-013
        [Fact]
        public void Conformance_EveryRejection_FirmwareShowsTheReasonTheRequirementsName()
        {
            var found = ConformanceChecker.ForFirmware(Aspect.BehaviourAndReason).CheckAllPairs(out _);

            Assert.True(found.Count == 0, found.Count + " disagreement(s):\n" + string.Join("\n", found.Take(10)));
        }

        // Proves: STM-001, STM-002, STM-003
        [Fact]
        public void Conformance_SeededRandomSequences_FirmwareMatchesReferenceModel()
        {
            Disagreement? found = ConformanceChecker.ForFirmware(Aspect.Behaviour)
                .CheckRandomSequences(seed: 1, sequences: DefaultRunSequences, maxLength: 60, out long steps);

            Assert.True(steps > DefaultRunSequences);
            Assert.True(found == null, "Shortest reproducing sequence:\n" + found);
        }

        [Fact]
        public void Checker_FirmwareThatNeverResumesFromPause_DisagreementShrunkToTwoSteps()
        {
            var checker = new ConformanceChecker(() => new NoResumeFromPause(), () => new ReferenceModel(), Aspect.Behaviour);

            Disagreement? found = checker.CheckRandomSequences(seed: 7, sequences: 20_000, maxLength: 60, out _);

            Assert.NotNull(found);
            // SelfTestPassed with an interrupted session leads to Paused; a permitted resume then differs.
            Assert.Equal(2, found!.Steps.Count);
            Assert.Equal(PumpTrigger.SelfTestPassed, found.Steps[0].Trigger);
            Assert.Equal(PumpTrigger.RequestResume, found.Steps[1].Trigger);
            Assert.Equal(GuardFacts.ToBits(new GuardInputs { SessionInterrupted = true }), GuardFacts.ToBits(found.Steps[0].Inputs));
        }

        [Fact]
        public void Checker_FirmwareThatIgnoresCompletion_ShortestLeadInIsResumeFromAnInterruptedSession()
        {
            var checker = new ConformanceChecker(() => new IgnoresCompletion(), () => new ReferenceModel(), Aspect.Behaviour);

            var ready = new GuardInputs
            {
                SyringeSecured = true, LinePrimed = true, LeaseHeld = true, BaselineAcceptable = true, SessionAllowed = true, DeviceHealthy = true,
                DrugSufficient = true, LineFreeOfPatient = true,
            };
            // The clinician's way there: program, start, pause, resume, then the volume ends.
            var longWay = new[]
            {
                new Step(PumpTrigger.SelfTestPassed, new GuardInputs()),
                new Step(PumpTrigger.BeginProgramming, ready),
                new Step(PumpTrigger.ConfirmProgram, ready),
                new Step(PumpTrigger.RequestStart, ready),
                new Step(PumpTrigger.RequestPause, ready),
                new Step(PumpTrigger.RequestResume, ready),
                new Step(PumpTrigger.InfusionComplete, ready),
            };
            Assert.NotNull(checker.Run(PumpState.SelfTest, longWay));

            Disagreement found = checker.Shrink(PumpState.SelfTest, longWay);

            // Infusing is two steps from SelfTest at the fewest (an interrupted session comes back Paused, then resumes).
            Assert.Equal(new[] { PumpTrigger.SelfTestPassed, PumpTrigger.RequestResume, PumpTrigger.InfusionComplete },
                found.Steps.Select(s => s.Trigger).ToArray());
            Assert.True(found.Steps[0].Inputs.SessionInterrupted);
        }

        [Fact]
        public void Checker_FirmwareWithWrongRefusalText_FoundByThePairCheck()
        {
            var checker = new ConformanceChecker(() => new WrongFailsafeText(), () => new ReferenceModel(), Aspect.BehaviourAndReason);

            var found = checker.CheckAllPairs(out _);

            Assert.Equal(ReferenceModel.ClinicianRequests.Count * GuardFacts.CombinationCount, found.Count(d => d.Start == PumpState.Failsafe));
        }

        // Proves: STM-010
        [Fact]
        public void ReferenceModel_Failsafe_NoTriggerLeavesIt()
        {
            var model = new ReferenceModel();
            foreach (PumpTrigger trigger in ReferenceModel.AllTriggers)
            {
                foreach (GuardInputs inputs in GuardFacts.AllCombinations())
                {
                    model.Reset(PumpState.Failsafe);
                    StepOutcome outcome = model.Fire(trigger, inputs);
                    Assert.Equal(PumpState.Failsafe, outcome.State);
                    Assert.Equal(ReferenceModel.IsClinicianRequest(trigger) ? OutcomeKind.Rejected : OutcomeKind.Ignored, outcome.Kind);
                }
            }
        }

        /// <summary>A deliberately wrong firmware: a permitted resume from Paused is ignored.</summary>
        private sealed class NoResumeFromPause : IStateBehaviour
        {
            private readonly FirmwareTableAdapter _inner = new FirmwareTableAdapter();

            public PumpState State => _inner.State;

            public void Reset(PumpState state) => _inner.Reset(state);

            public StepOutcome Fire(PumpTrigger trigger, GuardInputs inputs)
            {
                if (_inner.State == PumpState.Paused && trigger == PumpTrigger.RequestResume)
                {
                    return StepOutcome.Ignored(PumpState.Paused);
                }
                return _inner.Fire(trigger, inputs);
            }
        }

        /// <summary>A deliberately wrong firmware: the end of the volume does not end the infusion.</summary>
        private sealed class IgnoresCompletion : IStateBehaviour
        {
            private readonly FirmwareTableAdapter _inner = new FirmwareTableAdapter();

            public PumpState State => _inner.State;

            public void Reset(PumpState state) => _inner.Reset(state);

            public StepOutcome Fire(PumpTrigger trigger, GuardInputs inputs) =>
                _inner.State == PumpState.Infusing && trigger == PumpTrigger.InfusionComplete
                    ? StepOutcome.Ignored(PumpState.Infusing)
                    : _inner.Fire(trigger, inputs);
        }

        /// <summary>A deliberately wrong firmware: Failsafe refuses with the ordinary text.</summary>
        private sealed class WrongFailsafeText : IStateBehaviour
        {
            private readonly FirmwareTableAdapter _inner = new FirmwareTableAdapter();

            public PumpState State => _inner.State;

            public void Reset(PumpState state) => _inner.Reset(state);

            public StepOutcome Fire(PumpTrigger trigger, GuardInputs inputs)
            {
                StepOutcome outcome = _inner.Fire(trigger, inputs);
                return outcome.Kind == OutcomeKind.Rejected && outcome.State == PumpState.Failsafe
                    ? StepOutcome.Rejected(PumpState.Failsafe, ReferenceModel.NotAvailable)
                    : outcome;
            }
        }
    }
}
