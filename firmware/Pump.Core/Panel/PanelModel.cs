using Pump.Core.Alarms;
using Pump.Core.Common;
using Pump.Core.Control;
using Pump.Core.Interlock;
using Pump.Core.Library;
using Pump.Core.Link;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Units;
using Pump.Hal;

namespace Pump.Core.Panel
{
    /// <summary>
    /// The clinician's screens and keys (PNL-001..), in the core so the device and the simulator show the
    /// same thing. Programming flow: drug → concentration → weight → dose per kg → duration → syringe →
    /// review (rate, volume, total dose) → each soft limit confirmed twice → Ready. Plain mL/h drugs ask
    /// rate and volume instead. Values are entered digit by digit and confirmed (NumberEditor), so a
    /// change always takes at least two deliberate key presses. Rendering writes into the ScreenBuffer
    /// without allocating.
    /// </summary>
    public sealed class PanelModel
    {
        /// <summary>How long a refusal stays on the bottom line.</summary>
        public const long RejectionShownUs = 4000000;

        private readonly PumpController _pump;
        private readonly NumberEditor _editor = new NumberEditor();
        private readonly char[] _line = new char[ScreenBuffer.Columns];
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
        private bool _confirmEnd;
        private bool _historyShown;
        private int _historyIndex;

        public PanelModel(PumpController pump)
        {
            _pump = pump;
            _syringeIndex = DefaultSyringeIndex();
        }

        /// <summary>Current programming screen (meaningful in Programming).</summary>
        public PanelStep Step { get { return _step; } }

        /// <summary>The number editor (for tests and the simulator's clinician).</summary>
        public NumberEditor Editor { get { return _editor; } }

        /// <summary>The last program computed on review.</summary>
        public ProgramResult? Result { get { return _result; } }

        /// <summary>True while "END SESSION?" waits for OK.</summary>
        public bool ConfirmingEnd { get { return _confirmEnd; } }

