using System;
using System.Collections.Generic;
using System.Globalization;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Panel;
using Pump.Core.Programming;
using Pump.Hal;
using Pump.Sim.Hardware;
using Pump.Sim.Monitor;
using Pump.Sim.Physics;
using Pump.Sim.Scenarios;

namespace Pump.Sim.Running
{
    /// <summary>
    /// The virtual clinician. Acts only by pressing panel keys, one at a time, each after the pump has taken
    /// the previous one and a key interval has passed; decides from what a person at the bedside sees: the
    /// pump's display and screen (read-only), its lamps, and the monitor. It programs the scenario's infusion
    /// field by field (drug and concentration, then weight, dose and duration: a shown value that is right is
    /// accepted with OK, a wrong one changed digit by digit; syringe, review, soft-limit confirmations), primes
    /// the line, connects it to the patient and presses Start; later it acknowledges
    /// alarms after a delay and, when asked to, resumes a held infusion once the vitals are back in range
    /// (clinical.md §6b: SBP &lt; 180, DBP &lt; 110, HR ≤ 120, SpO2 ≥ 92, RR 8–30).
    /// It gives up (the outcome is "rejected") when the pump refuses the programme and the scenario does not
    /// confirm soft limits, or when the library does not offer what the scenario asks for.
    /// </summary>
    public sealed class Clinician
    {
        public const int MaxStartAttempts = 10;
        public const long StartRetryMs = 30_000;
        public const long PrimeHoldMs = 1_000;

        private readonly Scenario _scenario;
        private readonly ClinicianSpec _spec;
        private readonly SimKeypad _keypad;
        private readonly SimDisplay _display;
        private readonly long _keyIntervalMs;
        private readonly Queue<PanelKey> _script = new Queue<PanelKey>(64);
        private long _nextKeyAtMs;
        private PanelStep _lastStep = (PanelStep)(-1);
        private PumpState _lastState = (PumpState)(-1);
        private long _stateSinceMs;
        private int _screenPresses;
        private int _startAttempts;
        private bool _lineOnPatient;
        private long _alarmSinceMs = -1;
        private long _nextAckAtMs;
        private long _nextResumeAtMs;
        private global::Pump.Core.Alarms.AlarmCode _ackedCode;
        private readonly ClinicianTitration? _titration;

        public Clinician(Scenario scenario, SimKeypad keypad, SimDisplay display)
        {
            _scenario = scenario;
            _spec = scenario.Clinician;
            _keypad = keypad;
            _display = display;
            _keyIntervalMs = Math.Max(1, (long)Math.Round(_spec.KeyIntervalS * 1000));
            StartAtMs = (long)Math.Round(_spec.StartAfterS * 1000);
            _titration = _spec.Titration != null ? new ClinicianTitration(_spec.Titration, display, ProgrammedUgPerKgPerH(scenario.Program)) : null;
        }

        /// <summary>The dose rate the clinician programs (dose over duration), in the panel's 0.01 mg/kg/h steps, rounded down.</summary>
        private static long ProgrammedUgPerKgPerH(ProgramSpec p)
        {
            long doseUgPerKg = (long)Math.Round(p.DoseMgPerKg * 1000);
            long minutes = Math.Max(1, (long)Math.Round(p.DurationMin));
            return doseUgPerKg * 60 / minutes / 10 * 10;
        }

        /// <summary>The patient's dissociation (0-1) as the clinician sees it at the bedside, set by the run each step.</summary>
        public double ObservedDissociation { get; set; }

        public long StartAtMs { get; }

        /// <summary>True once the clinician began programming.</summary>
        public bool Programmed { get; private set; }

        /// <summary>True once the pump accepted Start and infused.</summary>
        public bool Started { get; private set; }

        /// <summary>The clinician stopped trying: the programme was refused or cannot be entered.</summary>
        public bool GaveUp { get; private set; }

        /// <summary>Why the programme was refused (pump findings or rejection texts).</summary>
        public List<string> RejectionReasons { get; } = new List<string>();

        public long KeysPressed { get; private set; }

        /// <summary>Raised when the clinician does something worth logging (allocates; only on actions).</summary>
        public event Action<long, string>? Acted;

        /// <summary>Raised when the clinician connects the primed line to the patient's cannula.</summary>
        public event Action<long>? LineConnected;

        /// <summary>Raised when the clinician takes the line off the patient (before a re-prime into waste).</summary>
        public event Action<long>? LineDisconnected;

