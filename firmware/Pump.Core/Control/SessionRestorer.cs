using Pump.Core.Alarms;
using Pump.Core.Common;
using Pump.Core.Interlock;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Units;

namespace Pump.Core.Control
{
    /// <summary>
    /// At power-up, brings back the session that was open at the reset (PER-015), or, when its program cannot be
    /// rebuilt exactly, closes it for good and says what it delivered (PER-016). Never starts anything.
    /// </summary>
    public sealed class SessionRestorer
    {
        private readonly PumpSettings _settings;
        private readonly PumpPersistence _persistence;
        private readonly VitalSignInterlock _interlock;
        private readonly AlarmManager _alarms;
        private readonly InfusionSession _session;
        private readonly MotionChannel _motion;
        private readonly SessionLog _log;
        private int _followUp = -1;
        private long _unrestoredDeliveredNl = -1;
        private long _unrestoredDoseUg;

        internal SessionRestorer(PumpSettings settings, PumpPersistence persistence, VitalSignInterlock interlock,
            AlarmManager alarms, InfusionSession session, MotionChannel motion, SessionLog log)
        {
            _settings = settings;
            _persistence = persistence;
            _interlock = interlock;
            _alarms = alarms;
            _session = session;
            _motion = motion;
            _log = log;
        }

        /// <summary>Upper bound of what an open session that could not be restored delivered (nL); -1 when none.</summary>
        public long UnrestoredDeliveredNl { get { return _unrestoredDeliveredNl; } }

        /// <summary>Dose of <see cref="UnrestoredDeliveredNl"/> (µg, 0 for plain mL/h programs).</summary>
        public long UnrestoredDoseUg { get { return _unrestoredDoseUg; } }

        /// <summary>The trigger that moves a restored session on from Paused (VitalHold, TechnicalStop); -1 for none, and when nothing was restored.</summary>
        internal int FollowUp { get { return _followUp; } }

        /// <summary>
        /// Whether the snapshot holds an open session: its state has the session-open trait, or a delivery was
        /// still marked active (an older snapshot, or a cut between the first reservation and the state save).
        /// Public because service mode (Pump.Core.Service, a separate device assembly) applies the same rule.
        /// </summary>
        public static bool WasOpen(PowerOnReport report, PumpSnapshot snap)
        {
            return report.SnapshotRecovered
                && (StateTraits.Has((PumpState)snap.PumpStateCode, StateTraits.SessionOpen) || report.DeliveryInterrupted);
        }

        /// <summary>Restores or abandons the open session of the snapshot; a restored one may leave a <see cref="FollowUp"/>.</summary>
        internal void Restore(PumpSnapshot snap, DrugLibrary library, long nowUs)
        {
            int why = RebuildProgram(snap, library, nowUs / 1000);
            if (why != RestoreRefusal.None)
            {
                Abandon(snap, why, nowUs);
                return;
            }

            PumpState persisted = (PumpState)snap.PumpStateCode;
            long delivered = _persistence.Ledger.ReservedMicrosteps;
            _motion.BeginCount(delivered);
            _session.MarkRestored(snap.SessionStartUtcSeconds, snap.PatientId);
            for (int i = 1; i < AlarmCodes.Count; i++)
            {
                AlarmCode code = (AlarmCode)i;
                if ((snap.LatchedAlarmBits & (1L << i)) != 0 && AlarmTable.For(code).Latches)
                {
                    _alarms.RestoreLatched(code, nowUs);
                }
            }

            if (snap.AlarmAudioPausedUntilMs > 0)
            {
                // The pause was timed on the old boot's monotonic clock: it cannot be continued, so audio re-arms.
                Log(PumpEvent.AudioPauseEndedByReset, (int)IntMath.Min(snap.AlarmAudioPausedUntilMs / 1000, int.MaxValue), 0);
            }

            _alarms.RaiseEvent(AlarmCode.PowerRestored, nowUs);
            _followUp = -1;
            if (snap.VitalHoldLatched || persisted == PumpState.InterlockHold)
            {
                _followUp = (int)PumpTrigger.VitalHold;
            }
            else if (persisted == PumpState.Alarm)
            {
                _followUp = (int)PumpTrigger.TechnicalStop;
            }

            Log(PumpEvent.SessionRestored, (int)persisted, (int)IntMath.Min(delivered, int.MaxValue));
            LogRestoredRules();
        }

        /// <summary>
        /// The holds latched again name their rule in the log (INT-501). An older record without the rule bits
        /// restores the hold by its state alone, with the generic reason: never no hold.
        /// </summary>
        private void LogRestoredRules()
        {
            InterlockVerdict verdict = _interlock.Verdict;
            if (verdict.LatchedRules == 0)
            {
                return;
            }

            VitalRule? shown = verdict.ActiveRule;
            int index = -1;
            VitalRule[] rules = _interlock.Profile.Rules;
            for (int i = 0; shown != null && i < rules.Length; i++)
            {
                index = rules[i] == shown ? i : index;
            }

            _log.RulesRestored(verdict.LatchedRules);
            Log(PumpEvent.VitalRulesRestored, index, (int)IntMath.Min(verdict.LatchedRules, int.MaxValue));
        }

