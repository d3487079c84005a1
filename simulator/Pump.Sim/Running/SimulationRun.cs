using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using Pump.Hal;
using Pump.Sim.Hardware;
using Pump.Sim.Monitor;
using Pump.Sim.Patient;
using Pump.Sim.Physics;
using Pump.Sim.Scenarios;

namespace Pump.Sim.Running
{
    /// <summary>
    /// One scenario in lockstep (DESIGN.md D4; ArduPilot SITL, PX4 lockstep). Each <see cref="Step"/> moves
    /// firmware time by exactly one control period and then: integrates the physical models over that period
    /// (pulses, rotor, line pressure, patient), delivers the inputs that arrived in it (monitor frames, raw
    /// link bytes, key presses, injected faults) to the virtual hardware, and calls the controller's Tick once.
    /// Nothing reads the wall clock; a run is a pure function of its scenario and seed.
    /// A steady-state step allocates nothing.
    /// </summary>
    public sealed class SimulationRun
    {
        public const long SampleIntervalMs = 30_000;
        public const long PatientStepMs = 1000;

        private readonly List<ScenarioEvent> _events;
        private readonly List<Ending> _endings = new List<Ending>(16);
        private readonly List<InterlockTrip> _openTrips = new List<InterlockTrip>(8);
        private readonly VolumeSample[] _samples;
        private readonly VitalsSample[] _vitals;
        private readonly Random _tearRandom;
        private readonly double _concentrationMgPerMl;
        private readonly long _tickMs;
        private PumpObservation _obs;
        private int _nextEvent;
        private long _powerOnAtMs = -1;
        private long _cutDeadlineMs = -1;
        private long _pendingOffMs = -1;
        private long _rebootAtMs = -1;
        private bool _crashLogged;
        private long _hungUntilMs = -1;
        private double _lastPatientNl;
        private double _connectedAtNl = double.NaN;
        private double _patientNlBeforeDisconnect;
        private long _shownBits;
        private double _lastSampleMl;
        private string? _pendingFrameCause;
        private bool _pendingFrameNeedsBp;
        private long _pulsesThisTick;

