using System.Numerics;
using CsCheck;
using Pump.Core.Library;
using Pump.Core.Programming;
using Pump.Core.Units;
using Xunit;

namespace Pump.Core.Tests.Programming
{
    public sealed class ProgrammingPropertyTests
    {
        private static readonly Gen<long> AnyLong = Gen.OneOf(Gen.Long, Gen.Long[-10, 10], Gen.Long[1, 2000000], Gen.Long[1, 1000000000000L]);

        private static void AssertWellFormed(ProgramResult r)
        {
            // Exactly one outcome, consistent with the findings and the program.
            switch (r.Outcome)
            {
                case ProgramOutcome.Accepted:
                    Assert.Equal(0, r.FindingCount);
                    Assert.NotNull(r.Program);
                    break;
                case ProgramOutcome.NeedsConfirmation:
                    Assert.InRange(r.FindingCount, 1, ProgramResult.MaxFindings);
                    Assert.NotNull(r.Program);
                    break;
                case ProgramOutcome.Rejected:
                    Assert.InRange(r.FindingCount, 1, ProgramResult.MaxFindings);
                    Assert.Null(r.Program);
                    break;
                default:
                    Assert.Fail("unknown outcome");
                    break;
            }

            char[] line = new char[Finding.PanelLineChars];
            for (int i = 0; i < r.FindingCount; i++)
            {
                Finding f = r.GetFinding(i);
                Assert.Equal(r.Outcome == ProgramOutcome.NeedsConfirmation, f.IsSoft);
                Assert.InRange(f.WriteLine1(line, 0), 2, Finding.PanelLineChars);
                Assert.InRange(f.WriteLine2(line, 0), 2, Finding.PanelLineChars);
                Assert.False(string.IsNullOrEmpty(f.ToLongString()));
            }
        }

        // Proves: PRG-004
        // Proves: PRG-008
        // Proves: PRG-009
        [Fact]
        public void Ketamine_AnyInputs_NeverThrowsAndOneWellFormedOutcome()
        {
            Gen.Select(Gen.Int[-10, 3000000], AnyLong, AnyLong, AnyLong, Gen.Int[0, SyringeTable.Count - 1]).Sample((conc, weight, dose, duration, syringe) =>
            {
                SyringeCalibration cal = ProgrammingTestData.Syringe(SyringeTable.GetAt(syringe).Id);
                AssertWellFormed(InfusionProgrammer.ProgramWeightBased(ShippedLibrary.KetaminePsych40(), conc, weight, dose, duration, cal));
            }, iter: 20000);
        }

        // Proves: PRG-004
        // Proves: PRG-008
        [Fact]
        public void NoDrug_AnyInputs_NeverThrowsAndOneWellFormedOutcome()
        {
            Gen.Select(AnyLong, AnyLong, Gen.Int[0, SyringeTable.Count - 1]).Sample((rate, volume, syringe) =>
            {
                SyringeCalibration cal = ProgrammingTestData.Syringe(SyringeTable.GetAt(syringe).Id);
                AssertWellFormed(InfusionProgrammer.ProgramPlainRate(ShippedLibrary.NoDrug(), rate, volume, cal));
            }, iter: 20000);
        }

        // Proves: PRG-008
        [Fact]
        public void WideOpenEntry_AnyInputWithinCaps_ArithmeticNeverOutOfRange()
        {
            var gen = Gen.Select(Gen.Int[1, LibraryChecks.MaxConcentrationUgPerMl], Gen.Long[1, InfusionProgrammer.MaxWeightG],
                Gen.Long[1, InfusionProgrammer.MaxDoseUgPerKg], Gen.Long[1, InfusionProgrammer.MaxDurationS], Gen.Int[0, SyringeTable.Count - 1]);
            gen.Sample((conc, weight, dose, duration, syringe) =>
            {
                SyringeCalibration cal = ProgrammingTestData.Syringe(SyringeTable.GetAt(syringe).Id);
                ProgramResult r = InfusionProgrammer.ProgramWeightBased(ProgrammingTestData.WideOpenWeightBased(new[] { conc }),
                    conc, weight, dose, duration, cal);
                AssertWellFormed(r);
                for (int i = 0; i < r.FindingCount; i++)
                {
                    Assert.NotEqual(FindingReason.TooLarge, r.GetFinding(i).Reason);
                }
            }, iter: 20000);
        }

        // Proves: PRG-003
        [Fact]
        public void WideOpenEntry_AnyProgramThatFits_DeliveredNeverExceedsPrescribed()
        {
            // Inputs kept to at most 200 mL so the program fits a 250 mL test bore and is computed.
            var gen = Gen.Select(Gen.Int[10000, LibraryChecks.MaxConcentrationUgPerMl], Gen.Long[1, 200000],
                Gen.Long[1, 10000], Gen.Long[1, InfusionProgrammer.MaxDurationS]);
            var bore = new SyringeSpec(1, "TEST 250", 250000000L, 40000, 200000, "test bore");
            Assert.True(SyringeCalibration.TryCreate(bore, Mechanism.Reference, out SyringeCalibration? calibration));
            gen.Sample((conc, weight, dose, duration) =>
            {
                DrugEntry entry = ProgrammingTestData.WideOpenWeightBased(new[] { conc });
                ProgramResult r = InfusionProgrammer.ProgramWeightBased(entry, conc, weight, dose, duration, calibration!);
                if (r.Program == null)
                {
                    // Only a volume below one microstep may be refused here.
                    Assert.Equal(FindingReason.NotPositive, r.GetFinding(0).Reason);
                    return;
                }

                InfusionProgram p = r.Program;
                Assert.True((BigInteger)p.TotalDoseUg * 1000 <= (BigInteger)dose * weight); // dose never rounds up
                Assert.True((BigInteger)p.VolumeNl * conc <= (BigInteger)p.TotalDoseUg * 1000000); // volume x conc <= dose
                Assert.True((BigInteger)p.RateNlPerH * duration <= (BigInteger)p.VolumeNl * 3600);
                Assert.True((BigInteger)p.RateUgPerKgPerH * duration <= (BigInteger)dose * 3600);
                Assert.True((BigInteger)p.TotalMicrosteps * calibration!.MicrostepsPerNlDenominator
                    <= (BigInteger)p.VolumeNl * calibration.MicrostepsPerNlNumerator);
                Assert.Equal((BigInteger)duration * 1000000, (BigInteger)p.RatePeriodUs);
            }, iter: 20000);
        }

        // Proves: UNT-005
        // Proves: PRG-001
        [Fact]
        public void Schedule_LargestPossibleOperands_FitExactRatioArithmetic()
        {
            // The delivery engine computes step n's due time as floor(n * RatePeriodUs / RateMicrosteps);
            // with both operands below 2^54, Ratio.TryMulDivFloor does it exactly for any n.
            long maxPeriodUs = InfusionProgrammer.MaxDurationS * InfusionProgrammer.MicrosecondsPerSecond;
            Assert.True(maxPeriodUs < Ratio.MaxOperand);
            long maxTravelMicrosteps = (long)SyringeSpec.MaxUsableTravelUm * Mechanism.MaxMicrostepsPerRev / Mechanism.MinLeadUm;
            Assert.True(maxTravelMicrosteps < Ratio.MaxOperand);
            Assert.True(Ratio.TryMulDivFloor(maxTravelMicrosteps, maxPeriodUs, maxTravelMicrosteps, out long lastDueUs));
            Assert.Equal(maxPeriodUs, lastDueUs);
        }
    }
}