        /// <summary>One control period of the clinician's attention.</summary>
        public void Step(long nowMs, ControllerHost host, SimAnnunciator annunciator, in VitalSignsReading last, int lastSbp, int lastDbp, bool poweredOn)
        {
            PumpController? pump = host.Pump;
            if (!poweredOn || pump == null || _keypad.Pending > 0 || nowMs < _nextKeyAtMs)
            {
                return;
            }
            PumpState state = pump.Status.State;
            if (state != _lastState)
            {
                _lastState = state;
                _stateSinceMs = nowMs;
            }
            if (_script.Count > 0)
            {
                Press(nowMs, _script.Dequeue());
                return;
            }
            if (!Started)
            {
                if (state == PumpState.Infusing)
                {
                    Started = true;
                }
                else if (!GaveUp && nowMs >= StartAtMs)
                {
                    Program(nowMs, pump, state);
                    return;
                }
            }
            if (Started)
            {
                Attend(nowMs, pump, state, annunciator, in last, lastSbp, lastDbp);
            }
        }

        /// <summary>Queues keys the scenario presses on the clinician's behalf.</summary>
        public void Enqueue(PanelKey key) => _script.Enqueue(key);

        private void Program(long nowMs, PumpController pump, PumpState state)
        {
            switch (state)
            {
                case PumpState.Idle:
                    if (!Programmed)
                    {
                        Programmed = true;
                        Act(nowMs, "clinician begins programming on the panel");
                    }
                    Press(nowMs, PanelKey.Ok);
                    return;
                case PumpState.Programming:
                    ProgrammingKey(nowMs, pump);
                    return;
                case PumpState.Ready:
                    if (AnswerReadyQuestion(nowMs))
                    {
                        return;
                    }
                    if (!pump.Status.LinePrimed)
                    {
                        Act(nowMs, "clinician primes the line");
                        Press(nowMs, PanelKey.Ok);
                        return;
                    }
                    if (_startAttempts > 0 && nowMs - _stateSinceMs < StartRetryMs && pump.Status.LastRejection.Length > 0)
                    {
                        return; // wait before trying again
                    }
                    if (_startAttempts >= MaxStartAttempts)
                    {
                        GiveUp(nowMs, "start refused " + _startAttempts + " times: " + pump.Status.LastRejection);
                        return;
                    }
                    if (!_lineOnPatient)
                    {
                        _lineOnPatient = true;
                        LineConnected?.Invoke(nowMs);
                        Act(nowMs, "clinician connects the line to the patient and presses Start");
                    }
                    else
                    {
                        Act(nowMs, "clinician presses Start again (last refusal: " + pump.Status.LastRejection + ")");
                    }
                    _startAttempts++;
                    _stateSinceMs = nowMs;
                    Press(nowMs, PanelKey.Start);
                    return;
                case PumpState.Priming:
                    if (nowMs - _stateSinceMs >= PrimeHoldMs)
                    {
                        Press(nowMs, PanelKey.Ok);
                    }
                    return;
                default:
                    return;
            }
        }

        /// <summary>
        /// Ready's questions, read off the display as a person would: before a re-prime the clinician takes the
        /// line off the patient (it primes into waste from then on) and confirms; told there is too little drug
        /// for the programme, the clinician reads both volumes and starts anyway (the scenario drew up what it did).
        /// </summary>
        private bool AnswerReadyQuestion(long nowMs)
        {
            string title = _display.RowText(0).Trim();
            string second = _display.RowText(1).Trim();
            if (title == "PRIME AGAIN" && second == "DISCONNECT THE LINE")
            {
                if (_lineOnPatient)
                {
                    _lineOnPatient = false;
                    LineDisconnected?.Invoke(nowMs);
                    Act(nowMs, "clinician disconnects the line from the patient before priming again");
                }
                Press(nowMs, PanelKey.Ok);
                return true;
            }
            if (title == "PRIME AGAIN")
            {
                Act(nowMs, "clinician confirms the line is disconnected and primes again into waste");
                Press(nowMs, PanelKey.Ok);
                return true;
            }
            if (title == "TOO LITTLE DRUG")
            {
                Act(nowMs, "clinician reads " + second + " / " + _display.RowText(2).Trim() + " and starts anyway");
                Press(nowMs, PanelKey.Ok);
                return true;
            }
            return false;
        }

