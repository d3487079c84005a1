using Pump.Core.Common;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Programming;
using Pump.Hal;

namespace Pump.Core.Panel
{
    /// <summary>
    /// The titration screens while infusing (TIT-001..): Up or Down on the running screen opens the digit editor
    /// on the running rate in the drug's unit (mg/kg/h, or mL/h for a plain program); the value is checked as it
    /// is committed (hard: refused naming the limit; soft: kept only with OK and OK again); a last screen shows old
    /// and new rate and the new time left, and only its OK asks the pump to change. The motor runs on at the old
    /// rate throughout; Back leaves without change, so does <see cref="TimeoutUs"/> without a key, and Pause/Stop
    /// always pauses. Draws without allocating.
    /// </summary>
    public sealed class TitrationScreen
    {
        /// <summary>No key for this long on a titration screen: back to the running screen, rate unchanged.</summary>
        public const long TimeoutUs = 30000000;

        private readonly PumpController _pump;
        private readonly ClinicianCommands _commands;
        private readonly NumberEditor _editor = new NumberEditor();
        private readonly char[] _line = new char[Finding.PanelLineChars];
        private TitrationStep _step;
        private ProgramResult? _plan;
        private int _findingIndex;
        private long _lastKeyUs;
        private bool _plain;

        internal TitrationScreen(PumpController pump)
        {
            _pump = pump;
            _commands = pump.Commands;
        }

        public TitrationStep Step { get { return _step; } }

        /// <summary>The digit editor (for tests and the simulator's clinician).</summary>
        public NumberEditor Editor { get { return _editor; } }

        /// <summary>The checked new rate (meaningful after a commit).</summary>
        public ProgramResult? Plan { get { return _plan; } }

        /// <summary>
        /// A key while infusing. Returns true when the titration took it; false leaves it to the running screen
        /// (Pause/Stop always: it closes the titration and pauses).
        /// </summary>
        internal bool OnKey(PanelKey key, long nowUs)
        {
            if (key == PanelKey.PauseStop)
            {
                _step = TitrationStep.Closed;
                return false;
            }

            if (_step == TitrationStep.Closed)
            {
                if ((key != PanelKey.Up && key != PanelKey.Down) || _pump.Program == null)
                {
                    return false;
                }

                Open();
            }
            else
            {
                Press(key);
            }

            _lastKeyUs = nowUs;
            return true;
        }

        private void Open()
        {
            InfusionProgram p = _pump.Program!;
            _plain = p.Mode == DoseMode.PlainRate;
            // mg/kg/h in 0.01 steps (00.00), or mL/h in 0.1 steps (0000.0); the cursor opens on the digit changed most.
            if (_plain)
            {
                _editor.Begin(p.RateNlPerH / 100000, 5, 1, 2);
            }
            else
            {
                _editor.Begin(p.RateUgPerKgPerH / 10, 4, 2, 2);
            }

            _editor.Reopen(_editor.Original);
            _plan = null;
            _step = TitrationStep.Edit;
        }

        private void Press(PanelKey key)
        {
            switch (_step)
            {
                case TitrationStep.Edit:
                    EditResult r = _editor.Press(key);
                    if (r == EditResult.Cancelled || (r == EditResult.Editing && !_editor.Editing))
                    {
                        // Back on the first digit: nothing changes.
                        _step = TitrationStep.Closed;
                    }
                    else if (r == EditResult.Committed)
                    {
                        Check();
                    }

                    break;
                case TitrationStep.Finding:
                    if (key == PanelKey.Back)
                    {
                        // Back to the digits of the value entered, as at programming (PNL-401).
                        _editor.Reopen(_editor.Value);
                        _step = TitrationStep.Edit;
                    }
                    else if (key == PanelKey.Ok && _plan!.GetFinding(_findingIndex).IsSoft)
                    {
                        _step = TitrationStep.ConfirmOverride;
                    }

                    break;
                case TitrationStep.ConfirmOverride:
                    if (key == PanelKey.Ok)
                    {
                        NextFinding(_findingIndex + 1);
                    }
                    else if (key == PanelKey.Back)
                    {
                        _editor.Reopen(_editor.Value);
                        _step = TitrationStep.Edit;
                    }

                    break;
                case TitrationStep.Confirm:
                    if (key == PanelKey.Ok)
                    {
                        _commands.ConfirmTitration(_plan!);
                        _step = TitrationStep.Closed;
                    }
                    else if (key == PanelKey.Back)
                    {
                        _step = TitrationStep.Closed;
                    }

                    break;
            }
        }

        /// <summary>The committed value against the entry: hard findings refuse here, soft ones are confirmed one by one.</summary>
        private void Check()
        {
            long rate = _plain ? _editor.Value * 100000 : _editor.Value * 10;
            if (_editor.Value == _editor.Original)
            {
                // The rate it already runs at: nothing to change.
                _step = TitrationStep.Closed;
                return;
            }

            _plan = _commands.CheckTitration(rate);
            if (_plan == null)
            {
                _step = TitrationStep.Closed;
                return;
            }

            if (_plan.Outcome == ProgramOutcome.Rejected)
            {
                _findingIndex = 0;
                _step = TitrationStep.Finding;
                return;
            }

            NextFinding(0);
        }

