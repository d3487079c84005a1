using Pump.Core.Link;
using Pump.Hal;

namespace Pump.Core.Interlock
{
    /// <summary>
    /// The vital-sign interlock as the controller sees it: drains the monitor link, keeps the lease and runs
    /// the limit table. Call <see cref="Tick"/> once per control tick; the rest of the pump reads only the
    /// <see cref="Verdict"/> it publishes and drives it only by its three commands (start, acknowledge-and-resume, end;
    /// and restore at power-up). Its parts (lease, limit evaluator, baseline) are internal. Allocation-free after construction.
    /// </summary>
    public sealed class VitalSignInterlock
    {
        private readonly InterlockProfile _profile;
        private readonly MonitorFrameParser _parser;
        private readonly VitalSignLease _lease;
        private readonly VitalLimitEvaluator _evaluator;
        private readonly VitalBaseline _baseline = new VitalBaseline();
        private readonly VitalBaseline _candidateBaseline = new VitalBaseline();
        private bool _sessionActive;
        private int _framesThisTick;

        /// <param name="profile">The drug profile's interlock parameters and rule table.</param>
        /// <param name="keys">The monitor-link pairing (sender id and key) frames are authenticated against.</param>
        public VitalSignInterlock(InterlockProfile profile, LinkKeyStore keys)
        {
            _profile = profile;
            _parser = new MonitorFrameParser(keys, MonitorFrameParser.DefaultBadFrameAlarmCount, MonitorFrameParser.DefaultBadFrameWindowMs);
            _lease = new VitalSignLease(profile.LeaseMs, profile.NibpMaxAgeForLeaseS, profile.RespiratoryRateRequired);
            _evaluator = new VitalLimitEvaluator(profile.Rules);
            _verdict.Baseline = _baseline;
        }

        public InterlockProfile Profile => _profile;

        /// <summary>The link's frame statistics (diagnostics and tests); the pump reads the verdict.</summary>
        public MonitorFrameParser Parser => _parser;
        internal VitalSignLease Lease => _lease;
        internal VitalLimitEvaluator Evaluator => _evaluator;
        internal VitalBaseline Baseline => _baseline;

        /// <summary>Latest accepted frame; meaningful when <see cref="MonitorFrameParser.HasAccepted"/>.</summary>
        internal VitalSigns Latest => _parser.LastAccepted;

        public bool SessionActive => _sessionActive;

        /// <summary>This tick's verdict, refreshed by Tick and by every command.</summary>
        public InterlockVerdict Verdict => _verdict;

        private readonly InterlockVerdict _verdict = new InterlockVerdict();
        private long _verdictNowMs;

        private void Refresh(long nowMs)
        {
            _verdictNowMs = nowMs;
            _verdict.Set(_sessionActive, MayInfuse(nowMs), _evaluator.Level, _evaluator.Stopped, _evaluator.ResumableOnAcknowledge(nowMs),
                ResumePermitted(nowMs), _lease.Cause(nowMs), _evaluator.ActiveRule, _evaluator.LatchedMask(),
                _parser.UnpairedSeenSince(nowMs - _profile.UnpairedHoldOffMs), _parser.BadFrameRateAlarm(nowMs));
            bool has = _parser.HasAccepted;
            _verdict.SetLink(has, _parser.LastAccepted, has && nowMs - _parser.LastAccepted.ReceivedAtMs < _profile.LeaseMs,
                LinkRefusalAt(nowMs), _parser.BootChanges, _parser.PreviousBoot, _parser.Boot);
        }

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
                else if (r == FrameResult.Unpaired || r == FrameResult.SourceChanged)
                {
                    _lease.Revoke(LeaseCause.UnpairedMonitor, nowMs);
                }
            }

            _evaluator.Evaluate(nowMs);
            if (_evaluator.Level >= InterlockLevel.Hold)
            {
                _lease.Revoke(LeaseCause.OutsideLimits, nowMs);
            }

            Refresh(nowMs);
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
        internal LeaseCause LeaseCauseAt(long nowMs)
        {
            return _lease.Cause(nowMs);
        }

        /// <summary>Highest vital-sign limit level now.</summary>
        internal InterlockLevel Level => _evaluator.Level;

        /// <summary>The rule behind <see cref="Level"/>, or null.</summary>
        internal VitalRule? ActiveRule => _evaluator.ActiveRule;

        /// <summary>Link-fault alarm condition: too many rejected frames in the window, or a foreign monitor recently.</summary>
        public bool LinkAlarm(long nowMs)
        {
            return _parser.BadFrameRateAlarm(nowMs) || UnpairedRecently(nowMs);
        }

        /// <summary>
        /// When no accepted frame is fresh and frames are being refused, the refusal that explains it (the panel
        /// names it instead of blaming the vitals); None while the latest accepted frame is fresh or nothing was refused.
        /// </summary>
        internal FrameResult LinkRefusalAt(long nowMs)
        {
            bool fresh = _parser.HasAccepted && nowMs - _parser.LastAccepted.ReceivedAtMs < _profile.LeaseMs;
            bool refusedSince = _parser.LastRejection != FrameResult.None
                && (!_parser.HasAccepted || _parser.LastRejectionAtMs >= _parser.LastAccepted.ReceivedAtMs);
            return fresh || !refusedSince ? FrameResult.None : _parser.LastRejection;
        }

        /// <summary>
        /// The pre-start verdict on the latest frame, without starting anything (for guards and the panel).
        /// Ok means <see cref="TryStartSession"/> at the same time would start.
        /// </summary>
        public StartCheck CheckStart(long nowMs)
        {
            return CheckStartInto(nowMs, _candidateBaseline);
        }