        internal void BeginProgramming(bool keepValues)
        {
            _confirmEnd = false;
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

        private DrugEntry CurrentDrug()
        {
            return _pump.Library.GetAt(_drugIndex);
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

        /// <summary>Handles one key (Silence is handled by the controller).</summary>
        public void OnKey(PanelKey key, long nowUs)
        {
            switch (_pump.State)
            {
                case PumpState.Idle:
                    if (_historyShown)
                    {
                        OnHistoryKey(key);
                    }
                    else if (key == PanelKey.Ok)
                    {
                        _pump.Request(PumpTrigger.BeginProgramming);
                    }
                    else if (key == PanelKey.Down || key == PanelKey.Up)
                    {
                        _historyShown = true;
                        _historyIndex = 0;
                    }

                    break;
                case PumpState.Programming:
                    OnProgrammingKey(key);
                    break;
                case PumpState.Ready:
                    if (key == PanelKey.Start)
                    {
                        _pump.Request(PumpTrigger.RequestStart);
                    }
                    else if (key == PanelKey.Ok)
                    {
                        _pump.Request(PumpTrigger.RequestPrime);
                    }
                    else if (key == PanelKey.Back)
                    {
                        _pump.Request(PumpTrigger.BeginProgramming);
                    }
                    else if (key == PanelKey.PauseStop)
                    {
                        _pump.Request(PumpTrigger.CancelProgramming);
                    }

                    break;
                case PumpState.Priming:
                    if (key == PanelKey.Ok)
                    {
                        _pump.Request(PumpTrigger.PrimeFinished);
                    }
                    else if (key == PanelKey.PauseStop || key == PanelKey.Back)
                    {
                        _pump.Request(PumpTrigger.RequestPause);
                    }

                    break;
                case PumpState.Infusing:
                    if (key == PanelKey.PauseStop)
                    {
                        _pump.Request(PumpTrigger.RequestPause);
                    }
                    else if (key == PanelKey.Ok)
                    {
                        _pump.AcknowledgeAlarms(nowUs);
                    }

                    break;
                case PumpState.Paused:
                case PumpState.InterlockHold:
                case PumpState.Alarm:
                    OnStoppedKey(key, nowUs);
                    break;
                case PumpState.Stopped:
                case PumpState.Completed:
                    if (key == PanelKey.Ok)
                    {
                        _pump.AcknowledgeAlarms(nowUs);
                        _pump.Request(PumpTrigger.EndSession);
                    }

                    break;
                default:
                    if (key == PanelKey.Ok)
                    {
                        _pump.AcknowledgeAlarms(nowUs);
                    }

                    break;
            }
        }

        /// <summary>Alarm history (ALM-007): Up/Down scroll newest-first, Back or OK leaves.</summary>
        private void OnHistoryKey(PanelKey key)
        {
            int n = _pump.Alarms.HistoryCount;
            if (key == PanelKey.Down && _historyIndex + 1 < n)
            {
                _historyIndex++;
            }
            else if (key == PanelKey.Up && _historyIndex > 0)
            {
                _historyIndex--;
            }
            else if (key == PanelKey.Back || key == PanelKey.Ok)
            {
                _historyShown = false;
            }
        }

        private void RenderHistory(ScreenBuffer s, long nowUs)
        {
            int n = _pump.Alarms.HistoryCount;
            int c = s.Put(0, 0, "ALARM HISTORY ");
            if (n == 0)
            {
                s.Put(1, 0, "NO ALARMS");
            }
            else
            {
                c = s.PutInteger(0, c, _historyIndex + 1);
                c = s.PutChar(0, c, '/');
                s.PutInteger(0, c, n);
                AlarmCode code;
                long atUs;
                bool raised;
                _pump.Alarms.HistoryAt(_historyIndex, out code, out atUs, out raised);
                s.Put(1, 0, AlarmTable.For(code).Message);
                int rc = s.Put(2, 0, raised ? "RAISED " : "CLEARED ");
                rc = s.PutDuration(2, rc, (nowUs - atUs) / 1000000);
                s.Put(2, rc, " AGO");
            }

            s.Put(3, 0, "UP/DN  BACK:EXIT");
        }

        private void OnStoppedKey(PanelKey key, long nowUs)
        {
            if (_confirmEnd)
            {
                if (key == PanelKey.Ok)
                {
                    _confirmEnd = false;
                    _pump.Request(PumpTrigger.RequestStop);
                }
                else if (key == PanelKey.Back)
                {
                    _confirmEnd = false;
                }

                return;
            }

            if (key == PanelKey.PauseStop)
            {
                _confirmEnd = true;
            }
            else if (key == PanelKey.Start)
            {
                _pump.Request(PumpTrigger.RequestResume);
            }
            else if (key == PanelKey.Ok)
            {
                _pump.AcknowledgeAlarms(nowUs);
                if (_pump.State == PumpState.Alarm)
                {
                    _pump.Request(PumpTrigger.ClearAlarm);
                }
            }
        }

        private void OnProgrammingKey(PanelKey key)
        {
            DrugEntry drug = CurrentDrug();
            bool plain = drug.Mode == DoseMode.PlainRate;
            switch (_step)
            {
                case PanelStep.Drug:
                    if (key == PanelKey.Up || key == PanelKey.Down)
                    {
                        int n = _pump.Library.Count;
                        _drugIndex = (_drugIndex + (key == PanelKey.Up ? n - 1 : 1)) % n;
                        ApplyDrugDefaults();
                    }
                    else if (key == PanelKey.Ok)
                    {
                        GoTo(plain ? PanelStep.Rate : PanelStep.Concentration);
                    }
                    else if (key == PanelKey.Back)
                    {
                        _pump.Request(PumpTrigger.CancelProgramming);
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

            _pump.AdoptConfirmedProgram(drug, _calibration, _result);
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

            _pump.AdoptConfirmedProgram(drug, _calibration, _result);
        }

        private bool Refused()
        {
            return _result == null || _result.Outcome == ProgramOutcome.Rejected || _pump.SpacingCheck.IsRefused || BeyondMechanism();
        }

        private bool BeyondMechanism()
        {
            return _result != null && _result.Program != null && !_pump.WithinMechanism(_result.Program);
        }

        private void Compute(DrugEntry drug)
        {
            _result = null;
            _findingIndex = 0;
            SyringeCalibration? calibration;
            if (!SyringeCalibration.TryCreate(SyringeTable.GetAt(_syringeIndex), _pump.Settings.Mechanism, out calibration) || calibration == null)
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

            SpacingCheckResult spacing = _pump.CheckSpacing(drug);
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

        /// <summary>Draws the screen for the current state.</summary>
        public void Render(long nowUs)
        {
            ScreenBuffer s = _pump.Screen;
            s.Clear();
            switch (_pump.State)
            {
                case PumpState.SelfTest:
                    s.Put(0, 0, "SELF-TEST");
                    s.Put(1, 0, "PLEASE WAIT");
                    break;
                case PumpState.Idle:
                    if (_historyShown)
                    {
                        RenderHistory(s, nowUs);
                        break;
                    }

                    s.Put(0, 0, "IDLE");
                    if (_pump.Library.IsDraft)
                    {
                        s.Put(0, 11, "DRAFT LIB"); // not signed off by pharmacy (LIB-012)
                    }

                    s.Put(1, 0, "OK:NEW  DN:HISTORY");
                    int c = s.Put(2, 0, "LIBRARY REV ");
                    s.PutInteger(2, c, _pump.Library.Revision);
                    if (_pump.LibraryRefusal.Length > 0)
                    {
                        s.Put(3, 0, _pump.LibraryRefusal);
                    }
                    break;
                case PumpState.Programming:
                    RenderProgramming(s);
                    break;
                case PumpState.Ready:
                    RenderProgramLine(s, 0);
                    RenderRateLine(s, 1);
                    s.Put(2, 0, _pump.LinePrimed ? "START:INFUSE OK:PRM" : "OK:PRIME  BACK:EDIT");
                    RenderPairedMonitor(s, 3);
                    break;
                case PumpState.Priming:
                    s.Put(0, 0, "PRIMING");
                    int pc = s.PutFixed(1, 0, _pump.DeliveredVolumeNl() / 1000, 3, 2);
                    s.Put(1, pc, " mL");
                    s.Put(2, 0, "OK: PRIMED   PAUSE");
                    break;
                case PumpState.Infusing:
                case PumpState.Paused:
                case PumpState.InterlockHold:
                case PumpState.Alarm:
                case PumpState.Stopped:
                case PumpState.Completed:
                    RenderSession(s, nowUs);
                    break;
                case PumpState.Failsafe:
                    s.Put(0, 0, "FAILSAFE: SERVICE");
                    RenderAlarmLine(s, 1);
                    RenderDelivered(s, 2);
                    break;
            }

            string reason;
            if (_pump.RecentRejection(nowUs, RejectionShownUs, out reason) && reason.Length > 0)
            {
                s.ClearRow(3);
                int rc = s.Put(3, 0, "! ");
                s.Put(3, rc, reason);
            }
        }

        /// <summary>The paired monitor, shown before every start of a drug that needs vitals so the clinician can
        /// check it against the monitor's label (PNL-300).</summary>
        private void RenderPairedMonitor(ScreenBuffer s, int row)
        {
            if (!_pump.InterlockRequired)
            {
                return;
            }

            int c = s.Put(row, 0, "MONITOR ");
            if (_pump.Settings.PairedMonitorId == 0)
            {
                s.Put(row, c, "NOT PAIRED");
            }
            else
            {
                s.PutInteger(row, c, _pump.Settings.PairedMonitorId);
            }
        }

        private void RenderProgramming(ScreenBuffer s)
        {
            DrugEntry drug = CurrentDrug();
            switch (_step)
            {
                case PanelStep.Drug:
                    s.Put(0, 0, "SELECT DRUG");
                    s.Put(1, 0, drug.Name);
                    s.Put(3, 0, "UP/DN  OK:NEXT");
                    break;
                case PanelStep.Concentration:
                    s.Put(0, 0, "CONCENTRATION");
                    if (drug.ConcentrationsUgPerMl.Length > 0)
                    {
                        int c = s.PutFixed(1, 0, drug.ConcentrationsUgPerMl[_concentrationIndex], 3, 0);
                        s.Put(1, c, " mg/mL");
                    }

                    s.Put(3, 0, "UP/DN  OK:NEXT");
                    break;
                case PanelStep.Weight:
                    RenderEditor(s, "PATIENT WEIGHT", "kg");
                    break;
                case PanelStep.Dose:
                    RenderEditor(s, "DOSE PER KG", "mg/kg");
                    break;
                case PanelStep.Duration:
                    RenderEditor(s, "DURATION", "min");
                    break;
                case PanelStep.Rate:
                    RenderEditor(s, "RATE", "mL/h");
                    break;
                case PanelStep.Volume:
                    RenderEditor(s, "VOLUME TO INFUSE", "mL");
                    break;
                case PanelStep.Syringe:
                    s.Put(0, 0, "SYRINGE");
                    s.Put(1, 0, SyringeTable.GetAt(_syringeIndex).DisplayName);
                    s.Put(3, 0, "UP/DN  OK:REVIEW");
                    break;
                case PanelStep.Review:
                    RenderReview(s);
                    break;
                case PanelStep.SoftLimit:
                case PanelStep.ConfirmOverride:
                    RenderSoftLimit(s);
                    break;
            }
        }

        /// <summary>A number-entry screen: title, the digits with the cursor, the key hint.</summary>
        private void RenderEditor(ScreenBuffer s, string title, string unit)
        {
            s.Put(0, 0, title);
            _editor.Draw(s, 1, 0, unit);
            RenderEditHint(s);
        }

        private void RenderEditHint(ScreenBuffer s)
        {
            s.Put(3, 0, _editor.Confirming ? "OK:CONFIRM BACK:EDIT" : "UP/DN:DIGIT OK:NEXT");
        }

        private void RenderReview(ScreenBuffer s)
        {
            ProgramResult? r = _result;
            if (r == null)
            {
                s.Put(0, 0, "NO CALIBRATION");
                s.Put(3, 0, "BACK: SYRINGE");
                return;
            }

            if (r.Outcome == ProgramOutcome.Rejected || r.Program == null)
            {
                s.Put(0, 0, "REJECTED: HARD LIMIT");
                RenderFinding(s, r, _findingIndex < 0 ? 0 : _findingIndex % IntMath.Max(1, r.FindingCount));
                s.Put(3, 0, "BACK: CHANGE ENTRY");
                return;
            }

            if (BeyondMechanism())
            {
                InfusionProgram fast = r.Program;
                s.Put(0, 0, "REJECTED: PUMP MAX");
                int fc = s.Put(1, 0, "RATE ");
                fc = s.PutFixed(1, fc, fast.RateUlPerH, 3, 1);
                s.Put(1, fc, " mL/h");
                s.Put(2, 0, "TOO FAST: SYRINGE");
                s.Put(3, 0, "BACK: CHANGE ENTRY");
                return;
            }

            if (_pump.SpacingCheck.IsRefused)
            {
                s.Put(0, 0, "REJECTED: SESSIONS");
                PutClipped(s, 1, _pump.SpacingCheck.Message, 0);
                PutClipped(s, 2, _pump.SpacingCheck.Message, ScreenBuffer.Columns);
                s.Put(3, 0, "BACK: CHANGE ENTRY");
                return;
            }

            InfusionProgram p = r.Program;
            int c = s.Put(0, 0, "RATE ");
            c = s.PutFixed(0, c, p.RateUlPerH, 3, 1);
            s.Put(0, c, " mL/h");
            // Whole 0.01 mL and 0.01 mg (rounded down), so the longest line still fits 20 columns.
            c = s.Put(1, 0, "VOL ");
            c = s.PutFixed(1, c, p.VolumeNl / 10000, 2, 1);
            c = s.Put(1, c, "mL ");
            if (p.TotalDoseUg > 0)
            {
                c = s.PutFixed(1, c, p.TotalDoseUg / 10, 2, 1);
                s.Put(1, c, "mg");
            }

            c = s.Put(2, 0, "TIME ");
            s.PutDuration(2, c, p.DurationS);
            s.Put(3, 0, r.Outcome == ProgramOutcome.NeedsConfirmation || _spacingPending ? "OK:SOFT LIMITS" : "OK:ACCEPT BACK:EDIT");
        }

        private void RenderSoftLimit(ScreenBuffer s)
        {
            ProgramResult? r = _result;
            bool confirming = _step == PanelStep.ConfirmOverride;
            if (r != null && _findingIndex >= 0 && _findingIndex < r.FindingCount)
            {
                RenderFinding(s, r, _findingIndex);
            }
            else
            {
                s.Put(1, 0, "SESSION SPACING");
                PutClipped(s, 2, _pump.SpacingCheck.Message, 0);
            }

            s.Put(0, 0, confirming ? "CONFIRM OVERRIDE?" : "SOFT LIMIT");
            s.Put(3, 0, confirming ? "OK:YES  BACK:NO" : "OK:OVERRIDE BACK:NO");
        }

        private void RenderFinding(ScreenBuffer s, ProgramResult r, int index)
        {
            if (r.FindingCount == 0)
            {
                return;
            }

            Finding f = r.GetFinding(index);
            int n = f.WriteLine1(_line, 0);
            PutChars(s, 1, n);
            n = f.WriteLine2(_line, 0);
            PutChars(s, 2, n);
        }

        private void PutChars(ScreenBuffer s, int row, int n)
        {
            for (int i = 0; i < n && i < ScreenBuffer.Columns; i++)
            {
                s.PutChar(row, i, _line[i]);
            }
        }

        private static void PutClipped(ScreenBuffer s, int row, string text, int from)
        {
            for (int i = 0; i < ScreenBuffer.Columns && from + i < text.Length; i++)
            {
                char ch = text[from + i];
                s.PutChar(row, i, ch >= ' ' && ch <= '~' ? ch : '?');
            }
        }

        private void RenderProgramLine(ScreenBuffer s, int row)
        {
            DrugEntry? d = _pump.Drug;
            s.Put(row, 0, d != null ? d.Name : "NO PROGRAM");
        }

        private void RenderRateLine(ScreenBuffer s, int row)
        {
            InfusionProgram? p = _pump.Program;
            if (p == null)
            {
                return;
            }

            int c = s.PutFixed(row, 0, p.RateUlPerH, 3, 1);
            c = s.Put(row, c, "mL/h ");
            c = s.PutFixed(row, c, p.VolumeNl / 1000, 3, 1);
            s.Put(row, c, "mL");
        }

        private void RenderSession(ScreenBuffer s, long nowUs)
        {
            PumpState state = _pump.State;
            if (_confirmEnd)
            {
                s.Put(0, 0, "END SESSION?");
                RenderDelivered(s, 1);
                s.Put(3, 0, "OK:END  BACK:NO");
                return;
            }

            int c = s.Put(0, 0, PumpStates.Name(state));
            InfusionProgram? p = _pump.Program;
            if (state == PumpState.Infusing && p != null)
            {
                c = s.PutChar(0, c, ' ');
                c = s.PutFixed(0, c, p.RateUlPerH, 3, 1);
                s.Put(0, c, "mL/h");
            }

            RenderDelivered(s, 1);
            if (state == PumpState.Infusing && p != null)
            {
                long left = p.TotalMicrosteps - _pump.Ledger.CountedMicrosteps;
                long leftUs = left <= 0 ? 0 : IntMath.MulDiv(left, p.RatePeriodUs, p.RateMicrosteps);
                int lc = s.Put(2, 0, "LEFT ");
                s.PutDuration(2, lc, leftUs / 1000000);
            }
            else
            {
                RenderAlarmLine(s, 2);
            }

            if (state == PumpState.Infusing)
            {
                RenderVitals(s, 3, nowUs);
            }
            else if (state == PumpState.Stopped || state == PumpState.Completed)
            {
                s.Put(3, 0, "OK: END SESSION");
            }
            else if (state == PumpState.Alarm)
            {
                s.Put(3, 0, "OK:CLEAR STOP:END");
            }
            else
            {
                s.Put(3, 0, "START:GO  STOP:END");
            }
        }

        /// <summary>"12.3/35.0mL 12.3mg": delivered and programmed volume (0.1 mL, rounded down) and dose.</summary>
        private void RenderDelivered(ScreenBuffer s, int row)
        {
            InfusionProgram? p = _pump.Program;
            int c = s.PutFixed(row, 0, _pump.DeliveredVolumeNl() / 100000, 1, 1);
            if (p != null)
            {
                c = s.PutChar(row, c, '/');
                c = s.PutFixed(row, c, p.VolumeNl / 100000, 1, 1);
            }

            c = s.Put(row, c, "mL");
            if (p != null && p.TotalDoseUg > 0)
            {
                c = s.PutChar(row, c, ' ');
                c = s.PutFixed(row, c, _pump.DeliveredDoseUg() / 100, 1, 1);
                s.Put(row, c, "mg");
            }
        }

        private void RenderAlarmLine(ScreenBuffer s, int row)
        {
            AlarmCode top = _pump.Alarms.Highest;
            if (top == AlarmCode.None)
            {
                return;
            }

            if (top == AlarmCode.VitalHold || top == AlarmCode.VitalStop || top == AlarmCode.VitalAdvisory)
            {
                VitalRule? rule = _pump.Interlock.ActiveRule;
                if (rule != null)
                {
                    s.Put(row, 0, rule.PanelMessage);
                    return;
                }
            }

            s.Put(row, 0, AlarmTable.For(top).Message);
        }

        private void RenderVitals(ScreenBuffer s, int row, long nowUs)
        {
            AlarmCode top = _pump.Alarms.Highest;
            if (top != AlarmCode.None)
            {
                RenderAlarmLine(s, row);
                return;
            }

            if (!_pump.InterlockRequired || !_pump.Interlock.Parser.HasAccepted)
            {
                return;
            }

            VitalSigns v = _pump.Interlock.Latest;
            int c = 0;
            if (v.NibpAvailable)
            {
                c = s.PutInteger(row, c, v.SystolicMmHg);
                c = s.PutChar(row, c, '/');
                c = s.PutInteger(row, c, v.DiastolicMmHg);
                c = s.PutChar(row, c, ' ');
            }

            if (v.HeartRateAvailable)
            {
                c = s.Put(row, c, "HR");
                c = s.PutInteger(row, c, v.HeartRateBpm);
                c = s.PutChar(row, c, ' ');
            }

            if (v.Spo2Usable)
            {
                c = s.Put(row, c, "S");
                s.PutInteger(row, c, v.Spo2Percent);
            }
        }
    }
}
