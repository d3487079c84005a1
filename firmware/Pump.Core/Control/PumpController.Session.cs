using Pump.Core.Alarms;
using Pump.Core.Common;
using Pump.Core.Interlock;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Supervision;
using Pump.Core.Units;

namespace Pump.Core.Control
{
    /// <summary>Programs, sessions, persistence and power-up.</summary>
    public sealed partial class PumpController
    {
        private readonly SpacingCheckResult _spacing = new SpacingCheckResult();
        private InfusionProgram? _program;
        private DrugEntry? _drug;
        private SyringeCalibration? _calibration;
        private OcclusionDetector? _occlusion;
        private PositionSupervisor? _position;
        private bool _linePrimed;
        private bool _sessionInterrupted;
        private bool _spacingOverridden;
        private bool _selfTestDone;
        private PowerOnReport? _powerOn;
        private string _libraryRefusal = "";

        /// <summary>What power-up recovery found (null before the first tick).</summary>
        public PowerOnReport? PowerOn { get { return _powerOn; } }

        /// <summary>Whether the loaded drug needs the vital-sign interlock (every drug with a baseline age does).</summary>
        public bool InterlockRequired { get { return _drug != null && _drug.BaselineVitalsMaxAgeS > 0; } }

        /// <summary>True once the line was primed for the loaded syringe.</summary>
        public bool LinePrimed { get { return _linePrimed; } }

        /// <summary>The session's spacing check, as last computed for the review screen.</summary>
        public SpacingCheckResult SpacingCheck { get { return _spacing; } }

        /// <summary>
        /// Power-up self-test (STM-004): storage opened and recovered, the library valid, the sensors and
        /// counter readable, the driver quiet, the display reachable, the watchdog armed, and no latched
        /// failsafe from before the reset.
        /// </summary>
        private void RunSelfTest(long nowUs)
        {
            if (_selfTestDone)
            {
                return;
            }

            _selfTestDone = true;
            PowerOnReport report = _persistence.Open();
            _powerOn = report;
            PumpSnapshot snap = _persistence.State.Current;
            bool ok = _persistence.StoreFits && !report.WriteFailed
                && _counterOk && _forceOk && _positionOk && _clampReadable
                && !_hw.MotorDriver.IsFaulted && _hw.Display.IsHealthy && _hw.Watchdog.IsArmed
                && snap.PumpStateCode != (int)PumpState.Failsafe;
            if (_hw.Watchdog.LastResetWasWatchdog)
            {
                _alarms.RaiseEvent(AlarmCode.WatchdogReset, nowUs);
            }

            LoadStoredLibrary(nowUs);
            Log(PumpEvent.LibraryLoaded, (int)_library.Revision, _library.Count);
            long deliveredUl = snap.VolumeDeliveredNl > 0 ? snap.VolumeDeliveredNl / 1000 : 0;
            Log(PumpEvent.PowerOn, report.DeliveryInterrupted ? 1 : 0, (int)IntMath.Min(deliveredUl, int.MaxValue));
            if (!ok)
            {
                Enqueue(PumpTrigger.SelfTestFailed);
                return;
            }

            _sessionInterrupted = report.DeliveryInterrupted && RestoreProgram(snap);
            if (_sessionInterrupted)
            {
                // Never resumes by itself: the pump comes back paused with the delivered dose counted (PER).
                // The ledger stays closed until the clinician resumes (ContinueAfterRestart) or ends the session.
                long delivered = _persistence.Ledger.ReservedMicrosteps;
                _ledger.Begin(_rawCounter, delivered);
                _alarms.RaiseEvent(AlarmCode.PowerRestored, nowUs);
                _linePrimed = true;
            }

            Enqueue(PumpTrigger.SelfTestPassed);
        }

