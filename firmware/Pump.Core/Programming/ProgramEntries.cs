using Pump.Core.Library;
using Pump.Core.Panel;

namespace Pump.Core.Programming
{
    /// <summary>
    /// What the clinician has entered so far: the drug and concentration pair, and the patient identification and
    /// the number fields in their units. A new drug brings its library defaults; weight and patient id have none and
    /// are entered for every program.
    /// </summary>
    public sealed class ProgramEntries
    {
        private readonly IProgrammingContext _context;
        private int _drugIndex;
        private int _concentrationIndex;

        public ProgramEntries(IProgrammingContext context)
        {
            _context = context;
        }

        // Read each time: a new library may be installed between programs.
        private DrugLibrary Library { get { return _context.Library; } }

        public int DrugIndex { get { return _drugIndex; } }

        public int ConcentrationIndex { get { return _concentrationIndex; } }

        public long WeightG { get; private set; }

        public long DoseUgPerKg { get; private set; }

        public long DurationS { get; private set; }

        public long RateNlPerH { get; private set; }

        public long VolumeNl { get; private set; }

        /// <summary>A weight-based drug with a dose and a duration to show on the defaults screen (PNL-408).</summary>
        public bool HasDoseAndDuration { get { return Drug.Mode != DoseMode.PlainRate && DoseUgPerKg > 0 && DurationS > 0; } }

        /// <summary>The patient identification (<see cref="Programming.PatientId"/>); NotChosen until the clinician chooses.</summary>
        public long PatientId { get; private set; } = Programming.PatientId.NotChosen;

        public DrugEntry Drug { get { return Library.GetAt(_drugIndex < Library.Count ? _drugIndex : 0); } }

        /// <summary>The chosen concentration, 0 for a drug without one (plain mL/h).</summary>
        public int ConcentrationUgPerMl
        {
            get
            {
                int[] c = Drug.ConcentrationsUgPerMl;
                return c.Length > 0 && _concentrationIndex < c.Length ? c[_concentrationIndex] : 0;
            }
        }

        /// <summary>
        /// A fresh program: the previous program's drug and concentration when there was one (else the library's
        /// first drug-dose entry at its default concentration), that drug's defaults, and no weight.
        /// </summary>
        public void StartFresh(bool keepDrug)
        {
            int concentration = _concentrationIndex;
            if (!keepDrug || _drugIndex >= Library.Count)
            {
                _drugIndex = FirstDoseEntry();
            }

            ApplyDrugDefaults();
            if (keepDrug && concentration < Drug.ConcentrationsUgPerMl.Length)
            {
                _concentrationIndex = concentration;
            }

            WeightG = 0;
            // Never the previous patient's: each new program asks again (PRG-014).
            PatientId = Programming.PatientId.NotChosen;
        }

        /// <summary>Stores the id the clinician committed; an id that fails the check is refused (false, nothing changed).</summary>
        public bool SetPatientId(long id)
        {
            if (!Programming.PatientId.IsValid(id))
            {
                return false;
            }

            PatientId = id;
            return true;
        }

        /// <summary>Drug and concentration pairs in library order: each concentration of an entry, then the next entry.</summary>
        public void StepDrugPair(bool backwards)
        {
            int drugs = Library.Count;
            if (backwards)
            {
                if (_concentrationIndex > 0)
                {
                    _concentrationIndex--;
                    return;
                }

                _drugIndex = (_drugIndex + drugs - 1) % drugs;
                ApplyDrugDefaults();
                int n = Drug.ConcentrationsUgPerMl.Length;
                _concentrationIndex = n > 0 ? n - 1 : 0;
                return;
            }

            if (_concentrationIndex + 1 < Drug.ConcentrationsUgPerMl.Length)
            {
                _concentrationIndex++;
                return;
            }

            _drugIndex = (_drugIndex + 1) % drugs;
            ApplyDrugDefaults();
            _concentrationIndex = 0;
        }

        /// <summary>A field's value in the editor's unit (weight 0.1 kg, dose 0.01 mg/kg, minutes, 0.1 mL/h, 0.1 mL).</summary>
        public long FieldValue(PanelStep step)
        {
            switch (step)
            {
                case PanelStep.Weight: return WeightG / 100;
                case PanelStep.Dose: return DoseUgPerKg / 10;
                case PanelStep.Duration: return DurationS / 60;
                case PanelStep.Rate: return RateNlPerH / 100000;
                case PanelStep.Volume: return VolumeNl / 100000;
                default: return 0;
            }
        }

        /// <summary>An entered value in the unit of its limit kind (0 for a kind that is not entered).</summary>
        public long KindValue(LimitKind kind)
        {
            switch (kind)
            {
                case LimitKind.WeightG: return WeightG;
                case LimitKind.DoseUgPerKg: return DoseUgPerKg;
                case LimitKind.DurationS: return DurationS;
                case LimitKind.RateNlPerH: return RateNlPerH;
                case LimitKind.VolumeNl: return VolumeNl;
                default: return 0;
            }
        }

        /// <summary>
        /// Keeps dose and duration exactly as the defaults screen shows them (rounded down to their editors' steps): a
        /// library default finer than the screen, accepted with one OK, must program what the clinician saw (PNL-408).
        /// </summary>
        public void KeepDoseAndDurationAsShown()
        {
            SetField(PanelStep.Dose, FieldValue(PanelStep.Dose));
            SetField(PanelStep.Duration, FieldValue(PanelStep.Duration));
        }

        /// <summary>Stores a field's value given in the editor's unit (at most 6 digits, so no product overflows).</summary>
        public void SetField(PanelStep step, long value)
        {
            switch (step)
            {
                case PanelStep.Weight:
                    WeightG = value * 100;
                    break;
                case PanelStep.Dose:
                    DoseUgPerKg = value * 10;
                    break;
                case PanelStep.Duration:
                    DurationS = value * 60;
                    break;
                case PanelStep.Rate:
                    RateNlPerH = value * 100000;
                    break;
                case PanelStep.Volume:
                    VolumeNl = value * 100000;
                    break;
            }
        }

        private int FirstDoseEntry()
        {
            for (int i = 0; i < Library.Count; i++)
            {
                if (Library.GetAt(i).ConcentrationsUgPerMl.Length > 0)
                {
                    return i;
                }
            }

            return 0;
        }

        private void ApplyDrugDefaults()
        {
            DrugEntry d = Drug;
            _concentrationIndex = 0;
            for (int i = 0; i < d.ConcentrationsUgPerMl.Length; i++)
            {
                if (d.ConcentrationsUgPerMl[i] == d.DefaultConcentrationUgPerMl)
                {
                    _concentrationIndex = i;
                }
            }

            DoseUgPerKg = d.DefaultDoseUgPerKg;
            DurationS = d.DefaultDurationS;
            RateNlPerH = d.DefaultRateNlPerH;
            VolumeNl = 0;
        }
    }
}
