using Pump.Core.Library;
using Xunit;

namespace Pump.Core.Tests.Library
{
    public sealed class ShippedLibraryTests
    {
        private static void AssertLimits(Limits l, long hardMin, long softMin, long softMax, long hardMax)
        {
            Assert.Equal(hardMin, l.HardMin);
            Assert.Equal(softMin, l.SoftMin);
            Assert.Equal(softMax, l.SoftMax);
            Assert.Equal(hardMax, l.HardMax);
        }

        // Proves: LIB-004
        // Proves: LIB-002
        [Fact]
        public void Ketamine_Entry_MatchesClinicalSection6a()
        {
            DrugEntry k = ShippedLibrary.KetaminePsych40();
            Assert.Equal("KETAMINE PSYCH 40min", k.Name);
            Assert.Equal(DoseMode.WeightBasedTotalOverDuration, k.Mode);
            Assert.Equal(new[] { 1000, 2000 }, k.ConcentrationsUgPerMl); // 1 mg/mL standard, 2 mg/mL alternate
            Assert.Equal(1000, k.DefaultConcentrationUgPerMl);
            AssertLimits(k.ConcentrationLimitsUgPerMl, 500, 500, 2000, 2000); // hard 0.5..2 mg/mL
            Assert.Equal(500, k.DefaultDoseUgPerKg); // 0.5 mg/kg
            AssertLimits(k.DoseLimitsUgPerKg, 0, 100, 750, 1000); // soft 0.1..0.75, hard max 1.0 mg/kg
            Assert.Equal(2400, k.DefaultDurationS); // 40 min
            AssertLimits(k.DurationLimitsS, 1200, 2400, 3600, 7200); // hard 20..120, soft 40..60 min
            AssertLimits(k.RateLimitsUgPerKgPerH, 0, 0, 1125, 1500); // soft max 1.125, hard max 1.5 mg/kg/h
            AssertLimits(k.RateLimitsUgPerH, 0, 0, 150000, 150000); // hard max 150 mg/h
            AssertLimits(k.TotalDoseLimitsUg, 0, 0, 75000, 100000); // soft 75, hard 100 mg/session
            AssertLimits(k.WeightLimitsG, 30000, 45000, 120000, 200000); // soft 45..120, hard 30..200 kg
            Assert.False(k.BolusAllowed);
            AssertLimits(k.SessionSpacingLimitsH, 20, 48, Limits.Unlimited, Limits.Unlimited); // hard 20 h, soft 48 h
            Assert.Equal(3, k.SessionsPer7DaysLimits.SoftMax);
            Assert.Equal(300, k.BaselineVitalsMaxAgeS); // baseline vitals at most 5 min old
        }

        // Proves: LIB-005
        [Fact]
        public void NoDrug_Entry_PlainRateWithinDeviceRangeNoConcentrationsNoBolus()
        {
            DrugEntry n = ShippedLibrary.NoDrug();
            Assert.Equal("NO DRUG (mL/h)", n.Name);
            Assert.Equal(DoseMode.PlainRate, n.Mode);
            Assert.Empty(n.ConcentrationsUgPerMl);
            Assert.False(n.BolusAllowed);
            AssertLimits(n.RateLimitsNlPerH, 100000, 100000, 1200000000, 1200000000); // 0.1..1200 mL/h
            Assert.Equal(LibraryChecks.DeviceMaxRateNlPerH, n.RateLimitsNlPerH.HardMax);
            Assert.Equal(LibraryChecks.DeviceMinRateNlPerH, n.RateLimitsNlPerH.HardMin);
        }

        // Proves: LIB-003
        [Fact]
        public void ShippedLibrary_PassesAllConsistencyChecks()
        {
            LibraryLoadResult r = LibraryChecks.Check(ShippedLibrary.Build());
            Assert.True(r.IsAccepted, r.LongMessage);
            Assert.Equal(2, r.Library!.Count);
            Assert.True(r.Library.TryFind(ShippedLibrary.KetaminePsych40Id, out DrugEntry? k));
            Assert.Equal("KETAMINE PSYCH 40min", k!.Name);
        }

        // Proves: LIB-004
        [Fact]
        public void DrugLibraryDoc_ListsShippedEntriesAndFormat()
        {
            string doc = System.IO.File.ReadAllText(TestPaths.InRepository("hardware-docs/drug-library.md"));
            Assert.Contains("KETAMINE PSYCH 40min", doc);
            Assert.Contains("NO DRUG (mL/h)", doc);
            Assert.Contains("PLIB", doc);
        }
    }
}