        /// <summary>
        /// Pre-start check on the latest frame; on Ok captures the baseline, starts the limit evaluator and grants
        /// the first lease from that frame. The controller starts the motor only after Ok.
        /// </summary>
        public StartCheck TryStartSession(long nowMs)
        {
            StartCheck check = CheckStartInto(nowMs, _baseline);
            if (check != StartCheck.Ok)
            {
                return check;
            }

            _lease.Clear();
            _evaluator.BeginSession(_baseline);
            _sessionActive = true;
            _evaluator.Evaluate(nowMs);
            _lease.Renew(_parser.LastAccepted, nowMs, _evaluator.Level < InterlockLevel.Hold);
            Refresh(nowMs);
            return StartCheck.Ok;
        }

        /// <summary>
        /// After a power loss: continues the interrupted session with the persisted baseline (relative
        /// limits keep their reference) and the rules that were latched (INT-501: a restored hold names its rule).
        /// No lease is granted: the next valid frame renews it.
        /// </summary>
        public void RestoreSession(VitalBaseline baseline, long latchedRules, long nowMs)
        {
            if (baseline != _baseline)
            {
                _baseline.Valid = baseline.Valid;
                _baseline.SystolicMmHg = baseline.SystolicMmHg;
                _baseline.DiastolicMmHg = baseline.DiastolicMmHg;
                _baseline.HeartRateBpm = baseline.HeartRateBpm;
                _baseline.Spo2Percent = baseline.Spo2Percent;
            }

            _lease.Clear();
            _evaluator.BeginSession(_baseline);
            _sessionActive = true;
            _evaluator.RestoreLatched(latchedRules, nowMs);
            Refresh(nowMs);
        }

        /// <summary>
        /// Whether the clinician's resume would be granted now: a session is running, no stop is latched, every latched
        /// hold is back inside its limit (the resume acknowledges it), and the latest frame is fresh, paired and complete
        /// enough to grant the lease. When true, <see cref="AcknowledgeAndResume"/> at the same time succeeds and
        /// <see cref="MayInfuse"/> is true right after it. (The lease itself is revoked while a hold is latched,
        /// so "lease held" cannot be the resume guard.)
        /// </summary>
        public bool ResumePermitted(long nowMs)
        {
            return _sessionActive
                && _evaluator.ResumableOnAcknowledge(nowMs)
                && _parser.HasAccepted
                && !UnpairedRecently(nowMs)
                && _lease.WouldGrant(_parser.LastAccepted, nowMs) == LeaseCause.None;
        }

        /// <summary>
        /// Why <see cref="ResumePermitted"/> is false now, as a panel message (INT-012): the first unmet part of
        /// the same rule, so a refused resume names its real cause.
        /// </summary>
        public string ResumeRefusal(long nowMs)
        {
            if (!_sessionActive)
            {
                return InterlockMessages.ForStart(StartCheck.SessionStopped);
            }

            if (!_evaluator.ResumableOnAcknowledge(nowMs))
            {
                VitalRule? rule = _evaluator.ActiveRule;
                return _evaluator.Stopped || rule == null ? InterlockMessages.ForLease(LeaseCause.OutsideLimits) : rule.PanelMessage;
            }

            if (!_parser.HasAccepted)
            {
                return InterlockMessages.ForLease(LeaseCause.NeverGranted);
            }

            if (UnpairedRecently(nowMs))
            {
                return InterlockMessages.ForLease(LeaseCause.UnpairedMonitor);
            }

            LeaseCause cause = _lease.WouldGrant(_parser.LastAccepted, nowMs);
            return cause == LeaseCause.None ? "RESUME REFUSED" : InterlockMessages.ForLease(cause);
        }

        /// <summary>
        /// The clinician's resume, one atomic decision: when <see cref="ResumePermitted"/>, acknowledges the latched holds,
        /// clears them and re-grants the lease from the latest frame; otherwise acknowledges nothing, changes nothing and
        /// returns false (<see cref="ResumeRefusal"/> names why, from the same rule). <paramref name="acknowledgedRules"/>
        /// is the bit set of the holds it acknowledged (0 when none were latched, or when refused).
        /// </summary>
        public bool AcknowledgeAndResume(long nowMs, out long acknowledgedRules)
        {
            acknowledgedRules = 0;
            if (!ResumePermitted(nowMs))
            {
                return false;
            }

            long latched = _evaluator.LatchedMask();
            _evaluator.Acknowledge();
            if (!_evaluator.Resume(nowMs))
            {
                return false;
            }

            acknowledgedRules = latched;
            _lease.Renew(_parser.LastAccepted, nowMs, _evaluator.Level < InterlockLevel.Hold);
            Refresh(nowMs);
            return true;
        }

        /// <summary>Ends the session (infusion complete or abandoned): the pump may not infuse until a new start.</summary>
        public void EndSession()
        {
            _sessionActive = false;
            _evaluator.EndSession();
            _lease.Clear();
            Refresh(_verdictNowMs);
        }

        private StartCheck CheckStartInto(long nowMs, VitalBaseline into)
        {
            if (_sessionActive)
            {
                return _evaluator.Stopped ? StartCheck.SessionStopped : StartCheck.SessionAlreadyActive;
            }

            if (UnpairedRecently(nowMs) || _parser.BadFrameRateAlarm(nowMs))
            {
                into.Clear();
                return StartCheck.LinkFault;
            }

            return PreStartCheck.Evaluate(_parser.LastAccepted, _parser.HasAccepted, nowMs, _profile, into);
        }

        /// <summary>A foreign frame arrived less than UnpairedHoldOffMs ago.</summary>
        private bool UnpairedRecently(long nowMs)
        {
            return _parser.UnpairedSeenSince(nowMs - _profile.UnpairedHoldOffMs + 1);
        }
    }
}
