using Pump.Core.Link;
using Pump.Hal;

namespace Pump.Core.Interlock
{
    /// <summary>
    /// The vital-sign interlock as the controller sees it: drains the monitor link, keeps the lease and runs
    /// the limit table. Call <see cref="Tick"/> once per control tick, then stop the motor unless
    /// <see cref="MayInfuse"/>. Allocation-free after construction.
    /// </summary>
    public sealed class VitalSignInterlock
    {
        private readonly InterlockProfile _profile;
        private readonly MonitorFrameParser _parser;
        private readonly VitalSignLease _lease;
        private readonly VitalLimitEvaluator _evaluator;
        private readonly VitalBaseline _baseline = new VitalBaseline();
        private bool _sessionActive;
        private int _framesThisTick;

        /// <param name="profile">The drug profile's interlock parameters and rule table.</param>
        /// <param name="pairedMonitorId">The monitor id the clinician paired this pump with (0: not paired).</param>
        public VitalSignInterlock(InterlockProfile profile, uint pairedMonitorId)
        {
            _profile = profile;
            _parser = new MonitorFrameParser(pairedMonitorId, MonitorFrameParser.DefaultBadFrameAlarmCount, MonitorFrameParser.DefaultBadFrameWindowMs);
            _lease = new VitalSignLease(profile.LeaseMs, profile.NibpMaxAgeForLeaseS, profile.RespiratoryRateRequired);
            _evaluator = new VitalLimitEvaluator(profile.Rules);
        }

        public InterlockProfile Profile => _profile;
        public MonitorFrameParser Parser => _parser;
        public VitalSignLease Lease => _lease;
        public VitalLimitEvaluator Evaluator => _evaluator;
        public VitalBaseline Baseline => _baseline;

        /// <summary>Latest accepted frame; meaningful when <see cref="MonitorFrameParser.HasAccepted"/>.</summary>
        public VitalSigns Latest => _parser.LastAccepted;

        public bool SessionActive => _sessionActive;

        /// <summary>Frames (accepted or rejected) handled during the last Tick.</summary>
        public int FramesLastTick => _framesThisTick;

        /// <summary>
        /// Reads every waiting link byte, feeds each accepted frame to the evaluator and the lease, then applies
        /// time-driven rules at <paramref name="nowMs"/>. A frame that crosses a hold or stop limit ends the lease
        /// in this same call, so the motor stops within the tick.
        /// </summary>
        public void Tick(IMonitorLink link, long nowMs)
        {
            _framesThisTick = 0;
            while (true)
            {
                FrameResult r = _parser.Poll(link, nowMs);
                if (r == FrameResult.None)
                {
                    break;
                }

                _framesThisTick++;
                if (r == FrameResult.Accepted)
                {
                    VitalSigns frame = _parser.LastAccepted;
                    _evaluator.OnFrame(frame);
                    _evaluator.Evaluate(nowMs);
                    if (UnpairedRecently(nowMs))
                    {
                        _lease.Revoke(LeaseCause.UnpairedMonitor, nowMs);
                    }
                    else
                    {
                        _lease.Renew(frame, nowMs, _evaluator.Level < InterlockLevel.Hold);
                    }
                }
                else if (r == FrameResult.Unpaired)
                {
                    _lease.Revoke(LeaseCause.UnpairedMonitor, nowMs);
                }
            }

            _evaluator.Evaluate(nowMs);
            if (_evaluator.Level >= InterlockLevel.Hold)
            {
                _lease.Revoke(LeaseCause.OutsideLimits, nowMs);
            }
        }

        /// <summary>
        /// The motor may run only while this is true: a session is active, no stop or hold is latched and
        /// the lease is held. Everything else (no data, stale data, link loss, foreign monitor) is false.
        /// </summary>
        public bool MayInfuse(long nowMs)
        {
            return _sessionActive && _evaluator.Active && !_evaluator.Stopped
                && _evaluator.Level < InterlockLevel.Hold && _lease.IsHeld(nowMs);
        }

        /// <summary>Why the lease is not held (None while the lease is held).</summary>
        public LeaseCause LeaseCauseAt(long nowMs)
        {
            return _lease.Cause(nowMs);
        }

        /// <summary>Highest vital-sign limit level now.</summary>
        public InterlockLevel Level => _evaluator.Level;

        /// <summary>The rule behind <see cref="Level"/>, or null.</summary>
        public VitalRule? ActiveRule => _evaluator.ActiveRule;

        /// <summary>Link-fault alarm condition: too many rejected frames in the window, or a foreign monitor recently.</summary>
        public bool LinkAlarm(long nowMs)
        {
            return _parser.BadFrameRateAlarm(nowMs) || UnpairedRecently(nowMs);
        }

        /// <summary>
        /// Pre-start check on the latest frame; on Ok captures the baseline, starts the limit evaluator and grants
        /// the first lease from that frame. The controller starts the motor only after Ok.
        /// </summary>
        public StartCheck TryStartSession(long nowMs)
        {
            if (_sessionActive && _evaluator.Stopped)
            {
                return StartCheck.SessionStopped;
            }

            if (UnpairedRecently(nowMs) || _parser.BadFrameRateAlarm(nowMs))
            {
                return StartCheck.LinkFault;
            }

            StartCheck check = PreStartCheck.Evaluate(_parser.LastAccepted, _parser.HasAccepted, nowMs, _profile, _baseline);
            if (check != StartCheck.Ok)
            {
                return check;
            }

            _lease.Clear();
            _evaluator.BeginSession(_baseline);
            _sessionActive = true;
            _evaluator.Evaluate(nowMs);
            _lease.Renew(_parser.LastAccepted, nowMs, _evaluator.Level < InterlockLevel.Hold);
            return StartCheck.Ok;
        }

        /// <summary>The clinician acknowledges the latched holds.</summary>
        public void Acknowledge()
        {
            _evaluator.Acknowledge();
        }

        /// <summary>Whether a clinician resume would be accepted now (holds acknowledged and cleared, lease held).</summary>
        public bool ResumePermitted(long nowMs)
        {
            return _sessionActive && _evaluator.ResumePermitted(nowMs) && _lease.IsHeld(nowMs);
        }

        /// <summary>
        /// Clears acknowledged, cleared holds. Returns false (and changes nothing) unless <see cref="ResumePermitted"/>.
        /// The lease is not touched: after a hold it is re-granted only by the next valid frame.
        /// </summary>
        public bool TryResume(long nowMs)
        {
            if (!_sessionActive || !_evaluator.ResumePermitted(nowMs))
            {
                return false;
            }

            return _evaluator.Resume(nowMs);
        }

        /// <summary>Ends the session (infusion complete or abandoned): the pump may not infuse until a new start.</summary>
        public void EndSession()
        {
            _sessionActive = false;
            _evaluator.EndSession();
            _lease.Clear();
        }

        private bool UnpairedRecently(long nowMs)
        {
            return _parser.UnpairedSeenSince(nowMs - _profile.UnpairedHoldOffMs);
        }
    }
}
