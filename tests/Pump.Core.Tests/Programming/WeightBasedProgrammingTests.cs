using System.Numerics;
using Pump.Core.Library;
using Pump.Core.Programming;
using Pump.Core.Units;
using Xunit;

namespace Pump.Core.Tests.Programming
{
    public sealed class WeightBasedProgrammingTests
    {
        private static ProgramResult Ketamine(long weightG, long doseUgPerKg, long durationS, int concUgPerMl = 1000, SyringeCalibration? syringe = null)
        {
            return InfusionProgrammer.ProgramWeightBased(ShippedLibrary.KetaminePsych40(), concUgPerMl, weightG, doseUgPerKg, durationS,
                syringe ?? ProgrammingTestData.Bd60());
        }

        private static Finding Only(ProgramResult r)
        {
            Assert.Equal(1, r.FindingCount);
            return r.GetFinding(0);
        }

        // Proves: PRG-001
        [Theory]
        [InlineData(60000L, 45000000L, 30000000L, 30000L)] // 60 kg: 45 mL/h, 30 mL
        [InlineData(70000L, 52500000L, 35000000L, 35000L)] // 70 kg: 52.5 mL/h, 35 mL
        [InlineData(100000L, 75000000L, 50000000L, 50000L)] // 100 kg: 75 mL/h, 50 mL
        public void Ketamine_ClinicalWorkedExamples_ExactRateVolumeAndSchedule(long weightG, long rateNlPerH, long volumeNl, long totalDoseUg)
        {
            SyringeCalibration bd60 = ProgrammingTestData.Bd60();
            ProgramResult r = Ketamine(weightG, 500, 2400, 1000, bd60); // 0.5 mg/kg over 40 min at 1 mg/mL
            Assert.Equal(ProgramOutcome.Accepted, r.Outcome);
            Assert.Equal(0, r.FindingCount);
            InfusionProgram p = r.Program!;
            Assert.Equal(rateNlPerH, p.RateNlPerH);
            Assert.Equal(rateNlPerH / 1000, p.RateUlPerH);
            Assert.Equal(volumeNl, p.VolumeNl);
            Assert.Equal(totalDoseUg, p.TotalDoseUg);
            Assert.Equal(750, p.RateUgPerKgPerH); // 0.75 mg/kg/h
            Assert.Equal(totalDoseUg * 3 / 2, p.RateUgPerH);
            Assert.Equal(2400, p.DurationS);
            Assert.Equal(ShippedLibrary.KetaminePsych40Id, p.DrugId);
            Assert.Equal(DoseMode.WeightBasedTotalOverDuration, p.Mode);
            Assert.Equal(105, p.SyringeId);

            // Delivery: TotalMicrosteps over the whole duration, rounded down from the exact ratio.
            BigInteger exactNumerator = (BigInteger)volumeNl * bd60.MicrostepsPerNlNumerator;
            Assert.Equal(exactNumerator / bd60.MicrostepsPerNlDenominator, (BigInteger)p.TotalMicrosteps);
            Assert.Equal(p.TotalMicrosteps, p.RateMicrosteps);
            Assert.Equal(2400L * 1000000L, p.RatePeriodUs);
        }

        // Proves: PRG-001
        [Fact]
        public void Ketamine_70kgAt2MgPerMl_HalfTheVolumeAndRate()
        {
            ProgramResult r = Ketamine(70000, 500, 2400, 2000);
            Assert.Equal(ProgramOutcome.Accepted, r.Outcome);
            Assert.Equal(17500000, r.Program!.VolumeNl); // 17.5 mL
            Assert.Equal(26250000, r.Program.RateNlPerH); // 26.25 mL/h
        }

        // Proves: PRG-004
        // Proves: PRG-009
        [Fact]
        public void Ketamine_DoseAboveHardMax_RejectedWithPanelAndLogText()
        {
            ProgramResult r = Ketamine(70000, 1200, 2400);
            Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
            Assert.Null(r.Program);
            Finding dose = r.GetFinding(0);
            Assert.Equal(LimitKind.DoseUgPerKg, dose.Kind);
            Assert.Equal(FindingReason.AboveHardMax, dose.Reason);
            Assert.Equal(1200, dose.Value);
            Assert.Equal(1000, dose.Limit);
            Assert.Equal("DOSE 1.20mg/kg", dose.Line1);
            Assert.Equal("> HARD MAX 1.00mg/kg", dose.Line2);
            Assert.Equal("DOSE 1.20mg/kg > HARD MAX 1.00mg/kg", dose.ToShortString());
            Assert.Equal("dose per kg 1.20mg/kg is above the hard maximum 1.00mg/kg; hard limits cannot be overridden", dose.ToLongString());

            // 1.2 mg/kg over 40 min is also 1.8 mg/kg/h (hard max 1.5), and 84 mL is above the 60 mL volume
            // limit and the syringe. The 84 mg total is only a soft finding, and soft findings are not listed.
            Assert.Equal(4, r.FindingCount);
            Finding rate = r.GetFinding(1);
            Assert.Equal(LimitKind.RateUgPerKgPerH, rate.Kind);
            Assert.Equal("RATE 1.80mg/kg/h", rate.Line1);
            Assert.Equal("> HARD MAX 1.50", rate.Line2); // the unit does not fit the panel line; the long form has it
            Assert.Equal("VOL 84.0mL > HARD MAX 60.0mL", r.GetFinding(2).ToShortString());
            Assert.Equal("VOL 84.0mL > SYRINGE 60.0mL", r.GetFinding(3).ToShortString());
            for (int i = 0; i < r.FindingCount; i++)
            {
                Assert.False(r.GetFinding(i).IsSoft);
            }
        }