        private void ProgrammingKey(long nowMs, PumpController pump)
        {
            PanelStep step = ProgrammingScreenReader.StepShown(_display);
            if (step != _lastStep)
            {
                _lastStep = step;
                _screenPresses = 0;
            }
            ProgramSpec p = _scenario.Program;
            switch (step)
            {
                case PanelStep.Drug:
                    DrugKey(nowMs, pump);
                    return;
                case PanelStep.Patient:
                    PatientIdKey(nowMs, _scenario.Patient.Id);
                    return;
                case PanelStep.Weight:
                    DigitKey(nowMs, _scenario.Patient.WeightKg * 10, "weight");
                    return;
                case PanelStep.Defaults:
                    DefaultsKey(nowMs, p);
                    return;
                case PanelStep.Dose:
                    DigitKey(nowMs, p.DoseMgPerKg * 100, "dose");
                    return;
                case PanelStep.Duration:
                    DigitKey(nowMs, p.DurationMin, "duration");
                    return;
                case PanelStep.Rate:
                case PanelStep.Volume:
                    GiveUp(nowMs, "plain-rate programming is not modelled by the virtual clinician");
                    return;
                case PanelStep.Syringe:
                    SyringeCatalog.TryGet(_scenario.Syringe, out SyringeSpec spec);
                    if (_display.RowText(1).Trim() == spec.Description)
                    {
                        Press(nowMs, PanelKey.Ok);
                    }
                    else if (_screenPresses++ > SyringeCatalog.Syringes.Count)
                    {
                        GiveUp(nowMs, "syringe '" + spec.Description + "' is not offered by the panel");
                    }
                    else
                    {
                        Press(nowMs, PanelKey.Down);
                    }
                    return;
                case PanelStep.Review:
                    string review = _display.RowText(0).Trim();
                    if (review == "NO CALIBRATION" || review == "REJECTED: HARD LIMIT")
                    {
                        RecordFindings(pump.Status.ReviewResult);
                        GiveUp(nowMs, review == "NO CALIBRATION" ? "the pump could not compute the programme" : "the pump rejected the programme (hard limit)");
                        return;
                    }
                    Press(nowMs, PanelKey.Ok);
                    return;
                case PanelStep.SoftLimit:
                    if (!p.ConfirmSoftLimits)
                    {
                        RecordFindings(pump.Status.ReviewResult);
                        GiveUp(nowMs, "soft limit not confirmed by the clinician");
                        return;
                    }
                    if (_screenPresses++ == 0)
                    {
                        Act(nowMs, "clinician confirms a soft-limit override: " + _display.RowText(1).Trim() + " " + _display.RowText(2).Trim());
                    }
                    Press(nowMs, PanelKey.Ok);
                    return;
                case PanelStep.ConfirmOverride:
                    Press(nowMs, PanelKey.Ok);
                    return;
                case PanelStep.EntryFinding:
                    EntryFindingKey(nowMs, pump);
                    return;
            }
        }

        /// <summary>A value flagged on its own screen: a soft limit is kept when the scenario confirms soft limits; a hard one ends the attempt.</summary>
        private void EntryFindingKey(long nowMs, PumpController pump)
        {
            Finding? f = pump.Status.EntryFinding;
            string shown = _display.RowText(1).Trim() + " " + _display.RowText(2).Trim();
            if (f == null || _display.RowText(0).Trim() != "SOFT LIMIT: CHECK")
            {
                if (f != null)
                {
                    RejectionReasons.Add(f.ToLongString());
                }
                GiveUp(nowMs, "the pump refused a value at entry (hard limit): " + shown);
                return;
            }
            if (!_scenario.Program.ConfirmSoftLimits)
            {
                RejectionReasons.Add(f.ToLongString());
                GiveUp(nowMs, "soft limit not confirmed by the clinician");
                return;
            }
            Act(nowMs, "clinician keeps a value flagged at entry: " + shown);
            Press(nowMs, PanelKey.Ok);
        }

