using System.Collections.Generic;
using Pump.Hal;
using Pump.Sim.Hardware;
using Pump.Sim.Monitor;
using Pump.Sim.Scenarios;

namespace Pump.Sim.Running
{
    /// <summary>
    /// The virtual clinician: acts only through panel key presses, and sees only what a person at the
    /// bedside sees (the alarm lamp, the running lamp, the monitor's last reading). Programs and starts the
    /// infusion, acknowledges alarms after a delay, and (optionally) resumes a held infusion when the vitals
    /// are back in range (clinical.md §6b: SBP &lt; 180, DBP &lt; 110, HR ≤ 120, SpO2 ≥ 92, RR 8–30).
    /// </summary>
    public sealed class Clinician
    {
        private readonly ClinicianSpec _spec;
        private readonly SimKeypad _keypad;
        private readonly Queue<(long AtMs, PanelKey Key)> _pending = new Queue<(long, PanelKey)>(256);
        private readonly long _keyIntervalMs;
        private long _alarmSinceMs = -1;
        private bool _acknowledged;
        private long _nextResumeAttemptMs;
        private bool _everRan;

        public Clinician(ClinicianSpec spec, SimKeypad keypad)
        {
            _spec = spec;
            _keypad = keypad;
            _keyIntervalMs = (long)System.Math.Round(spec.KeyIntervalS * 1000);
            StartAtMs = (long)System.Math.Round(spec.StartAfterS * 1000);
        }

        public long StartAtMs { get; }

        public bool Programmed { get; private set; }

        /// <summary>Presses made, with their time, for the event log.</summary>
        public int KeysPressed { get; private set; }

        /// <summary>Raised when the clinician does something worth logging (allocates; only on actions).</summary>
        public event System.Action<long, string>? Acted;

        /// <summary>Queues <paramref name="keys"/> from <paramref name="nowMs"/>, one every key interval.</summary>
        public void Queue(long nowMs, IEnumerable<PanelKey> keys)
        {
            long t = nowMs;
            foreach ((long at, PanelKey _) in _pending)
            {
                t = System.Math.Max(t, at + _keyIntervalMs);
            }
            foreach (PanelKey k in keys)
            {
                _pending.Enqueue((t, k));
                t += _keyIntervalMs;
            }
        }

        /// <summary>One control period of the clinician's attention.</summary>
        public void Step(long nowMs, ProgramSpec program, double weightKg, SimAnnunciator annunciator,
            in VitalSignsReading lastReading, int lastSbp, int lastDbp, bool infusionComplete, bool poweredOn)
        {
            if (!Programmed && nowMs >= StartAtMs && poweredOn)
            {
                Programmed = true;
                Queue(nowMs, PanelProcedure.ProgramAndStart(program, weightKg));
                Acted?.Invoke(nowMs, "clinician programs the infusion on the panel and presses Start");
            }

            _everRan |= annunciator.Running;
            bool alarm = annunciator.Light != AlarmLight.Off;
            if (alarm && _alarmSinceMs < 0)
            {
                _alarmSinceMs = nowMs;
                _acknowledged = false;
            }
            else if (!alarm)
            {
                _alarmSinceMs = -1;
            }
            if (alarm && !_acknowledged && _spec.AcknowledgeAfterS is double ackS && nowMs - _alarmSinceMs >= (long)(ackS * 1000))
            {
                _acknowledged = true;
                Queue(nowMs, PanelProcedure.Acknowledge);
                Acted?.Invoke(nowMs, "clinician acknowledges the alarm");
            }

            if (_spec.ResumeWhenSafe && _everRan && !annunciator.Running && !infusionComplete && poweredOn
                && nowMs >= _nextResumeAttemptMs && (!alarm || _acknowledged) && _pending.Count == 0
                && VitalsSafe(in lastReading, lastSbp, lastDbp))
            {
                _nextResumeAttemptMs = nowMs + 60_000;
                Queue(nowMs, PanelProcedure.Resume);
                Acted?.Invoke(nowMs, "clinician sees safe vitals and resumes");
            }

            while (_pending.Count > 0 && _pending.Peek().AtMs <= nowMs)
            {
                PanelKey k = _pending.Dequeue().Key;
                if (_keypad.Press(k))
                {
                    KeysPressed++;
                }
            }
        }

        /// <summary>Within the §6b pause limits (a clinician would resume).</summary>
        public static bool VitalsSafe(in VitalSignsReading r, int sbp, int dbp)
        {
            return !r.ProbeOff && sbp > 0 && sbp < 180 && dbp < 110 && r.HrBpm <= 120 && r.Spo2Pct >= 92
                && r.RrPerMin >= 8 && r.RrPerMin <= 30;
        }
    }
}
