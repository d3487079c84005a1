using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Pump.Core.Control;

namespace Pump.Evidence.Conformance
{
    /// <summary>One step of a conformance sequence: a trigger and the guard facts at that moment.</summary>
    public readonly struct Step
    {
        public Step(PumpTrigger trigger, GuardInputs inputs)
        {
            Trigger = trigger;
            Inputs = inputs;
        }

        public PumpTrigger Trigger { get; }
        public GuardInputs Inputs { get; }

        public override string ToString() => $"{Trigger} [{GuardFacts.Describe(Inputs)}]";
    }

    /// <summary>What is compared between the two machines.</summary>
    public enum Aspect
    {
        /// <summary>State after the step, motor permission, and moved/ignored/rejected.</summary>
        Behaviour,
        /// <summary>Behaviour, and also the refusal reason shown on the panel.</summary>
        BehaviourAndReason,
    }

    /// <summary>A found disagreement, with the (shrunk) sequence from SelfTest that reproduces it.</summary>
    public sealed class Disagreement
    {
        public Disagreement(PumpState start, IReadOnlyList<Step> steps, string detail)
        {
            Start = start;
            Steps = steps;
            Detail = detail;
        }

        public PumpState Start { get; }
        public IReadOnlyList<Step> Steps { get; }
        public string Detail { get; }

        public override string ToString()
        {
            var text = new StringBuilder();
            text.AppendLine($"Disagreement after {Steps.Count} step(s) from {Start}: {Detail}");
            for (int i = 0; i < Steps.Count; i++)
            {
                text.AppendLine($"  {i + 1}. {Steps[i]}");
            }
            return text.ToString();
        }
    }

    /// <summary>
    /// Runs the firmware table and the reference model side by side (DESIGN.md D6) and reports the
    /// first disagreement, shrunk to the shortest sequence that still reproduces its failing step.
    /// </summary>
    public sealed class ConformanceChecker
    {
        private readonly Func<IStateBehaviour> _newFirmware;
        private readonly Func<IStateBehaviour> _newModel;
        private readonly Aspect _aspect;

        public ConformanceChecker(Func<IStateBehaviour> newFirmware, Func<IStateBehaviour> newModel, Aspect aspect)
        {
            _newFirmware = newFirmware;
            _newModel = newModel;
            _aspect = aspect;
        }

        public static ConformanceChecker ForFirmware(Aspect aspect) =>
            new ConformanceChecker(() => new FirmwareTableAdapter(), () => new ReferenceModel(), aspect);

        /// <summary>Every (state, trigger) pair under all 2^9 guard-input combinations. Returns all disagreements.</summary>
        public IReadOnlyList<Disagreement> CheckAllPairs(out int pairsChecked)
        {
            var found = new List<Disagreement>();
            IStateBehaviour firmware = _newFirmware();
            IStateBehaviour model = _newModel();
            pairsChecked = 0;
            foreach (PumpState state in ReferenceModel.AllStates)
            {
                foreach (PumpTrigger trigger in ReferenceModel.AllTriggers)
                {
                    foreach (GuardInputs inputs in GuardFacts.AllCombinations())
                    {
                        pairsChecked++;
                        var step = new Step(trigger, inputs);
                        firmware.Reset(state);
                        model.Reset(state);
                        string? detail = Compare(state, step, firmware.Fire(trigger, inputs), model.Fire(trigger, inputs));
                        if (detail != null)
                        {
                            found.Add(new Disagreement(state, new[] { step }, detail));
                        }
                    }
                }
            }
            return found;
        }

        /// <summary>Seeded random sequences from SelfTest; returns the first disagreement (shrunk) or null.</summary>
        public Disagreement? CheckRandomSequences(int seed, int sequences, int maxLength, out long stepsRun)
        {
            var random = new Random(seed);
            stepsRun = 0;
            for (int n = 0; n < sequences; n++)
            {
                int length = 1 + random.Next(maxLength);
                var steps = new Step[length];
                for (int i = 0; i < length; i++)
                {
                    steps[i] = new Step((PumpTrigger)random.Next(PumpTriggers.Count), GuardFacts.FromBits(random.Next(GuardFacts.CombinationCount)));
                }
                stepsRun += length;
                if (Run(PumpState.SelfTest, steps) != null)
                {
                    return Shrink(PumpState.SelfTest, steps);
                }
            }
            return null;
        }