        /// <summary>
        /// Never guesses: SESSION NOT RESTORED, the recorded upper bound kept for the screen, the history entry
        /// finished with it and the ledger closed, so the session is not left open forever.
        /// </summary>
        private void Abandon(PumpSnapshot snap, int why, long nowUs)
        {
            long volumeNl = snap.VolumeDeliveredNl;
            _unrestoredDeliveredNl = volumeNl;
            // An unknown volume (-1) is no dose; a plain mL/h program (concentration 0) has none either.
            _unrestoredDoseUg = IntMath.MulDiv(IntMath.Max(volumeNl, 0), snap.ConcentrationUgPerMl, 1000000);
            if (volumeNl >= 0)
            {
                _persistence.History.TryFinishSession(_unrestoredDoseUg);
            }

            if (!_persistence.Ledger.TryCloseInterrupted())
            {
                _alarms.RaiseEvent(AlarmCode.StorageFault, nowUs);
            }

            _alarms.RaiseEvent(AlarmCode.SessionNotRestored, nowUs);
            Log(PumpEvent.SessionNotRestored, why, (int)IntMath.Min(volumeNl / 1000, int.MaxValue));
        }

        /// <summary>Recomputes the program from the library and must get exactly what was persisted.</summary>
        private int RebuildProgram(PumpSnapshot snap, DrugLibrary library, long nowMs)
        {
            if (!snap.ProgramPresent)
            {
                return RestoreRefusal.NoProgram;
            }

            DrugEntry? drug;
            if (!library.TryFind(snap.DrugId, out drug) || drug == null)
            {
                return RestoreRefusal.DrugNotInLibrary;
            }

            // Assigned up front so that every variant of the condition below compiles (mutation testing scores
            // this method instead of dropping it for an `out` read after a mutated `||`).
            SyringeSpec? syringe;
            SyringeCalibration? calibration = null;
            if (!SyringeTable.TryFind(snap.SyringeId, out syringe) || syringe == null
                || !SyringeCalibration.TryCreate(syringe, _settings.Mechanism, out calibration) || calibration == null)
            {
                return RestoreRefusal.SyringeUnknown;
            }

            ProgramResult result = drug.Mode == DoseMode.PlainRate
                ? InfusionProgrammer.ProgramPlainRate(drug,
                    snap.ProgramRateNlPerH > 0 ? snap.ProgramRateNlPerH : RateFromSnapshot(snap, calibration),
                    snap.ProgramVolumeNl > 0 ? snap.ProgramVolumeNl : VolumeFromSnapshot(snap, calibration), calibration)
                : InfusionProgrammer.ProgramWeightBased(drug, (int)snap.ConcentrationUgPerMl, snap.WeightG, snap.DoseUgPerKg, snap.DurationMs / 1000, calibration);
            // A titrated session comes back at its titrated rate, recomputed from the program and that rate (TIT-005).
            InfusionProgram? running = result.Program;
            if (running != null && snap.TitratedRate > 0)
            {
                running = TitrationPlanner.Plan(drug, running, calibration, snap.TitratedRate, _settings.MaxMicrostepsPerSecond).Program;
            }

            if (result.Program == null || running == null || result.Program.TotalMicrosteps != snap.TotalMicrosteps
                || running.RateMicrosteps != snap.RateMicrosteps || running.RatePeriodUs != snap.RatePeriodUs)
            {
                return RestoreRefusal.ProgramDiffers;
            }

            if (drug.RequiresVitalInterlock && snap.BaselineSbpMmHg <= 0)
            {
                return RestoreRefusal.BaselineMissing;
            }

            _session.Adopt(drug, calibration, result.Program);
            if (running != result.Program)
            {
                _session.RestoreTitrated(running, snap.TitratedRate);
            }
            if (drug.RequiresVitalInterlock)
            {
                VitalBaseline b = _interlock.Baseline;
                b.Valid = true;
                b.SystolicMmHg = snap.BaselineSbpMmHg;
                b.DiastolicMmHg = snap.BaselineDbpMmHg;
                b.HeartRateBpm = snap.BaselineHrBpm;
                b.Spo2Percent = snap.BaselineSpo2Percent;
                _interlock.RestoreSession(b, snap.VitalLatchedRules, nowMs);
            }

            return RestoreRefusal.None;
        }

        private static long RateFromSnapshot(PumpSnapshot snap, SyringeCalibration calibration)
        {
            long perHour;
            long nl;
            if (!IntMath.TryMulDiv(snap.RateMicrosteps, 3600000000L, snap.RatePeriodUs, out perHour))
            {
                return 0;   // a rate no program has: the recomputed program cannot match, the restore is refused
            }

            // Ceiling inverse: rounding down would lose a microstep and the recomputed program would not match.
            return calibration.TryMicrostepsToNlCeil(perHour, out nl) ? nl : 0;
        }

        private static long VolumeFromSnapshot(PumpSnapshot snap, SyringeCalibration calibration)
        {
            long nl;
            return calibration.TryMicrostepsToNlCeil(snap.TotalMicrosteps, out nl) ? nl : 0;
        }

        private void Log(int code, int arg0, int arg1)
        {
            _persistence.Log.Append(code, 0, 0, arg0, arg1);
        }
    }
}
