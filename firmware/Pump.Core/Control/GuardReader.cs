using Pump.Core.Alarms;
using Pump.Core.Interlock;
using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// Gathers the facts the state table's guards read, just before a trigger is handled: pure reads of the
    /// sensor frame, the motion channel, the session, the alarms and the interlock, with missing knowledge as
    /// the unsafe value. Effects belong to commands and entry actions, never here (STM-006).
    /// </summary>
    public sealed class GuardReader
    {
        private readonly PumpHardware _hw;
        private readonly PumpSettings _settings;
        private readonly SensorFrame _frame;
        private readonly MotionChannel _motion;
        private readonly InfusionSession _session;
        private readonly AlarmManager _alarms;
        private readonly VitalSignInterlock _interlock;
        private StartCheck _lastStartCheck;

        internal GuardReader(PumpHardware hw, PumpSettings settings, SensorFrame frame, MotionChannel motion,
            InfusionSession session, AlarmManager alarms, VitalSignInterlock interlock)
        {
            _hw = hw;
            _settings = settings;
            _frame = frame;
            _motion = motion;
            _session = session;
            _alarms = alarms;
            _interlock = interlock;
        }

        /// <summary>Sensors and actuators the pump needs to deliver safely all answer (STM-005, STM-006, STM-011).</summary>
        internal bool DeviceHealthy()
        {
            return _settings.ConfigurationProblem == 0 && _frame.CounterOk && !_motion.CounterWentBack && _frame.ForceOk && _frame.PositionOk && _frame.ClampReadable
                && !_hw.MotorDriver.IsFaulted && _hw.Display.IsHealthy;
        }

        internal GuardInputs Read(PumpTrigger trigger, long nowUs)
        {
            long nowMs = nowUs / 1000;
            GuardInputs g = new GuardInputs();
            g.SessionInterrupted = _session.Restored;
            g.SyringeSecured = _frame.SyringeSecured;
            g.LinePrimed = _session.Line.Primed;
            g.TechnicalConditionActive = _alarms.AnyPresentWithAction(AlarmAction.TechnicalStop);
            g.DeviceHealthy = DeviceHealthy();
            g.LineFreeOfPatient = _session.Line.FreeOfPatient;
            g.DrugSufficient = _session.DrugSufficient();
            g.TitrationPending = _session.TitrationPending;
            bool needsVitals = _session.InterlockRequired;
            Link.FrameResult linkRefusal = needsVitals ? _interlock.Verdict.LinkRefusal : Link.FrameResult.None;
            g.LinkRefusal = linkRefusal == Link.FrameResult.None ? null : Link.LinkMessages.ForResult(linkRefusal);
            if (trigger == PumpTrigger.RequestStart)
            {
                StartCheck check = needsVitals ? PreStart(nowMs) : StartCheck.Ok;
                _lastStartCheck = check;
                // Missing or stale data means no lease; present data outside the pre-start limits is a baseline problem.
                g.LeaseHeld = check == StartCheck.Ok || IsBaselineValueProblem(check);
                g.BaselineAcceptable = check == StartCheck.Ok;
                g.SessionAllowed = _session.Spacing.AllowedAtStart(_session.Drug);
                g.VitalConditionActive = false;
                return g;
            }

            if (trigger == PumpTrigger.RequestResume && needsVitals)
            {
                // The lease fact is the interlock's own resume rule, the one TryResume applies (no bounce).
                InterlockVerdict resume = _interlock.Verdict;
                g.VitalConditionActive = resume.Stopped || !resume.HoldsClearable;
                g.LeaseHeld = resume.ResumePermitted;
                return g;
            }

            InterlockVerdict verdict = _interlock.Verdict;
            g.LeaseHeld = !needsVitals || verdict.MayInfuse;
            g.VitalConditionActive = needsVitals && verdict.Level >= InterlockLevel.Hold;
            g.BaselineAcceptable = true;
            g.SessionAllowed = true;
            return g;
        }

        /// <summary>
        /// The table says which guard failed; when it is the interlock's, the interlock says exactly why
        /// (e.g. "SBP TOO HIGH", "NO HEART RATE"), from the same rule the guard read (INT-012).
        /// </summary>
        internal string Refusal(PumpTrigger trigger, ref GuardInputs inputs, string reason, long nowMs)
        {
            if (trigger == PumpTrigger.RequestStart && _lastStartCheck != StartCheck.Ok
                && (!inputs.LeaseHeld || !inputs.BaselineAcceptable) && inputs.SyringeSecured && inputs.DeviceHealthy
                && inputs.LinePrimed && inputs.DrugSufficient && inputs.SessionAllowed)
            {
                if (_lastStartCheck == StartCheck.LinkFault && _settings.LinkKeyProblem != 0)
                {
                    // The stored link key is missing, damaged or for another monitor: say which (LNK-017).
                    return Configuration.LinkKeyProblem.PanelText(_settings.LinkKeyProblem);
                }

                return InterlockMessages.ForStart(_lastStartCheck);
            }

            if (trigger == PumpTrigger.RequestResume && _session.InterlockRequired && (!inputs.LeaseHeld || inputs.VitalConditionActive)
                && inputs.SyringeSecured && inputs.DeviceHealthy && !inputs.TechnicalConditionActive)
            {
                // A link refusing frames (e.g. a sender stuck replaying) is named before the vitals (LNK-016).
                return inputs.LinkRefusal ?? _interlock.ResumeRefusal(nowMs);
            }

            if (!inputs.DeviceHealthy && inputs.SyringeSecured && _settings.ConfigurationProblem != 0)
            {
                // The unit's stored configuration is unusable: say which part (CFG-003).
                return Configuration.ConfigProblem.PanelText(_settings.ConfigurationProblem);
            }

            return reason;
        }

        private StartCheck PreStart(long nowMs)
        {
            // The commissioned monitor id must be set and the link key store paired with that same monitor.
            bool paired = _settings.PairedMonitorId != 0 && _settings.MonitorLink.IsPaired
                && _settings.MonitorLink.MonitorId == _settings.PairedMonitorId;
            return !paired ? StartCheck.LinkFault : _interlock.CheckStart(nowMs);
        }

        private static bool IsBaselineValueProblem(StartCheck check)
        {
            return check == StartCheck.SystolicTooHigh || check == StartCheck.DiastolicTooHigh
                || check == StartCheck.HeartRateOutOfRange || check == StartCheck.Spo2TooLow
                || check == StartCheck.RespiratoryRateOutOfRange;
        }
    }
}
