using Pump.Core.Alarms;
using Pump.Core.Common;
using Pump.Core.Control;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Pump.Core.Programming;

namespace Pump.Core.Panel
{
    /// <summary>
    /// Draws the session screens (infusing, paused, held, alarm, stopped, completed): the drug and concentration,
    /// the dose rate and dose given, delivered and programmed volume, time left, the latest vitals or the highest
    /// alarm (PNL-007, PNL-403), without allocating. 20x4 cannot hold it all, so the information lines take turns
    /// (<see cref="PageUs"/> each) while the state, the alarm and the vitals stay put.
    /// </summary>
    public sealed class SessionScreen
    {
        /// <summary>How long each information page is shown before the next.</summary>
        public const long PageUs = 3000000;

        private const int DrugLine = 0;
        private const int DoseLine = 1;
        private const int VolumeLine = 2;
        private const int TimeLine = 3;
        private const int BedLine = 4;

        private readonly PumpStatus _status;

        internal SessionScreen(PumpStatus status)
        {
            _status = status;
        }

        internal void Render(ScreenBuffer s, long nowUs, bool confirmingEnd)
        {
            PumpState state = _status.State;
            if (confirmingEnd)
            {
                s.Put(0, 0, "END SESSION?");
                RenderDelivered(s, 1);
                s.Put(3, 0, "OK:END  BACK:NO");
                return;
            }

            int c = s.Put(0, 0, PumpStates.Name(state));
            InfusionProgram? p = _status.Program;
            if (state == PumpState.Infusing && p != null)
            {
                c = s.PutChar(0, c, ' ');
                c = s.PutFixed(0, c, p.RateUlPerH, 3, 1);
                s.Put(0, c, "mL/h");
            }

            bool stopped = state == PumpState.Stopped || state == PumpState.Completed;
            long page = nowUs < 0 ? 0 : nowUs / PageUs;
            if (state == PumpState.Infusing && p != null)
            {
                // Two pages of two lines: drug and dose, then volume and time left.
                int first = (int)(page % 2) * 2;
                RenderInfoLine(s, 1, first);
                RenderInfoLine(s, 2, first + 1);
            }
            else
            {
                // The alarm or hold reason keeps its line; the information lines take turns above it, with the
                // monitor's bed label among them when the drug needs vitals (LNK-020).
                int lines = _status.VitalsShown && BedLabelLine.Has(_status.LatestVitals) ? 5 : 4;
                RenderInfoLine(s, 1, stopped ? VolumeLine : (int)(page % lines));
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

        /// <summary>One information line: drug and concentration, dose rate and dose given, volumes, or time left.</summary>
        private void RenderInfoLine(ScreenBuffer s, int row, int line)
        {
            if (line == BedLine)
            {
                BedLabelLine.Render(s, row, _status.LatestVitals);
                return;
            }

            InfusionProgram? p = _status.Program;
            Library.DrugEntry? d = _status.Drug;
            if (p == null || (p.TotalDoseUg <= 0 && (line == DrugLine || line == DoseLine)))
            {
                // A plain mL/h program has no drug dose: its name and the volumes are all there is to show.
                if (line == DrugLine && d != null)
                {
                    s.Put(row, 0, d.Name);
                }
                else if (line == TimeLine && p != null)
                {
                    RenderTimeLeft(s, row, p);
                }
                else
                {
                    RenderDelivered(s, row);
                }

                return;
            }

            switch (line)
            {
                case DrugLine:
                    int c = PutShortName(s, row, d != null ? d.Name : "");
                    c = s.PutChar(row, c, ' ');
                    c = s.PutFixed(row, c, p.ConcentrationUgPerMl, 3, 0);
                    s.Put(row, c, "mg/mL");
                    break;
                case DoseLine:
                    // Dose rate (mg/kg/h, rounded down) and the dose given so far (0.1 mg, rounded down).
                    int dc = s.PutFixed(row, 0, p.RateUgPerKgPerH / 10, 2, 2);
                    dc = s.Put(row, dc, "mg/kg/h ");
                    dc = s.PutFixed(row, dc, _status.DeliveredDoseUg / 100, 1, 1);
                    s.Put(row, dc, "mg");
                    break;
                case VolumeLine:
                    RenderDelivered(s, row);
                    break;
                default:
                    RenderTimeLeft(s, row, p);
                    break;
            }
        }

        /// <summary>"LEFT 30:00": what the program still has to deliver, at its rate.</summary>
        private void RenderTimeLeft(ScreenBuffer s, int row, InfusionProgram p)
        {
            long left = p.TotalMicrosteps - _status.CountedMicrosteps;
            long leftUs = left <= 0 ? 0 : IntMath.MulDiv(left, p.RatePeriodUs, p.RateMicrosteps);
            int c = s.Put(row, 0, "LEFT ");
            s.PutDuration(row, c, leftUs / 1000000);
        }

        /// <summary>The drug's name up to its first space ("KETAMINE" of "KETAMINE PSYCH 40min").</summary>
        private static int PutShortName(ScreenBuffer s, int row, string name)
        {
            int c = 0;
            for (int i = 0; i < name.Length && name[i] != ' ' && c < 12; i++)
            {
                c = s.PutChar(row, c, name[i]);
            }

            return c;
        }

        /// <summary>"12.3/35.0mL 12.3mg": delivered and programmed volume (0.1 mL, rounded down) and dose.</summary>
        internal void RenderDelivered(ScreenBuffer s, int row)
        {
            InfusionProgram? p = _status.Program;
            int c = s.PutFixed(row, 0, _status.DeliveredVolumeNl / 100000, 1, 1);
            if (p != null)
            {
                c = s.PutChar(row, c, '/');
                c = s.PutFixed(row, c, p.VolumeNl / 100000, 1, 1);
            }

            c = s.Put(row, c, "mL");
            if (p != null && p.TotalDoseUg > 0)
            {
                c = s.PutChar(row, c, ' ');
                c = s.PutFixed(row, c, _status.DeliveredDoseUg / 100, 1, 1);
                s.Put(row, c, "mg");
            }
        }

        internal void RenderAlarmLine(ScreenBuffer s, int row)
        {
            AlarmCode top = _status.HighestAlarm;
            if (top == AlarmCode.None)
            {
                return;
            }

            if (top == AlarmCode.VitalHold || top == AlarmCode.VitalStop || top == AlarmCode.VitalAdvisory)
            {
                VitalRule? rule = _status.ActiveVitalRule;
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
            AlarmCode top = _status.HighestAlarm;
            if (top != AlarmCode.None)
            {
                RenderAlarmLine(s, row);
                return;
            }

            VitalSigns? v = _status.LatestVitals;
            if (!_status.VitalsShown || v == null)
            {
                return;
            }

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
