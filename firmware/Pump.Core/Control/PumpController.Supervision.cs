using Pump.Core.Alarms;
using Pump.Core.Common;
using Pump.Core.Interlock;
using Pump.Core.Supervision;
using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// Alarm conditions, evaluated every tick from the sensors, the ledger and the interlock, and the
    /// safety triggers they raise. Conditions are level-based: a stopping condition that is present
    /// fires its trigger every tick, and the state table ignores it where it changes nothing, so a
    /// latched, unacknowledged alarm can never hide a condition that comes back (TEC, VIT).
    /// </summary>
    public sealed partial class PumpController
    {
        private bool _nearEmptyLatched;

        private void Supervise(long nowUs, long nowMs)
        {
            bool delivering = _state == PumpState.Infusing || _state == PumpState.Priming;
            bool hasProgram = _program != null && _state != PumpState.Idle && _state != PumpState.Programming;
            bool sessionState = _state == PumpState.Infusing || _state == PumpState.Paused || _state == PumpState.InterlockHold || _state == PumpState.Alarm;

            // Step accounting (TEC-004) and the counter itself.
            bool counterFault = !_counterOk || _counterWentBack;
            bool stall = false;
            bool runaway = false;
            if (!counterFault && _countedAtStopPending && !_engine.IsRunning)
            {
                _countedAtStop = _ledger.CountedMicrosteps;
                _countedAtStopPending = false;
                RebasePosition(_countedAtStop);
            }

            if (!counterFault && !_reliefActive)
            {
                if (_engine.IsRunning)
                {
                    long dueLagged = _engine.MicrostepsDueBy(nowUs - MotorSupervisor.LagToleranceUs);
                    MotorVerdict v = MotorSupervisor.CheckRunning(_ledger.CountedMicrosteps, _ledger.CommandedMicrosteps, dueLagged);
                    stall = v == MotorVerdict.Stall;
                    runaway = v == MotorVerdict.Runaway;
                }
                else if (_state != PumpState.SelfTest)
                {
                    runaway = MotorSupervisor.CheckStopped(_ledger.CountedMicrosteps, _countedAtStop) == MotorVerdict.Runaway;
                }
            }

            // Plunger position against the ledger (TEC-005): while infusing, and while stopped (motion without pulses).
            bool over = false;
            bool under = false;
            if (_position != null && _positionOk && _positionRebasePending)
            {
                // A reference taken while the sensor was unreadable is replaced by the first valid reading.
                _position.Rebase(_engine.IsRunning ? _ledger.CountedMicrosteps : _countedAtStop, _positionUm);
                _positionRebasePending = false;
            }

            if (_position != null && _positionOk && hasProgram && !_reliefActive && _state != PumpState.Priming)
            {
                PositionVerdict pv = _position.Check(_engine.IsRunning ? _ledger.CountedMicrosteps : _countedAtStop, _positionUm, nowUs);
                over = pv == PositionVerdict.Over;
                under = pv == PositionVerdict.Under && _engine.IsRunning;
            }

            // Occlusion (TEC-001): sampled whenever a program is loaded, so the condition stays until the pressure is gone.
            bool occluded = false;
            if (_occlusion != null && _forceOk && hasProgram)
            {
                occluded = _occlusion.Sample(_forceMilliNewtons, nowUs) && (_state == PumpState.Infusing || _state == PumpState.Alarm);
            }

            // Syringe level (TEC-002, TEC-003).
            bool empty = false;
            bool nearEmpty = false;
            if (_state == PumpState.Infusing && _positionOk && _program != null && _calibration != null)
            {
                long leftUm = _settings.EmptyPositionUm - _positionUm;
                empty = leftUm <= 0;
                long leftSteps;
                long bandSteps;
                if (!empty && _calibration.TryTravelUmToMicrosteps(leftUm, out leftSteps)
                    && _calibration.TryTravelUmToMicrosteps(_settings.NearEmptyHysteresisUm, out bandSteps))
                {
                    long programLeft = _program.TotalMicrosteps - _ledger.CountedMicrosteps;
                    long leadSteps = IntMath.MulDiv(_settings.NearEmptyLeadS * 1000000L, _program.RateMicrosteps, _program.RatePeriodUs);
                    // Hysteresis (TEC-014): raised below the lead, cleared only a band above it, so position noise
                    // at the threshold cannot make it chatter.
                    if (leftSteps < leadSteps && programLeft > leftSteps)
                    {
                        _nearEmptyLatched = true;
                    }
                    else if (leftSteps >= leadSteps + bandSteps || programLeft <= leftSteps)
                    {
                        _nearEmptyLatched = false;
                    }
                }

                nearEmpty = _nearEmptyLatched && !empty;
            }

            bool overDose = _program != null && _ledger.CountedMicrosteps > _program.TotalMicrosteps
                && (sessionState || _state == PumpState.Completed || _state == PumpState.Stopped);

            _alarms.SetCondition(AlarmCode.CounterFault, counterFault && (delivering || sessionState || hasProgram), nowUs);
            _alarms.SetCondition(AlarmCode.MotorStall, stall, nowUs);
            _alarms.SetCondition(AlarmCode.MotorRunaway, runaway || (over && !_engine.IsRunning), nowUs);
            _alarms.SetCondition(AlarmCode.OverInfusion, over && _engine.IsRunning, nowUs);
            _alarms.SetCondition(AlarmCode.UnderInfusion, under, nowUs);
            _alarms.SetCondition(AlarmCode.Occlusion, occluded, nowUs);
            _alarms.SetCondition(AlarmCode.SyringeEmpty, empty, nowUs);
            _alarms.SetCondition(AlarmCode.NearEmpty, nearEmpty, nowUs);
            _alarms.SetCondition(AlarmCode.DoseLimitReached, overDose, nowUs);
            _alarms.SetCondition(AlarmCode.SyringeNotSecured, hasProgram && (!_clampClosed || !_plungerEngaged) && _state != PumpState.Ready && _state != PumpState.Completed && _state != PumpState.Stopped, nowUs);
            // Device faults are shown as soon as a program is loaded, so a broken sensor is seen before Start.
            bool watched = delivering || hasProgram;
            _alarms.SetCondition(AlarmCode.DriverFault, watched && _hw.MotorDriver.IsFaulted, nowUs);
            _alarms.SetCondition(AlarmCode.ForceSensorFault, watched && !_forceOk, nowUs);
            _alarms.SetCondition(AlarmCode.PositionSensorFault, watched && !_positionOk, nowUs);
            _alarms.SetCondition(AlarmCode.StorageFault, _storageFault && delivering, nowUs);
            if (_storageFault && !delivering)
            {
                // A failed save outside delivery (the persisted bound stays the safe, higher one) is still shown.
                _alarms.RaiseEvent(AlarmCode.StorageFault, nowUs);
            }

            _storageFault = false;
            _alarms.SetCondition(AlarmCode.DisplayFault, !_hw.Display.IsHealthy && _state != PumpState.SelfTest, nowUs);

            // Callback reminders (TEC-008).
            bool waiting = _state == PumpState.Paused || _state == PumpState.InterlockHold || _state == PumpState.Alarm;
            _alarms.SetCondition(AlarmCode.CallbackPaused, waiting && nowUs - _stateEnteredUs >= _settings.CallbackPausedS * 1000000L, nowUs);
            bool editing = _state == PumpState.Programming || _state == PumpState.Ready;
            long lastTouch = _lastKeyUs > _stateEnteredUs ? _lastKeyUs : _stateEnteredUs;
            _alarms.SetCondition(AlarmCode.CallbackProgramming, editing && nowUs - lastTouch >= _settings.CallbackProgrammingS * 1000000L, nowUs);

            long utc;
            _alarms.SetCondition(AlarmCode.ClockInvalid, _state != PumpState.SelfTest && !_hw.RealTimeClock.TryReadUtcSeconds(out utc), nowUs);

            // Vital signs (VIT, INT): only for a drug that needs them, during its session.
            bool vitals = InterlockRequired && _interlock.SessionActive && sessionState;
            InterlockLevel level = vitals ? _interlock.Level : InterlockLevel.None;
            _alarms.SetCondition(AlarmCode.VitalAdvisory, vitals && level == InterlockLevel.Advisory, nowUs);
            _alarms.SetCondition(AlarmCode.VitalHold, vitals && level == InterlockLevel.Hold && !_interlock.Evaluator.Stopped, nowUs);
            _alarms.SetCondition(AlarmCode.VitalStop, vitals && _interlock.Evaluator.Stopped, nowUs);
            bool leaseLost = vitals && level < InterlockLevel.Hold && !_interlock.MayInfuse(nowMs)
                && (_state == PumpState.Infusing || _state == PumpState.InterlockHold);
            _alarms.SetCondition(AlarmCode.VitalsLeaseLost, leaseLost, nowUs);
            bool linkWatched = InterlockRequired && hasProgram;
            _alarms.SetCondition(AlarmCode.UnpairedMonitor, linkWatched && _interlock.Parser.UnpairedSeenSince(nowMs - _interlock.Profile.UnpairedHoldOffMs), nowUs);
            _alarms.SetCondition(AlarmCode.LinkErrors, linkWatched && _interlock.Parser.BadFrameRateAlarm(nowMs), nowUs);

            // Completion (DEL-002): every step of the program counted.
            if (_state == PumpState.Infusing && _program != null && _ledger.CountedMicrosteps >= _program.TotalMicrosteps)
            {
                Enqueue(PumpTrigger.InfusionComplete);
            }

        }

        /// <summary>Logs and reports every alarm raised anywhere in this tick (supervision, entry actions, keys).</summary>
        private void ReportRaisedAlarms(long nowUs)
        {
            for (int i = 0; i < _alarms.RaisedThisTickCount; i++)
            {
                AlarmCode code = _alarms.RaisedThisTick(i);
                LogPriority(PumpEvent.AlarmRaised, (int)AlarmTable.For(code).Priority, (int)code, 0);
                if (_observer != null)
                {
                    _observer.OnAlarmRaised(code, nowUs);
                }
            }
        }

        /// <summary>Safety triggers go in the queue before the clinician's keys of the same tick (STM-003).</summary>
        private void QueueSafetyTriggers(long nowUs, long nowMs)
        {
            bool fatal = false;
            bool technical = false;
            bool vitalStop = false;
            bool vitalHold = false;
            for (int i = 1; i < AlarmCodes.Count; i++)
            {
                AlarmCode code = (AlarmCode)i;
                if (!_alarms.IsPresent(code))
                {
                    continue;
                }

                switch (AlarmTable.For(code).Action)
                {
                    case AlarmAction.Fatal:
                        fatal = true;
                        break;
                    case AlarmAction.TechnicalStop:
                        technical = true;
                        break;
                    case AlarmAction.VitalStop:
                        vitalStop = true;
                        break;
                    case AlarmAction.VitalHold:
                        vitalHold = true;
                        break;
                }
            }

            // The lease itself (DESIGN.md D7): while infusing, no lease means stop, whatever the alarms say.
            if (_state == PumpState.Infusing && InterlockRequired && !_interlock.MayInfuse(nowMs))
            {
                if (_interlock.Evaluator.Stopped)
                {
                    vitalStop = true;
                }
                else
                {
                    vitalHold = true;
                }
            }

            if (fatal)
            {
                Enqueue(PumpTrigger.FatalFault);
            }

            if (vitalStop)
            {
                Enqueue(PumpTrigger.VitalStop);
            }

            if (technical)
            {
                Enqueue(PumpTrigger.TechnicalStop);
            }

            if (vitalHold)
            {
                Enqueue(PumpTrigger.VitalHold);
            }
        }

        private void HandleKeys(long nowUs)
        {
            PanelKey key;
            int handled = 0;
            while (handled < 16 && _hw.Keypad.TryReadKey(out key))
            {
                handled++;
                _lastKeyUs = nowUs;
                if (key == PanelKey.Silence)
                {
                    if (_alarms.PauseAudio(nowUs))
                    {
                        Log(PumpEvent.AudioPaused, (int)_alarms.Highest, 0);
                    }

                    continue;
                }

                _panel.OnKey(key, nowUs);
            }
        }

        /// <summary>
        /// The clinician's resume key: it acknowledges the latched vital-sign holds (logged), then asks the table to
        /// resume. The guard only reads; acknowledging is this command's effect (STM-006).
        /// </summary>
        public bool RequestResume()
        {
            if (InterlockRequired && _interlock.SessionActive)
            {
                _interlock.Acknowledge();
                Log(PumpEvent.HoldsAcknowledged, 0, 0);
            }

            return Request(PumpTrigger.RequestResume);
        }

        /// <summary>The clinician acknowledges alarms (OK on an alarm screen). Returns how many cleared.</summary>
        internal int AcknowledgeAlarms(long nowUs)
        {
            int n = _alarms.Acknowledge(nowUs);
            if (n > 0)
            {
                Log(PumpEvent.AlarmsAcknowledged, n, 0);
            }

            return n;
        }
    }
}
