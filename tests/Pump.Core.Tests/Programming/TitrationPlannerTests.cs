using CsCheck;
using Pump.Core.Library;
using Pump.Core.Programming;
using Pump.Core.Units;
using Xunit;

namespace Pump.Core.Tests.Programming
{
    /// <summary>A new running rate, checked against the entry as programming checks a rate, with the program's totals kept.</summary>
    public sealed class TitrationPlannerTests
    {
        private const long MaxStepsPerSecond = 5000;

        private static (DrugEntry entry, SyringeCalibration cal, InfusionProgram programmed) Ketamine()
        {
            DrugEntry entry = ShippedLibrary.KetaminePsych40();
            SyringeCalibration cal = ProgrammingTestData.Bd60();
            // The default: 0.5 mg/kg over 40 min for 70 kg at 1 mg/mL, 0.75 mg/kg/h, 52.5 mL/h.
            ProgramResult r = InfusionProgrammer.ProgramWeightBased(entry, 1000, 70_000, 500, 2400, cal);
            Assert.Equal(ProgramOutcome.Accepted, r.Outcome);
            return (entry, cal, r.Program!);
        }

        private static ProgramResult Plan(long rate)
        {
            var (entry, cal, p) = Ketamine();
            return TitrationPlanner.Plan(entry, p, cal, rate, MaxStepsPerSecond);
        }

        // Proves: TIT-001, TIT-003
        [Fact]
        public void Plan_LowerDoseRate_KeepsEveryTotalAndSlowsTheSteps()
        {
            var (entry, cal, p) = Ketamine();
            ProgramResult r = TitrationPlanner.Plan(entry, p, cal, 500, MaxStepsPerSecond);
            Assert.Equal(ProgramOutcome.Accepted, r.Outcome);
            InfusionProgram t = r.Program!;
            Assert.Equal(p.TotalMicrosteps, t.TotalMicrosteps);
            Assert.Equal(p.VolumeNl, t.VolumeNl);
            Assert.Equal(p.TotalDoseUg, t.TotalDoseUg);
            Assert.Equal(p.DoseUgPerKg, t.DoseUgPerKg);
            Assert.Equal(p.DurationS, t.DurationS);   // the programmed duration; the program rebuilds from it
            Assert.Equal(500, t.RateUgPerKgPerH);
            Assert.Equal(35_000, t.RateUgPerH);
            Assert.Equal(35_000_000, t.RateNlPerH);
            // At 0.5 mg/kg/h the whole 0.5 mg/kg takes one hour.
            Assert.Equal(p.TotalMicrosteps, t.RateMicrosteps);
            Assert.Equal(InfusionProgram.MicrosecondsPerHour, t.RatePeriodUs);
        }

        // Proves: TIT-003, TIT-005
        [Fact]
        public void Plan_BackToTheProgrammedRate_GivesTheProgrammedScheduleExactly()
        {
            var (entry, cal, p) = Ketamine();
            Assert.Same(p, TitrationPlanner.Plan(entry, p, cal, p.RateUgPerKgPerH, MaxStepsPerSecond).Program);
        }

        // Proves: TIT-001
        [Theory]
        [InlineData(1_600, LimitKind.RateUgPerKgPerH, FindingReason.AboveHardMax, 1_500, "> HARD MAX 1.50")]
        [InlineData(200, LimitKind.DurationS, FindingReason.AboveHardMax, 7_200, "> HARD MAX 120min")]
        public void Plan_BeyondAHardLimit_RefusedNamingTheLimit(long rate, LimitKind kind, FindingReason reason, long limit, string line2)
        {
            ProgramResult r = Plan(rate);
            Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
            Assert.Null(r.Program);
            Finding f = r.GetFinding(0);
            Assert.Equal(kind, f.Kind);
            Assert.Equal(reason, f.Reason);
            Assert.Equal(limit, f.Limit);
            Assert.Equal(line2, f.Line2);
        }

