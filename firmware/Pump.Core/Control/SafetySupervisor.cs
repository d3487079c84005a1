using Pump.Core.Alarms;
using Pump.Core.Common;
using Pump.Core.Interlock;
using Pump.Core.Programming;
using Pump.Core.Supervision;
using Pump.Core.Units;
using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// Alarm conditions, evaluated every tick from the sensor frame, the motion channel, the session and the
    /// interlock, and the safety triggers they raise. Conditions are level-based: a stopping condition that is
    /// present fires its trigger every tick, and the state table ignores it where it changes nothing, so a
    /// latched, unacknowledged alarm can never hide a condition that comes back (TEC, VIT). Where a condition
    /// is armed is read from the declared state traits (STM-014).
    /// </summary>
    public sealed class SafetySupervisor
    {
        private readonly PumpHardware _hw;
        private readonly PumpSettings _settings;
        private readonly AlarmManager _alarms;
        private readonly VitalSignInterlock _interlock;
        private readonly MotionChannel _motion;
        private readonly InfusionSession _session;
        private readonly SensorFrame _frame;
        private readonly ITriggerSink _triggers;
        private readonly SupervisionFacts _facts = new SupervisionFacts();
        private readonly AlarmConditions _conditions = new AlarmConditions();
        private bool _nearEmptyLatched;

        internal SafetySupervisor(PumpHardware hw, PumpSettings settings, AlarmManager alarms, VitalSignInterlock interlock,
            MotionChannel motion, InfusionSession session, SensorFrame frame, ITriggerSink triggers)
        {
            _hw = hw;
            _settings = settings;
            _alarms = alarms;
            _interlock = interlock;
            _motion = motion;
            _session = session;
            _frame = frame;
            _triggers = triggers;
        }

        /// <summary>Which fact raises which alarm, and where each is armed (built with the pump).</summary>
        public AlarmConditions Conditions { get { return _conditions; } }

        /// <summary>A new program starts without a near-empty latch.</summary>
        internal void ForgetProgram()
        {
            _nearEmptyLatched = false;
        }

        /// <summary>Evaluates every alarm condition for this tick.</summary>
        internal void Supervise(PumpState state, long stateEnteredUs, long lastKeyUs, bool storageFault, long nowUs)
        {
            InfusionProgram? program = _session.Program;
            bool delivering = StateTraits.Has(state, StateTraits.MotorPermitted);
            bool hasProgram = program != null && StateTraits.Has(state, StateTraits.ProgramLoaded);
            bool running = _motion.Engine.IsRunning;
            long counted = _motion.Ledger.CountedMicrosteps;

            // Step accounting (TEC-004) and the counter itself.
            bool counterFault = !_frame.CounterOk || _motion.CounterWentBack;
            _motion.RetakeReferences(counterFault);
            bool stall = false;
            bool runaway = false;
            if (!counterFault && !_motion.ReliefActive)
            {
                if (running)
                {
                    long dueLagged = _motion.Engine.MicrostepsDueBy(nowUs - MotorSupervisor.LagToleranceUs);
                    MotorVerdict v = MotorSupervisor.CheckRunning(counted, _motion.Ledger.CommandedMicrosteps, dueLagged);
                    stall = v == MotorVerdict.Stall;
                    runaway = v == MotorVerdict.Runaway;
                }
                else if (state != PumpState.SelfTest)
                {
                    runaway = MotorSupervisor.CheckStopped(counted, _motion.CountedAtStop) == MotorVerdict.Runaway;
                }
            }

            // Plunger position against the ledger (TEC-005): while infusing, and while stopped (motion without pulses).
            bool over = false;
            bool under = false;
            PositionSupervisor? position = _session.Position;
            if (position != null && _frame.PositionOk && hasProgram && !_motion.ReliefActive && state != PumpState.Priming)
            {
                PositionVerdict pv = position.Check(running ? counted : _motion.CountedAtStop, _frame.PositionUm, nowUs);
                over = pv == PositionVerdict.Over;
                under = pv == PositionVerdict.Under && running;
            }

            // Occlusion (TEC-001): sampled whenever a program is loaded, so the condition stays until the pressure is gone.
            OcclusionDetector? occlusion = _session.Occlusion;
            bool occluded = occlusion != null && _frame.ForceOk && hasProgram && occlusion.Sample(_frame.ForceMilliNewtons, nowUs);

            SupervisionFacts f = _facts;
            SyringeLevel(state, program, f);
            bool loaded = program != null;
            f.Set(SupervisionFacts.CounterFault, counterFault && loaded);
            f.Set(SupervisionFacts.MotorStall, stall);
            f.Set(SupervisionFacts.MotorRunaway, runaway || (over && !running));
            f.Set(SupervisionFacts.OverInfusion, over && running);
            f.Set(SupervisionFacts.UnderInfusion, under);
            f.Set(SupervisionFacts.Occluded, occluded);
            f.Set(SupervisionFacts.OverDose, loaded && counted > program!.TotalMicrosteps);
            f.Set(SupervisionFacts.SyringeNotSecured, loaded && !_frame.SyringeSecured);
            // Device faults are shown as soon as a program is loaded, so a broken sensor is seen before Start.
            f.Set(SupervisionFacts.DriverFault, loaded && _hw.MotorDriver.IsFaulted);
            f.Set(SupervisionFacts.ForceSensorFault, loaded && !_frame.ForceOk);
            f.Set(SupervisionFacts.PositionSensorFault, loaded && !_frame.PositionOk);
            f.Set(SupervisionFacts.StorageFault, storageFault);
            f.Set(SupervisionFacts.DisplayFault, !_hw.Display.IsHealthy);
            // Callback reminders (TEC-008).
            // OK on the reminder answers it (PNL-402): the period restarts from the acknowledgement.
            long attended = _alarms.LastAcknowledgedUs > stateEnteredUs ? _alarms.LastAcknowledgedUs : stateEnteredUs;
            f.Set(SupervisionFacts.StateLong, nowUs - attended >= _settings.CallbackPausedS * 1000000L);
            long lastTouch = lastKeyUs > stateEnteredUs ? lastKeyUs : stateEnteredUs;
            f.Set(SupervisionFacts.Untouched, nowUs - lastTouch >= _settings.CallbackProgrammingS * 1000000L);
            long utc;
            f.Set(SupervisionFacts.ClockInvalid, !_hw.RealTimeClock.TryReadUtcSeconds(out utc));
            // Vital signs (VIT, INT): only for a drug that needs them, during its interlock session.
            bool needsVitals = _session.InterlockRequired;
            InterlockVerdict verdict = _interlock.Verdict;
            bool vitals = needsVitals && verdict.SessionActive;
            InterlockLevel level = vitals ? verdict.Level : InterlockLevel.None;
            f.Set(SupervisionFacts.VitalAdvisory, vitals && level == InterlockLevel.Advisory);
            f.Set(SupervisionFacts.VitalHold, vitals && level == InterlockLevel.Hold && !verdict.Stopped);
            f.Set(SupervisionFacts.VitalStop, vitals && verdict.Stopped);
            f.Set(SupervisionFacts.LeaseLost, vitals && level < InterlockLevel.Hold && !verdict.MayInfuse);
            bool linkWatched = needsVitals && loaded;
            f.Set(SupervisionFacts.UnpairedMonitor, linkWatched && verdict.UnpairedMonitor);
            f.Set(SupervisionFacts.LinkErrors, linkWatched && verdict.LinkErrors);
            _conditions.Apply(f, state, _alarms, nowUs);
            if (storageFault && !delivering)
            {
                // A failed save outside delivery (the persisted bound stays the safe, higher one) is still shown.
                _alarms.RaiseEvent(AlarmCode.StorageFault, nowUs);
            }

            // Completion (DEL-002): every step of the program counted.
            if (state == PumpState.Infusing && program != null && counted >= program.TotalMicrosteps)
            {
                _triggers.Enqueue(PumpTrigger.InfusionComplete);
            }
        }

        /// <summary>Syringe level (TEC-002, TEC-003) while infusing, near-empty with hysteresis (TEC-014): sets both facts.</summary>
        private void SyringeLevel(PumpState state, InfusionProgram? program, SupervisionFacts facts)
        {
            bool empty = false;
            bool nearEmpty = false;
            SyringeCalibration? calibration = _session.Calibration;
            if (state == PumpState.Infusing && _frame.PositionOk && program != null && calibration != null)
            {
                long leftUm = _settings.EmptyPositionUm - _frame.PositionUm;
                empty = leftUm <= 0;
                // Assigned here, not only by the Try calls, so every variant of the condition below compiles
                // (mutation testing drops a whole method when one of its mutants does not).
                long leftSteps = 0;
                long bandSteps = 0;
                if (!empty && calibration.TryTravelUmToMicrosteps(leftUm, out leftSteps)
                    && calibration.TryTravelUmToMicrosteps(_settings.NearEmptyHysteresisUm, out bandSteps))
                {
                    long programLeft = program.TotalMicrosteps - _motion.Ledger.CountedMicrosteps;
                    long leadSteps = IntMath.MulDiv(_settings.NearEmptyLeadS * 1000000L, program.RateMicrosteps, program.RatePeriodUs);
                    // Raised below the lead, cleared only a band above it, so position noise at the threshold cannot make it chatter.
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

            facts.Set(SupervisionFacts.SyringeEmpty, empty);
            facts.Set(SupervisionFacts.NearEmpty, nearEmpty);
        }

        /// <summary>Safety triggers go in the queue before the clinician's keys of the same tick (STM-003).</summary>
        internal void QueueSafetyTriggers(PumpState state)
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

                AlarmAction action = AlarmTable.For(code).Action;
                fatal |= action == AlarmAction.Fatal;
                technical |= action == AlarmAction.TechnicalStop;
                vitalStop |= action == AlarmAction.VitalStop;
                vitalHold |= action == AlarmAction.VitalHold;
            }

            // The lease itself (DESIGN.md D7): while infusing, no lease means stop, whatever the alarms say.
            InterlockVerdict verdict = _interlock.Verdict;
            if (state == PumpState.Infusing && _session.InterlockRequired && !verdict.MayInfuse)
            {
                vitalStop |= verdict.Stopped;
                vitalHold |= !verdict.Stopped;
            }

            if (fatal)
            {
                _triggers.Enqueue(PumpTrigger.FatalFault);
            }

            if (vitalStop)
            {
                _triggers.Enqueue(PumpTrigger.VitalStop);
            }

            if (technical)
            {
                _triggers.Enqueue(PumpTrigger.TechnicalStop);
            }

            if (vitalHold)
            {
                _triggers.Enqueue(PumpTrigger.VitalHold);
            }
        }
    }
}
