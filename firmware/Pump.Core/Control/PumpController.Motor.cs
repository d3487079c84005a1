using Pump.Core.Common;
using Pump.Core.Delivery;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>Sensors, delivery, priming and the post-occlusion pressure relief.</summary>
    public sealed partial class PumpController
    {
        /// <summary>
        /// Relief back-off speed. The pressure is checked once per tick, so the overshoot past the target is at
        /// most one tick of back-off: 50 microsteps (about 9 µL in a 60 mL syringe) flowing back when the
        /// occlusion clears. 4000/s overshot by about 20 µL (performance.md); a typical relief still takes < 1 s.
        /// </summary>
        private const long ReliefMicrostepsPerSecond = 1000;

        private long _rawCounter;
        private bool _counterOk;
        private bool _counterWentBack;
        private int _forceMilliNewtons;
        private bool _forceOk;
        private int _positionUm;
        private bool _positionOk;
        private bool _clampReadable;
        private bool _clampClosed;
        private bool _plungerEngaged;
        private bool _storageFault;
        private long _countedAtStop;
        private bool _reliefActive;
        private long _reliefStartRaw;
        private long _reliefCountedBase;
        private long _reliefMaxMicrosteps;
        private long _reliefLastMicrosteps;
        private long _primeMaxMicrosteps;
        private bool _positionRebasePending;
        private bool _countedAtStopPending;

        /// <summary>Microsteps backed off by the last pressure relief.</summary>
        public long LastReliefMicrosteps { get { return _reliefLastMicrosteps; } }

        /// <summary>True while the post-occlusion back-off runs.</summary>
        public bool ReliefActive { get { return _reliefActive; } }

        /// <summary>Latest plunger force (mN) and line pressure (mmHg, 0 without a program).</summary>
        public int ForceMilliNewtons { get { return _forceMilliNewtons; } }

        public int PressureMmHg { get { return _occlusion != null ? _occlusion.PressureMmHg : 0; } }

        public int PlungerPositionUm { get { return _positionUm; } }

        /// <summary>New reference for the position check; deferred to the next valid reading if the sensor is down.</summary>
        private void RebasePosition(long countedMicrosteps)
        {
            if (_position == null)
            {
                return;
            }

            _position.Rebase(countedMicrosteps, _positionUm);
            _positionRebasePending = !_positionOk;
        }

        private void ReadSensors(long nowUs)
        {
            long raw;
            _counterOk = _hw.StepCounter.TryRead(out raw);
            if (_counterOk)
            {
                _counterWentBack = raw < _rawCounter;
                _rawCounter = raw;
                if (!_reliefActive && !_ledger.Observe(raw))
                {
                    _counterWentBack = true;
                }
            }

            _forceOk = _hw.ForceSensor.TryReadForce(out _forceMilliNewtons);
            int position;
            _positionOk = _hw.PlungerPosition.TryReadPosition(out position);
            if (_positionOk)
            {
                // Keep the last valid reading otherwise: no reference is ever taken from a failed read.
                _positionUm = position;
            }
            _clampReadable = _hw.SyringeClamp.TryRead(out _clampClosed, out _plungerEngaged);
            if (!_clampReadable)
            {
                _clampClosed = false;
                _plungerEngaged = false;
            }

            if ((!_clampClosed || !_plungerEngaged) && StateTraits.Has(_state, StateTraits.SyringeChangeable))
            {
                // A syringe taken out is a new syringe: its line must be primed again, its contents checked again.
                _linePrimed = false;
                _shortfallConfirmed = false;
            }
        }

        /// <summary>Starts (or resumes) delivery of the program from the counted microsteps (DEL-005).</summary>
        private void StartDelivery(long nowUs)
        {
            InfusionProgram program = _program!;
            _hw.MotorDriver.SetDirection(MotorDirection.Forward);
            _hw.MotorDriver.Enable();
            long cap = IntMath.Min(program.TotalMicrosteps, _persistence.Ledger.ReservedMicrosteps);
            _engine.Start(nowUs, program.RateMicrosteps, program.RatePeriodUs, cap);
            if (_occlusion != null)
            {
                _occlusion.Restart();
            }

            RebasePosition(_ledger.CountedMicrosteps);
        }

        private void BeginPriming(long nowUs)
        {
            if (_calibration == null)
            {
                Enqueue(PumpTrigger.PrimeFinished);
                return;
            }

            long perHour;
            long maxSteps;
            if (!_calibration.TryNlToMicrosteps(_settings.PrimeRateNlPerH, out perHour) || !_calibration.TryNlToMicrosteps(_settings.PrimeMaxNl, out maxSteps) || perHour <= 0)
            {
                Enqueue(PumpTrigger.PrimeFinished);
                return;
            }

            _primeMaxMicrosteps = maxSteps;
            // From now on the line may be on the patient: the next prime needs the disconnection confirmed.
            _primedOnce = true;
            _ledger.Begin(_rawCounter, 0);
            _hw.MotorDriver.SetDirection(MotorDirection.Forward);
            _hw.MotorDriver.Enable();
            _engine.Start(nowUs, perHour, InfusionProgram.MicrosecondsPerHour, maxSteps);
            RebasePosition(0);
        }

        /// <summary>Hardware first (STM-002), then the exact count is read and persisted.</summary>
        private void StopMotor(long nowUs)
        {
            bool wasRunning = _engine.IsRunning || _hw.MotorDriver.IsEnabled;
            StopMotorHardware();
            if (_reliefActive)
            {
                EndRelief(nowUs);
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

            if (wasRunning)
            {
                if (_state == PumpState.Infusing && _persistence.Ledger.IsOpen)
                {
                    if (!_persistence.Ledger.TryRecordExact(_ledger.CountedMicrosteps))
                    {
                        _storageFault = true;
                    }
                }

                Log(PumpEvent.DeliveryStopped, (int)(_ledger.CountedMicrosteps & 0x7FFFFFFF), (int)(DeliveredVolumeNl() / 1000));
                if (_observer != null)
                {
                    _observer.OnMotorStopped(nowUs, _ledger.CountedMicrosteps);
                }
            }
        }

        private void StopMotorHardware()
        {
            _hw.StepGenerator.StopNow();
            _hw.MotorDriver.Disable();
            _engine.Halt();
        }

        private void DriveMotor(long nowUs)
        {
            if (_reliefActive)
            {
                ServiceRelief(nowUs);
                return;
            }

            if (_state == PumpState.Priming)
            {
                _engine.Service(nowUs);
                if (_ledger.CountedMicrosteps >= _primeMaxMicrosteps)
                {
                    Enqueue(PumpTrigger.PrimeFinished);
                    ProcessQueue(nowUs);
                }

                return;
            }

            if (_state != PumpState.Infusing || _program == null)
            {
                return;
            }

            // Write-ahead (PER): the persisted upper bound must cover every step before it is commanded.
            long total = _program.TotalMicrosteps;
            long wantEnd = IntMath.Min(_engine.MicrostepsDueBy(nowUs + DeliveryEngine.PlanAheadUs + DeliveryEngine.SegmentUs) + 1, total);
            long window = PersistentDeliveryLedger.WindowMicrosteps(PersistentDeliveryLedger.DefaultReservationWindowMs, _program.RateMicrosteps, _program.RatePeriodUs);
            long margin = PersistentDeliveryLedger.WindowMicrosteps(PersistentDeliveryLedger.DefaultRefreshMarginMs, _program.RateMicrosteps, _program.RatePeriodUs);
            if (!_persistence.Ledger.TryCover(wantEnd, window, margin, total))
            {
                _storageFault = true;
            }

            long cap = IntMath.Min(total, _persistence.Ledger.ReservedMicrosteps);
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
        private void BeginRelief(long nowUs)
        {
            if (_calibration == null || !_counterOk)
            {
                return;
            }

            long maxSteps;
            if (!_calibration.TryNlToMicrosteps(_settings.ReliefMaxNl, out maxSteps) || maxSteps <= 0)
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
                StopMotorHardware();
                EndRelief(nowUs);
            }
        }

        private void ServiceRelief(long nowUs)
        {
            long moved = _rawCounter - _reliefStartRaw;
            bool relieved = _occlusion == null || _occlusion.PressureMmHg <= _settings.ReliefTargetMmHg;
            // Without a force reading the pressure is unknown; with a driver fault motion is not trustworthy.
            bool blind = !_counterOk || !_forceOk || _hw.MotorDriver.IsFaulted || !_clampClosed;
            if (relieved || moved >= _reliefMaxMicrosteps || blind)
            {
                StopMotorHardware();
                EndRelief(nowUs);
            }
        }

        private void EndRelief(long nowUs)
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

            Log(PumpEvent.PressureRelieved, (int)IntMath.Min(_reliefLastMicrosteps, int.MaxValue), 0);
        }
    }
}