        /// <summary>The drug screen lists drug and concentration pairs: Down until both read right, then OK.</summary>
        private void DrugKey(long nowMs, PumpController pump)
        {
            DrugEntry? drug = FindDrug(pump.Library, _scenario.Program.Drug);
            if (drug == null)
            {
                GiveUp(nowMs, "drug '" + _scenario.Program.Drug + "' is not in the pump's library");
                return;
            }
            long wantUg = (long)Math.Round(_scenario.Program.ConcentrationMgPerMl * 1000);
            if (drug.Mode != DoseMode.PlainRate && Array.IndexOf(drug.ConcentrationsUgPerMl, (int)wantUg) < 0)
            {
                GiveUp(nowMs, "concentration " + _scenario.Program.ConcentrationMgPerMl.ToString(CultureInfo.InvariantCulture)
                    + " mg/mL is not offered by the drug library (offered: " + string.Join(", ", Array.ConvertAll(drug.ConcentrationsUgPerMl, c => (c / 1000.0).ToString(CultureInfo.InvariantCulture))) + " mg/mL)");
                return;
            }
            string wantConcentration = (wantUg / 1000.0).ToString(CultureInfo.InvariantCulture) + " mg/mL";
            bool drugShown = _display.RowText(1).Contains(_scenario.Program.Drug.Trim(), StringComparison.OrdinalIgnoreCase);
            bool concentrationShown = drug.Mode == DoseMode.PlainRate || _display.RowText(2).Trim().StartsWith(wantConcentration, StringComparison.Ordinal);
            if (drugShown && concentrationShown)
            {
                Press(nowMs, PanelKey.Ok);
            }
            else if (_screenPresses++ > 4 * pump.Library.Count + 4)
            {
                GiveUp(nowMs, "drug '" + _scenario.Program.Drug + "' at " + wantConcentration + " is not offered by the panel");
            }
            else
            {
                Press(nowMs, PanelKey.Down);
            }
        }

        /// <summary>Types the scenario's patient id character by character from what the screen shows (no id: OK on "NO ID").</summary>
        private void PatientIdKey(long nowMs, string id)
        {
            if (!ProgrammingScreenReader.TryReadPatientId(_display, out string shown, out bool editing, out int at))
            {
                GiveUp(nowMs, "patient id: no id on the screen");
                return;
            }
            if (!editing)
            {
                Press(nowMs, id.Length == 0 && shown.Length == 0 ? PanelKey.Ok : id == shown ? PanelKey.Ok : PanelKey.Up);
                return;
            }
            char want = at < id.Length ? id[at] : '\0';
            char under = at < shown.Length ? shown[at] : '\0';
            if (under == want)
            {
                Press(nowMs, PanelKey.Ok);
                return;
            }
            // The shorter way round the alphabet (a blank sits after 9 from the second character on).
            string ring = PatientId.Alphabet + (at > 0 ? "\0" : "");
            int from = under == '\0' ? ring.Length - 1 : ring.IndexOf(under);
            int to = want == '\0' ? ring.Length - 1 : ring.IndexOf(want);
            int up = ((to - from) % ring.Length + ring.Length) % ring.Length;
            Press(nowMs, up <= ring.Length - up ? PanelKey.Up : PanelKey.Down);
        }

        /// <summary>The pre-filled dose, duration and syringe: one OK when all three are the programme's, else Down to change them.</summary>
        private void DefaultsKey(long nowMs, ProgramSpec p)
        {
            if (!ProgrammingScreenReader.TryReadDefaults(_display, out long dose, out long minutes, out string syringe))
            {
                GiveUp(nowMs, "the dose, duration and syringe screen does not read");
                return;
            }
            SyringeCatalog.TryGet(_scenario.Syringe, out SyringeSpec spec);
            bool same = dose == (long)Math.Round(p.DoseMgPerKg * 100) && minutes == (long)Math.Round(p.DurationMin) && syringe == spec.Description;
            Act(nowMs, same ? "clinician checks the pre-filled dose, duration and syringe and accepts them"
                            : "clinician opens the dose, duration and syringe screens to change them");
            Press(nowMs, same ? PanelKey.Ok : PanelKey.Down);
        }

        /// <summary>Enters a value on a number screen, digit by digit, from what the display shows.</summary>
        private void DigitKey(long nowMs, double scaledValue, string field)
        {
            long value = (long)Math.Round(scaledValue);
            if (!ProgrammingScreenReader.TryReadNumber(_display, out int[] shown, out bool editing, out int cursor))
            {
                GiveUp(nowMs, field + ": no number on the screen");
                return;
            }
            long max = 1;
            long shownValue = 0;
            for (int i = 0; i < shown.Length; i++)
            {
                max *= 10;
                shownValue = shownValue * 10 + shown[i];
            }
            if (value < 0 || value >= max)
            {
                GiveUp(nowMs, field + " does not fit the panel's " + shown.Length + "-digit field");
                return;
            }
            if (!editing)
            {
                // A shown value (library default or previous): accept it if right, else open the editor.
                Press(nowMs, shownValue == value ? PanelKey.Ok : PanelKey.Up);
                return;
            }
            for (int i = 0; i < cursor; i++)
            {
                if (shown[i] != Digit(value, max, i))
                {
                    Press(nowMs, PanelKey.Back);
                    return;
                }
            }
            int diff = (Digit(value, max, cursor) - shown[cursor] + 10) % 10;
            Press(nowMs, diff == 0 ? PanelKey.Ok : diff <= 5 ? PanelKey.Up : PanelKey.Down);
        }

