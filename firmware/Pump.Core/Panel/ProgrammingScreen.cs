using Pump.Core.Common;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Programming;
using Pump.Core.Units;

namespace Pump.Core.Panel
{
    /// <summary>Draws the programming wizard's screens (and the Ready screen's program lines) without allocating.</summary>
    public sealed class ProgrammingScreen
    {
        private readonly PumpController _pump;
        private readonly ProgramWizard _wizard;
        private readonly char[] _line = new char[ScreenBuffer.Columns];

        internal ProgrammingScreen(PumpController pump, ProgramWizard wizard)
        {
            _pump = pump;
            _wizard = wizard;
        }


        internal void Render(ScreenBuffer s)
        {
            DrugEntry drug = _wizard.CurrentDrug();
            switch (_wizard.Step)
            {
                case PanelStep.Drug:
                    s.Put(0, 0, "SELECT DRUG");
                    s.Put(1, 0, drug.Name);
                    if (drug.ConcentrationsUgPerMl.Length > 0)
                    {
                        int c = s.PutFixed(2, 0, drug.ConcentrationsUgPerMl[_wizard.ConcentrationIndex], 3, 0);
                        s.Put(2, c, " mg/mL");
                    }
                    else
                    {
                        s.Put(2, 0, "RATE mL/h, NO DOSE");
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
                    s.Put(1, 0, SyringeTable.GetAt(_wizard.SyringeIndex).DisplayName);
                    s.Put(3, 0, "UP/DN  OK:REVIEW");
                    break;
                case PanelStep.Review:
                    RenderReview(s);
                    break;
                case PanelStep.SoftLimit:
                case PanelStep.ConfirmOverride:
                    RenderSoftLimit(s);
                    break;
                case PanelStep.EntryFinding:
                    RenderEntryFinding(s);
                    break;
            }
        }

        /// <summary>A value just entered crosses a limit (PNL-401): hard is refused here, soft is flagged here.</summary>
        private void RenderEntryFinding(ScreenBuffer s)
        {
            Finding? f = _wizard.EntryFinding;
            if (f == null)
            {
                return;
            }

            s.Put(0, 0, f.IsSoft ? "SOFT LIMIT: CHECK" : "HARD LIMIT: REFUSED");
            PutChars(s, 1, f.WriteLine1(_line, 0));
            PutChars(s, 2, f.WriteLine2(_line, 0));
            s.Put(3, 0, f.IsSoft ? "OK:KEEP BACK:CHANGE" : "BACK:CHANGE VALUE");
        }

        /// <summary>A number-entry screen: title, the digits with the cursor, the key hint.</summary>
        private void RenderEditor(ScreenBuffer s, string title, string unit)
        {
            s.Put(0, 0, title);
            _wizard.Editor.Draw(s, 1, 0, unit);
            RenderEditHint(s);
        }

        private void RenderEditHint(ScreenBuffer s)
        {
            s.Put(3, 0, _wizard.Editor.Editing ? "UP/DN:DIGIT OK:NEXT" : "OK:ACCEPT UP/DN:EDIT");
        }

        private void RenderReview(ScreenBuffer s)
        {
            ProgramResult? r = _wizard.Result;
            if (r == null)
            {
                s.Put(0, 0, "NO CALIBRATION");
                s.Put(3, 0, "BACK: SYRINGE");
                return;
            }

            if (r.Outcome == ProgramOutcome.Rejected || r.Program == null)
            {
                s.Put(0, 0, "REJECTED: HARD LIMIT");
                RenderFinding(s, r, _wizard.FindingIndex < 0 ? 0 : _wizard.FindingIndex % IntMath.Max(1, r.FindingCount));
                s.Put(3, 0, "BACK: CHANGE ENTRY");
                return;
            }

            if (_wizard.BeyondMechanism())
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
            s.Put(3, 0, r.Outcome == ProgramOutcome.NeedsConfirmation || _wizard.SpacingPending ? "OK:SOFT LIMITS" : "OK:ACCEPT BACK:EDIT");
        }

        private void RenderSoftLimit(ScreenBuffer s)
        {
            ProgramResult? r = _wizard.Result;
            bool confirming = _wizard.Step == PanelStep.ConfirmOverride;
            if (r != null && _wizard.FindingIndex >= 0 && _wizard.FindingIndex < r.FindingCount)
            {
                RenderFinding(s, r, _wizard.FindingIndex);
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

        internal static void PutClipped(ScreenBuffer s, int row, string text, int from)
        {
            for (int i = 0; i < ScreenBuffer.Columns && from + i < text.Length; i++)
            {
                char ch = text[from + i];
                s.PutChar(row, i, ch >= ' ' && ch <= '~' ? ch : '?');
            }
        }

        internal void RenderProgramLine(ScreenBuffer s, int row)
        {
            DrugEntry? d = _pump.Drug;
            s.Put(row, 0, d != null ? d.Name : "NO PROGRAM");
        }

        /// <summary>The paired monitor, shown before every start of a drug that needs vitals so the clinician can
        /// check it against the monitor's label (PNL-300); once its frames arrive, its bed label takes turns with
        /// the id, a page each (LNK-020).</summary>
        internal void RenderPairedMonitor(ScreenBuffer s, int row, long nowUs)
        {
            if (!_pump.InterlockRequired)
            {
                return;
            }

            Link.VitalSigns latest = _pump.Interlock.Latest;
            if (_pump.Interlock.Parser.HasAccepted && BedLabelLine.Has(latest)
                && (nowUs < 0 ? 0 : nowUs / SessionScreen.PageUs) % 2 == 1)
            {
                BedLabelLine.Render(s, row, latest);
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

        internal void RenderRateLine(ScreenBuffer s, int row)
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
    }
}
