using Pump.Core.Common;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Programming;

namespace Pump.Core.Panel
{
    /// <summary>
    /// The review before a program is adopted (PNL-406), on two 20x4 pages: page 1 what was entered (drug,
    /// concentration, patient id, weight, dose per kg), page 2 what the pump will do (rate, volume and total dose,
    /// duration). OK on page 1 turns to page 2, OK on page 2 accepts (or leads to the soft-limit confirmations);
    /// BACK on page 2 returns to page 1. A refused program shows only its refusal, whatever the page.
    /// </summary>
    internal sealed class ReviewScreen
    {
        private readonly PumpController _pump;
        private readonly ProgramWizard _wizard;
        private readonly ProgrammingScreen _owner;

        internal ReviewScreen(PumpController pump, ProgramWizard wizard, ProgrammingScreen owner)
        {
            _pump = pump;
            _wizard = wizard;
            _owner = owner;
        }

        internal void Render(ScreenBuffer s)
        {
            ProgramResult? r = _wizard.Result;
            if (r == null)
            {
                s.Put(0, 0, "NO CALIBRATION");
                s.Put(3, 0, "BACK: SYRINGE");
                return;
            }

            if (RenderRefusal(s, r) || r.Program == null)
            {
                return;
            }

            if (_wizard.ReviewPage == 0)
            {
                RenderEntered(s, r.Program);
                s.Put(3, 0, "PAGE 1/2 OK:NEXT");
                return;
            }

            RenderPlan(s, r.Program);
            s.Put(3, 0, r.Outcome == ProgramOutcome.NeedsConfirmation || _wizard.SpacingPending ? "2/2 OK:SOFT LIMITS" : "PAGE 2/2 OK:ACCEPT");
        }

        /// <summary>Hard limit, mechanism or session-spacing refusal; true when one was drawn.</summary>
        private bool RenderRefusal(ScreenBuffer s, ProgramResult r)
        {
            if (r.Outcome == ProgramOutcome.Rejected || r.Program == null)
            {
                s.Put(0, 0, "REJECTED: HARD LIMIT");
                _owner.RenderFinding(s, r, _wizard.FindingIndex < 0 ? 0 : _wizard.FindingIndex % IntMath.Max(1, r.FindingCount));
                s.Put(3, 0, "BACK: CHANGE ENTRY");
                return true;
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
                return true;
            }

            if (_pump.SpacingCheck.IsRefused)
            {
                s.Put(0, 0, "REJECTED: SESSIONS");
                ProgrammingScreen.PutClipped(s, 1, _pump.SpacingCheck.Message, 0);
                ProgrammingScreen.PutClipped(s, 2, _pump.SpacingCheck.Message, ScreenBuffer.Columns);
                s.Put(3, 0, "BACK: CHANGE ENTRY");
                return true;
            }

            return false;
        }

        /// <summary>Page 1: "KETAMINE PSYCH 40min" / "1mg/mL ID AB1234" / "70.0kg 0.50mg/kg".</summary>
        private void RenderEntered(ScreenBuffer s, InfusionProgram p)
        {
            DrugEntry drug = _wizard.CurrentDrug();
            s.Put(0, 0, drug.Name);
            int c = 0;
            if (p.ConcentrationUgPerMl > 0)
            {
                c = s.PutFixed(1, 0, p.ConcentrationUgPerMl, 3, 0);
                c = s.Put(1, c, "mg/mL ");
            }

            long id = _wizard.Entries.PatientId;
            c = s.Put(1, c, "ID ");
            if (id > 0)
            {
                PatientIdEditor.PutId(s, 1, c, id);
            }
            else
            {
                s.Put(1, c, "NONE");
            }

            if (p.TotalDoseUg <= 0)
            {
                s.Put(2, 0, "RATE mL/h, NO DOSE");
                return;
            }

            c = s.PutFixed(2, 0, p.WeightG / 100, 1, 1);
            c = s.Put(2, c, "kg ");
            c = s.PutFixed(2, c, p.DoseUgPerKg / 10, 2, 2);
            s.Put(2, c, "mg/kg");
        }

        /// <summary>Page 2: rate, volume with the total dose, duration (whole 0.01 mL and 0.01 mg, rounded down).</summary>
        private static void RenderPlan(ScreenBuffer s, InfusionProgram p)
        {
            int c = s.Put(0, 0, "RATE ");
            c = s.PutFixed(0, c, p.RateUlPerH, 3, 1);
            s.Put(0, c, " mL/h");
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
        }
    }
}