        /// <summary>
        /// A library stored by the engineer replaces the shipped one only after its CRC, format version and
        /// consistency checks pass; otherwise it is refused with its specific message and logged (LIB, SEC-050).
        /// </summary>
        private void LoadStoredLibrary(long nowUs)
        {
            byte[] buffer = new byte[StoreLayout.DrugLibraryMaxBytes];
            int length;
            if (!_persistence.Library.TryLoad(buffer, 0, out length))
            {
                if (_persistence.Library.LoadReport.AnyDamage)
                {
                    _libraryRefusal = "LIBRARY DAMAGED";
                    Log(PumpEvent.LibraryRefused, 0, 1);
                    _alarms.RaiseEvent(AlarmCode.LibraryRefused, nowUs);
                }

                return;
            }

            LibraryLoadResult result = LibraryCodec.Decode(buffer, 0, length);
            if (result.IsAccepted && result.Library != null)
            {
                _library = result.Library;
                return;
            }

            _libraryRefusal = result.ShortMessage;
            Log(PumpEvent.LibraryRefused, (int)result.Error, 0);
            _alarms.RaiseEvent(AlarmCode.LibraryRefused, nowUs);
        }

        /// <summary>Why the stored library was refused at power-up (empty when it was not).</summary>
        public string LibraryRefusal { get { return _libraryRefusal; } }

        /// <summary>
        /// Installs a new library (service use, only while Idle): checked like a stored one, then persisted
        /// and logged. Returns the check's result; a refused library changes nothing.
        /// </summary>
        public LibraryLoadResult InstallLibrary(byte[] bytes, int offset, int count)
        {
            if (_state != PumpState.Idle)
            {
                return LibraryLoadResult.Refused(LibraryError.PumpNotIdle, "PUMP NOT IDLE", "A library can be installed only while the pump is idle.");
            }

            LibraryLoadResult result = LibraryCodec.Decode(bytes, offset, count);
            if (!result.IsAccepted || result.Library == null)
            {
                Log(PumpEvent.LibraryRefused, (int)result.Error, 0);
                return result;
            }

            if (!_persistence.Library.TryWrite(bytes, offset, count))
            {
                Log(PumpEvent.LibraryRefused, (int)result.Error, 1);
                return LibraryLoadResult.Refused(LibraryError.StoreWriteFailed, "LIB STORE FAILED", "The library could not be written to storage; the previous one stays.");
            }

            _library = result.Library;
            Log(PumpEvent.LibraryInstalled, (int)_library.Revision, _library.Count);
            return result;
        }

        private bool RestoreProgram(PumpSnapshot snap)
        {
            if (!snap.ProgramPresent)
            {
                return false;
            }

            DrugEntry? drug;
            SyringeSpec? syringe;
            if (!_library.TryFind(snap.DrugId, out drug) || drug == null || !SyringeTable.TryFind(snap.SyringeId, out syringe) || syringe == null)
            {
                return false;
            }

            SyringeCalibration? calibration;
            if (!SyringeCalibration.TryCreate(syringe, _settings.Mechanism, out calibration) || calibration == null)
            {
                return false;
            }

            ProgramResult result = drug.Mode == DoseMode.PlainRate
                ? InfusionProgrammer.ProgramPlainRate(drug,
                    snap.ProgramRateNlPerH > 0 ? snap.ProgramRateNlPerH : RateFromSnapshot(snap, calibration),
                    snap.ProgramVolumeNl > 0 ? snap.ProgramVolumeNl : VolumeFromSnapshot(snap, calibration), calibration)
                : InfusionProgrammer.ProgramWeightBased(drug, (int)snap.ConcentrationUgPerMl, snap.WeightG, snap.DoseUgPerKg, snap.DurationMs / 1000, calibration);
            // The recomputed program must match what was persisted exactly (redundant computation).
            if (result.Program == null || result.Program.TotalMicrosteps != snap.TotalMicrosteps
                || result.Program.RateMicrosteps != snap.RateMicrosteps || result.Program.RatePeriodUs != snap.RatePeriodUs)
            {
                return false;
            }

            AdoptProgram(drug, calibration, result.Program);
            if (InterlockRequired && snap.BaselineSbpMmHg > 0)
            {
                VitalBaseline b = _interlock.Baseline;
                b.Valid = true;
                b.SystolicMmHg = snap.BaselineSbpMmHg;
                b.DiastolicMmHg = snap.BaselineDbpMmHg;
                b.HeartRateBpm = snap.BaselineHrBpm;
                b.Spo2Percent = snap.BaselineSpo2Percent;
                _interlock.RestoreSession(b);
            }

            return true;
        }