        // Proves: TIT-001
        [Fact]
        public void Plan_AboveTheSoftMaxAndFasterThanTheSoftMinDuration_NeedsBothConfirmed()
        {
            ProgramResult r = Plan(1_200);
            Assert.Equal(ProgramOutcome.NeedsConfirmation, r.Outcome);
            Assert.NotNull(r.Program);
            Assert.Equal(2, r.FindingCount);
            Assert.Equal(LimitKind.RateUgPerKgPerH, r.GetFinding(0).Kind);
            Assert.Equal(FindingReason.AboveSoftMax, r.GetFinding(0).Reason);
            Assert.Equal(LimitKind.DurationS, r.GetFinding(1).Kind);
            Assert.Equal(FindingReason.BelowSoftMin, r.GetFinding(1).Reason);
        }

        // Proves: TIT-001, PRG-008
        [Theory]
        [InlineData(0, FindingReason.NotPositive)]
        [InlineData(-5, FindingReason.NotPositive)]
        [InlineData(TitrationPlanner.MaxRateUgPerKgPerH + 1, FindingReason.TooLarge)]
        public void Plan_ZeroNegativeOrOverRange_RefusedWithASpecificFinding(long rate, FindingReason reason)
        {
            ProgramResult r = Plan(rate);
            Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
            Assert.Equal(reason, r.GetFinding(0).Reason);
        }

        // Proves: TIT-001, PRG-011
        [Fact]
        public void Plan_PlainRateBeyondTheMechanism_RefusedNamingThePumpMaximum()
        {
            SyringeCalibration cal = ProgrammingTestData.Bd60();
            ProgramResult r = InfusionProgrammer.ProgramPlainRate(ShippedLibrary.NoDrug(), 10_000_000, 50_000_000, cal);
            InfusionProgram p = r.Program!;
            ProgramResult fast = TitrationPlanner.Plan(ShippedLibrary.NoDrug(), p, cal, 1_200_000_000, 1000);
            Assert.Equal(ProgramOutcome.Rejected, fast.Outcome);
            Assert.Equal(LimitKind.RateNlPerH, fast.GetFinding(0).Kind);
            Assert.True(fast.GetFinding(0).Limit < 1_200_000_000);
            ProgramResult slow = TitrationPlanner.Plan(ShippedLibrary.NoDrug(), p, cal, 5_000_000, MaxStepsPerSecond);
            Assert.Equal(p.TotalMicrosteps, slow.Program!.TotalMicrosteps);
            Assert.Equal(5_000_000, slow.Program.RateNlPerH);
            Assert.Equal(LimitKind.RateNlPerH, TitrationPlanner.RateKind(p));
        }

        // Proves: TIT-001, TIT-003
        [Fact]
        public void Plan_AnyRate_NeverThrowsAndAnAcceptedPlanKeepsTotalsWithinLimitsAndRoundsDown()
        {
            var (entry, cal, p) = Ketamine();
            Gen.OneOf(Gen.Long[-10, 3_000], Gen.Long).Sample(rate =>
            {
                ProgramResult r = TitrationPlanner.Plan(entry, p, cal, rate, MaxStepsPerSecond);
                if (r.Program == null)
                {
                    Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
                    Assert.True(r.FindingCount > 0);
                    return;
                }

                InfusionProgram t = r.Program;
                Assert.Equal(p.TotalMicrosteps, t.TotalMicrosteps);
                Assert.Equal(p.TotalDoseUg, t.TotalDoseUg);
                Assert.InRange(rate, entry.RateLimitsUgPerKgPerH.HardMin, entry.RateLimitsUgPerKgPerH.HardMax);
                // The step rate never exceeds the exact one (Total x rate / dose per hour).
                Assert.True((System.Numerics.BigInteger)t.RateMicrosteps * p.DoseUgPerKg * InfusionProgram.MicrosecondsPerHour
                    <= (System.Numerics.BigInteger)p.TotalMicrosteps * rate * t.RatePeriodUs);
            }, iter: 2000);
        }
    }
}
