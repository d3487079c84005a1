using Pump.Core.Library;
using Pump.Core.Panel;
using Pump.Core.Persistence;
using Pump.Core.Units;
using Pump.Hal;

namespace Pump.Core.Programming
{
    /// <summary>
    /// The programming wizard (PNL-001..003): drug → concentration → weight → dose per kg → duration → syringe →
    /// review → each soft limit confirmed twice (plain mL/h drugs: rate and volume instead). Values are entered
    /// digit by digit (NumberEditor). It alone can produce a confirmed program: <see cref="OnKey"/> answers
    /// Confirmed only after review and every confirmation, and the panel then hands
    /// <see cref="Drug"/>, <see cref="Calibration"/> and <see cref="Result"/> to the pump.
    /// </summary>
    public sealed class ProgramWizard
    {
        private readonly IProgrammingContext _context;
        private readonly NumberEditor _editor = new NumberEditor();
        private PanelStep _step;
        private int _drugIndex;
        private int _concentrationIndex;
        private int _syringeIndex;
        private long _weightG;
        private long _doseUgPerKg;
        private long _durationS;
        private long _rateNlPerH;
        private long _volumeNl;
        private ProgramResult? _result;
        private SyringeCalibration? _calibration;
        private int _findingIndex;
        private bool _spacingPending;
        private WizardOutcome _outcome;

        public ProgramWizard(IProgrammingContext context)
        {
            _context = context;
            _syringeIndex = DefaultSyringeIndex();
        }

        public PanelStep Step { get { return _step; } }
        public NumberEditor Editor { get { return _editor; } }
        public ProgramResult? Result { get { return _result; } }
        public SyringeCalibration? Calibration { get { return _calibration; } }
        public int DrugIndex { get { return _drugIndex; } }
        public int ConcentrationIndex { get { return _concentrationIndex; } }
        public int SyringeIndex { get { return _syringeIndex; } }
        public int FindingIndex { get { return _findingIndex; } }
        public bool SpacingPending { get { return _spacingPending; } }

        /// <summary>The drug of the confirmed (or current) program.</summary>
        public DrugEntry Drug { get { return CurrentDrug(); } }


        public void Begin(bool keepValues)
        {
            if (!keepValues)
            {
                _drugIndex = 0;
                _weightG = 0;
                _syringeIndex = DefaultSyringeIndex();
                ApplyDrugDefaults();
            }

            _step = PanelStep.Drug;
            _result = null;
        }

        private static int DefaultSyringeIndex()
        {
            for (int i = 0; i < SyringeTable.Count; i++)
            {
                if (SyringeTable.GetAt(i).Id == 105)
                {
                    return i;
                }
            }

            return 0;
        }

        public DrugEntry CurrentDrug()
        {
            return _context.Library.GetAt(_drugIndex);
        }

        private void ApplyDrugDefaults()
        {
            DrugEntry d = CurrentDrug();
            _concentrationIndex = 0;
            for (int i = 0; i < d.ConcentrationsUgPerMl.Length; i++)
            {
                if (d.ConcentrationsUgPerMl[i] == d.DefaultConcentrationUgPerMl)
                {
                    _concentrationIndex = i;
                }
            }

            _doseUgPerKg = d.DefaultDoseUgPerKg;
            _durationS = d.DefaultDurationS;
            _rateNlPerH = d.DefaultRateNlPerH;
            _volumeNl = 0;
        }

        /// <summary>One key on a programming screen; says whether it cancelled or confirmed the program.</summary>
        public WizardOutcome OnKey(PanelKey key)
        {
            _outcome = WizardOutcome.None;
            HandleKey(key);
            return _outcome;
        }

        private void HandleKey(PanelKey key)
        {
            DrugEntry drug = CurrentDrug();
            bool plain = drug.Mode == DoseMode.PlainRate;
            switch (_step)
            {
                case PanelStep.Drug:
                    if (key == PanelKey.Up || key == PanelKey.Down)
                    {
                        int n = _context.Library.Count;
                        _drugIndex = (_drugIndex + (key == PanelKey.Up ? n - 1 : 1)) % n;
                        ApplyDrugDefaults();
                    }
                    else if (key == PanelKey.Ok)
                    {
                        GoTo(plain ? PanelStep.Rate : PanelStep.Concentration);
                    }
                    else if (key == PanelKey.Back)
                    {
                        _outcome = WizardOutcome.Cancelled;
                    }

                    break;
                case PanelStep.Concentration:
                    if (key == PanelKey.Up || key == PanelKey.Down)
                    {
                        int n = drug.ConcentrationsUgPerMl.Length;
                        if (n > 0)
                        {
                            _concentrationIndex = (_concentrationIndex + (key == PanelKey.Up ? n - 1 : 1)) % n;
                        }
                    }
                    else if (key == PanelKey.Ok)
                    {
                        GoTo(PanelStep.Weight);
                    }
                    else if (key == PanelKey.Back)
                    {
                        GoTo(PanelStep.Drug);
                    }

                    break;
                case PanelStep.Weight:
                    Edit(key, PanelStep.Dose, PanelStep.Concentration);
                    break;
                case PanelStep.Dose:
                    Edit(key, PanelStep.Duration, PanelStep.Weight);
                    break;
                case PanelStep.Duration:
                    Edit(key, PanelStep.Syringe, PanelStep.Dose);
                    break;
                case PanelStep.Rate:
                    Edit(key, PanelStep.Volume, PanelStep.Drug);
                    break;
                case PanelStep.Volume:
                    Edit(key, PanelStep.Syringe, PanelStep.Rate);
                    break;
                case PanelStep.Syringe:
                    if (key == PanelKey.Up || key == PanelKey.Down)
                    {
                        int n = SyringeTable.Count;
                        _syringeIndex = (_syringeIndex + (key == PanelKey.Up ? n - 1 : 1)) % n;
                    }
                    else if (key == PanelKey.Ok)
                    {
                        Compute(drug);
                        GoTo(PanelStep.Review);
                    }
                    else if (key == PanelKey.Back)
                    {
                        GoTo(plain ? PanelStep.Volume : PanelStep.Duration);
                    }

                    break;
                case PanelStep.Review:
                    OnReviewKey(key, drug);
                    break;
                case PanelStep.SoftLimit:
                    if (key == PanelKey.Ok)
                    {
                        _step = PanelStep.ConfirmOverride;
                    }
                    else if (key == PanelKey.Back)
                    {
                        GoTo(PanelStep.Review);
                    }
                    else if (key == PanelKey.Up && _findingIndex > 0)
                    {
                        _findingIndex--;
                    }

                    break;
                case PanelStep.ConfirmOverride:
                    if (key == PanelKey.Ok)
                    {
                        NextSoftFinding(drug);
                    }
                    else if (key == PanelKey.Back)
                    {
                        _step = PanelStep.SoftLimit;
                    }

                    break;
            }
        }