        public SimulationRun(Scenario scenario, RunOptions? options = null)
        {
            options ??= new RunOptions();
            Scenario = scenario;
            Seed = options.Seed ?? scenario.Seed;
            _tickMs = ControllerHost.TickPeriodMs;
            EndMs = (long)Math.Round(scenario.EndAfterMin * 60_000 / _tickMs) * _tickMs;
            if (!SyringeCatalog.TryGet(scenario.Syringe, out SyringeSpec syringe))
            {
                throw new ScenarioException("syringe", "unknown syringe '" + scenario.Syringe + "'");
            }
            _concentrationMgPerMl = scenario.Program.ConcentrationMgPerMl;
            Pump = new VirtualPump(syringe, scenario.FillMl ?? syringe.NominalMl, Seed);
            options.PreparePump?.Invoke(Pump);

            var b = scenario.Patient.Baseline;
            var baseline = new Baseline(b.Hr, b.Sbp, b.Dbp, b.Spo2, b.Rr);
            bool population = options.PopulationPatient || scenario.Patient.Variability == "population";
            Patient = new VirtualPatient(population
                ? PopulationSampler.Sample(Seed, scenario.Patient.WeightKg, baseline)
                : PatientParameters.Typical(scenario.Patient.WeightKg, baseline));
            Pairing = MonitorPairing.Simulated(scenario.Monitor.MonitorId);
            Monitor = new VirtualMonitor(Patient, Pump.MonitorLink, new CoreFrameEncoder(Pairing),
                new Gaussian(new Random(SeedMixer.Mix(Seed, 21))),
                (long)Math.Round(scenario.Monitor.NibpIntervalMin * 60_000), scenario.Monitor.MonitorId);
            Clinician = new Clinician(scenario, Pump.Keypad, Pump.Display);
            Clinician.Acted += (at, what) => Log(at, "clinician", what);
            Clinician.LineConnected += at => ConnectLine(at, "clinician");
            Clinician.LineDisconnected += at => DisconnectLine(at, "clinician");
            Controller = new ControllerHost(Pump, Pairing, new Observer(this)) { ConfigureFromStore = options.ConfigureFromStore };
            _tearRandom = new Random(SeedMixer.Mix(Seed, 31));
            _events = scenario.Events;
            var desatRandom = new Random(SeedMixer.Mix(Seed, 41));
            if (desatRandom.NextDouble() < scenario.Patient.DesaturationRiskPerSession)
            {
                // A spontaneous desaturation (clinical.md §6c), added to a copy of the event list.
                _events = new List<ScenarioEvent>(scenario.Events);
                double infusionS = scenario.Program.DurationMin * 60;
                var desat = new ScenarioEvent
                {
                    AtS = scenario.Clinician.StartAfterS + 60 + (desatRandom.NextDouble() * infusionS * 0.9),
                    Type = ScenarioEventType.Desaturation,
                    Spo2 = 88 + (desatRandom.NextDouble() * 2),
                    DurationS = 60 + (desatRandom.NextDouble() * 120),
                    Path = "patient.desaturationRiskPerSession",
                };
                int i = 0;
                while (i < _events.Count && _events[i].AtS <= desat.AtS)
                {
                    i++;
                }
                _events.Insert(i, desat);
            }

            Programmed = ProgrammedInfusion.From(scenario);
            int sampleCount = options.Record ? (int)(EndMs / SampleIntervalMs) + 2 : 0;
            int vitalsCount = options.Record ? (int)(EndMs / PatientStepMs) + 2 : 0;
            _samples = new VolumeSample[sampleCount];
            _vitals = new VitalsSample[vitalsCount];
            Events = new List<SimEvent>(256);
            Alarms = new List<AlarmRecord>(32);
            Trips = new List<InterlockTrip>(32);
            Pump.Power.PoweredOff += OnPoweredOff;

            // Power-up at t = 0.
            Pump.StepCounter.ResetAtPowerUp();
            Pump.Watchdog.PowerUp(false);
            Controller.Boot();
            Log(0, "power", "pump powered up; scenario '" + scenario.Name + "', seed " + Seed.ToString(CultureInfo.InvariantCulture));
            Record(0);
        }

        public Scenario Scenario { get; }
        public int Seed { get; }
        public VirtualPump Pump { get; }
        public VirtualPatient Patient { get; }
        /// <summary>The pairing shared by the virtual monitor (or bridge) and the pump.</summary>
        public MonitorPairing Pairing { get; }

        public VirtualMonitor Monitor { get; }
        public Clinician Clinician { get; }
        public ControllerHost Controller { get; }
        public ProgrammedInfusion Programmed { get; }

        public long NowMs { get; private set; }
        public long EndMs { get; }
        public long Ticks { get; private set; }
        public bool Finished => NowMs >= EndMs;

        /// <summary>Time of the first STEP pulse (start of delivery), or -1.</summary>
        public long FirstPulseMs { get; private set; } = -1;

        public List<SimEvent> Events { get; }
        public List<AlarmRecord> Alarms { get; }
        public List<InterlockTrip> Trips { get; }
        public int SampleCount { get; private set; }
        public int VitalsCount { get; private set; }
        public ReadOnlySpan<VolumeSample> Samples => _samples.AsSpan(0, SampleCount);
        public ReadOnlySpan<VitalsSample> Vitals => _vitals.AsSpan(0, VitalsCount);
        public ref readonly PumpObservation Observation => ref _obs;
        public int PeakMeasuredSbpMmHg { get; private set; }

        public double PeakPressureKPa { get; private set; }

        /// <summary>The pump's last refusal of a request (e.g. "NO VALID VITALS"), or null.</summary>
        public string? LastPumpRejection { get; private set; }

