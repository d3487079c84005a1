namespace Pump.Core.Library
{
    /// <summary>
    /// The library the firmware ships with. Its values live in one place, shipped-library.json (clinical
    /// units, with a rationale and source per limit); ShippedLibraryData.cs is generated from it by
    /// pump-library, and a test fails when the generated file is stale. It ships as a DRAFT: every number
    /// needs the clinic's medical director and pharmacy to review and sign it before clinical use
    /// (hardware-docs/drug-library.md). The ids below are the references code and tests use.
    /// </summary>
    public static class ShippedLibrary
    {
        /// <summary>Revision of the shipped library.</summary>
        public const uint Revision = ShippedLibraryData.Revision;

        public const int NoDrugId = 1;

        public const int KetaminePsych40Id = 10;

        public static DrugLibrary Build()
        {
            return ShippedLibraryData.Build();
        }

        /// <summary>"KETAMINE PSYCH 40min": clinical.md §6a, units converted exactly (mg to µg, min to s, kg to g).</summary>
        public static DrugEntry KetaminePsych40()
        {
            return ShippedLibraryData.Drug10();
        }

        /// <summary>"NO DRUG (mL/h)": saline and priming; the device rate range as hard limits.</summary>
        public static DrugEntry NoDrug()
        {
            return ShippedLibraryData.Drug1();
        }
    }
}