        private static int Digit(long value, long max, int index)
        {
            long div = max;
            for (int i = 0; i <= index; i++)
            {
                div /= 10;
            }
            return (int)(value / div % 10);
        }

        private void Attend(long nowMs, PumpController pump, PumpState state, SimAnnunciator annunciator, in VitalSignsReading last, int sbp, int dbp)
        {
            bool alarm = annunciator.Light != AlarmLight.Off;
            global::Pump.Core.Alarms.AlarmCode highest = pump.Status.HighestAlarm;
            if (!alarm)
            {
                _alarmSinceMs = -1;
            }
            else if (_alarmSinceMs < 0 || highest != _ackedCode)
            {
                // A new alarm episode (or a different highest alarm): acknowledge it after the delay.
                _alarmSinceMs = nowMs;
                _ackedCode = highest;
                _nextAckAtMs = _spec.AcknowledgeAfterS is double s ? nowMs + (long)(s * 1000) : long.MaxValue;
            }
            if (alarm && nowMs >= _nextAckAtMs)
            {
                // Only the Alarm state needs OK again (to clear once the cause is gone); elsewhere once is enough.
                _nextAckAtMs = state == PumpState.Alarm ? nowMs + 30_000 : long.MaxValue;
                if (annunciator.Sound != AlarmSound.Silent && !annunciator.AudioPaused)
                {
                    _script.Enqueue(PanelKey.Silence);
                }
                // In Stopped/Completed, OK would end the session: the clinician only silences there.
                if (state != PumpState.Stopped && state != PumpState.Completed)
                {
                    _script.Enqueue(PanelKey.Ok);
                }
                Act(nowMs, "clinician acknowledges the alarm (" + pump.Status.HighestAlarm + ")");
                if (_script.Count > 0)
                {
                    Press(nowMs, _script.Dequeue());
                }
                return;
            }
            if (_titration != null)
            {
                PanelKey key = _titration.NextKey(state, ObservedDissociation, nowMs);
                if (_titration.Decision != null)
                {
                    Act(nowMs, _titration.Decision);
                }
                if (key != PanelKey.None)
                {
                    Press(nowMs, key);
                    return;
                }
            }
            if (_spec.ResumeWhenSafe && (state == PumpState.InterlockHold || state == PumpState.Paused)
                && nowMs >= _nextResumeAtMs && VitalsSafe(in last, sbp, dbp))
            {
                _nextResumeAtMs = nowMs + 60_000;
                Act(nowMs, "clinician sees safe vitals and presses Start to resume");
                Press(nowMs, PanelKey.Start);
            }
        }

        /// <summary>Within the §6b pause limits (a clinician would resume).</summary>
        public static bool VitalsSafe(in VitalSignsReading r, int sbp, int dbp)
        {
            return !r.ProbeOff && sbp > 0 && sbp < 180 && dbp < 110 && r.HrBpm <= 120 && r.Spo2Pct >= 92
                && r.RrPerMin >= 8 && r.RrPerMin <= 30;
        }

        private static DrugEntry? FindDrug(DrugLibrary library, string name)
        {
            for (int i = 0; i < library.Count; i++)
            {
                DrugEntry d = library.GetAt(i);
                if (d.Name.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return d;
                }
            }
            return null;
        }

        private void RecordFindings(ProgramResult? r)
        {
            if (r == null)
            {
                return;
            }
            for (int i = 0; i < r.FindingCount; i++)
            {
                RejectionReasons.Add(r.GetFinding(i).ToLongString());
            }
        }

        private void GiveUp(long nowMs, string why)
        {
            if (GaveUp)
            {
                return;
            }
            GaveUp = true;
            RejectionReasons.Add(why);
            Act(nowMs, "clinician gives up: " + why);
        }

        private void Press(long nowMs, PanelKey key)
        {
            if (_keypad.Press(key))
            {
                KeysPressed++;
            }
            _nextKeyAtMs = nowMs + _keyIntervalMs;
        }

        private void Act(long nowMs, string what) => Acted?.Invoke(nowMs, what);
    }
}