        /// <summary>
        /// Fluid delivered into the patient, mL: what left the line after the clinician connected it (priming
        /// goes to waste before that), as a balance under the cannula would weigh it.
        /// </summary>
        public double DeliveredMl => (_patientNlBeforeDisconnect
            + (double.IsNaN(_connectedAtNl) ? 0 : Pump.Line.DeliveredNanoLitres - _connectedAtNl)) / 1_000_000.0;

        /// <summary>When the clinician connected the primed line, or -1.</summary>
        public long LineConnectedMs { get; private set; } = -1;

        /// <summary>Raised for every new event-log line (allocates; observers only).</summary>
        public event Action<SimEvent>? EventLogged;

        /// <summary>Advances one control period. Returns false once the scenario has ended.</summary>
        public bool Step()
        {
            if (NowMs >= EndMs)
            {
                return false;
            }
            long now = NowMs + _tickMs;
            NowMs = now;
            Ticks++;

            // 1. The physical world over (now - tick, now].
            _pulsesThisTick = Pump.AdvanceTo(now * 1000);
            if (Pump.Line.PressureKPa > PeakPressureKPa)
            {
                PeakPressureKPa = Pump.Line.PressureKPa;
            }
            if (FirstPulseMs < 0 && LineConnectedMs >= 0 && Pump.StepGenerator.LastPulseUs >= LineConnectedMs * 1000)
            {
                FirstPulseMs = Pump.StepGenerator.LastPulseUs / 1000;
                Log(now, "delivery", "first STEP pulse into the patient");
            }
            if (now % PatientStepMs == 0)
            {
                double mg = 0;
                if (!double.IsNaN(_connectedAtNl))
                {
                    double nl = Pump.Line.DeliveredNanoLitres;
                    mg = Math.Max(0, nl - _lastPatientNl) * _concentrationMgPerMl / 1_000_000.0;
                    _lastPatientNl = nl;
                }
                Patient.Advance(PatientStepMs / 1000.0, mg, now);
                SendMonitorFrame(now);
            }

            // 2. Inputs: scheduled scenario events, the end of timed faults, the clinician's keys.
            while (_nextEvent < _events.Count && EventTimeMs(_events[_nextEvent]) <= now)
            {
                Apply(_events[_nextEvent], now);
                _nextEvent++;
            }
            EndExpiredFaults(now);
            if (_powerOnAtMs >= 0 && now >= _powerOnAtMs)
            {
                PowerUp(now, watchdogReset: false);
            }
            if (_rebootAtMs >= 0 && now >= _rebootAtMs)
            {
                Pump.MotorDriver.HeldOffByWatchdog = false;
                PowerUp(now, watchdogReset: true);
            }
            Clinician.ObservedDissociation = Patient.Dissociation;
            Clinician.Step(now, Controller, Pump.Annunciator, in Monitor.Last, Monitor.LastSbpMmHg, Monitor.LastDbpMmHg, Pump.Power.IsOn);

            // 3. One control tick.
            bool hung = now < _hungUntilMs;
            if (Pump.Power.IsOn && Controller.IsRunning && !hung)
            {
                try
                {
                    Controller.Tick();
                }
                catch (Exception e)
                {
                    // The MCU would hang or fault: nothing runs until the watchdog resets it.
                    if (!_crashLogged)
                    {
                        _crashLogged = true;
                        Log(now, "crash", "controller threw " + e.GetType().Name + ": " + e.Message);
                    }
                    Controller.Halt();
                }
            }
            if (_cutDeadlineMs >= 0 && now >= _cutDeadlineMs && Pump.Power.IsOn)
            {
                Pump.Store.DisarmPowerCut();
                Pump.Power.Cut();
            }
            if (Pump.Power.IsOn && _rebootAtMs < 0 && Pump.Watchdog.HasExpired)
            {
                Pump.MotorDriver.HeldOffByWatchdog = true;
                Pump.StepGenerator.StopNow();
                Controller.Halt();
                _rebootAtMs = now + 1000;
                Log(now, "watchdog", "watchdog bit: motor enable cut, MCU resetting");
            }

            // 4. Observation: alarms, trips, samples.
            Controller.Observe(ref _obs);
            ObserveAlarms(now);
            CloseTrips(now);
            if (now % SampleIntervalMs == 0)
            {
                Record(now);
            }
            return NowMs < EndMs;
        }

