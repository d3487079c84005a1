using Pump.Core.Alarms;
using Pump.Core.Common;
using Pump.Core.Interlock;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Supervision;
using Pump.Core.Units;
using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// One infusion from its confirmed program to its end: program, drug, syringe calibration, the syringe's
    /// supervisors (<see cref="SyringeSupervisors"/>), the priming and start confirmations, session spacing, and the
    /// session's records (history, write-ahead ledger, snapshot fields; <see cref="SessionOpeningRecord"/> at start). The session is open from Start until the clinician,
    /// completion or a stop ends it, in every state in between (PER-015); SessionRestorer brings it back.
    /// </summary>
    public sealed class InfusionSession
    {
        private readonly PumpHardware _hw;
        private readonly PumpPersistence _persistence;
        private readonly VitalSignInterlock _interlock;
        private readonly AlarmManager _alarms;
        private readonly MotionChannel _motion;
        private readonly SensorFrame _frame;
        private readonly ITriggerSink _triggers;
        private readonly SessionLog _log;
        private readonly SpacingGate _spacing;
        private readonly SyringeContents _contents;
        private readonly SessionTitration _titration;
        private InfusionProgram? _program;
        private DrugEntry? _drug;
        private SyringeCalibration? _calibration;
        private readonly SyringeSupervisors _supervisors;
        private readonly PatientLine _line;
        private bool _restored;
        private long _startUtcSeconds = -1;
        private long _patientId = PatientId.NotChosen;

        internal InfusionSession(PumpHardware hw, PumpSettings settings, PumpPersistence persistence, VitalSignInterlock interlock,
            AlarmManager alarms, MotionChannel motion, SensorFrame frame, ITriggerSink triggers, SessionLog log)
        {
            _log = log;
            _hw = hw;
            _persistence = persistence;
            _interlock = interlock;
            _alarms = alarms;
            _motion = motion;
            _frame = frame;
            _triggers = triggers;
            _spacing = new SpacingGate(hw, persistence);
            _contents = new SyringeContents(settings, frame, motion, persistence.Log);
            _titration = new SessionTitration(settings, log);
            _line = new PatientLine(log);
            _supervisors = new SyringeSupervisors(settings, motion);
        }

        /// <summary>The program running now: the programmed one, or the same totals at a titrated rate (TIT).</summary>
        public InfusionProgram? Program { get { return _program; } }

        /// <summary>The running rate against the programmed one (TIT).</summary>
        public SessionTitration Titration { get { return _titration; } }

        /// <summary>Guard fact: a checked, confirmed new rate waits for the table (TIT-002).</summary>
        internal bool TitrationPending { get { return _titration.Pending; } }

        public DrugEntry? Drug { get { return _drug; } }

        public SyringeCalibration? Calibration { get { return _calibration; } }

        internal OcclusionDetector? Occlusion { get { return _supervisors.Occlusion; } }

        internal PositionSupervisor? Position { get { return _supervisors.Position; } }

        /// <summary>Whether the loaded drug's library entry declares the vital-sign interlock (PRG-012).</summary>
        public bool InterlockRequired { get { return _drug != null && _drug.RequiresVitalInterlock; } }

        /// <summary>The line's priming state and the re-prime confirmation.</summary>
        public PatientLine Line { get { return _line; } }

        /// <summary>The session was brought back by a reset and not yet resumed or ended.</summary>
        public bool Restored { get { return _restored; } }

        public long StartUtcSeconds { get { return _startUtcSeconds; } }

        /// <summary>The session's patient identification (PatientId; None when "no id" was chosen).</summary>
        public long PatientIdentity { get { return _patientId; } }

        /// <summary>Session spacing of the drug being programmed (HIS).</summary>
        public SpacingGate Spacing { get { return _spacing; } }

        /// <summary>A confirmation answers one question in one state; every transition consumes it.</summary>
        internal void ConsumeConfirmations()
        {
            _line.ConsumeConfirmation();
            _contents.Forget();
        }

        /// <summary>Less drug loaded than the program still needs, not yet confirmed, with both volumes (nL, rounded down).</summary>
        public bool Shortfall(out long loadedNl, out long programNl)
        {
            return _contents.Shortfall(_program, _calibration, DeliveredVolumeNl(), out loadedNl, out programNl);
        }

        internal bool ConfirmShortfall()
        {
            return _contents.Confirm(_program, _calibration, DeliveredVolumeNl());
        }

        /// <summary>Guard fact: the syringe holds what the program still needs, or the shortfall was confirmed.</summary>
        internal bool DrugSufficient()
        {
            return _contents.Sufficient(_program, _calibration);
        }

        /// <summary>A syringe taken out in a state where it may be changed is a new syringe: prime and check again.</summary>
        internal void SyringeRemoved()
        {
            _line.SyringeRemoved();
            _contents.Forget();
        }

        /// <summary>The panel's validated program at the end of review; soft-limit overrides are logged (PRG, LIB).
        /// Returns false (and changes nothing) for a rejected program, one the mechanism cannot produce, or a patient id
        /// that is neither a valid id nor the explicit "no id" (PRG-014).</summary>
        internal bool AdoptConfirmed(DrugEntry drug, SyringeCalibration calibration, ProgramResult result, long patientId)
        {
            if (result.Program == null || result.Outcome == ProgramOutcome.Rejected || !WithinMechanism(result.Program)
                || !PatientId.IsValid(patientId))
            {
                return false;
            }

            for (int i = 0; i < result.FindingCount; i++)
            {
                Finding f = result.GetFinding(i);
                Log(PumpEvent.SoftLimitOverride, (int)f.Kind, (int)IntMath.Min(f.Value, int.MaxValue));
            }

            _spacing.OverrideIfSoft();

            Adopt(drug, calibration, result.Program);
            _patientId = patientId;
            Log(PumpEvent.ProgramConfirmed, drug.DrugId, (int)(result.Program.VolumeNl / 1000));
            return true;
        }

        /// <summary>The program's step rate is one the mechanism can produce (PRG-011).</summary>
        internal bool WithinMechanism(InfusionProgram program)
        {
            return _supervisors.WithinMechanism(program);
        }

        internal void Adopt(DrugEntry drug, SyringeCalibration calibration, InfusionProgram program)
        {
            _drug = drug;
            _calibration = calibration;
            _program = program;
            _titration.Adopted(program);
            _supervisors.Build(calibration);
            // A validated program's volume and steps are positive; at least 1 only keeps the ledger's ratio defined.
            _persistence.Ledger.SetVolumeCalibration(IntMath.Max(program.VolumeNl, 1), IntMath.Max(program.TotalMicrosteps, 1));
        }

        /// <summary>Entry of Infusing from Ready: the interlock session, history, baseline and ledger, then motion.</summary>
        internal void Begin(long nowUs)
        {
            long nowMs = nowUs / 1000;
            InfusionProgram program = _program!;
            PumpSnapshot snap = _persistence.State.Current;
            if (InterlockRequired && _interlock.TryStartSession(nowMs) != StartCheck.Ok)
            {
                // The guard read the same rule a moment ago; if the facts changed, hold rather than move. The
                // session is open from here, so its record starts clean: nothing delivered, no baseline. This block,
                // like Resume's refusal, is defence in depth that no sequence of ticks reaches: the guard read the
                // same rule at the same time (hardware-docs/mutation-testing.md, Run 8).
                // Stryker disable once all : unreachable, as above
                FillProgramSnapshot(snap);
                snap.BaselineSbpMmHg = 0;
                // Stryker disable once all : unreachable, as above
                _motion.BeginCount(0);
                // Stryker disable once all : unreachable, as above
                if (!_persistence.Ledger.TryBeginDelivery())
                {
                    _alarms.RaiseEvent(AlarmCode.StorageFault, nowUs);
                }

                // Stryker disable once all : unreachable, as above
                _triggers.Enqueue(PumpTrigger.VitalHold);
                // Stryker disable once all : unreachable, as above
                return;
            }

            long utc;
            if (!_hw.RealTimeClock.TryReadUtcSeconds(out utc))
            {
                utc = -1;
            }

            if (!_persistence.History.TryBeginSession(_drug!.DrugId, utc, program.TotalDoseUg) && _drug.HasSessionRules)
            {
                // A session the history cannot hold would be invisible to the next spacing check (HIS-001): stop as
                // for a dose record that cannot be written.
                _alarms.RaiseEvent(AlarmCode.StorageFault, nowUs);
                _triggers.Enqueue(PumpTrigger.FatalFault);
                return;
            }

            _startUtcSeconds = utc;
            SessionOpeningRecord.Write(snap, _log, InterlockRequired ? _interlock.Baseline : null, _drug, program, _patientId, utc);

            // Stryker disable once Statement : the last transition's save filled these fields (mutation-testing.md, Run 8)
            FillProgramSnapshot(snap);
            // Stryker disable once Statement : every start follows a prime, whose end restarted the count at 0 (mutation-testing.md, Run 8)
            _motion.BeginCount(0);
            if (!_persistence.Ledger.TryBeginDelivery())
            {
                // Without a durable dose record the pump must not move (PER-006, TEC-011).
                _alarms.RaiseEvent(AlarmCode.StorageFault, nowUs);
                _triggers.Enqueue(PumpTrigger.FatalFault);
                return;
            }

            StartMotion(nowUs);
        }

        /// <summary>Entry of Infusing from Paused or InterlockHold: the interlock's resume rule, the ledger, then motion.</summary>
        internal void Resume(long nowUs)
        {
            if (InterlockRequired)
            {
                long acknowledged;
                if (!_interlock.AcknowledgeAndResume(nowUs / 1000, out acknowledged))
                {
                    // The guard read the same rule in this tick; only a change in between can land here: hold.
                    // Stryker disable once all : unreachable defence in depth, the guard read ResumePermitted at the same time (mutation-testing.md, Run 8)
                    _triggers.Enqueue(PumpTrigger.VitalHold);
                    // Stryker disable once all : as above
                    return;
                }

                if (acknowledged != 0)
                {
                    Log(PumpEvent.HoldsAcknowledged, 0, (int)acknowledged);
                }
            }

            if (!_persistence.Ledger.IsOpen)
            {
                _persistence.Ledger.ContinueAfterRestart();
            }

            _restored = false;
            _alarms.Acknowledge(nowUs);
            StartMotion(nowUs);
        }

        /// <summary>
        /// Entry of Infusing by ConfirmTitration (TIT-003): the confirmed rate becomes the running program and the schedule
        /// re-anchors at the current count and time (D2). The coordinator saves the snapshot before any step at the new
        /// rate is planned. A count that cannot be read stops the pump (the count is what the new schedule starts from).
        /// </summary>
        internal void ApplyTitration(long nowUs)
        {
            InfusionProgram? next = _program == null ? null : _titration.Take(_program);
            if (next == null)
            {
                // Stryker disable once Statement : the guard needs a pending plan, which Take returns (mutation-testing.md, Run 8)
                return;
            }

            _program = next;
            if (!_motion.Retarget(next, nowUs))
            {
                _triggers.Enqueue(PumpTrigger.FatalFault);
            }
        }

        /// <summary>A restored session that ran at a titrated rate runs at it again (TIT-005).</summary>
        internal void RestoreTitrated(InfusionProgram running, long titratedRate)
        {
            _program = running;
            _titration.Restored(running, titratedRate);
        }

        private void StartMotion(long nowUs)
        {
            _motion.StartInfusing(_program!, nowUs);
            _supervisors.MotionStarted();
        }

        /// <summary>Entry of Stopped or Completed: the history gets the delivered dose and the session ends.</summary>
        internal void Finish(long nowUs, bool completed)
        {
            // Stryker disable once Logical : Stopped and Completed are entered only from states holding a program and its drug (mutation-testing.md, Run 8)
            if (_program == null || _drug == null)
            {
                // Stryker disable once Statement : as above
                return;
            }

            _persistence.History.TryFinishSession(DeliveredDoseUg());
            if (!_persistence.Ledger.IsOpen)
            {
                // Ended after a power loss without resuming: keep the recorded bound, stop reporting it at power-up.
                _persistence.Ledger.TryCloseInterrupted();
            }

            if (InterlockRequired)
            {
                _interlock.EndSession();
            }

            _restored = false;
            if (completed)
            {
                _alarms.RaiseEvent(AlarmCode.InfusionComplete, nowUs);
            }
        }

        /// <summary>Entry of Idle: no program, nothing primed, nothing confirmed.</summary>
        internal void Clear()
        {
            _program = null;
            // Stryker disable once Statement : read only with a running program; the next Adopt overwrites it (mutation-testing.md, Run 8)
            _titration.Adopted(null);
            _drug = null;
            _calibration = null;
            _supervisors.Forget();
            _line.Clear();
            _restored = false;
            // Stryker disable once Statement : every program the wizard computes runs a spacing check, which clears the override (mutation-testing.md, Run 8)
            _spacing.Forget();
            _startUtcSeconds = -1;
            _patientId = PatientId.NotChosen;
            // Stryker disable once Boolean : the save after every entry action sets it from the (null) program (mutation-testing.md, Run 8)
            _persistence.State.Current.ProgramPresent = false;
        }

        /// <summary>A session brought back by a reset (SessionRestorer): primed, counted from its recorded bound.</summary>
        internal void MarkRestored(long startUtcSeconds, long patientId)
        {
            _patientId = patientId;
            _restored = true;
            _line.Restored();
            _startUtcSeconds = startUtcSeconds;
        }

        /// <summary>Delivered volume from the counted microsteps, rounded down (nL).</summary>
        public long DeliveredVolumeNl()
        {
            long nl;
            if (_calibration == null || !_calibration.TryMicrostepsToNl(_motion.Ledger.CountedMicrosteps, out nl))
            {
                return 0;
            }

            return nl;
        }

        /// <summary>Delivered dose, rounded down (µg); 0 for plain mL/h programs.</summary>
        public long DeliveredDoseUg()
        {
            if (_program == null || _program.ConcentrationUgPerMl <= 0)
            {
                return 0;
            }

            return IntMath.MulDiv(DeliveredVolumeNl(), _program.ConcentrationUgPerMl, 1000000);
        }

        internal void FillProgramSnapshot(PumpSnapshot snap)
        {
            snap.SetProgram(_titration.Programmed ?? _program, _program, _titration.TitratedRate);
            snap.PatientId = _patientId;
        }

        private void Log(int code, int arg0, int arg1)
        {
            _log.Append(code, 0, arg0, arg1);
        }
    }
}
