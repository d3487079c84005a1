using Pump.Core.Library;
using Pump.Core.Panel;
using Pump.Core.Persistence;
using Pump.Core.Units;
using Pump.Hal;

namespace Pump.Core.Programming
{
    /// <summary>
    /// The programming wizard (PNL-001..003, PNL-400..402, PNL-405, PNL-406): drug and concentration, patient id,
    /// then weight, dose per kg and duration (plain mL/h: rate and volume; StepOrder), syringe, review on two pages,
    /// each soft limit confirmed twice. A default is accepted with one OK; the editors open only to change it. Each
    /// value is checked where it is entered (EntryFields): hard refused there, soft flagged there. Only it makes a
    /// confirmed program: <see cref="OnKey"/> answers Confirmed after review and every confirmation, and the panel
    /// hands <see cref="Drug"/>, <see cref="Calibration"/>, <see cref="Result"/> and the patient id to the pump.
    /// </summary>
    public sealed class ProgramWizard
    {
        // BD Plastipak 60 mL, the syringe the ketamine protocol names.
        private const int DefaultSyringeId = 105;

        private readonly IProgrammingContext _context;
        private readonly NumberEditor _editor = new NumberEditor();
        private readonly PatientIdEditor _idEditor = new PatientIdEditor();
        private int _reviewPage;
        private PanelStep _step;
        private readonly ProgramEntries _entries;
        private int _syringeIndex;
        private ProgramResult? _result;
        private SyringeCalibration? _calibration;
        private readonly SoftLimitWalk _softLimits = new SoftLimitWalk();
        private WizardOutcome _outcome;
        private PanelStep _entryStep;
        private Finding? _entryFinding;
        private bool _hasPrevious;

        public ProgramWizard(IProgrammingContext context)
        {
            _context = context;
            _entries = new ProgramEntries(context);
            _syringeIndex = SyringeTable.IndexOf(DefaultSyringeId);
        }

        public PanelStep Step { get { return _step; } }
        public NumberEditor Editor { get { return _editor; } }
        public PatientIdEditor IdEditor { get { return _idEditor; } }

        public const int ReviewPages = 2;
        /// <summary>Review page shown: 0 (what was entered) or 1 (what the pump will do; OK there confirms).</summary>
        public int ReviewPage { get { return _reviewPage; } }
        public ProgramResult? Result { get { return _result; } }
        public SyringeCalibration? Calibration { get { return _calibration; } }
        public int DrugIndex { get { return _entries.DrugIndex; } }
        public int ConcentrationIndex { get { return _entries.ConcentrationIndex; } }

        /// <summary>The values entered so far.</summary>
        public ProgramEntries Entries { get { return _entries; } }
        public int SyringeIndex { get { return _syringeIndex; } }
        public int FindingIndex { get { return _softLimits.Index; } }
        public bool SpacingPending { get { return _softLimits.SpacingPending; } }

        /// <summary>The screen whose value <see cref="EntryFinding"/> is about (meaningful on PanelStep.EntryFinding).</summary>
        public PanelStep EntryStep { get { return _entryStep; } }

        /// <summary>The limit the value just entered crosses (PanelStep.EntryFinding).</summary>
        public Finding? EntryFinding { get { return _entryFinding; } }

        /// <summary>The drug of the confirmed (or current) program.</summary>
        public DrugEntry Drug { get { return CurrentDrug(); } }

        public void Begin(bool keepValues)
        {
            if (!keepValues)
            {
                _entries.StartFresh(_hasPrevious);
                _syringeIndex = SyringeTable.IndexOf(DefaultSyringeId);
            }

            _step = PanelStep.Drug;
            _reviewPage = 0;
            _result = null;
            _entryFinding = null;
        }

        /// <summary>Called when the program was adopted: its drug and concentration are offered first next time.</summary>
        public void Remember() { _hasPrevious = true; }

        public DrugEntry CurrentDrug()
        {
            return _entries.Drug;
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
                        _entries.StepDrugPair(key == PanelKey.Up);
                    }
                    else if (key == PanelKey.Ok)
                    {
                        GoTo(StepOrder.Next(PanelStep.Drug, plain));
                    }
                    else if (key == PanelKey.Back)
                    {
                        _outcome = WizardOutcome.Cancelled;
                    }

                    break;
                case PanelStep.Patient:
                    OnPatientKey(key, plain);
                    break;
                case PanelStep.Defaults:
                    OnDefaultsKey(key, drug);
                    break;
                case PanelStep.Weight:
                case PanelStep.Dose:
                case PanelStep.Duration:
                case PanelStep.Rate:
                case PanelStep.Volume:
                    Edit(key, StepOrder.Next(_step, plain), StepOrder.Previous(_step, plain));
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
                        GoTo(StepOrder.Previous(PanelStep.Syringe, plain));
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
                        _reviewPage = ReviewPages - 1;
                    }
                    else if (key == PanelKey.Up)
                    {
                        _softLimits.StepBack();
                    }

                    break;
                case PanelStep.ConfirmOverride:
                    if (key == PanelKey.Ok)
                    {
                        NextSoftFinding();
                    }
                    else if (key == PanelKey.Back)
                    {
                        _step = PanelStep.SoftLimit;
                    }

