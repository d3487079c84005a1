using Pump.Core.Library;

namespace Pump.LibraryTool.Source
{
    /// <summary>The fields of a <see cref="DrugEntry"/> while a source entry is being read, in stored units.</summary>
    internal sealed class EntryDraft
    {
        public long DrugId { get; set; }
        public string Name { get; set; } = string.Empty;
        public DoseMode Mode { get; set; }
        public bool BolusAllowed { get; set; }
        public long[] ConcentrationsUgPerMl { get; set; } = [];
        public long DefaultConcentrationUgPerMl { get; set; }
        public long DefaultDoseUgPerKg { get; set; }
        public long DefaultDurationS { get; set; }
        public long DefaultRateNlPerH { get; set; }
        public long BaselineVitalsMaxAgeS { get; set; }
        public Limits[] Limits { get; } = new Limits[DrugEntry.StoredLimitCount];

        public DrugEntry Build()
        {
            var concentrations = new int[ConcentrationsUgPerMl.Length];
            for (int i = 0; i < concentrations.Length; i++)
            {
                concentrations[i] = (int)ConcentrationsUgPerMl[i];
            }

            return new DrugEntry((int)DrugId, Name, Mode, BolusAllowed, concentrations, (int)DefaultConcentrationUgPerMl,
                DefaultDoseUgPerKg, DefaultDurationS, DefaultRateNlPerH, (Limits[])Limits.Clone(), (int)BaselineVitalsMaxAgeS);
        }
    }
}
