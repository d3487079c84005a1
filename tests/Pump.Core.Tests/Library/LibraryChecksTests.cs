using Pump.Core.Library;
using Xunit;

namespace Pump.Core.Tests.Library
{
    public sealed class LibraryChecksTests
    {
        private static LibraryLoadResult CheckWithKetamine(DrugEntry ketamineVariant)
        {
            return LibraryChecks.Check(new DrugLibrary(1, new[] { ShippedLibrary.NoDrug(), ketamineVariant }));
        }

        private static void AssertRefused(LibraryLoadResult r, LibraryError error, string shortMessage, string longPart)
        {
            Assert.False(r.IsAccepted);
            Assert.Null(r.Library);
            Assert.Equal(error, r.Error);
            Assert.Equal(shortMessage, r.ShortMessage);
            Assert.InRange(r.ShortMessage.Length, 1, LibraryLoadResult.MaxShortMessageChars);
            Assert.Contains(longPart, r.LongMessage);
        }

        // Proves: LIB-003
        // Proves: LIB-007
        [Theory]
        [InlineData(LimitKind.DoseUgPerKg, 0, 100, 750, 500, "ID10:DOSE LIMITS")] // soft max above hard max
        [InlineData(LimitKind.DurationS, 2400, 1200, 3600, 7200, "ID10:TIME LIMITS")] // soft min below hard min
        [InlineData(LimitKind.WeightG, 30000, 130000, 120000, 200000, "ID10:WT LIMITS")] // soft min above soft max
        [InlineData(LimitKind.TotalDoseUg, -1, 0, 75000, 100000, "ID10:TOTAL LIMITS")] // negative
        [InlineData(LimitKind.SessionSpacingH, 48, 20, 100, 200, "ID10:GAP LIMITS")] // placeholder fields are checked too
        public void Check_InconsistentLimits_RefusedNamingEntryAndQuantity(LimitKind kind, long hardMin, long softMin, long softMax, long hardMax, string shortMessage)
        {
            DrugEntry bad = LibraryTestData.WithLimit(ShippedLibrary.KetaminePsych40(), kind, new Limits(hardMin, softMin, softMax, hardMax));
            AssertRefused(CheckWithKetamine(bad), LibraryError.InconsistentLimits, shortMessage, "limits are inconsistent");
        }

        // Proves: LIB-003
        [Fact]
        public void Check_DefaultDoseOutsideSoftLimits_Refused()
        {
            DrugEntry bad = LibraryTestData.With(ShippedLibrary.KetaminePsych40(), defaultDose: 900);
            AssertRefused(CheckWithKetamine(bad), LibraryError.DefaultOutsideSoftLimits, "ID10:DEFAULT DOSE", "default dose 900 ug/kg");
        }

        // Proves: LIB-003
        [Fact]
        public void Check_DefaultDurationOutsideSoftLimits_Refused()
        {
            DrugEntry bad = LibraryTestData.With(ShippedLibrary.KetaminePsych40(), defaultDuration: 1800);
            AssertRefused(CheckWithKetamine(bad), LibraryError.DefaultOutsideSoftLimits, "ID10:DEFAULT TIME", "default duration 1800 s");
        }

        // Proves: LIB-003
        [Fact]
        public void Check_UndilutedStockConcentrationInList_Refused()
        {
            // 10 mg/mL stock is outside the 0.5..2 mg/mL hard range (ISMP: hard concentration limits).
            DrugEntry bad = LibraryTestData.With(ShippedLibrary.KetaminePsych40(), concentrations: new[] { 1000, 10000 });
            AssertRefused(CheckWithKetamine(bad), LibraryError.BadConcentrationList, "ID10:CONC LIST", "concentration 10000 ug/mL");
        }

        // Proves: LIB-003
        [Theory]
        [InlineData(new int[0])]
        [InlineData(new[] { 2000, 1000 })]
        [InlineData(new[] { 1000, 1000 })]
        [InlineData(new[] { 0, 1000 })]
        public void Check_BadConcentrationList_Refused(int[] list)
        {
            DrugEntry bad = LibraryTestData.With(ShippedLibrary.KetaminePsych40(), concentrations: list);
            LibraryLoadResult r = CheckWithKetamine(bad);
            Assert.Equal(LibraryError.BadConcentrationList, r.Error);
            Assert.Equal("ID10:CONC LIST", r.ShortMessage);
        }