        private static long RateFromSnapshot(PumpSnapshot snap, SyringeCalibration calibration)
        {
            long perHour = IntMath.MulDiv(snap.RateMicrosteps, 3600000000L, snap.RatePeriodUs);
            long nl;
            // Ceiling inverse: rounding down would lose a microstep and the recomputed program would not match.
            return calibration.TryMicrostepsToNlCeil(perHour, out nl) ? nl : 0;
        }

        private static long VolumeFromSnapshot(PumpSnapshot snap, SyringeCalibration calibration)
        {
            long nl;
            return calibration.TryMicrostepsToNlCeil(snap.TotalMicrosteps, out nl) ? nl : 0;
        }

        /// <summary>
        /// The panel submits a validated program at the end of review; the controller keeps it until
        /// ConfirmProgram moves to Ready. Soft-limit overrides were confirmed one by one on the panel and
        /// are logged here (PRG, LIB).
        /// </summary>
        internal void AdoptConfirmedProgram(DrugEntry drug, SyringeCalibration calibration, ProgramResult result)
        {
            if (result.Program == null || result.Outcome == ProgramOutcome.Rejected || !WithinMechanism(result.Program))
            {
                return;
            }

            for (int i = 0; i < result.FindingCount; i++)
            {
                Finding f = result.GetFinding(i);
                Log(PumpEvent.SoftLimitOverride, (int)f.Kind, (int)IntMath.Min(f.Value, int.MaxValue));
            }

            if (_spacing.Verdict == SpacingVerdict.SoftNeedsConfirmation)
            {
                _spacingOverridden = true;
                Log(PumpEvent.SessionSpacingOverride, (int)IntMath.Min(_spacing.SecondsSinceLastSession, int.MaxValue), _spacing.SessionsInWindow);
            }

            AdoptProgram(drug, calibration, result.Program);
            Log(PumpEvent.ProgramConfirmed, drug.DrugId, (int)(result.Program.VolumeNl / 1000));
            Enqueue(PumpTrigger.ConfirmProgram);
        }

        /// <summary>The program's step rate is one the mechanism can produce (PRG-011).</summary>
        internal bool WithinMechanism(InfusionProgram program)
        {
            // RateMicrosteps per RatePeriodUs ≤ Max per second  ⇔  RateMicrosteps × 1e6 ≤ Max × RatePeriodUs.
            // Both products stay below 1e16 for every program the programmer accepts (PRG, UNT ranges).
            return checked(program.RateMicrosteps * 1000000) <= checked(_settings.MaxMicrostepsPerSecond * program.RatePeriodUs);
        }

        private void AdoptProgram(DrugEntry drug, SyringeCalibration calibration, InfusionProgram program)
        {
            _drug = drug;
            _calibration = calibration;
            _program = program;
            long areaUm2 = PlungerAreaUm2(calibration.Syringe.InnerDiameterUm);
            _occlusion = new OcclusionDetector(areaUm2, _settings.OcclusionLevel);
            long perMm = calibration.MicrostepsPerMlNumerator > 0 ? MicrostepsPerMm() : 1;
            _position = new PositionSupervisor(perMm);
            _persistence.Ledger.SetVolumeCalibration(program.VolumeNl > 0 ? program.VolumeNl : 1, program.TotalMicrosteps > 0 ? program.TotalMicrosteps : 1);
        }

        private long MicrostepsPerMm()
        {
            Mechanism m = _settings.Mechanism;
            return (long)m.FullStepsPerRev * m.Microstepping * 1000 / m.LeadUm;
        }

        /// <summary>Bore area in µm², with π as 355/113 (the same approximation as the calibration).</summary>
        private static long PlungerAreaUm2(long innerDiameterUm)
        {
            return innerDiameterUm * innerDiameterUm * 355 / (113 * 4);
        }