        private void OnReviewKey(PanelKey key, DrugEntry drug)
        {
            if (key == PanelKey.Back)
            {
                GoTo(PanelStep.Syringe);
                return;
            }

            if (_result == null || _calibration == null)
            {
                return;
            }

            if (key == PanelKey.Up || key == PanelKey.Down)
            {
                int n = _result.FindingCount;
                if (n > 0)
                {
                    _findingIndex = (_findingIndex + (key == PanelKey.Up ? n - 1 : 1)) % n;
                }

                return;
            }

            if (key != PanelKey.Ok || Refused())
            {
                return;
            }

            if (_result.Outcome == ProgramOutcome.NeedsConfirmation || _spacingPending)
            {
                // Findings first, then (index == FindingCount) the session-spacing confirmation.
                _findingIndex = 0;
                _step = PanelStep.SoftLimit;
                return;
            }

            _outcome = WizardOutcome.Confirmed;
        }

        /// <summary>After one soft finding is confirmed twice, shows the next; after the last, adopts the program.</summary>
        private void NextSoftFinding(DrugEntry drug)
        {
            if (_result == null || _calibration == null)
            {
                return;
            }

            _findingIndex++;
            if (_findingIndex < _result.FindingCount)
            {
                _step = PanelStep.SoftLimit;
                return;
            }

            if (_spacingPending && _findingIndex == _result.FindingCount)
            {
                // The session-spacing override is confirmed like any soft limit.
                _step = PanelStep.SoftLimit;
                return;
            }

            _outcome = WizardOutcome.Confirmed;
        }

        private bool Refused()
        {
            return _result == null || _result.Outcome == ProgramOutcome.Rejected || _context.SpacingCheck.IsRefused || BeyondMechanism();
        }

        /// <summary>The program's step rate is beyond the mechanism (PRG-011): shown as REJECTED on review.</summary>
        public bool BeyondMechanism()
        {
            return _result != null && _result.Program != null && !_context.WithinMechanism(_result.Program);
        }

        private void Compute(DrugEntry drug)
        {
            _result = null;
            _findingIndex = 0;
            SyringeCalibration? calibration;
            if (!SyringeCalibration.TryCreate(SyringeTable.GetAt(_syringeIndex), _context.Mechanism, out calibration) || calibration == null)
            {
                return;
            }

            _calibration = calibration;
            if (drug.Mode == DoseMode.PlainRate)
            {
                _result = InfusionProgrammer.ProgramPlainRate(drug, _rateNlPerH, _volumeNl, calibration);
            }
            else
            {
                int concentration = drug.ConcentrationsUgPerMl.Length > 0 ? drug.ConcentrationsUgPerMl[_concentrationIndex] : 0;
                _result = InfusionProgrammer.ProgramWeightBased(drug, concentration, _weightG, _doseUgPerKg, _durationS, calibration);
            }

            SpacingCheckResult spacing = _context.CheckSpacing(drug);
            _spacingPending = spacing.Verdict == SpacingVerdict.SoftNeedsConfirmation;
        }

        private void GoTo(PanelStep step)
        {
            _step = step;
            switch (step)
            {
                case PanelStep.Weight:
                    _editor.Begin(_weightG / 100, 4, 1);
                    break;
                case PanelStep.Dose:
                    _editor.Begin(_doseUgPerKg / 10, 4, 2);
                    break;
                case PanelStep.Duration:
                    _editor.Begin(_durationS / 60, 3, 0);
                    break;
                case PanelStep.Rate:
                    _editor.Begin(_rateNlPerH / 100000, 5, 1);
                    break;
                case PanelStep.Volume:
                    _editor.Begin(_volumeNl / 100000, 4, 1);
                    break;
            }
        }

        private void Edit(PanelKey key, PanelStep next, PanelStep previous)
        {
            EditResult r = _editor.Press(key);
            if (r == EditResult.Cancelled)
            {
                GoTo(previous);
                return;
            }

            if (r != EditResult.Committed)
            {
                return;
            }

            long v = _editor.Value;
            switch (_step)
            {
                case PanelStep.Weight:
                    _weightG = v * 100;
                    break;
                case PanelStep.Dose:
                    _doseUgPerKg = v * 10;
                    break;
                case PanelStep.Duration:
                    _durationS = v * 60;
                    break;
                case PanelStep.Rate:
                    _rateNlPerH = v * 100000;
                    break;
                case PanelStep.Volume:
                    _volumeNl = v * 100000;
                    break;
            }

            GoTo(next);
        }
    }
}