        /// <summary>
        /// Runs to the end. <paramref name="speed"/> 0 runs as fast as possible; otherwise simulated time is
        /// paced at <paramref name="speed"/>× the wall clock (1 = real time).
        /// </summary>
        public void Run(double speed = 0, Action<SimulationRun>? everySimulatedSecond = null, CancellationToken cancel = default)
        {
            var wall = Stopwatch.StartNew();
            long startMs = NowMs;
            while (!Finished && !cancel.IsCancellationRequested)
            {
                Step();
                if (NowMs % 1000 == 0)
                {
                    everySimulatedSecond?.Invoke(this);
                    if (speed > 0)
                    {
                        double dueWallMs = (NowMs - startMs) / speed;
                        double ahead = dueWallMs - wall.Elapsed.TotalMilliseconds;
                        if (ahead > 1)
                        {
                            Thread.Sleep(TimeSpan.FromMilliseconds(ahead));
                        }
                    }
                }
            }
        }

        private long EventTimeMs(ScenarioEvent e)
        {
            long ms = (long)Math.Ceiling(e.AtS * 1000 / _tickMs) * _tickMs;
            return Math.Max(ms, _tickMs);
        }

        private void SendMonitorFrame(long now)
        {
            bool linkDown = Pump.MonitorLink.Disconnected;
            Monitor.SendReading(now);
            ref readonly VitalSignsReading r = ref Monitor.Last;
            if (_pendingFrameCause != null && !linkDown && (!_pendingFrameNeedsBp || r.NewBloodPressure))
            {
                Trigger(now, _pendingFrameCause);
                _pendingFrameCause = null;
            }
            if (r.NewBloodPressure && r.SbpMmHg > PeakMeasuredSbpMmHg)
            {
                PeakMeasuredSbpMmHg = r.SbpMmHg;
            }
            if (VitalsCount < _vitals.Length)
            {
                ref VitalsSample v = ref _vitals[VitalsCount++];
                v.TimeMs = now;
                v.HrBpm = r.HrBpm;
                v.Spo2Pct = r.Spo2Pct;
                v.RrPerMin = r.RrPerMin;
                v.SbpMmHg = Monitor.LastSbpMmHg;
                v.DbpMmHg = Monitor.LastDbpMmHg;
                v.NewBloodPressure = r.NewBloodPressure;
                v.ProbeOff = r.ProbeOff;
                v.WrongMonitor = Monitor.WrongMonitor;
                v.LinkDown = linkDown;
                v.CpNgPerMl = Patient.CpNgPerMl;
                v.CeNgPerMl = Patient.CeNgPerMl;
                v.TrueSbpMmHg = Patient.SbpMmHg;
            }
        }

        /// <summary>True while the pump's line is connected to the patient's cannula (the patient receives what it delivers).</summary>
        public bool LineOnPatient => !double.IsNaN(_connectedAtNl);

        /// <summary>A person at the keyboard connects the primed line to the patient (practice: `interactive`).</summary>
        public void ConnectLineByHand()
        {
            if (!LineOnPatient)
            {
                ConnectLine(NowMs, "trainee");
            }
        }

        /// <summary>A person at the keyboard takes the line off the patient (for a re-prime into waste).</summary>
        public void DisconnectLineByHand()
        {
            if (LineOnPatient)
            {
                DisconnectLine(NowMs, "trainee");
            }
        }

        /// <summary>A fault or vital-sign change injected now, through the same path as a scenario event (practice keys).</summary>
        public void InjectNow(ScenarioEvent e) => Apply(e, NowMs);

        private void ConnectLine(long at, string who)
        {
            _connectedAtNl = Pump.Line.DeliveredNanoLitres;
            _lastPatientNl = _connectedAtNl;
            if (LineConnectedMs < 0)
            {
                LineConnectedMs = at;
            }
            Log(at, who, "primed line connected to the patient ("
                + ((_connectedAtNl - _patientNlBeforeDisconnect) / 1e6).ToString("0.###", CultureInfo.InvariantCulture) + " mL went to waste so far)");
        }

