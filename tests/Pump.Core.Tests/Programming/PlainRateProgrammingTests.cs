using System.Numerics;
using Pump.Core.Library;
using Pump.Core.Programming;
using Pump.Core.Units;
using Xunit;

namespace Pump.Core.Tests.Programming
{
    public sealed class PlainRateProgrammingTests
    {
        // Proves: PRG-002
        [Fact]
        public void NoDrug_10MlPerHour50Ml_MicrostepsPerHourOverOneHour()
        {
            SyringeCalibration bd60 = ProgrammingTestData.Bd60();
            ProgramResult r = InfusionProgrammer.ProgramPlainRate(ShippedLibrary.NoDrug(), 10000000, 50000000, bd60);
            Assert.Equal(ProgramOutcome.Accepted, r.Outcome);
            InfusionProgram p = r.Program!;
            Assert.Equal((BigInteger)10000000 * bd60.MicrostepsPerNlNumerator / bd60.MicrostepsPerNlDenominator, (BigInteger)p.RateMicrosteps);
            Assert.Equal(3600000000L, p.RatePeriodUs);
            Assert.Equal((BigInteger)50000000 * bd60.MicrostepsPerNlNumerator / bd60.MicrostepsPerNlDenominator, (BigInteger)p.TotalMicrosteps);
            Assert.Equal(18000, p.DurationS); // 5 h
            Assert.Equal(10000, p.RateUlPerH);
            Assert.Equal(0, p.TotalDoseUg);
            Assert.Equal(DoseMode.PlainRate, p.Mode);
        }

        // Proves: PRG-002
        // Proves: PRG-004
        [Theory]
        [InlineData(1500000000L, "RATE 1500.0mL/h > HARD MAX 1200.0")]
        [InlineData(50000L, "RATE 0.05mL/h < HARD MIN 0.1mL/h")]
        public void NoDrug_RateOutsideDeviceRange_Rejected(long rateNlPerH, string text)
        {
            ProgramResult r = InfusionProgrammer.ProgramPlainRate(ShippedLibrary.NoDrug(), rateNlPerH, 10000000, ProgrammingTestData.Bd60());
            Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
            Assert.Equal(text, r.GetFinding(0).ToShortString());
        }

        // Proves: PRG-002
        [Fact]
        public void NoDrug_MaxRate1200MlPerHour_Accepted()
        {
            ProgramResult r = InfusionProgrammer.ProgramPlainRate(ShippedLibrary.NoDrug(), 1200000000, 60000000, ProgrammingTestData.Syringe(205));
            Assert.Equal(ProgramOutcome.Accepted, r.Outcome);
            Assert.Equal(180, r.Program!.DurationS); // 60 mL in 3 min
        }

        // Proves: PRG-007
        [Fact]
        public void NoDrug_VolumeAboveSyringe_Rejected()
        {
            ProgramResult r = InfusionProgrammer.ProgramPlainRate(ShippedLibrary.NoDrug(), 10000000, 20000001, ProgrammingTestData.Syringe(102));
            Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
            Assert.Equal("VOL 20.000001mL", r.GetFinding(0).Line1);
            Assert.Equal("> SYRINGE 20.0mL", r.GetFinding(0).Line2);
        }

        // Proves: PRG-010
        [Fact]
        public void PlainRate_WeightBasedEntry_Rejected()
        {
            ProgramResult r = InfusionProgrammer.ProgramPlainRate(ShippedLibrary.KetaminePsych40(), 10000000, 10000000, ProgrammingTestData.Bd60());
            Assert.Equal(ProgramOutcome.Rejected, r.Outcome);
            Assert.Equal(FindingReason.WrongMode, r.GetFinding(0).Reason);
        }
    }
}
