using Pump.Core.Alarms;
using Pump.Core.Common;
using Pump.Core.Control;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Pump.Core.Programming;

namespace Pump.Core.Panel
{
    /// <summary>
    /// Draws the session screens (infusing, paused, held, alarm, stopped, completed): delivered and programmed
    /// volume and dose, time left, the latest vitals or the highest alarm (PNL-007), without allocating.
    /// </summary>
    public sealed class SessionScreen
    {
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

            RenderDelivered(s, 1);
            if (state == PumpState.Infusing && p != null)
            {
                long left = p.TotalMicrosteps - _status.CountedMicrosteps;
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
