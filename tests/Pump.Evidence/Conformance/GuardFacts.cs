using System;
using System.Collections.Generic;
using System.Text;
using Pump.Core.Control;
using Pump.Tests.Shared;

namespace Pump.Evidence.Conformance
{
    /// <summary>The twelve boolean guard facts as a bit set, so every combination can be enumerated.</summary>
    public static class GuardFacts
    {
        public const int CombinationCount = GuardInputCombinations.Count;

        public static GuardInputs FromBits(int bits) => GuardInputCombinations.FromBits(bits);

        public static int ToBits(GuardInputs inputs) => GuardInputCombinations.ToBits(inputs);

        public static IEnumerable<GuardInputs> AllCombinations() => GuardInputCombinations.All();

        public static bool ConditionHolds(string condition, GuardInputs inputs) => condition switch
        {
            ReferenceModel.Condition.SyringeSecured => inputs.SyringeSecured,
            ReferenceModel.Condition.LinePrimed => inputs.LinePrimed,
            ReferenceModel.Condition.DeviceHealthy => inputs.DeviceHealthy,
            ReferenceModel.Condition.SessionAllowed => inputs.SessionAllowed,
            ReferenceModel.Condition.LeaseHeld => inputs.LeaseHeld,
            ReferenceModel.Condition.BaselineAcceptable => inputs.BaselineAcceptable,
            ReferenceModel.Condition.NoVitalCondition => !inputs.VitalConditionActive,
            ReferenceModel.Condition.NoTechnicalCondition => !inputs.TechnicalConditionActive,
            ReferenceModel.Condition.LineFreeOfPatient => inputs.LineFreeOfPatient,
            ReferenceModel.Condition.DrugSufficient => inputs.DrugSufficient,
            ReferenceModel.Condition.TitrationPending => inputs.TitrationPending,
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "unknown condition"),
        };

        /// <summary>Compact description listing only the facts that are set.</summary>
        public static string Describe(GuardInputs inputs)
        {
            var text = new StringBuilder();
            void Add(bool set, string name)
            {
                if (set)
                {
                    text.Append(text.Length == 0 ? "" : ", ").Append(name);
                }
            }
            Add(inputs.SessionInterrupted, "interrupted");
            Add(inputs.SyringeSecured, "secured");
            Add(inputs.DeviceHealthy, "healthy");
            Add(inputs.LinePrimed, "primed");
            Add(inputs.LeaseHeld, "lease");
            Add(inputs.BaselineAcceptable, "baseline");
            Add(inputs.SessionAllowed, "allowed");
            Add(inputs.VitalConditionActive, "VITAL");
            Add(inputs.TechnicalConditionActive, "TECHNICAL");
            Add(inputs.LineFreeOfPatient, "line free");
            Add(inputs.DrugSufficient, "enough drug");
            Add(inputs.TitrationPending, "rate confirmed");
            return text.Length == 0 ? "no facts" : text.ToString();
        }
    }
}
