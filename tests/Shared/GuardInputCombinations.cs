using System.Collections.Generic;
using Pump.Core.Control;

namespace Pump.Tests.Shared
{
    /// <summary>
    /// The twelve boolean guard facts as a 12-bit set, so tests can enumerate every combination. One source file
    /// compiled into both the core tests and the evidence library, so the bit order cannot drift between them.
    /// </summary>
    internal static class GuardInputCombinations
    {
        public const int Count = 4096;

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
            LineFreeOfPatient = (bits & 512) != 0,
            DrugSufficient = (bits & 1024) != 0,
            TitrationPending = (bits & 2048) != 0,
        };

        public static int ToBits(GuardInputs inputs) =>
            (inputs.SessionInterrupted ? 1 : 0) | (inputs.SyringeSecured ? 2 : 0) | (inputs.LinePrimed ? 4 : 0)
            | (inputs.LeaseHeld ? 8 : 0) | (inputs.BaselineAcceptable ? 16 : 0) | (inputs.SessionAllowed ? 32 : 0)
            | (inputs.VitalConditionActive ? 64 : 0) | (inputs.TechnicalConditionActive ? 128 : 0)
            | (inputs.DeviceHealthy ? 256 : 0) | (inputs.LineFreeOfPatient ? 512 : 0) | (inputs.DrugSufficient ? 1024 : 0)
            | (inputs.TitrationPending ? 2048 : 0);

        public static IEnumerable<GuardInputs> All()
        {
            for (int bits = 0; bits < Count; bits++)
            {
                yield return FromBits(bits);
            }
        }
    }
}
