using CsCheck;
using Pump.Core.Library;
using Pump.Core.Programming;
using Pump.Core.Units;
using Pump.LibraryTool.Review;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    /// <summary>The review's rate ranges hold for what the pump's own programming accepts.</summary>
    public sealed class RateRangeTests
    {
        private static SyringeCalibration Bd60()
        {
            Assert.True(SyringeTable.TryFind(105, out SyringeSpec? spec));
            Assert.True(SyringeCalibration.TryCreate(spec!, Mechanism.Reference, out SyringeCalibration? cal));
            return cal!;
        }

        // Proves: LIB-013
        [Fact]
        public void Ketamine_EveryProgramThePumpAllows_HasItsRateInsideTheReportedRange()
        {
            DrugEntry k = ShippedLibrary.KetaminePsych40();
            SyringeCalibration bd60 = Bd60();
            long[] weights = [k.WeightLimitsG.HardMin, k.WeightLimitsG.HardMax];
            int allowed = 0;
            Gen.Select(Gen.Int[0, 1], Gen.Int[0, k.ConcentrationsUgPerMl.Length - 1], Gen.Long[0, 1200], Gen.Long[600, 8000]).Sample((w, c, dose, duration) =>
            {
                long weight = weights[w];
                ProgramResult r = InfusionProgrammer.ProgramWeightBased(k, k.ConcentrationsUgPerMl[c], weight, dose, duration, bd60);
                if (r.Outcome == ProgramOutcome.Rejected)
                {
                    return;
                }

                System.Threading.Interlocked.Increment(ref allowed);
                bool soft = r.Outcome == ProgramOutcome.Accepted;
                var range = RateRange.For(k, weight, hard: !soft)!.Value;
                long rate = r.Program!.RateNlPerH;
                Assert.InRange(rate, (long)range.LowNlPerH - 1, (long)System.Math.Ceiling(range.HighNlPerH));
            }, iter: 4000);
            Assert.True(allowed > 100, "only " + allowed + " programs were allowed; the sample does not exercise the range");
        }

        // Proves: LIB-013
        [Fact]
        public void Ketamine_ReportedHighestRate_IsReachedByAProgramThePumpAllows()
        {
            DrugEntry k = ShippedLibrary.KetaminePsych40();
            // Lightest patient, weakest concentration, 1 mg/kg over 40 min: 30 mg at 45 mg/h = 45 mL/h, the hard maximum reported.
            ProgramResult r = InfusionProgrammer.ProgramWeightBased(k, 1000, k.WeightLimitsG.HardMin, 1000, 2400, Bd60());
            Assert.NotEqual(ProgramOutcome.Rejected, r.Outcome);
            Assert.Equal((long)RateRange.For(k, k.WeightLimitsG.HardMin, hard: true)!.Value.HighNlPerH, r.Program!.RateNlPerH);
        }
    }
}
