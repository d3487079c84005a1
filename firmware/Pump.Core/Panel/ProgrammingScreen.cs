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
        private readonly ReviewScreen _review;

        internal ProgrammingScreen(PumpController pump, ProgramWizard wizard)
        {
            _pump = pump;
            _wizard = wizard;
            _review = new ReviewScreen(pump, wizard, this);
        }

        /// <summary>The patient identification (PNL-405): "NO ID" offered until the clinician enters an id.</summary>
        private void RenderPatient(ScreenBuffer s)
        {
            PatientIdEditor e = _wizard.IdEditor;
            s.Put(0, 0, "PATIENT ID");
            e.Draw(s, 1, 0);
            if (e.Editing)
            {
                s.Put(2, 0, "A-Z 0-9, _ ENDS");
                s.Put(3, 0, "UP/DN:CHAR OK:NEXT");
            }
            else
            {
                s.Put(2, 0, e.Value == PatientId.None ? "UP/DN:ENTER AN ID" : "UP/DN:CHANGE");
                s.Put(3, 0, e.Value == PatientId.None ? "OK:NO ID BACK:DRUG" : "OK:ACCEPT BACK:DRUG");
            }
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
                case PanelStep.Defaults:
                    RenderDefaults(s);
                    break;
                case PanelStep.Review:
                    _review.Render(s);
                    break;
                case PanelStep.Patient:
                    RenderPatient(s);
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

        /// <summary>Dose, duration and syringe as pre-filled, accepted together with one OK (PNL-408).</summary>
        private void RenderDefaults(ScreenBuffer s)
        {
            ProgramEntries e = _wizard.Entries;
            int c = s.Put(0, 0, "DOSE ");
            c = s.PutFixed(0, c, e.FieldValue(PanelStep.Dose), 2, 2);
            s.Put(0, c, " mg/kg");
            c = s.Put(1, 0, "OVER ");
            c = s.PutInteger(1, c, e.FieldValue(PanelStep.Duration));
            s.Put(1, c, " min");
            c = s.Put(2, 0, "SYR ");
            s.Put(2, c, SyringeTable.GetAt(_wizard.SyringeIndex).DisplayName);
            s.Put(3, 0, "OK:ALL 3 UP/DN:EDIT");
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

        internal void RenderFinding(ScreenBuffer s, ProgramResult r, int index)
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

        internal void PutChars(ScreenBuffer s, int row, int n)
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

            Link.VitalSigns? latest = _pump.Interlock.Verdict.LatestVitals;
            if (latest != null && _pump.Interlock.Verdict.HasVitals && BedLabelLine.Has(latest)
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