        /// <summary>Runs a sequence on fresh machines; the first disagreement's description, or null.</summary>
        public string? Run(PumpState start, IReadOnlyList<Step> steps)
        {
            IStateBehaviour firmware = _newFirmware();
            IStateBehaviour model = _newModel();
            firmware.Reset(start);
            model.Reset(start);
            for (int i = 0; i < steps.Count; i++)
            {
                PumpState before = model.State;
                string? detail = Compare(before, steps[i], firmware.Fire(steps[i].Trigger, steps[i].Inputs), model.Fire(steps[i].Trigger, steps[i].Inputs));
                if (detail != null)
                {
                    return $"step {i + 1}: {detail}";
                }
            }
            return null;
        }

        /// <summary>
        /// Shrinks a failing sequence: removes steps (chunks, then single steps) while it still fails,
        /// then clears every guard fact whose clearing keeps it failing.
        /// </summary>
        public Disagreement Shrink(PumpState start, IReadOnlyList<Step> failing)
        {
            var current = failing.ToList();
            if (Run(start, current) == null)
            {
                throw new ArgumentException("The sequence does not fail.", nameof(failing));
            }
            // A disagreement at step k does not need the steps after k.
            current = TruncateAfterFailure(start, current);
            bool progress = true;
            while (progress)
            {
                progress = false;
                for (int chunk = Math.Max(1, current.Count / 2); chunk >= 1; chunk /= 2)
                {
                    for (int i = 0; i + chunk <= current.Count;)
                    {
                        var candidate = current.Take(i).Concat(current.Skip(i + chunk)).ToList();
                        if (candidate.Count > 0 && Run(start, candidate) != null)
                        {
                            current = TruncateAfterFailure(start, candidate);
                            progress = true;
                        }
                        else
                        {
                            i++;
                        }
                    }
                }
            }
            // Clear guard facts one at a time where the failure remains, so the report shows only the facts that matter.
            for (int i = 0; i < current.Count; i++)
            {
                for (int bit = 1; bit < GuardFacts.CombinationCount; bit <<= 1)
                {
                    int bits = GuardFacts.ToBits(current[i].Inputs);
                    if ((bits & bit) == 0)
                    {
                        continue;
                    }
                    var candidate = current.ToList();
                    candidate[i] = new Step(current[i].Trigger, GuardFacts.FromBits(bits & ~bit));
                    if (Run(start, candidate) != null)
                    {
                        current = candidate;
                    }
                }
            }
            current = ShortestLeadIn(start, current);
            return new Disagreement(start, current, Run(start, current)!);
        }

        /// <summary>
        /// Both machines' whole state is their PumpState (they can be reset to any state and agree after every step
        /// but the last), so the shortest sequence reproducing the failing last step is a breadth-first shortest
        /// path over agreeing transitions to the state it fails in, plus that step. Guard facts on the path are
        /// the fewest that take each transition.
        /// </summary>
        private List<Step> ShortestLeadIn(PumpState start, List<Step> failing)
        {
            IStateBehaviour walker = _newModel();
            walker.Reset(start);
            for (int i = 0; i < failing.Count - 1; i++)
            {
                walker.Fire(failing[i].Trigger, failing[i].Inputs);
            }
            PumpState target = walker.State;

            var cameFrom = new Dictionary<PumpState, (PumpState From, Step Step)>();
            var queue = new Queue<PumpState>();
            queue.Enqueue(start);
            var visited = new HashSet<PumpState> { start };
            IStateBehaviour firmware = _newFirmware();
            IStateBehaviour model = _newModel();
            while (queue.Count > 0 && !visited.Contains(target))
            {
                PumpState state = queue.Dequeue();
                foreach (PumpTrigger trigger in ReferenceModel.AllTriggers)
                {
                    foreach (GuardInputs inputs in FewestFactsFirst)
                    {
                        var step = new Step(trigger, inputs);
                        firmware.Reset(state);
                        model.Reset(state);
                        if (Compare(state, step, firmware.Fire(trigger, inputs), model.Fire(trigger, inputs)) == null && visited.Add(model.State))
                        {
                            cameFrom[model.State] = (state, step);
                            queue.Enqueue(model.State);
                        }
                    }
                }
            }
            if (!visited.Contains(target))
            {
                return failing;
            }
            var path = new List<Step>();
            for (PumpState at = target; at != start; at = cameFrom[at].From)
            {
                path.Insert(0, cameFrom[at].Step);
            }
            path.Add(failing[failing.Count - 1]);
            return path.Count < failing.Count && Run(start, path) != null ? path : failing;
        }