        // Proves: PRG-004
        [Fact]
        public void Ketamine_DoseAboveSoftMax_NeedsConfirmationListingEachSoftLimit()
        {
            ProgramResult r = Ketamine(70000, 800, 2400);
            Assert.Equal(ProgramOutcome.NeedsConfirmation, r.Outcome);
            Assert.NotNull(r.Program);
            Assert.Equal(2, r.FindingCount);
            Assert.Equal("DOSE 0.80mg/kg > SOFT MAX 0.75mg/kg", r.GetFinding(0).ToShortString());
            Assert.Equal(LimitKind.RateUgPerKgPerH, r.GetFinding(1).Kind); // 1.2 mg/kg/h > 1.125
            Assert.Equal(1200, r.GetFinding(1).Value);
            Assert.Equal(1125, r.GetFinding(1).Limit);
            Assert.Contains("starting needs a confirmed override", r.GetFinding(0).ToLongString());
            Assert.True(r.GetFinding(0).IsSoft && r.GetFinding(1).IsSoft);
        }

        // Proves: PRG-004
        [Fact]
        public void Ketamine_ShortDurationInsideHardLimits_NeedsConfirmation()
        {
            ProgramResult r = Ketamine(70000, 500, 1800); // 30 min: soft min 40, hard min 20
            Assert.Equal(ProgramOutcome.NeedsConfirmation, r.Outcome);
            Finding f = Only(r);
            Assert.Equal("TIME 30min < SOFT MIN 40min", f.ToShortString());
        }

        // Proves: PRG-004
        [Fact]
        public void Ketamine_DurationBelowHardMin_Rejected()
        {
            ProgramResult r = Ketamine(70000, 500, 600); // 10 min: also 3 mg/kg/h
            Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
            Assert.Equal("TIME 10min < HARD MIN 20min", r.GetFinding(0).ToShortString());
            Assert.Equal(LimitKind.RateUgPerKgPerH, r.GetFinding(1).Kind);
        }

        // Proves: PRG-005
        [Fact]
        public void Ketamine_RateJustAboveHardMax_RejectedAlthoughFlooredRateEqualsLimit()
        {
            // 1.0 mg/kg over 2399 s = 1500.63 µg/kg/h: floor 1500 would pass, the exact value does not.
            ProgramResult r = Ketamine(70000, 1000, 2399);
            Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
            Finding rate = r.GetFinding(0);
            Assert.Equal(LimitKind.RateUgPerKgPerH, rate.Kind);
            Assert.Equal(FindingReason.AboveHardMax, rate.Reason);
            Assert.Equal(1501, rate.Value);
            Assert.Equal("RATE 1.501mg/kg/h", rate.Line1);
        }

        // Proves: PRG-005
        [Fact]
        public void VolumeMax_ExactVolumeAboveMaxButFlooredEqual_Rejected()
        {
            // 1 mg/kg x 1 kg at 3 mg/mL = 333 333.33 nL: the floor equals a 333 333 nL maximum, the exact value does not.
            DrugEntry open = ProgrammingTestData.WideOpenWeightBased(new[] { 3000 });
            DrugEntry capped = Pump.Core.Tests.Library.LibraryTestData.WithLimit(open, LimitKind.VolumeNl, new Limits(0, 0, 333333, 333333));
            ProgramResult r = InfusionProgrammer.ProgramWeightBased(capped, 3000, 1000, 1000, 2400, ProgrammingTestData.Bd60());
            Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
            Assert.Equal(LimitKind.VolumeNl, Only(r).Kind);
            Assert.Equal(333334, Only(r).Value);

            DrugEntry exactFit = Pump.Core.Tests.Library.LibraryTestData.WithLimit(open, LimitKind.VolumeNl, new Limits(0, 0, 333334, 333334));
            ProgramResult ok = InfusionProgrammer.ProgramWeightBased(exactFit, 3000, 1000, 1000, 2400, ProgrammingTestData.Bd60());
            Assert.Equal(ProgramOutcome.Accepted, ok.Outcome);
            Assert.Equal(333333, ok.Program!.VolumeNl); // delivered volume rounds down
        }