        /// <summary>Session spacing for the drug being programmed (HIS): filled for the review screen.</summary>
        internal SpacingCheckResult CheckSpacing(DrugEntry drug)
        {
            _spacing.Clear();
            _spacingOverridden = false;
            Limits spacingH = drug.SessionSpacingLimitsH;
            Limits per7 = drug.SessionsPer7DaysLimits;
            bool hasRule = spacingH.HardMin > 0 || spacingH.SoftMin > 0 || (per7.SoftMax != Limits.Unlimited && per7.SoftMax > 0);
            if (!hasRule)
            {
                _spacing.Verdict = SpacingVerdict.Allowed;
                return _spacing;
            }

            long utc;
            bool rtcValid = _hw.RealTimeClock.TryReadUtcSeconds(out utc);
            int softMax = per7.SoftMax == Limits.Unlimited ? 0 : (int)per7.SoftMax;
            int hardMax = per7.HardMax == Limits.Unlimited ? 0 : (int)per7.HardMax;
            SessionSpacingLimits limits = new SessionSpacingLimits(spacingH.HardMin * 3600, spacingH.SoftMin * 3600, softMax, hardMax, 7L * 24 * 3600);
            _persistence.History.CheckSessionSpacing(drug.DrugId, rtcValid, utc, limits, _spacing);
            return _spacing;
        }

        /// <summary>Spacing is checked again at Start (the clock or history may have changed since review);
        /// a soft override given at review stands only if the verdict is still the same soft one (HIS-005).</summary>
        private bool SessionAllowedAtStart()
        {
            if (_drug == null)
            {
                return false;
            }

            bool overridden = _spacingOverridden && _spacing.Verdict == SpacingVerdict.SoftNeedsConfirmation;
            CheckSpacing(_drug);
            _spacingOverridden = overridden && _spacing.Verdict == SpacingVerdict.SoftNeedsConfirmation;
            return SessionAllowedNow();
        }

        private bool SessionAllowedNow()
        {
            if (_drug == null)
            {
                return false;
            }

            if (_spacing.Verdict == SpacingVerdict.Allowed)
            {
                return true;
            }

            return _spacing.Verdict == SpacingVerdict.SoftNeedsConfirmation && _spacingOverridden;
        }

        private StartCheck PreStart(long nowMs)
        {
            bool paired = _settings.MonitorLink.IsPaired && _settings.MonitorLink.MonitorId == _settings.PairedMonitorId;
            return !paired ? StartCheck.LinkFault : _interlock.CheckStart(nowMs);
        }

        /// <summary>After a hold is acknowledged: would the newest frame, inside the limits, grant a lease now?</summary>
        private bool LatestFrameWouldHoldLease(long nowMs)
        {
            if (!_interlock.Parser.HasAccepted || _interlock.LinkAlarm(nowMs))
            {
                return false;
            }

            Link.VitalSigns latest = _interlock.Latest;
            return nowMs - latest.ReceivedAtMs < _interlock.Profile.LeaseMs
                && latest.Spo2Usable && latest.NibpUsable
                && nowMs - latest.NibpMeasuredAtMs < (long)_interlock.Profile.NibpMaxAgeForLeaseS * 1000;
        }

        private void BeginSession(long nowUs)
        {
            long nowMs = nowUs / 1000;
            InfusionProgram program = _program!;
            if (InterlockRequired && _interlock.TryStartSession(nowMs) != StartCheck.Ok)
            {
                // The guard saw the same facts a moment ago; if they changed, hold rather than move.
                Enqueue(PumpTrigger.VitalHold);
                return;
            }

            long utc;
            if (!_hw.RealTimeClock.TryReadUtcSeconds(out utc))
            {
                utc = -1;
            }

            _persistence.History.TryBeginSession(_drug!.DrugId, utc, program.TotalDoseUg);
            PumpSnapshot snap = _persistence.State.Current;
            snap.SessionStartUtcSeconds = utc;
            if (InterlockRequired)
            {
                VitalBaseline b = _interlock.Baseline;
                snap.BaselineSbpMmHg = b.SystolicMmHg;
                snap.BaselineDbpMmHg = b.DiastolicMmHg;
                snap.BaselineHrBpm = b.HeartRateBpm;
                snap.BaselineSpo2Percent = b.Spo2Percent;
                Log(PumpEvent.SessionStarted, _drug.DrugId, b.SystolicMmHg);
            }
            else
            {
                Log(PumpEvent.SessionStarted, _drug.DrugId, 0);
            }

            FillProgramSnapshot(snap);
            _ledger.Begin(_rawCounter, 0);
            if (!_persistence.Ledger.TryBeginDelivery())
            {
                // Without a durable dose record the pump must not move (PER-006, TEC-011).
                _alarms.RaiseEvent(AlarmCode.StorageFault, nowUs);
                Enqueue(PumpTrigger.FatalFault);
                return;
            }

            StartDelivery(nowUs);
        }