        private static readonly IReadOnlyList<GuardInputs> FewestFactsFirst = Enumerable.Range(0, GuardFacts.CombinationCount)
            .OrderBy(bits => System.Numerics.BitOperations.PopCount((uint)bits)).ThenBy(bits => bits)
            .Select(GuardFacts.FromBits).ToList();

        private List<Step> TruncateAfterFailure(PumpState start, List<Step> steps)
        {
            for (int k = 1; k <= steps.Count; k++)
            {
                var prefix = steps.Take(k).ToList();
                if (Run(start, prefix) != null)
                {
                    return prefix;
                }
            }
            return steps;
        }

        private string? Compare(PumpState before, Step step, StepOutcome firmware, StepOutcome model)
        {
            if (firmware.State != model.State)
            {
                return $"{before} --{step.Trigger}--> firmware {firmware}, model {model}";
            }
            if (PumpStates.MotorPermitted(firmware.State) != ReferenceModel.MotorPermitted(model.State))
            {
                return $"motor permission differs in {firmware.State}";
            }
            if (FirmwareTraits(firmware.State) != ReferenceModel.Traits(model.State))
            {
                return $"state traits differ in {firmware.State}";
            }
            if (firmware.Kind != model.Kind)
            {
                return $"{before} --{step.Trigger}--> firmware {firmware}, model {model}";
            }
            if (_aspect == Aspect.BehaviourAndReason && firmware.Kind == OutcomeKind.Rejected
                && !ReasonAgrees(step.Trigger, step.Inputs, firmware.Reason, model.Reason))
            {
                return $"{before} --{step.Trigger}--> firmware reason \"{firmware.Reason}\", model reason \"{model.Reason}\"";
            }
            return null;
        }

        /// <summary>
        /// The panel text the firmware should show for a model condition. STM-005 fixes the order of the
        /// start conditions, so RequestStart must report exactly the first unmet one; STM-006 does not fix an
        /// order for resume, so any unmet condition is a correct reason there.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> PanelTextOfCondition = new Dictionary<string, string>
        {
            [ReferenceModel.Condition.SyringeSecured] = "SYRINGE NOT SECURED",
            [ReferenceModel.Condition.LinePrimed] = "PRIME LINE FIRST",
            [ReferenceModel.Condition.DeviceHealthy] = "DEVICE FAULT",
            [ReferenceModel.Condition.SessionAllowed] = "SESSION LIMIT",
            [ReferenceModel.Condition.LeaseHeld] = "NO VALID VITALS",
            [ReferenceModel.Condition.BaselineAcceptable] = "BASELINE NOT OK",
            [ReferenceModel.Condition.NoVitalCondition] = "VITALS OUT OF RANGE",
            [ReferenceModel.Condition.NoTechnicalCondition] = "ALARM CAUSE PRESENT",
            [ReferenceModel.Condition.LineFreeOfPatient] = "DISCONNECT LINE",
            [ReferenceModel.Condition.DrugSufficient] = "TOO LITTLE DRUG",
            [ReferenceModel.Condition.TitrationPending] = "RATE NOT CONFIRMED",
        };

        /// <summary>The firmware's declared traits of a state as a bit set (StateTraits rows).</summary>
        public static int FirmwareTraits(PumpState state)
        {
            int bits = 0;
            for (int i = 0; i < StateTraits.Count; i++)
            {
                if (StateTraits.Has(state, StateTraits.At(i)))
                {
                    bits |= StateTraits.At(i);
                }
            }
            return bits;
        }

        /// <summary>Whether the firmware's refusal text is one the requirements allow for the model's unmet condition.</summary>
        public static bool ReasonAgrees(PumpTrigger trigger, GuardInputs inputs, string firmwareReason, string modelReason)
        {
            if (inputs.LinkRefusal != null && firmwareReason == inputs.LinkRefusal
                && (modelReason == ReferenceModel.Condition.LeaseHeld || trigger == PumpTrigger.RequestResume))
            {
                return true; // LNK-016: a link refusing frames is named instead of the missing vitals
            }
            if (!PanelTextOfCondition.TryGetValue(modelReason, out string? expected))
            {
                return firmwareReason == modelReason; // STM-013 / STM-010 fixed texts
            }
            if (trigger != PumpTrigger.RequestResume)
            {
                return firmwareReason == expected;
            }
            return PanelTextOfCondition.Any(kv => kv.Value == firmwareReason && !GuardFacts.ConditionHolds(kv.Key, inputs));
        }
    }
}