        // Proves: PRG-007
        [Theory]
        [InlineData(104)]
        [InlineData(304)]
        public void Ketamine_100kgFillsA50MlSyringeExactly_Accepted(int syringeId)
        {
            SyringeCalibration syringe = ProgrammingTestData.Syringe(syringeId);
            ProgramResult r = Ketamine(100000, 500, 2400, 1000, syringe);
            Assert.Equal(ProgramOutcome.Accepted, r.Outcome);
            Assert.Equal(50000000, r.Program!.VolumeNl);
            Assert.True(r.Program.TotalMicrosteps <= syringe.UsableTravelMicrosteps);
            Assert.Equal(ProgramOutcome.Accepted, Ketamine(100001, 500, 2400, 1000, syringe).Outcome); // 50.0005 mg rounds down to 50 mL
            Assert.Equal(ProgramOutcome.Rejected, Ketamine(100002, 500, 2400, 1000, syringe).Outcome); // 50.001 mL
        }

        // Proves: PRG-006
        [Fact]
        public void Ketamine_ConcentrationNotInLibrary_Rejected()
        {
            ProgramResult r = Ketamine(70000, 500, 2400, 5000);
            Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
            Assert.Equal("CONC 5.0mg/mL NOT IN LIBRARY", r.GetFinding(0).ToShortString());
            Assert.Equal("CONC 5.0mg/mL > HARD MAX 2.0mg/mL", r.GetFinding(1).ToShortString());

            // In range but not listed (free text is banned).
            ProgramResult between = Ketamine(70000, 500, 2400, 1500);
            Assert.Equal(ProgramOutcome.Rejected, between.Outcome);
            Assert.Equal(FindingReason.NotInLibrary, Only(between).Reason);
        }

        // Proves: PRG-007
        [Fact]
        public void Ketamine_VolumeLargerThanSyringe_Rejected()
        {
            ProgramResult r = Ketamine(130000, 500, 2400); // 65 mL; weight 130 kg is only a soft finding
            Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
            Finding f = r.GetFinding(r.FindingCount - 1);
            Assert.Equal(FindingReason.ExceedsSyringe, f.Reason);
            Assert.Equal("VOL 65.0mL > SYRINGE 60.0mL", f.ToShortString());
            Assert.Contains("does not fit the loaded syringe (usable 60.0mL)", f.ToLongString());

            // The same 35 mL program is accepted in a 60 mL syringe but not in a 30 mL one.
            Assert.Equal(ProgramOutcome.Rejected, Ketamine(70000, 500, 2400, 1000, ProgrammingTestData.Syringe(203)).Outcome);
            Assert.Equal(ProgramOutcome.Accepted, Ketamine(70000, 500, 2400, 1000, ProgrammingTestData.Syringe(205)).Outcome);
        }

        // Proves: PRG-008
        [Theory]
        [InlineData(0L, 500L, 2400L, "WT 0.0kg MUST BE ABOVE 0")]
        [InlineData(70000L, -5L, 2400L, "DOSE -0.005mg/kg MUST BE ABOVE 0")]
        [InlineData(70000L, 500L, 0L, "TIME 0min MUST BE ABOVE 0")]
        [InlineData(5000000L, 500L, 2400L, "WT 5000.0kg > INPUT MAX 1000.0kg")]
        [InlineData(70000L, 500L, 700000L, "TIME 700000s > INPUT MAX 10080min")]
        public void Ketamine_ZeroNegativeOrHugeInput_Rejected(long weightG, long doseUgPerKg, long durationS, string text)
        {
            ProgramResult r = Ketamine(weightG, doseUgPerKg, durationS);
            Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
            Assert.Null(r.Program);
            Assert.Equal(text, Only(r).ToShortString());
        }

        // Proves: PRG-010
        [Fact]
        public void WeightBased_PlainEntryOrNoSyringe_Rejected()
        {
            ProgramResult wrong = InfusionProgrammer.ProgramWeightBased(ShippedLibrary.NoDrug(), 1000, 70000, 500, 2400, ProgrammingTestData.Bd60());
            Assert.Equal(ProgramOutcome.Rejected, wrong.Outcome);
            Assert.Equal("WRONG DOSE MODE CHECK PROFILE", Only(wrong).ToShortString());

            ProgramResult noSyringe = InfusionProgrammer.ProgramWeightBased(ShippedLibrary.KetaminePsych40(), 1000, 70000, 500, 2400, null!);
            Assert.Equal(ProgramOutcome.Rejected, noSyringe.Outcome);
            Assert.Equal("NO SYRINGE SELECT SYRINGE", Only(noSyringe).ToShortString());
        }
    }
}
