using System;
using Pump.Core.Alarms;
using Pump.Core.Delivery;
using Pump.Core.Interlock;
using Pump.Core.Library;
using Pump.Core.Panel;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Units;
using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// The pump's coordinator (DESIGN.md D4): the trigger queue, the state table, its entry actions, the watchdog
    /// and the invariants, over the parts that own the work: <see cref="SensorFrame"/> (read once per tick),
    /// <see cref="MotionChannel"/> (driver, generator, counter, engine, ledger), <see cref="InfusionSession"/>
    /// (program, records), <see cref="SafetySupervisor"/> (alarm conditions, safety triggers), the vital-sign
    /// interlock and the panel. One tick is sense → decide → act: read sensors → interlock → supervision →
    /// safety triggers → keys → queue → motion → annunciator → display (redrawn when due) → watchdog (hardware-docs/architecture.md).
    /// </summary>
    public sealed class PumpController : ITriggerSink
    {
        /// <summary>Control period: 5 FreeRTOS ticks, room for the interpreter; all stop latencies are bounded by it.</summary>
        public const int TickPeriodMs = 50;

        private readonly PumpHardware _hw;
        private readonly PumpSettings _settings;
        private readonly StateTable _table = new StateTable();
        private readonly AlarmManager _alarms = new AlarmManager();
        private readonly SensorFrame _frame = new SensorFrame();
        private readonly PumpPersistence _persistence;
        private readonly VitalSignInterlock _interlock;
        private readonly MotionChannel _motion;
        private readonly InfusionSession _session;
        private readonly SessionRestorer _restorer;
        private readonly SafetySupervisor _supervisor;
        private readonly LibraryKeeper _libraries;
        private readonly ScreenBuffer _screen = new ScreenBuffer();
        private readonly PanelModel _panel;
        private readonly TriggerQueue _queue = new TriggerQueue();
        private readonly GuardReader _guards;
        private readonly ClinicianCommands _commands;
        private readonly PumpStatus _status = new PumpStatus();
        private readonly SessionLog _log;
        private readonly EntryActions _entry;
        private readonly PowerUpSequence _powerUp;
        private readonly AlarmReporter _reporter;
        private readonly SnapshotWriter _snapshots;
        private IPumpObserver? _observer;
        private PumpState _state = PumpState.SelfTest;
        private long _stateEnteredUs;
        private long _lastKeyUs;
        private string _lastRejection = "";
        private long _lastRejectionUs = -1;
        private bool _healthy;
        private bool _softwareFault;
        private PowerOnReport? _powerOn;

        /// <summary>Builds the pump with the shipped drug library (a stored library replaces it at power-up when valid).</summary>
        public PumpController(PumpHardware hardware)
            : this(hardware, new PumpSettings(), ShippedLibrary.Build())
        {
        }

        public PumpController(PumpHardware hardware, PumpSettings settings, DrugLibrary library)
        {
            _hw = hardware;
            _settings = settings;
            _persistence = new PumpPersistence(hardware.Store, hardware.Clock, hardware.RealTimeClock);
            _interlock = new VitalSignInterlock(InterlockProfile.KetaminePsych40(), settings.MonitorLink);
            _log = new SessionLog(_persistence.Log, hardware.Clock, _interlock);
            _motion = new MotionChannel(hardware, settings, _persistence, _frame);
            _session = new InfusionSession(hardware, settings, _persistence, _interlock, _alarms, _motion, _frame, this, _log);
            _log.Session = _session;
            _restorer = new SessionRestorer(settings, _persistence, _interlock, _alarms, _session, _motion, _log);
            _supervisor = new SafetySupervisor(hardware, settings, _alarms, _interlock, _motion, _session, _frame, this);
            _libraries = new LibraryKeeper(library, _persistence, _alarms);
            _guards = new GuardReader(hardware, settings, _frame, _motion, _session, _alarms, _interlock);
            _commands = new ClinicianCommands(this, _queue, _session, _interlock, _alarms, _persistence.Log, _libraries, settings);
            _panel = new PanelModel(this);
            _entry = new EntryActions(_motion, _session, _supervisor, _panel, _alarms, _queue);
            _reporter = new AlarmReporter(_alarms, hardware.Annunciator, _log);
            _snapshots = new SnapshotWriter(_persistence, _session, _alarms, _interlock);
            _powerUp = new PowerUpSequence(hardware, _frame, _persistence, _alarms, _libraries, _restorer, _queue);
            _hw.MotorDriver.Disable();
            _hw.StepGenerator.StopNow();
        }

        public PumpState State { get { return _state; } }

        /// <summary>True in the states where the motor may move (STM-002).</summary>
        public bool MotorPermitted { get { return PumpStates.MotorPermitted(_state); } }

        /// <summary>The parts, for the panel, the simulator's observers and tests (read them; drive the pump only
        /// through <see cref="Commands"/> and the hardware).</summary>
        public MotionChannel Motion { get { return _motion; } }
        public InfusionSession Session { get { return _session; } }
        public SessionRestorer Restorer { get { return _restorer; } }
        public SensorFrame Sensors { get { return _frame; } }
        public AlarmManager Alarms { get { return _alarms; } }
        public PumpPersistence Persistence { get { return _persistence; } }
        public VitalSignInterlock Interlock { get { return _interlock; } }
        public ScreenBuffer Screen { get { return _screen; } }
        public PanelModel Panel { get { return _panel; } }
        public StateTable Table { get { return _table; } }
        public PumpSettings Settings { get { return _settings; } }

        /// <summary>What a person can know, published every tick (the screens render from it).</summary>
        public PumpStatus Status { get { return _status; } }

        /// <summary>What the clinician can ask of the pump (the panel's only way in).</summary>
        public ClinicianCommands Commands { get { return _commands; } }

        /// <summary>Shorthands for the values read most.</summary>
        public DeliveryLedger Ledger { get { return _motion.Ledger; } }
        public DrugLibrary Library { get { return _libraries.Library; } }
        public string LibraryRefusal { get { return _libraries.Refusal; } }
        public InfusionProgram? Program { get { return _session.Program; } }
        public DrugEntry? Drug { get { return _session.Drug; } }
        public long PatientId { get { return _session.PatientIdentity; } }
        public SyringeCalibration? Calibration { get { return _session.Calibration; } }
        public bool InterlockRequired { get { return _session.InterlockRequired; } }
        public bool LinePrimed { get { return _session.Line.Primed; } }
        public bool PrimedOnce { get { return _session.Line.PrimedOnce; } }
        public SpacingCheckResult SpacingCheck { get { return _session.Spacing.Result; } }
        public long SessionStartUtcSeconds { get { return _session.StartUtcSeconds; } }
        public long UnrestoredDeliveredNl { get { return _restorer.UnrestoredDeliveredNl; } }
        public long UnrestoredDoseUg { get { return _restorer.UnrestoredDoseUg; } }
        public PowerOnReport? PowerOn { get { return _powerOn; } }
        public long LastReliefMicrosteps { get { return _motion.LastReliefMicrosteps; } }
        public bool ReliefActive { get { return _motion.ReliefActive; } }
        public int ForceMilliNewtons { get { return _frame.ForceMilliNewtons; } }
        public int PressureMmHg { get { return _session.Occlusion != null ? _session.Occlusion.PressureMmHg : 0; } }

        /// <summary>Reason of the last rejected request (empty if none).</summary>
        public string LastRejection { get { return _lastRejection; } }

        /// <summary>When the last request was rejected (-1 before the first).</summary>
        public long LastRejectionUs { get { return _lastRejectionUs; } }

        /// <summary>When the current state was entered.</summary>
        public long StateEnteredUs { get { return _stateEnteredUs; } }

        public long DeliveredVolumeNl() { return _session.DeliveredVolumeNl(); }

        public long DeliveredDoseUg() { return _session.DeliveredDoseUg(); }

        /// <summary>Attaches a listener (simulator reports). Null detaches.</summary>
        public void SetObserver(IPumpObserver? observer)
        {
            _observer = observer;
            _reporter.Observer = observer;
        }

        /// <summary>Runs one control tick at the clock's current time.</summary>
        public void Tick()
        {
            long nowUs = _hw.Clock.NowUs;
            _healthy = true;
            try
            {
                TickBody(nowUs);
            }
            catch (Exception)
            {
                // Fail safe: hardware first, then the fault goes through the table like any other (STM-015).
                _healthy = false;
                _softwareFault = true;
                _motion.StopHardware();
                EnterFailsafe(nowUs);
            }

            if (_healthy && InvariantsHold())
            {
                _hw.Watchdog.Kick();
            }
        }

        private void TickBody(long nowUs)
        {
            long nowMs = nowUs / 1000;
            _alarms.BeginTick();
            // Sense.
            _frame.Read(_hw);
            _motion.Observe();
            if (!_frame.SyringeSecured && StateTraits.Has(_state, StateTraits.SyringeChangeable))
            {
                _session.SyringeRemoved();
            }

            if (_state == PumpState.SelfTest && _powerOn == null)
            {
                _powerOn = _powerUp.Run(nowUs);
            }

            _interlock.Tick(_hw.MonitorLink, nowMs);
            _log.LogInterlockChanges();
            _snapshots.SaveIfChanged(_state);

            // Decide.
            bool storageFault = _snapshots.TakeFailure() | _motion.TakeReservationFailure();
            _supervisor.Supervise(_state, _stateEnteredUs, _lastKeyUs, storageFault, nowUs);
            QueueSafetyTriggersFirst();
            if (_panel.ReadKeys(_hw.Keypad, nowUs))
            {
                _lastKeyUs = nowUs;
            }

            ProcessQueue(nowUs);
            // Act.
            if (_motion.Drive(_state, _session.Program, PressureMmHg, _session.Occlusion != null, nowUs))
            {
                _queue.Enqueue(PumpTrigger.PrimeFinished);
                ProcessQueue(nowUs);
            }
            _reporter.Annunciate(_state == PumpState.Infusing, nowUs);

            _status.Publish(this);
            _panel.Refresh(_hw.Display, nowUs);
        }

        /// <summary>The motor driver may be enabled only where motion is allowed (or during relief).</summary>
        private bool InvariantsHold()
        {
            if (_hw.MotorDriver.IsEnabled && !MotorPermitted && !_motion.ReliefActive)
            {
                // An internal check failed: the same path as an exception, through the table and logged (STM-015).
                _motion.StopHardware();
                _softwareFault = true;
                EnterFailsafe(_hw.Clock.NowUs);
                return false;
            }

            return !_softwareFault || _state == PumpState.Failsafe;
        }

        /// <summary>
        /// After an exception or a failed invariant: the SoftwareFault alarm is raised and logged at once (the next tick would forget it),
        /// and FatalFault is fired through the table so the transition is logged and the snapshot saved (a persisted
        /// Failsafe is refused by the next self-test). Should that fail too, the state is forced and saved anyway.
        /// </summary>
        private void EnterFailsafe(long nowUs)
        {
            try
            {
                _queue.Clear();
                _alarms.RaiseEvent(AlarmCode.SoftwareFault, nowUs);
                _reporter.ReportRaised(nowUs);
                _alarms.BeginTick();
                Fire(PumpTrigger.FatalFault, nowUs);
            }
            catch (Exception)
            {
                _motion.StopHardware();
                PumpState from = _state;
                _state = PumpState.Failsafe;
                try
                {
                    Log(PumpEvent.Transition, ((int)from * 256) + (int)PumpTrigger.FatalFault, (int)PumpState.Failsafe);
                    _snapshots.Save(_state);
                }
                catch (Exception)
                {
                    // The store itself may be what failed; the pump is already stopped.
                }
            }
        }

        /// <summary>Queues a clinician's request; false when the clinician's share of the queue is full.</summary>
        public bool Request(PumpTrigger trigger)
        {
            return _queue.Request(trigger);
        }

        /// <summary>This tick's safety triggers go ahead of requests already waiting (STM-003).</summary>
        private void QueueSafetyTriggersFirst()
        {
            int waiting = _queue.Count;
            _supervisor.QueueSafetyTriggers(_state);
            _queue.MoveBehind(waiting);
        }

        private void ProcessQueue(long nowUs)
        {
            // Run-to-completion: entry actions may queue more triggers; they are handled in this same tick, up to a
            // bound that a cycle of entry actions cannot pass. The dequeue is its own statement so that its `out`
            // is always assigned (every mutation-test variant of the loop compiles).
            for (int handled = 0; handled < 4 * TriggerQueue.Capacity; handled++)
            {
                PumpTrigger trigger;
                if (!_queue.TryDequeue(out trigger))
                {
                    return;
                }

                Fire(trigger, nowUs);
            }
        }

        private void Fire(PumpTrigger trigger, long nowUs)
        {
            GuardInputs inputs = _guards.Read(trigger, nowUs);
            TransitionRule rule = _table.Resolve(_state, trigger, ref inputs);
            if (rule.Kind == RuleKind.Reject)
            {
                string reason = rule.Guard == Guard.Always ? rule.Reason : inputs.RefusalReason(rule.Guard);
                _lastRejection = _guards.Refusal(trigger, ref inputs, reason, nowUs / 1000);
                _lastRejectionUs = nowUs;
                Log(PumpEvent.RequestRejected, ((int)_state * 256) + (int)trigger, 0);
                if (_observer != null)
                {
                    _observer.OnRejected(_state, trigger, _lastRejection, nowUs);
                }

                return;
            }

            if (rule.Kind == RuleKind.Ignore)
            {
                return;
            }

            PumpState from = _state;
            PumpState to = rule.Target;
            // STM-002: leaving motion is hardware first, before any bookkeeping.
            if (!PumpStates.MotorPermitted(to))
            {
                StopMotion(nowUs);
            }

            _state = to;
            _stateEnteredUs = nowUs;
            _session.ConsumeConfirmations();
            Log(PumpEvent.Transition, ((int)from * 256) + (int)trigger, (int)to);
            if (_observer != null)
            {
                _observer.OnTransition(from, trigger, to, nowUs);
            }

            _entry.OnEntered(from, trigger, to, nowUs);
            _snapshots.Save(_state);
        }

        /// <summary>Hardware first (STM-002), then the exact count is read, recorded and logged.</summary>
        private void StopMotion(long nowUs)
        {
            if (!_motion.Stop(_state == PumpState.Infusing))
            {
                return;
            }

            long counted = _motion.Ledger.CountedMicrosteps;
            Log(PumpEvent.DeliveryStopped, (int)(counted & 0x7FFFFFFF), (int)(DeliveredVolumeNl() / 1000));
            if (_observer != null)
            {
                _observer.OnMotorStopped(nowUs, counted);
            }
        }

        /// <summary>Installs a new library (service use, only while Idle); a refused library changes nothing.</summary>
        public LibraryLoadResult InstallLibrary(byte[] bytes, int offset, int count)
        {
            if (_state != PumpState.Idle)
            {
                return LibraryLoadResult.Refused(LibraryError.PumpNotIdle, "PUMP NOT IDLE", "A library can be installed only while the pump is idle.");
            }

            return _libraries.Install(bytes, offset, count);
        }

        /// <summary>The last rejection, if it happened within the given time (for the panel's message line).</summary>
        public bool RecentRejection(long nowUs, long withinUs, out string reason)
        {
            reason = _lastRejection;
            return _lastRejectionUs >= 0 && nowUs - _lastRejectionUs <= withinUs;
        }

        void ITriggerSink.Enqueue(PumpTrigger trigger)
        {
            _queue.Enqueue(trigger);
        }

        private void Log(int code, int arg0, int arg1)
        {
            _log.Append(code, 0, arg0, arg1);
        }
    }
}
