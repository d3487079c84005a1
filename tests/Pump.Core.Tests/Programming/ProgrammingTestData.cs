using Pump.Core.Library;
using Pump.Core.Units;
using Xunit;

namespace Pump.Core.Tests.Programming
{
    internal static class ProgrammingTestData
    {
        public static SyringeCalibration Syringe(int id)
        {
            Assert.True(SyringeTable.TryFind(id, out SyringeSpec? spec));
            Assert.True(SyringeCalibration.TryCreate(spec!, Mechanism.Reference, out SyringeCalibration? cal));
            return cal!;
        }

        public static SyringeCalibration Bd60()
        {
            return Syringe(105);
        }

        /// <summary>A weight-based entry whose limits never trigger, so every input reaches the arithmetic.</summary>
        public static DrugEntry WideOpenWeightBased(int[] concentrations)
        {
            var limits = new Limits[DrugEntry.StoredLimitCount];
            for (int k = 0; k < limits.Length; k++)
            {
                limits[k] = new Limits(0, 0, Limits.Unlimited, Limits.Unlimited);
            }

            return new DrugEntry(99, "WIDE OPEN", DoseMode.WeightBasedTotalOverDuration, false, concentrations, concentrations[0],
                1, 1, 0, limits, 0);
        }
    }
}
