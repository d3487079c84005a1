using System;
using Pump.Core.Alarms;
using Pump.Core.Delivery;
using Pump.Core.Interlock;
using Pump.Core.Library;
using Pump.Core.Panel;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Supervision;
using Pump.Core.Units;
using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// The pump: owns every core component and runs them run-to-completion in <see cref="Tick"/>
    /// (DESIGN.md D4). The composition root (ESP32 Program.Main or the simulator host) builds one from a
    /// <see cref="PumpHardware"/> and calls Tick every <see cref="TickPeriodMs"/> of monotonic time.
    /// Order inside a tick: read sensors → vital-sign interlock → supervision (alarm conditions) →
    /// safety triggers → panel keys → trigger queue → motor → annunciator → display → watchdog.
    /// The partial files split the work: Session (programs, persistence, power-up), Motor (delivery,
    /// priming, pressure relief), Supervision (alarm conditions and safety triggers).
    /// </summary>
    public sealed partial class PumpController
    {
        /// <summary>Control period: 5 FreeRTOS ticks, room for the interpreter; all stop latencies are bounded by it.</summary>
        public const int TickPeriodMs = 50;

        private const int QueueCapacity = 32;

        /// <summary>
        /// Queue slots only automatic triggers may take: a tick queues at most four safety triggers (fatal, vital
        /// stop, vital hold, technical stop) plus entry-action follow-ups, so clinician requests can never crowd them out.
        /// </summary>
        private const int SafetyReserve = 8;

        private readonly PumpHardware _hw;
        private readonly PumpSettings _settings;
        private readonly StateTable _table = new StateTable();
        private readonly AlarmManager _alarms = new AlarmManager();
        private readonly DeliveryLedger _ledger = new DeliveryLedger();
        private readonly DeliveryEngine _engine;
        private readonly PumpPersistence _persistence;
        private readonly VitalSignInterlock _interlock;
        private readonly ScreenBuffer _screen = new ScreenBuffer();
        private readonly PanelModel _panel;
        private readonly int[] _queue = new int[QueueCapacity];
        private int _queueHead;
        private int _queueCount;
        private DrugLibrary _library;
        private IPumpObserver? _observer;
        private PumpState _state = PumpState.SelfTest;
        private long _stateEnteredUs;
        private long _lastKeyUs;
        private string _lastRejection = "";
        private long _lastRejectionUs = -1;
        private bool _healthy;
        private bool _softwareFault;
        private bool _runningLamp;
        private bool _runningLampPrimed;
        private int _loggedBootChanges;
        private StartCheck _lastStartCheck;

        /// <summary>Builds the pump with the shipped drug library (a stored library replaces it at power-up when valid).</summary>
        public PumpController(PumpHardware hardware)
            : this(hardware, new PumpSettings(), ShippedLibrary.Build())
        {
        }

        public PumpController(PumpHardware hardware, PumpSettings settings, DrugLibrary library)
        {
            _hw = hardware;
            _settings = settings;
            _library = library;
            _engine = new DeliveryEngine(hardware.StepGenerator, _ledger);
            _persistence = new PumpPersistence(hardware.Store, hardware.Clock, hardware.RealTimeClock);
            _interlock = new VitalSignInterlock(InterlockProfile.KetaminePsych40(), settings.MonitorLink);
            _panel = new PanelModel(this);
            _hw.MotorDriver.Disable();
            _hw.StepGenerator.StopNow();
        }

        /// <summary>Current state.</summary>
        public PumpState State { get { return _state; } }

        /// <summary>True in the states where the motor may move (STM-002).</summary>
        public bool MotorPermitted { get { return PumpStates.MotorPermitted(_state); } }

        public AlarmManager Alarms { get { return _alarms; } }

        public DeliveryLedger Ledger { get { return _ledger; } }

        public DeliveryEngine Engine { get { return _engine; } }

        public PumpPersistence Persistence { get { return _persistence; } }

        public VitalSignInterlock Interlock { get { return _interlock; } }

        public ScreenBuffer Screen { get { return _screen; } }

        public PanelModel Panel { get { return _panel; } }

        public StateTable Table { get { return _table; } }

        public DrugLibrary Library { get { return _library; } }

        public PumpSettings Settings { get { return _settings; } }

        /// <summary>The confirmed program (null without one).</summary>
        public InfusionProgram? Program { get { return _program; } }

        public DrugEntry? Drug { get { return _drug; } }

        public SyringeCalibration? Calibration { get { return _calibration; } }

        /// <summary>Reason of the last rejected request (empty if none).</summary>
        public string LastRejection { get { return _lastRejection; } }

        /// <summary>Attaches a listener (simulator reports). Null detaches.</summary>
        public void SetObserver(IPumpObserver? observer)
        {
            _observer = observer;
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
                // Fail safe: hardware first, then mark the fault; the watchdog is not kicked this tick.
                _healthy = false;
                _softwareFault = true;
                StopMotorHardware();
                _state = PumpState.Failsafe;
                _alarms.RaiseEvent(AlarmCode.SoftwareFault, nowUs);
                try
                {
                    // Latched across a reset: the self-test refuses a persisted Failsafe.
                    SaveSnapshot();
                }
                catch (Exception)
                {
                    // The store itself may be what failed; the pump is already stopped.
                }
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
            ReadSensors(nowUs);
            if (_state == PumpState.SelfTest)
            {
                RunSelfTest(nowUs);
            }

            _interlock.Tick(_hw.MonitorLink, nowMs);
            LogSenderRestart();
            Supervise(nowUs, nowMs);
            QueueSafetyTriggersFirst(nowUs, nowMs);
            HandleKeys(nowUs);
            ProcessQueue(nowUs);
            DriveMotor(nowUs);
            ReportRaisedAlarms(nowUs);
            _alarms.Annunciate(_hw.Annunciator, nowUs);
            bool running = _state == PumpState.Infusing;
            if (!_runningLampPrimed || running != _runningLamp)
            {
                _hw.Annunciator.SetRunning(running);
                _runningLamp = running;
                _runningLampPrimed = true;
            }

            _panel.Render(nowUs);
            _screen.Flush(_hw.Display);
        }

        private static bool IsBaselineValueProblem(StartCheck check)
        {
            return check == StartCheck.SystolicTooHigh || check == StartCheck.DiastolicTooHigh
                || check == StartCheck.HeartRateOutOfRange || check == StartCheck.Spo2TooLow
                || check == StartCheck.RespiratoryRateOutOfRange;
        }

        /// <summary>Sensors and actuators the pump needs to deliver safely all answer (STM-005, STM-006, STM-011).</summary>
        private bool DeviceHealthy()
        {
            return _settings.ConfigurationProblem == 0 && _counterOk && !_counterWentBack && _forceOk && _positionOk && _clampReadable
                && !_hw.MotorDriver.IsFaulted && _hw.Display.IsHealthy;
        }

        /// <summary>The motor driver may be enabled only where motion is allowed (or during relief).</summary>
        private bool InvariantsHold()
        {
            if (_hw.MotorDriver.IsEnabled && !MotorPermitted && !_reliefActive)
            {
                StopMotorHardware();
                _alarms.RaiseEvent(AlarmCode.SoftwareFault, _hw.Clock.NowUs);
                return false;
            }

            return !_softwareFault || _state == PumpState.Failsafe;
        }

        /// <summary>
        /// Queues a clinician's request (the panel calls this). Returns false when the clinician's share of the
        /// queue is full (the last <see cref="SafetyReserve"/> slots are kept for safety triggers).
        /// </summary>
        public bool Request(PumpTrigger trigger)
        {
            if (_queueCount >= QueueCapacity - SafetyReserve)
            {
                return false;
            }

            return Enqueue(trigger);
        }

        /// <summary>
        /// Queues this tick's safety triggers ahead of requests already waiting (STM-003: safety first, whoever
        /// queued earlier). Rotating the ring keeps each group's own order and allocates nothing.
        /// </summary>
        private void QueueSafetyTriggersFirst(long nowUs, long nowMs)
        {
            int waiting = _queueCount;
            QueueSafetyTriggers(nowUs, nowMs);
            for (int i = 0; i < waiting; i++)
            {
                int request = _queue[_queueHead];
                _queueHead = (_queueHead + 1) % QueueCapacity;
                _queue[(_queueHead + _queueCount - 1) % QueueCapacity] = request;
            }
        }

        private bool Enqueue(PumpTrigger trigger)
        {
            if (_queueCount >= QueueCapacity)
            {
                return false;
            }

            _queue[(_queueHead + _queueCount) % QueueCapacity] = (int)trigger;
            _queueCount++;
            return true;
        }

        private void ProcessQueue(long nowUs)
        {
            // Run-to-completion: entry actions may queue more triggers; they are handled in this same tick.
            int guard = 0;
            while (_queueCount > 0 && guard++ < 4 * QueueCapacity)
            {
                PumpTrigger trigger = (PumpTrigger)_queue[_queueHead];
                _queueHead = (_queueHead + 1) % QueueCapacity;
                _queueCount--;
                Fire(trigger, nowUs);
            }
        }

        private void Fire(PumpTrigger trigger, long nowUs)
        {
            GuardInputs inputs = GatherGuardInputs(trigger, nowUs);
            TransitionRule rule = _table.Resolve(_state, trigger, ref inputs);
            if (rule.Kind == RuleKind.Reject)
            {
                string reason = rule.Guard == Guard.Always ? rule.Reason : inputs.RefusalReason(rule.Guard);
                if (trigger == PumpTrigger.RequestStart && _lastStartCheck != StartCheck.Ok
                    && (!inputs.LeaseHeld || !inputs.BaselineAcceptable) && inputs.SyringeSecured && inputs.DeviceHealthy && inputs.LinePrimed && inputs.SessionAllowed)
                {
                    // The table says which guard failed; the interlock says exactly why (e.g. "SBP TOO HIGH").
                    reason = InterlockMessages.ForStart(_lastStartCheck);
                }

                if (!inputs.DeviceHealthy && inputs.SyringeSecured && _settings.ConfigurationProblem != 0)
                {
                    reason = Configuration.ConfigProblem.PanelText(_settings.ConfigurationProblem);
                }

                _lastRejection = reason;
                _lastRejectionUs = nowUs;
                Log(PumpEvent.RequestRejected, ((int)_state * 256) + (int)trigger, 0);
                if (_observer != null)
                {
                    _observer.OnRejected(_state, trigger, reason, nowUs);
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
                StopMotor(nowUs);
            }

            _state = to;
            _stateEnteredUs = nowUs;
            Log(PumpEvent.Transition, ((int)from * 256) + (int)trigger, (int)to);
            if (_observer != null)
            {
                _observer.OnTransition(from, trigger, to, nowUs);
            }

            OnEntered(from, trigger, to, nowUs);
            SaveSnapshot();
        }

        private void OnEntered(PumpState from, PumpTrigger trigger, PumpState to, long nowUs)
        {
            switch (to)
            {
                case PumpState.Idle:
                    ClearProgram();
                    break;
                case PumpState.Programming:
                    _panel.BeginProgramming(from == PumpState.Ready);
                    break;
                case PumpState.Priming:
                    BeginPriming(nowUs);
                    break;
                case PumpState.Ready:
                    if (from == PumpState.Priming)
                    {
                        _linePrimed = _ledger.CountedMicrosteps > 0;
                        // Priming went into the line, not the patient: it never counts against the program.
                        _ledger.Begin(_rawCounter, 0);
                        _countedAtStop = 0;
                        RebasePosition(0);
                    }

                    break;
                case PumpState.Infusing:
                    if (from == PumpState.Ready)
                    {
                        BeginSession(nowUs);
                    }
                    else
                    {
                        ResumeSession(nowUs);
                    }

                    break;
                case PumpState.Alarm:
                    if (from == PumpState.Infusing && _alarms.IsPresent(AlarmCode.Occlusion))
                    {
                        BeginRelief(nowUs);
                    }

                    break;
                case PumpState.Stopped:
                case PumpState.Completed:
                    FinishSession(nowUs, to == PumpState.Completed);
                    break;
            }
        }

        /// <summary>Facts for the guards, with missing knowledge as the unsafe value.</summary>
        private GuardInputs GatherGuardInputs(PumpTrigger trigger, long nowUs)
        {
            long nowMs = nowUs / 1000;
            GuardInputs g = new GuardInputs();
            g.SessionInterrupted = _sessionInterrupted;
            g.SyringeSecured = _clampReadable && _clampClosed && _plungerEngaged;
            g.LinePrimed = _linePrimed;
            g.TechnicalConditionActive = _alarms.AnyPresentWithAction(AlarmAction.TechnicalStop);
            g.DeviceHealthy = DeviceHealthy();
            bool needsVitals = InterlockRequired;
            Link.FrameResult refusal = needsVitals ? _interlock.LinkRefusalAt(nowMs) : Link.FrameResult.None;
            g.LinkRefusal = refusal == Link.FrameResult.None ? null : Link.LinkMessages.ForResult(refusal);
            if (trigger == PumpTrigger.RequestStart)
            {
                StartCheck check = needsVitals ? PreStart(nowMs) : StartCheck.Ok;
                _lastStartCheck = check;
                // Missing or stale data means no lease; present data outside the pre-start limits is a baseline problem.
                g.LeaseHeld = check == StartCheck.Ok || IsBaselineValueProblem(check);
                g.BaselineAcceptable = check == StartCheck.Ok;
                g.SessionAllowed = SessionAllowedAtStart();
                g.VitalConditionActive = false;
                return g;
            }

            if (trigger == PumpTrigger.RequestResume && needsVitals)
            {
                // The resume key is the clinician's acknowledgement of the latched hold (STM-006).
                _interlock.Acknowledge();
                g.VitalConditionActive = _interlock.Evaluator.Stopped || !_interlock.Evaluator.ResumePermitted(nowMs);
                g.LeaseHeld = !g.VitalConditionActive && LatestFrameWouldHoldLease(nowMs);
                return g;
            }

            g.LeaseHeld = !needsVitals || _interlock.MayInfuse(nowMs);
            g.VitalConditionActive = needsVitals && _interlock.Level >= InterlockLevel.Hold;
            g.BaselineAcceptable = true;
            g.SessionAllowed = true;
            return g;
        }

        /// <summary>An authenticated new boot of the monitor-link sender (a bridge restart) is logged once (LNK-014).</summary>
        private void LogSenderRestart()
        {
            int changes = _interlock.Parser.BootChanges;
            if (changes != _loggedBootChanges)
            {
                _loggedBootChanges = changes;
                Log(PumpEvent.MonitorSenderRestarted, (int)_interlock.Parser.PreviousBoot, (int)_interlock.Parser.Boot);
            }
        }

        private void Log(int code, int arg0, int arg1)
        {
            _persistence.Log.Append(code, 0, 0, arg0, arg1);
            LogVitalsWith(code);
        }

        private void LogPriority(int code, int priority, int arg0, int arg1)
        {
            _persistence.Log.Append(code, priority, 0, arg0, arg1);
            LogVitalsWith(code);
        }

        /// <summary>A session event is followed by the fresh vitals of its moment, for the infusion records.</summary>
        private void LogVitalsWith(int code)
        {
            long nowMs = _hw.Clock.NowUs / 1000;
            if (_program == null || !InterlockRequired || !Records.EventVitals.Accompanies(code) || !_interlock.Parser.HasAccepted
                || nowMs - _interlock.Latest.ReceivedAtMs >= _interlock.Profile.LeaseMs)
            {
                return;
            }

            _persistence.Log.Append(PumpEvent.VitalsAtEvent, 0, 0,
                Records.EventVitals.PackPressure(_interlock.Latest), Records.EventVitals.PackRates(_interlock.Latest));
        }

        /// <summary>Seconds since entering the current state.</summary>
        public long SecondsInState(long nowUs)
        {
            return (nowUs - _stateEnteredUs) / 1000000;
        }

        /// <summary>The last rejection, if it happened within the given time (for the panel's message line).</summary>
        public bool RecentRejection(long nowUs, long withinUs, out string reason)
        {
            reason = _lastRejection;
            return _lastRejectionUs >= 0 && nowUs - _lastRejectionUs <= withinUs;
        }
    }
}