        private void DisconnectLine(long at, string who)
        {
            // What left the line while connected stays the patient's; what follows goes to waste.
            _patientNlBeforeDisconnect += Pump.Line.DeliveredNanoLitres - _connectedAtNl;
            _connectedAtNl = double.NaN;
            Log(at, who, "line disconnected from the patient: priming goes to waste");
        }

        private void Apply(ScenarioEvent e, long now)
        {
            string at = e.Path;
            if (FaultTable.TryGet(e.Type, out FaultTable.Fault fault))
            {
                fault.Set(Pump, Monitor, e, true);
                StartTimed(e, now, fault.Describe(e));
                if (fault.FrameCause != null)
                {
                    _pendingFrameCause = fault.FrameCause;
                    _pendingFrameNeedsBp = false;
                }
                if (fault.Trip != null)
                {
                    Trigger(now, fault.Trip(e));
                }
                return;
            }
            switch (e.Type)
            {
                case ScenarioEventType.Vitals:
                    if (e.Hr is double hr) { Monitor.ForcedHr = hr; }
                    if (e.Sbp is double sbp) { Monitor.ForcedSbp = sbp; }
                    if (e.Dbp is double dbp) { Monitor.ForcedDbp = dbp; }
                    if (e.Spo2 is double spo2) { Monitor.ForcedSpo2 = spo2; }
                    if (e.Rr is double rr) { Monitor.ForcedRr = rr; }
                    bool onlyBp = e.Hr == null && e.Spo2 == null && e.Rr == null;
                    string what = "vitals" + Fmt(" hr=", e.Hr) + Fmt(" sbp=", e.Sbp) + Fmt(" dbp=", e.Dbp) + Fmt(" spo2=", e.Spo2) + Fmt(" rr=", e.Rr);
                    Log(now, "inject", what + " forced from now on (" + at + ")");
                    _pendingFrameCause = what;
                    _pendingFrameNeedsBp = onlyBp;
                    break;
                case ScenarioEventType.Release:
                    Monitor.ReleaseForced();
                    Log(now, "inject", "forced vitals released (" + at + ")");
                    break;
                case ScenarioEventType.Bytes:
                    Pump.MonitorLink.Write(e.Bytes!, 0, e.Bytes!.Length);
                    Log(now, "inject", e.Bytes!.Length + " raw bytes into the monitor link (" + at + ")");
                    Trigger(now, "bytes");
                    break;
                case ScenarioEventType.Hang:
                    _hungUntilMs = now + (long)Math.Round(e.DurationS!.Value * 1000);
                    Log(now, "inject", "firmware hangs (no ticks) for " + Fmt("", e.DurationS) + " s (" + at + ")");
                    Trigger(now, "hang");
                    break;
                case ScenarioEventType.Desaturation:
                    Patient.StartDesaturation(e.Spo2 ?? 88, now, (long)(e.DurationS!.Value * 1000));
                    Log(now, "inject", "patient desaturates towards " + Fmt("", e.Spo2) + " % for " + Fmt("", e.DurationS) + " s (" + at + ")");
                    Trigger(now, "desaturation");
                    break;
                case ScenarioEventType.Key:
                    Clinician.Enqueue(e.Key);
                    Log(now, "key", "clinician presses " + e.Key + " (" + at + ")");
                    break;
                case ScenarioEventType.PowerLoss:
                    _pendingOffMs = (long)Math.Round(e.OffS!.Value * 1000);
                    // If the controller writes to the store (in this tick, or with duringWrite in any tick up to
                    // 10 minutes later), power dies in the middle of that write.
                    Pump.Store.ArmPowerCutDuringNextWrite(_tearRandom);
                    _cutDeadlineMs = e.DuringWrite ? now + 600_000 : now;
                    Log(now, "inject", "power loss for " + Fmt("", e.OffS) + " s" + (e.DuringWrite ? " at the next store write" : "") + " (" + at + ")");
                    break;
            }
        }

