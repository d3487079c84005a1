using Pump.Core.Common;
using Pump.Core.Delivery;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Supervision;
using Pump.Core.Units;
using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// Everything that moves the plunger: driver, step generator, step counter, delivery engine and ledger,
    /// in one of four modes (idle, infuse, prime, pressure relief). Stopping is hardware first (STM-002),
    /// then the exact count is read. Infusing steps are commanded only under the persisted write-ahead
    /// reservation (PER-006). The coordinator decides; this only does what it is told and reports facts.
    /// </summary>
    public sealed class MotionChannel
    {
        /// <summary>
        /// Relief back-off speed. The pressure is checked once per tick, so the overshoot past the target is at
        /// most one tick of back-off: 50 microsteps (about 9 µL in a 60 mL syringe) flowing back when the
        /// occlusion clears. 4000/s overshot by about 20 µL (performance.md); a typical relief still takes < 1 s.
        /// </summary>
        private const long ReliefMicrostepsPerSecond = 1000;

        private readonly PumpHardware _hw;
        private readonly PumpSettings _settings;
        private readonly PersistentDeliveryLedger _persisted;
        private readonly DeliveryLedger _ledger = new DeliveryLedger();
        private readonly DeliveryEngine _engine;
        private readonly SensorFrame _frame;
        private readonly EventLog _log;
        private PositionSupervisor? _position;
        private long _rawCounter;
        private bool _counterWentBack;
        private long _countedAtStop;
        private bool _countedAtStopPending;
        private bool _positionRebasePending;
        private bool _reliefActive;
        private long _reliefStartRaw;
        private long _reliefCountedBase;
        private long _reliefMaxMicrosteps;
        private long _reliefLastMicrosteps;
        private long _primeMaxMicrosteps;
        private bool _reservationFailed;

        public MotionChannel(PumpHardware hardware, PumpSettings settings, PumpPersistence persistence, SensorFrame frame)
        {
            _hw = hardware;
            _settings = settings;
            _persisted = persistence.Ledger;
            _log = persistence.Log;
            _frame = frame;
            _engine = new DeliveryEngine(hardware.StepGenerator, _ledger);
        }

        public DeliveryLedger Ledger { get { return _ledger; } }

        public DeliveryEngine Engine { get { return _engine; } }

        /// <summary>Counted microsteps when the motor last stopped (the reference for runaway at rest).</summary>
        public long CountedAtStop { get { return _countedAtStop; } }

        /// <summary>The counter went backwards (or the ledger refused it) at the last observation.</summary>
        public bool CounterWentBack { get { return _counterWentBack; } }

        /// <summary>True while the post-occlusion back-off runs.</summary>
        public bool ReliefActive { get { return _reliefActive; } }

        /// <summary>Microsteps backed off by the last pressure relief.</summary>
        public long LastReliefMicrosteps { get { return _reliefLastMicrosteps; } }

        /// <summary>The counted priming volume reached the most a single prime may move.</summary>
        public bool PrimeLimitReached { get { return _ledger.CountedMicrosteps >= _primeMaxMicrosteps; } }

        /// <summary>The program's position supervisor (rebased here whenever the reference count changes).</summary>
        internal PositionSupervisor? Position { set { _position = value; } }

        /// <summary>True once since the last call when a reservation could not be persisted (a storage fault).</summary>
        internal bool TakeReservationFailure()
        {
            bool failed = _reservationFailed;
            _reservationFailed = false;
            return failed;
        }

        /// <summary>Takes this tick's counter reading into the ledger (not during relief: back-off is not dose).</summary>
        internal void Observe()
        {
            if (!_frame.CounterOk)
            {
                return;
            }

            long raw = _frame.RawCounter;
            _counterWentBack = raw < _rawCounter;
            _rawCounter = raw;
            if (!_reliefActive && !_ledger.Observe(raw))
            {
                _counterWentBack = true;
            }
        }

        /// <summary>Starts counting a new delivery (or a restored one) from the current counter reading.</summary>
        internal void BeginCount(long deliveredMicrosteps)
        {
            _ledger.Begin(_rawCounter, deliveredMicrosteps);
            _countedAtStop = deliveredMicrosteps;
        }

        /// <summary>New reference for the position check; deferred to the next valid reading if the sensor is down.</summary>
        internal void RebasePosition(long countedMicrosteps)
        {
            if (_position == null)
            {
                return;
            }

            _position.Rebase(countedMicrosteps, _frame.PositionUm);
            _positionRebasePending = !_frame.PositionOk;
        }

        /// <summary>The per-tick bookkeeping supervision needs first: a count or position reference taken while a sensor was down is retaken now.</summary>
        internal void RetakeReferences(bool counterFault)
        {
            if (!counterFault && _countedAtStopPending && !_engine.IsRunning)
            {
                _countedAtStop = _ledger.CountedMicrosteps;
                _countedAtStopPending = false;
                RebasePosition(_countedAtStop);
            }

            if (_position != null && _frame.PositionOk && _positionRebasePending)
            {
                _position.Rebase(_engine.IsRunning ? _ledger.CountedMicrosteps : _countedAtStop, _frame.PositionUm);
                _positionRebasePending = false;
            }
        }

        /// <summary>Starts (or resumes) delivery of the program from the counted microsteps (DEL-005).</summary>
        internal void StartInfusing(InfusionProgram program, long nowUs)
        {
            _hw.MotorDriver.SetDirection(MotorDirection.Forward);
            _hw.MotorDriver.Enable();
            long cap = IntMath.Min(program.TotalMicrosteps, _persisted.ReservedMicrosteps);
            _engine.Start(nowUs, program.RateMicrosteps, program.RatePeriodUs, cap);
            RebasePosition(_ledger.CountedMicrosteps);
        }

        /// <summary>
        /// A rate change while infusing (TIT-003, D2): the generator stops, the exact count is read, and the schedule
        /// restarts from that count at the new rate, its first step one new period from now: no step is lost or
        /// repeated and none is hurried. False (generator left stopped) when the counter cannot be read.
        /// </summary>
        internal bool Retarget(InfusionProgram program, long nowUs)
        {
            _hw.StepGenerator.StopNow();
            long raw;
            if (!_hw.StepCounter.TryRead(out raw) || !_ledger.Observe(raw))
            {
                StopHardware();
                return false;
            }

            _rawCounter = raw;
            StartInfusing(program, nowUs);
            return true;
        }

        /// <summary>Starts priming at the priming rate, at most the priming volume; false when it cannot.</summary>
        internal bool StartPriming(SyringeCalibration? calibration, long nowUs)
        {
            // One conversion per condition, so each `out` is assigned by a call that always runs (every
            // mutation-test variant compiles and is scored).
            if (calibration == null)
            {
                return false;
            }

            long perHour;
            if (!calibration.TryNlToMicrosteps(_settings.PrimeRateNlPerH, out perHour) || perHour <= 0)
            {
                return false;
            }

            long maxSteps;
            if (!calibration.TryNlToMicrosteps(_settings.PrimeMaxNl, out maxSteps))
            {
                return false;
            }

            _primeMaxMicrosteps = maxSteps;
            _ledger.Begin(_rawCounter, 0);
            _hw.MotorDriver.SetDirection(MotorDirection.Forward);
            _hw.MotorDriver.Enable();
            _engine.Start(nowUs, perHour, InfusionProgram.MicrosecondsPerHour, maxSteps);
            RebasePosition(0);
            return true;
        }

        /// <summary>After priming: it went into the line, not the patient, so the count starts again from 0.
        /// Returns whether anything was primed.</summary>
        internal bool EndPriming()
        {
            bool primed = _ledger.CountedMicrosteps > 0;
            _ledger.Begin(_rawCounter, 0);
            _countedAtStop = 0;
            RebasePosition(0);
            return primed;
        }

        /// <summary>
        /// Hardware first (STM-002), then the exact count is read and, when <paramref name="recordExact"/>, persisted.
        /// Returns whether the motor was running (the caller logs the stop).
        /// </summary>
        internal bool Stop(bool recordExact)
        {
            bool wasRunning = _engine.IsRunning || _hw.MotorDriver.IsEnabled;
            StopHardware();
            if (_reliefActive)
            {
                EndRelief();
            }

            long raw;
            bool read = _hw.StepCounter.TryRead(out raw);
            if (read)
            {
                _rawCounter = raw;
                _ledger.Observe(raw);
            }

            _ledger.CancelInFlight();
            _countedAtStop = _ledger.CountedMicrosteps;
            // An unreadable counter at the stop: the count at rest is taken from its first valid reading
            // (pulses emitted before the stop are not a runaway; the counter fault is already raised).
            _countedAtStopPending = !read;
            RebasePosition(_countedAtStop);
            if (wasRunning && recordExact && _persisted.IsOpen && !_persisted.TryRecordExact(_ledger.CountedMicrosteps))
            {
                _reservationFailed = true;
            }

            return wasRunning;
        }

        /// <summary>The generator stopped and the driver disabled, nothing else (also the exception path).</summary>
        internal void StopHardware()
        {
            _hw.StepGenerator.StopNow();
            _hw.MotorDriver.Disable();
            _engine.Halt();
        }

        /// <summary>
        /// The act phase's motion for the state: pressure relief first while it runs, else priming or the infusion.
        /// Returns true when priming has pushed its volume (the coordinator fires PrimeFinished).
        /// </summary>
        internal bool Drive(PumpState state, InfusionProgram? program, int pressureMmHg, bool pressureKnown, long nowUs)
        {
            if (ReliefActive)
            {
                ServiceRelief(pressureMmHg, pressureKnown);
                return false;
            }

            if (state == PumpState.Priming)
            {
                return ServicePriming(nowUs);
            }

            if (state == PumpState.Infusing && program != null)
            {
                ServiceInfusing(program, nowUs);
            }

            return false;
        }

        /// <summary>Priming: runs the engine; true once the priming limit is reached.</summary>
        internal bool ServicePriming(long nowUs)
        {
            _engine.Service(nowUs);
            return PrimeLimitReached;
        }

        /// <summary>
        /// Infusing: the persisted upper bound must cover every step before it is commanded (write-ahead, PER-006);
        /// a failed reservation write caps the engine at what is covered and is reported as a storage fault.
        /// </summary>
        internal void ServiceInfusing(InfusionProgram program, long nowUs)
        {
            long total = program.TotalMicrosteps;
            long wantEnd = IntMath.Min(_engine.MicrostepsDueBy(nowUs + DeliveryEngine.PlanAheadUs + DeliveryEngine.SegmentUs) + 1, total);
            long window = PersistentDeliveryLedger.WindowMicrosteps(PersistentDeliveryLedger.DefaultReservationWindowMs, program.RateMicrosteps, program.RatePeriodUs);
            long margin = PersistentDeliveryLedger.WindowMicrosteps(PersistentDeliveryLedger.DefaultRefreshMarginMs, program.RateMicrosteps, program.RatePeriodUs);
            // A failed write is a storage fault even while the old bound still covers the next steps (TEC-011, PER-013):
            // otherwise a store that recovers within the refresh margin would fail unseen.
            int failuresBefore = _persisted.WriteFailureCount;
            if (!_persisted.TryCover(wantEnd, window, margin, total) || _persisted.WriteFailureCount != failuresBefore)
            {
                _reservationFailed = true;
            }

            long cap = IntMath.Min(total, _persisted.ReservedMicrosteps);
            if (cap != _engine.CapMicrosteps)
            {
                _engine.SetCap(nowUs, cap);
            }

            _engine.Service(nowUs);
        }

        /// <summary>
        /// After an occlusion stop, back the plunger off until the pressure falls below the relief target
        /// or the relief volume is used (TEC-001): limits the bolus released when the occlusion clears.
        /// Relief pulses are counted apart from the dose (they withdraw, never deliver).
        /// </summary>
        internal void StartRelief(SyringeCalibration? calibration, long nowUs)
        {
            if (calibration == null || !_frame.CounterOk)
            {
                return;
            }

            long maxSteps;
            if (!calibration.TryNlToMicrosteps(_settings.ReliefMaxNl, out maxSteps) || maxSteps <= 0)
            {
                return;
            }

            _reliefActive = true;
            _reliefStartRaw = _rawCounter;
            _reliefCountedBase = _ledger.CountedMicrosteps;
            _reliefMaxMicrosteps = maxSteps;
            _hw.MotorDriver.SetDirection(MotorDirection.Reverse);
            _hw.MotorDriver.Enable();
            if (!_hw.StepGenerator.TryEnqueue(new StepSegment(nowUs, 0, maxSteps, ReliefMicrostepsPerSecond, 1000000)))
            {
                // The generator refused: no relief, and the driver must not stay enabled outside a motor state.
                StopHardware();
                EndRelief();
            }
        }

        /// <summary>Relief: stops once relieved, at its volume, or blind (no counter, no force, a driver fault, clamp open).
        /// Returns true when it ended in this call.</summary>
        internal bool ServiceRelief(int pressureMmHg, bool pressureKnown)
        {
            long moved = _rawCounter - _reliefStartRaw;
            bool relieved = !pressureKnown || pressureMmHg <= _settings.ReliefTargetMmHg;
            bool blind = !_frame.CounterOk || !_frame.ForceOk || _hw.MotorDriver.IsFaulted || !_frame.ClampClosed;
            if (relieved || moved >= _reliefMaxMicrosteps || blind)
            {
                StopHardware();
                EndRelief();
                return true;
            }

            return false;
        }

        private void EndRelief()
        {
            long raw;
            if (_hw.StepCounter.TryRead(out raw))
            {
                _rawCounter = raw;
            }

            _reliefLastMicrosteps = _rawCounter - _reliefStartRaw;
            _reliefActive = false;
            _hw.MotorDriver.SetDirection(MotorDirection.Forward);
            // The ledger resumes from what was delivered; the back-off pulses are not dose.
            _ledger.Begin(_rawCounter, _reliefCountedBase);
            _countedAtStop = _reliefCountedBase;
            RebasePosition(_reliefCountedBase);
            _log.Append(PumpEvent.PressureRelieved, 0, 0, (int)IntMath.Min(_reliefLastMicrosteps, int.MaxValue), 0);
        }
    }
}
