using System;
using System.Collections.Generic;
using Pump.Core.Control;

namespace Pump.Evidence.Conformance
{
    /// <summary>
    /// The conformance run one level lower (issue 11): both machines get the RAW situation; the firmware computes the
    /// guard facts through <see cref="GuardReader.Derive"/>, the reference model through its own
    /// <see cref="SpecGuardFacts"/>, and the outcomes (state, moved/ignored/rejected, refusal reason) are compared.
    /// A bug in how the firmware computes a guard input therefore fails this run, not only a bug in the table.
    /// </summary>
    public sealed class RawSituationChecker
    {
        /// <summary>How the firmware turns a raw situation into guard facts (the real one, or a deliberately broken one in tests).</summary>
        public delegate GuardInputs Derivation(PumpTrigger trigger, GuardSituation situation);

        private readonly Derivation _firmwareDerive;

        public RawSituationChecker(Derivation firmwareDerive)
        {
            _firmwareDerive = firmwareDerive;
        }

        public static RawSituationChecker ForFirmware() => new RawSituationChecker((t, s) => GuardReader.Derive(t, ref s));

        /// <summary>Every (state, trigger) pair under every sample of <see cref="RawSituations.Samples"/>; all disagreements.</summary>
        public IReadOnlyList<string> CheckAllPairs(out int checkedCount)
        {
            var found = new List<string>();
            var firmware = new FirmwareTableAdapter();
            var model = new ReferenceModel();
            checkedCount = 0;
            foreach (RawSample sample in RawSituations.Samples())
            {
                foreach (PumpTrigger trigger in ReferenceModel.AllTriggers)
                {
                    foreach (PumpState state in ReferenceModel.AllStates)
                    {
                        checkedCount++;
                        firmware.Reset(state);
                        model.Reset(state);
                        string? detail = Step(firmware, model, trigger, sample);
                        if (detail != null)
                        {
                            found.Add($"{state} --{trigger}--> {detail}");
                        }
                    }
                }
            }
            return found;
        }

        /// <summary>Seeded random sequences of (trigger, random raw situation) from SelfTest; the first disagreement or null.</summary>
        public string? CheckRandomSequences(int seed, int sequences, int maxLength, out long stepsRun)
        {
            var random = new Random(seed);
            stepsRun = 0;
            for (int n = 0; n < sequences; n++)
            {
                var firmware = new FirmwareTableAdapter();
                var model = new ReferenceModel();
                int length = 1 + random.Next(maxLength);
                for (int i = 0; i < length; i++)
                {
                    stepsRun++;
                    PumpState before = model.State;
                    PumpTrigger trigger = (PumpTrigger)random.Next(PumpTriggers.Count);
                    string? detail = Step(firmware, model, trigger, RawSituations.Random(random));
                    if (detail != null)
                    {
                        return $"sequence {n + 1}, step {i + 1}: {before} --{trigger}--> {detail}";
                    }
                }
            }
            return null;
        }

        private string? Step(FirmwareTableAdapter firmware, ReferenceModel model, PumpTrigger trigger, RawSample sample)
        {
            GuardInputs modelFacts = SpecGuardFacts.From(trigger, sample.Situation);
            StepOutcome f = firmware.Fire(trigger, _firmwareDerive(trigger, sample.Situation));
            StepOutcome m = model.Fire(trigger, sample.Situation);
            if (f.State != m.State || f.Kind != m.Kind)
            {
                return $"firmware {f}, model {m} [{sample.Changes}]";
            }
            if (f.Kind == OutcomeKind.Rejected && !ConformanceChecker.ReasonAgrees(trigger, modelFacts, f.Reason, m.Reason))
            {
                return $"firmware reason \"{f.Reason}\", model reason \"{m.Reason}\" [{sample.Changes}]";
            }
            return null;
        }
    }
}