                    break;
                case PanelStep.EntryFinding:
                    OnEntryFindingKey(key, plain);
                    break;
            }
        }

        /// <summary>The id (or "no id") is committed only as the editor produced it and the check passed.</summary>
        private void OnPatientKey(PanelKey key, bool plain)
        {
            EditResult r = _idEditor.Press(key);
            if (r == EditResult.Cancelled)
            {
                GoTo(PanelStep.Drug);
            }
            else if (r == EditResult.Committed && _entries.SetPatientId(_idEditor.Value))
            {
                GoTo(StepOrder.Next(PanelStep.Patient, plain));
            }
        }

        /// <summary>OK accepts dose, duration and syringe as shown, each checked as on its own screen (a finding opens there,
        /// the others then walked one by one); Up/Down opens the dose screen to change them; Back edits the weight.</summary>
        private void OnDefaultsKey(PanelKey key, DrugEntry drug)
        {
            if (key == PanelKey.Up || key == PanelKey.Down)
            {
                GoTo(PanelStep.Dose);
            }
            else if (key == PanelKey.Back)
            {
                GoTo(StepOrder.Previous(PanelStep.Defaults, false));
            }
            else if (key == PanelKey.Ok)
            {
                _entries.KeepDoseAndDurationAsShown();
                if (!CheckEntry(PanelStep.Dose) && !CheckEntry(PanelStep.Duration))
                {
                    Compute(drug);
                    GoTo(StepOrder.Next(PanelStep.Defaults, false));
                }
            }
        }

        /// <summary>A refused value: only Back, into its editor. A flagged value: OK keeps it (confirmed again at review), Back edits it.</summary>
        private void OnEntryFindingKey(PanelKey key, bool plain)
        {
            if (key == PanelKey.Back)
            {
                ReopenEntry(_entryStep);
            }
            else if (key == PanelKey.Ok && _entryFinding != null && _entryFinding.IsSoft)
            {
                GoTo(StepOrder.Next(_entryStep, plain));
            }
        }

        /// <summary>Back from a refusal: the offending field, its digit editor open on the value entered.</summary>
        private void ReopenEntry(PanelStep step)
        {
            GoTo(step);
            if (EntryFields.IsNumber(step))
            {
                _editor.Reopen(_entries.FieldValue(step));
            }
        }

        private void OnReviewKey(PanelKey key, DrugEntry drug)
        {
            if (key == PanelKey.Back && _reviewPage > 0)
            {
                _reviewPage--;
                return;
            }

            if (key == PanelKey.Back)
            {
                // From a hard-limit rejection, straight to the screen of the offending value.
                bool plain = drug.Mode == DoseMode.PlainRate;
                bool rejected = _result != null && _result.Outcome == ProgramOutcome.Rejected && _result.FindingCount > 0;
                PanelStep home = rejected ? EntryFields.Home(_result!.GetFinding(0).Kind, plain) : PanelStep.Review;
                if (home == PanelStep.Review)
                {
                    home = StepOrder.Previous(PanelStep.Review, plain);
                }

                ReopenEntry(home);
                return;
            }

            if (_result == null || _calibration == null)
            {
                return;
            }

            if (key == PanelKey.Up || key == PanelKey.Down)
            {
                _softLimits.Cycle(key == PanelKey.Up, _result.FindingCount);
                return;
            }

            if (key != PanelKey.Ok || Refused())
            {
                return;
            }

            if (_reviewPage < ReviewPages - 1)
            {
                _reviewPage++;
                return;
            }

            if (_softLimits.Any(_result))
            {
                // Findings first, then (index == FindingCount) the session-spacing confirmation.
                _softLimits.Restart();
                _step = PanelStep.SoftLimit;
                return;
            }

            _outcome = WizardOutcome.Confirmed;
        }

        /// <summary>After one soft finding is confirmed twice, shows the next; after the last, adopts the program.</summary>
        private void NextSoftFinding()
        {
            if (_result == null || _calibration == null)
            {
                return;
            }

            // The session-spacing override, after the findings, is confirmed like any soft limit.
            if (_softLimits.Advance(_result.FindingCount))
            {
                _step = PanelStep.SoftLimit;
                return;
            }

            _outcome = WizardOutcome.Confirmed;
        }

        private bool Refused()
        {
            return _result == null || _entries.PatientId == PatientId.NotChosen || _result.Outcome == ProgramOutcome.Rejected || _context.SpacingCheck.IsRefused || BeyondMechanism();
        }

        /// <summary>The program's step rate is beyond the mechanism (PRG-011): shown as REJECTED on review.</summary>
        public bool BeyondMechanism()
        {
            return _result != null && _result.Program != null && !_context.WithinMechanism(_result.Program);
        }

        private void Compute(DrugEntry drug)
        {
            _result = null;
            _softLimits.Reset(false);
            _calibration = EntryCheck.Calibration(_syringeIndex, _context.Mechanism);
            if (_calibration == null)
            {
                return;
            }

            _result = EntryCheck.Program(drug, _entries, _calibration);
            _softLimits.Reset(_context.CheckSpacing(drug).Verdict == SpacingVerdict.SoftNeedsConfirmation);
        }

        private void GoTo(PanelStep step)
        {
            _step = step == PanelStep.Defaults && !_entries.HasDoseAndDuration ? PanelStep.Dose : step;
            step = _step;
            _reviewPage = 0;
            if (step == PanelStep.Patient)
            {
                _idEditor.Begin(_entries.PatientId);
            }

            if (EntryFields.IsNumber(step))
            {
                _editor.Begin(_entries.FieldValue(step), EntryFields.Digits(step), EntryFields.Decimals(step), EntryFields.FirstCursor(step));
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

            _entries.SetField(_step, _editor.Value);
            if (!CheckEntry(_step))
            {
                GoTo(next);
            }
        }

        /// <summary>Checks the value just entered on its own screen (EntryCheck); shows the first finding, and says whether one is shown.</summary>
        private bool CheckEntry(PanelStep step)
        {
            Finding? found = EntryCheck.At(step, CurrentDrug(), _entries, EntryCheck.Calibration(_syringeIndex, _context.Mechanism));
            if (found == null)
            {
                return false;
            }

            _entryStep = step;
            _entryFinding = found;
            _step = PanelStep.EntryFinding;
            return true;
        }
    }
}