        private void NextFinding(int index)
        {
            _findingIndex = index;
            _step = _plan != null && _plan.Outcome == ProgramOutcome.NeedsConfirmation && index < _plan.FindingCount
                ? TitrationStep.Finding : TitrationStep.Confirm;
        }

        /// <summary>Closes the open screens out of Infusing or after <see cref="TimeoutUs"/> without a key; true when this call closed them.</summary>
        internal bool CloseIfStale(long nowUs)
        {
            if (_step == TitrationStep.Closed || (_pump.State == PumpState.Infusing && _pump.Program != null && nowUs - _lastKeyUs < TimeoutUs))
            {
                return false;
            }

            _step = TitrationStep.Closed;
            return true;
        }

        /// <summary>Draws the open titration screen; false (and closed) when there is none to draw, out of Infusing or timed out.</summary>
        internal bool Render(ScreenBuffer s, long nowUs)
        {
            CloseIfStale(nowUs);

            switch (_step)
            {
                case TitrationStep.Edit:
                    s.Put(0, 0, "NEW DOSE RATE");
                    _editor.Draw(s, 1, 0, _plain ? "mL/h" : "mg/kg/h");
                    int c = s.Put(2, 0, "NOW ");
                    PutRate(s, 2, c, _pump.Program!);
                    s.Put(3, 0, "UP/DN:DIGIT OK:NEXT");
                    break;
                case TitrationStep.Finding:
                case TitrationStep.ConfirmOverride:
                    RenderFinding(s);
                    break;
                case TitrationStep.Confirm:
                    RenderConfirm(s);
                    break;
                default:
                    return false;
            }

            if (_pump.Status.HighestAlarm != Alarms.AlarmCode.None)
            {
                // An alarm is never hidden by a titration screen: it takes the title line.
                s.ClearRow(0);
                s.Put(0, 0, Alarms.AlarmTable.For(_pump.Status.HighestAlarm).Message);
            }

            return true;
        }

        private void RenderFinding(ScreenBuffer s)
        {
            Finding f = _plan!.GetFinding(_findingIndex);
            bool confirming = _step == TitrationStep.ConfirmOverride;
            s.Put(0, 0, confirming ? "CONFIRM OVERRIDE?" : f.IsSoft ? "SOFT LIMIT: CHECK" : "HARD LIMIT: REFUSED");
            PutChars(s, 1, f.WriteLine1(_line, 0));
            PutChars(s, 2, f.WriteLine2(_line, 0));
            s.Put(3, 0, confirming ? "OK:YES  BACK:NO" : f.IsSoft ? "OK:KEEP BACK:CHANGE" : "BACK:CHANGE VALUE");
        }

        /// <summary>"0.75>0.50 mg/kg/h", "52.5>35.0 mL/h", "LEFT 45:00 OK:YES": old and new, and the time left at the new rate.</summary>
        private void RenderConfirm(ScreenBuffer s)
        {
            InfusionProgram old = _pump.Program!;
            InfusionProgram next = _plan!.Program!;
            s.Put(0, 0, "CHANGE RATE?");
            int c = 0;
            if (!_plain)
            {
                c = s.PutFixed(1, 0, old.RateUgPerKgPerH / 10, 2, 2);
                c = s.PutChar(1, c, '>');
                c = s.PutFixed(1, c, next.RateUgPerKgPerH / 10, 2, 2);
                s.Put(1, c, " mg/kg/h");
            }

            int row = _plain ? 1 : 2;
            c = s.PutFixed(row, 0, old.RateUlPerH, 3, 1);
            c = s.PutChar(row, c, '>');
            c = s.PutFixed(row, c, next.RateUlPerH, 3, 1);
            s.Put(row, c, " mL/h");
            long left = next.TotalMicrosteps - _pump.Status.CountedMicrosteps;
            long leftUs = left <= 0 ? 0 : IntMath.MulDiv(left, next.RatePeriodUs, next.RateMicrosteps);
            c = s.Put(3, 0, "LEFT ");
            c = s.PutDuration(3, c, leftUs / 1000000);
            s.Put(3, c, " OK:YES");
        }

        private void PutRate(ScreenBuffer s, int row, int c, InfusionProgram p)
        {
            if (_plain)
            {
                c = s.PutFixed(row, c, p.RateUlPerH, 3, 1);
                s.Put(row, c, " mL/h");
            }
            else
            {
                c = s.PutFixed(row, c, p.RateUgPerKgPerH / 10, 2, 2);
                s.Put(row, c, " mg/kg/h");
            }
        }

        private void PutChars(ScreenBuffer s, int row, int n)
        {
            for (int i = 0; i < n && i < ScreenBuffer.Columns; i++)
            {
                s.PutChar(row, i, _line[i]);
            }
        }
    }
}
