using System;
using System.Collections.Generic;
using System.Text;
using Pump.Core.Control;

namespace Pump.Evidence.Conformance
{
    /// <summary>The nine boolean guard facts as a bit set, so every combination can be enumerated.</summary>
    public static class GuardFacts
    {
        public const int CombinationCount = 512;

        public static GuardInputs FromBits(int bits) => new GuardInputs
        {
            SessionInterrupted = (bits & 1) != 0,
            SyringeSecured = (bits & 2) != 0,
            LinePrimed = (bits & 4) != 0,
            LeaseHeld = (bits & 8) != 0,
            BaselineAcceptable = (bits & 16) != 0,
            SessionAllowed = (bits & 32) != 0,
            VitalConditionActive = (bits & 64) != 0,
            TechnicalConditionActive = (bits & 128) != 0,
            DeviceHealthy = (bits & 256) != 0,
        };

        public static int ToBits(GuardInputs inputs) =>
            (inputs.SessionInterrupted ? 1 : 0) | (inputs.SyringeSecured ? 2 : 0) | (inputs.LinePrimed ? 4 : 0)
            | (inputs.LeaseHeld ? 8 : 0) | (inputs.BaselineAcceptable ? 16 : 0) | (inputs.SessionAllowed ? 32 : 0)
            | (inputs.VitalConditionActive ? 64 : 0) | (inputs.TechnicalConditionActive ? 128 : 0)
            | (inputs.DeviceHealthy ? 256 : 0);

        public static IEnumerable<GuardInputs> AllCombinations()
        {
            for (int bits = 0; bits < CombinationCount; bits++)
            {
                yield return FromBits(bits);
            }
        }

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
            return text.Length == 0 ? "no facts" : text.ToString();
        }
    }
}
