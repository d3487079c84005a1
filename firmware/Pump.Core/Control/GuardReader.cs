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

        internal GuardInputs Read(PumpTrigger trigger, long nowUs)
        {
            GuardSituation s = new GuardSituation();
            Gather(trigger, nowUs / 1000, ref s);
            return Derive(trigger, ref s);
        }

        /// <summary>Copies the raw situation from the parts: reads only, no decision (the decisions are in <see cref="Derive"/>).</summary>
        private void Gather(PumpTrigger trigger, long nowMs, ref GuardSituation s)
        {
            s.ConfigurationFault = _settings.ConfigurationProblem != 0;
            s.CounterReadable = _frame.CounterOk;
            s.CounterWentBack = _motion.CounterWentBack;
            s.ForceReadable = _frame.ForceOk;
            s.PositionReadable = _frame.PositionOk;
            s.ClampReadable = _frame.ClampReadable;
            s.ClampClosed = _frame.ClampClosed;
            s.PlungerEngaged = _frame.PlungerEngaged;
            s.DriverFaulted = _hw.MotorDriver.IsFaulted;
            s.DisplayHealthy = _hw.Display.IsHealthy;
            s.SessionRestored = _session.Restored;
            s.LinePrimed = _session.Line.Primed;
            s.LineFreeOfPatient = _session.Line.FreeOfPatient;
            s.DrugSufficient = _session.DrugSufficient();
            s.TitrationPending = _session.TitrationPending;
            s.InterlockRequired = _session.InterlockRequired;
            s.TechnicalStopPresent = _alarms.AnyPresentWithAction(AlarmAction.TechnicalStop);
            InterlockVerdict verdict = _interlock.Verdict;
            s.MayInfuse = verdict.MayInfuse;
            s.Level = verdict.Level;
            s.Stopped = verdict.Stopped;
            s.HoldsClearable = verdict.HoldsClearable;
            s.ResumePermitted = verdict.ResumePermitted;
            s.LinkRefusal = verdict.LinkRefusal;
            s.MonitorCommissioned = _settings.PairedMonitorId != 0 && _settings.MonitorLink.IsPaired
                && _settings.MonitorLink.MonitorId == _settings.PairedMonitorId;
            s.InterlockStart = StartCheck.Ok;
            if (trigger == PumpTrigger.RequestStart)
            {
                s.SpacingAllows = _session.Spacing.AllowedAtStart(_session.Drug);
                if (s.InterlockRequired && s.MonitorCommissioned)
                {
                    s.InterlockStart = _interlock.CheckStart(nowMs);
                }

                _lastStartCheck = !s.InterlockRequired ? StartCheck.Ok : !s.MonitorCommissioned ? StartCheck.LinkFault : s.InterlockStart;
            }
        }

        /// <summary>
        /// The guard facts from the raw situation, with missing knowledge as the unsafe value. Pure: the Stateless
        /// reference model computes the same facts from the same situation by its own definitions and the
        /// conformance run compares the outcomes (hardware-docs/state-machine.md).
        /// </summary>
        public static GuardInputs Derive(PumpTrigger trigger, ref GuardSituation s)
        {
            GuardInputs g = new GuardInputs();
            g.SessionInterrupted = s.SessionRestored;
            g.SyringeSecured = s.ClampReadable && s.ClampClosed && s.PlungerEngaged;
            g.LinePrimed = s.LinePrimed;
            g.TechnicalConditionActive = s.TechnicalStopPresent;
            // Sensors and actuators the pump needs to deliver safely all answer (STM-005, STM-006, STM-011).
            g.DeviceHealthy = !s.ConfigurationFault && s.CounterReadable && !s.CounterWentBack && s.ForceReadable && s.PositionReadable
                && s.ClampReadable && !s.DriverFaulted && s.DisplayHealthy;
            g.LineFreeOfPatient = s.LineFreeOfPatient;
            g.DrugSufficient = s.DrugSufficient;
            g.TitrationPending = s.TitrationPending;
            bool needsVitals = s.InterlockRequired;
            Link.FrameResult linkRefusal = needsVitals ? s.LinkRefusal : Link.FrameResult.None;
            g.LinkRefusal = linkRefusal == Link.FrameResult.None ? null : Link.LinkMessages.ForResult(linkRefusal);
            if (trigger == PumpTrigger.RequestStart)
            {
                StartCheck check = !needsVitals ? StartCheck.Ok : !s.MonitorCommissioned ? StartCheck.LinkFault : s.InterlockStart;
                // Missing or stale data means no lease; present data outside the pre-start limits is a baseline problem.
                g.LeaseHeld = check == StartCheck.Ok || IsBaselineValueProblem(check);
                g.BaselineAcceptable = check == StartCheck.Ok;
                g.SessionAllowed = s.SpacingAllows;
                g.VitalConditionActive = false;
                return g;
            }

            if (trigger == PumpTrigger.RequestResume && needsVitals)
            {
                // The lease fact is the interlock's own resume rule, the one its resume command applies (no bounce).
                g.VitalConditionActive = s.Stopped || !s.HoldsClearable;
                g.LeaseHeld = s.ResumePermitted;
                return g;
            }

            g.LeaseHeld = !needsVitals || s.MayInfuse;
            g.VitalConditionActive = needsVitals && s.Level >= InterlockLevel.Hold;
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

        private static bool IsBaselineValueProblem(StartCheck check)
        {
            return check == StartCheck.SystolicTooHigh || check == StartCheck.DiastolicTooHigh
                || check == StartCheck.HeartRateOutOfRange || check == StartCheck.Spo2TooLow
                || check == StartCheck.RespiratoryRateOutOfRange;
        }
    }
}