        private void StartTimed(ScenarioEvent e, long now, string what)
        {
            long end = now + (long)Math.Round(e.DurationS!.Value * 1000);
            _endings.Add(new Ending(end, e));
            Log(now, "inject", what + " for " + Fmt("", e.DurationS) + " s (" + e.Path + ")");
        }

        private void EndExpiredFaults(long now)
        {
            for (int i = _endings.Count - 1; i >= 0; i--)
            {
                Ending end = _endings[i];
                if (end.AtMs > now)
                {
                    continue;
                }
                _endings.RemoveAt(i);
                if (FaultTable.TryGet(end.Event.Type, out FaultTable.Fault fault))
                {
                    fault.Set(Pump, Monitor, end.Event, false);
                }
                Log(now, "inject", end.Event.Type + " ends");
            }
        }

        private void OnPoweredOff()
        {
            Controller.Halt();
            _cutDeadlineMs = -1;
            if (_pendingOffMs >= 0)
            {
                _powerOnAtMs = NowMs + _pendingOffMs;
                _pendingOffMs = -1;
            }
            Log(NowMs, "power", Pump.Store.TornWrites > 0 && !Pump.Store.PowerCutArmed
                ? "power lost in the middle of a non-volatile write (torn write #" + Pump.Store.TornWrites + ")"
                : "power lost");
            _pendingFrameCause = null;
        }

        private void PowerUp(long now, bool watchdogReset)
        {
            _powerOnAtMs = -1;
            _rebootAtMs = -1;
            _crashLogged = false;
            _hungUntilMs = -1;
            Pump.Power.Restore();
            Pump.Clock.PowerUp();
            Pump.StepCounter.ResetAtPowerUp();
            Pump.Watchdog.PowerUp(watchdogReset);
            Controller.Boot();
            Log(now, "power", watchdogReset ? "MCU restarted after watchdog reset" : "power restored; pump boots");
        }

        private void Trigger(long now, string cause)
        {
            bool delivering = Pump.StepGenerator.QueuedSegments > 0 || _pulsesThisTick > 0 || Pump.MotorDriver.IsEnabled;
            if (!delivering)
            {
                Log(now, "trigger", cause + " arrived while the pump was not delivering");
                return;
            }
            var trip = new InterlockTrip
            {
                AtMs = now,
                AtUs = now * 1000,
                Cause = cause,
                PulsesAtTrigger = Pump.ForwardPulses,
            };
            _openTrips.Add(trip);
            Trips.Add(trip);
            Log(now, "trigger", cause + " reached the pump while delivering");
        }

        private void CloseTrips(long now)
        {
            if (_openTrips.Count == 0)
            {
                return;
            }
            SimStepGenerator g = Pump.StepGenerator;
            long lastPulseUs = Pump.LastForwardPulseUs;
            bool quiet = g.QueuedSegments == 0 && (!Pump.MotorDriver.IsEnabled || (now * 1000) - g.LastPulseUs >= 1_000_000);
            if (!quiet)
            {
                return;
            }
            // Delivery ran to its end: the triggers still open did not stop it (expected for advisories and
            // rejected link bytes, a defect for anything that should have stopped the motor).
            bool completed = Controller.Pump != null && Controller.Pump.State == global::Pump.Core.Control.PumpState.Completed;
            for (int i = _openTrips.Count - 1; i >= 0; i--)
            {
                InterlockTrip t = _openTrips[i];
                t.Stopped = !completed;
                t.StoppedAtMs = now;
                t.StopLatencyMs = lastPulseUs > t.AtUs ? (lastPulseUs - t.AtUs) / 1000.0 : 0;
                t.StepsAfterTrip = Pump.ForwardPulses - t.PulsesAtTrigger;
                Log(now, "stop", completed
                    ? "infusion completed; " + t.Cause + " did not stop it"
                    : "delivery stopped after " + t.Cause + ": last forward pulse "
                        + t.StopLatencyMs.ToString("0.###", CultureInfo.InvariantCulture) + " ms after its arrival, "
                        + t.StepsAfterTrip + " steps after it");
            }
            _openTrips.Clear();
        }