        private void ResumeSession(long nowUs)
        {
            long nowMs = nowUs / 1000;
            if (InterlockRequired)
            {
                _interlock.Acknowledge();
                if (!_interlock.TryResume(nowMs) && !_interlock.MayInfuse(nowMs))
                {
                    Enqueue(PumpTrigger.VitalHold);
                    return;
                }

                // The lease restarts from the newest frame, dated when it arrived (never extended by the resume).
                _interlock.Lease.Renew(_interlock.Latest, _interlock.Latest.ReceivedAtMs, _interlock.Level < InterlockLevel.Hold);
            }

            if (!_persistence.Ledger.IsOpen)
            {
                _persistence.Ledger.ContinueAfterRestart();
            }

            _sessionInterrupted = false;
            _alarms.Acknowledge(nowUs);
            StartDelivery(nowUs);
        }

        private void FinishSession(long nowUs, bool completed)
        {
            if (_program == null || _drug == null)
            {
                return;
            }

            long deliveredUg = DeliveredDoseUg();
            _persistence.History.TryFinishSession(deliveredUg);
            if (!_persistence.Ledger.IsOpen)
            {
                // Ended after a power loss without resuming: keep the recorded bound, stop reporting it at power-up.
                _persistence.Ledger.TryCloseInterrupted();
            }
            if (InterlockRequired)
            {
                _interlock.EndSession();
            }

            _sessionInterrupted = false;
            if (completed)
            {
                _alarms.RaiseEvent(AlarmCode.InfusionComplete, nowUs);
            }
        }

        private void ClearProgram()
        {
            _program = null;
            _drug = null;
            _calibration = null;
            _occlusion = null;
            _position = null;
            _linePrimed = false;
            _sessionInterrupted = false;
            _spacingOverridden = false;
            PumpSnapshot snap = _persistence.State.Current;
            snap.ProgramPresent = false;
        }

        /// <summary>Delivered volume from the counted microsteps, rounded down (nL).</summary>
        public long DeliveredVolumeNl()
        {
            long nl;
            if (_calibration == null || !_calibration.TryMicrostepsToNl(_ledger.CountedMicrosteps, out nl))
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

        private void FillProgramSnapshot(PumpSnapshot snap)
        {
            InfusionProgram? p = _program;
            snap.ProgramPresent = p != null;
            if (p == null)
            {
                return;
            }

            snap.DrugId = p.DrugId;
            snap.ConcentrationUgPerMl = p.ConcentrationUgPerMl;
            snap.WeightG = p.WeightG;
            snap.DoseUgPerKg = p.DoseUgPerKg;
            snap.DurationMs = p.DurationS * 1000;
            snap.SyringeId = p.SyringeId;
            snap.TotalMicrosteps = p.TotalMicrosteps;
            snap.RateMicrosteps = p.RateMicrosteps;
            snap.RatePeriodUs = p.RatePeriodUs;
            bool plain = p.ConcentrationUgPerMl == 0;
            snap.ProgramRateNlPerH = plain ? p.RateNlPerH : 0;
            snap.ProgramVolumeNl = plain ? p.VolumeNl : 0;
        }

        private void SaveSnapshot()
        {
            PumpSnapshot snap = _persistence.State.Current;
            snap.PumpStateCode = (int)_state;
            FillProgramSnapshot(snap);
            snap.LatchedAlarmBits = _alarms.ShownBits;
            snap.AlarmAudioPausedUntilMs = _alarms.AudioPausedUntilUs / 1000;
            snap.VitalHoldLatched = _state == PumpState.InterlockHold;
            if (!_persistence.State.TrySave())
            {
                _storageFault = true;
            }
        }
    }
}