        // Proves: LIB-003
        [Fact]
        public void Check_DefaultConcentrationNotInList_Refused()
        {
            DrugEntry bad = LibraryTestData.With(ShippedLibrary.KetaminePsych40(), defaultConcentration: 1500);
            AssertRefused(CheckWithKetamine(bad), LibraryError.DefaultConcentrationNotInList, "ID10:DEFAULT CONC", "not in the list");
        }

        // Proves: LIB-003
        [Fact]
        public void Check_DuplicateDrugId_Refused()
        {
            DrugEntry dup = LibraryTestData.With(ShippedLibrary.KetaminePsych40(), drugId: ShippedLibrary.NoDrugId);
            AssertRefused(CheckWithKetamine(dup), LibraryError.DuplicateDrugId, "ID1:DUP ID", "also used by entry 0");
        }

        // Proves: LIB-003
        [Theory]
        [InlineData("")]
        [InlineData(" LEADING SPACE")]
        [InlineData("KETAMINE PSYCH 40min!")] // 21 chars
        [InlineData("KETAMIN\u00c9")]
        public void Check_BadName_Refused(string name)
        {
            DrugEntry bad = LibraryTestData.With(ShippedLibrary.KetaminePsych40(), name: name);
            AssertRefused(CheckWithKetamine(bad), LibraryError.BadName, "ID10:BAD NAME", "printable ASCII");
        }

        // Proves: LIB-006
        [Theory]
        [InlineData(100000L, 1200000001L)]
        [InlineData(99999L, 1200000000L)]
        public void Check_RateLimitsBeyondDeviceRange_Refused(long hardMin, long hardMax)
        {
            DrugEntry bad = LibraryTestData.WithLimit(ShippedLibrary.NoDrug(), LimitKind.RateNlPerH, new Limits(hardMin, hardMin, hardMax, hardMax));
            LibraryLoadResult r = LibraryChecks.Check(new DrugLibrary(1, new[] { bad }));
            AssertRefused(r, LibraryError.BeyondDeviceRange, "ID1:RATE RANGE", "0.1..1200 mL/h");
        }

        // Proves: LIB-003
        [Fact]
        public void Check_EmptyLibrary_Refused()
        {
            AssertRefused(LibraryChecks.Check(new DrugLibrary(1, new DrugEntry[0])), LibraryError.NoEntries, "LIB EMPTY", "no entries");
        }

        // Proves: LIB-003
        [Fact]
        public void Check_PlainEntryWithConcentrationsOrBolus_Refused()
        {
            DrugEntry withConc = LibraryTestData.With(ShippedLibrary.NoDrug(), concentrations: new[] { 1000 });
            Assert.Equal(LibraryError.BadConcentrationList, LibraryChecks.Check(new DrugLibrary(1, new[] { withConc })).Error);
            DrugEntry withBolus = LibraryTestData.With(ShippedLibrary.NoDrug(), bolus: true);
            Assert.Equal(LibraryError.BadFlags, LibraryChecks.Check(new DrugLibrary(1, new[] { withBolus })).Error);
        }

        // Proves: LIB-003
        [Fact]
        public void Limits_Check_HardBoundsReportedBeforeSoft()
        {
            var l = new Limits(10, 20, 30, 40);
            Assert.Equal(LimitCheck.BelowHardMin, l.Check(9));
            Assert.Equal(LimitCheck.BelowSoftMin, l.Check(19));
            Assert.Equal(LimitCheck.Within, l.Check(20));
            Assert.Equal(LimitCheck.Within, l.Check(30));
            Assert.Equal(LimitCheck.AboveSoftMax, l.Check(31));
            Assert.Equal(LimitCheck.AboveHardMax, l.Check(41));
            Assert.Equal(40, l.BoundFor(LimitCheck.AboveHardMax));
            Assert.Equal(20, l.BoundFor(LimitCheck.BelowSoftMin));
        }
    }
}