        private void ObserveAlarms(long now)
        {
            global::Pump.Core.Control.PumpController? c = Controller.Pump;
            long bits = c == null ? 0 : c.Alarms.ShownBits;
            long raised = bits & ~_shownBits;
            _shownBits = bits;
            if (raised == 0)
            {
                return;
            }
            for (int i = 1; i < global::Pump.Core.Alarms.AlarmCodes.Count; i++)
            {
                if ((raised & (1L << i)) == 0)
                {
                    continue;
                }
                var code = (global::Pump.Core.Alarms.AlarmCode)i;
                var rule = global::Pump.Core.Alarms.AlarmTable.For(code);
                var rec = new AlarmRecord { AtMs = now, Code = AlarmNames.Code(code), Priority = AlarmNames.Priority(rule.Priority) };
                Alarms.Add(rec);
                Log(now, "alarm", rec.Code + " (" + rec.Priority + "): " + rule.Message);
            }
        }

        private void Record(long now)
        {
            if (SampleCount >= _samples.Length)
            {
                return;
            }
            double ml = DeliveredMl;
            ref VolumeSample s = ref _samples[SampleCount++];
            s.TimeMs = now;
            s.DeliveredMl = ml;
            s.PlungerMl = Pump.Mechanism.DisplacedNanoLitres / 1_000_000.0;
            s.ProgrammedMl = Programmed.ExpectedByMs(now, FirstPulseMs);
            s.RateMlPerHour = now == 0 ? 0 : (ml - _lastSampleMl) * 3_600_000.0 / SampleIntervalMs;
            s.PressureKPa = Pump.Line.PressureKPa;
            _lastSampleMl = ml;
        }

        private void Log(long atMs, string kind, string detail)
        {
            var e = new SimEvent(atMs, kind, detail);
            Events.Add(e);
            EventLogged?.Invoke(e);
        }

        private static string Fmt(string prefix, double? v) =>
            v is double d ? prefix + d.ToString(CultureInfo.InvariantCulture) : "";

        /// <summary>Receives the controller's own reports (inside its Tick; only on events, never per tick).</summary>
        private sealed class Observer : global::Pump.Core.Control.IPumpObserver
        {
            private readonly SimulationRun _run;

            public Observer(SimulationRun run)
            {
                _run = run;
            }

            public void OnTransition(global::Pump.Core.Control.PumpState from, global::Pump.Core.Control.PumpTrigger trigger, global::Pump.Core.Control.PumpState to, long nowUs)
            {
                _run.Log(nowUs / 1000, "state", global::Pump.Core.Control.PumpStates.Name(from) + " -> " + global::Pump.Core.Control.PumpStates.Name(to) + " (" + trigger + ")");
            }

            public void OnRejected(global::Pump.Core.Control.PumpState state, global::Pump.Core.Control.PumpTrigger trigger, string reason, long nowUs)
            {
                _run.LastPumpRejection = reason;
                _run.Log(nowUs / 1000, "rejected", trigger + " in " + global::Pump.Core.Control.PumpStates.Name(state) + ": " + reason);
            }

            public void OnAlarmRaised(global::Pump.Core.Alarms.AlarmCode code, long nowUs)
            {
                // Alarms are recorded from the rising edges of AlarmManager.ShownBits after each tick, which also
                // catches alarms raised after the controller's observer loop of that tick.
            }

            public void OnMotorStopped(long nowUs, long countedMicrosteps)
            {
                _run.Log(nowUs / 1000, "motor", "motor stopped; counter " + countedMicrosteps);
            }
        }

        private readonly struct Ending
        {
            public Ending(long atMs, ScenarioEvent e)
            {
                AtMs = atMs;
                Event = e;
            }

            public long AtMs { get; }
            public ScenarioEvent Event { get; }
        }
    }
}
