using Pump.Core.Interlock;
using Pump.Core.Link;
using Pump.Core.Persistence;
using Pump.Core.Records;
using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// The controller's event log writer: every entry goes to the persisted log, and a session event (start,
    /// transition, alarm, delivery stop) of a drug that needs vitals is followed by the fresh vitals of its
    /// moment, for the infusion records (Records.EventVitals).
    /// </summary>
    public sealed class SessionLog
    {
        private readonly EventLog _log;
        private readonly IMonotonicClock _clock;
        private readonly VitalSignInterlock _interlock;

        internal SessionLog(EventLog log, IMonotonicClock clock, VitalSignInterlock interlock)
        {
            _log = log;
            _clock = clock;
            _interlock = interlock;
        }

        private int _loggedBootChanges;

        /// <summary>The session whose program decides whether vitals accompany an event (set once at construction).</summary>
        internal InfusionSession? Session { get; set; }

        internal void Append(int code, int priority, int arg0, int arg1)
        {
            _log.Append(code, priority, 0, arg0, arg1);
            InfusionSession? session = Session;
            long nowMs = _clock.NowUs / 1000;
            InterlockVerdict verdict = _interlock.Verdict;
            VitalSigns? latest = verdict.LatestVitals;
            if (session == null || session.Program == null || !session.InterlockRequired || !EventVitals.Accompanies(code)
                || latest == null || !verdict.HasVitals || nowMs - latest.ReceivedAtMs >= _interlock.Profile.LeaseMs)
            {
                return;
            }

            _log.Append(PumpEvent.VitalsAtEvent, 0, 0, EventVitals.PackPressure(latest), EventVitals.PackRates(latest));
        }

        private long _loggedLatchedRules;

        /// <summary>After the interlock's tick: each newly latched vital rule (INT-501) and a sender restart.</summary>
        internal void LogInterlockChanges()
        {
            long latched = _interlock.Verdict.LatchedRules;
            if (latched != _loggedLatchedRules)
            {
                for (int i = 0; i < VitalLimitEvaluator.MaskBits; i++)
                {
                    long bit = 1L << i;
                    if ((latched & bit) != 0 && (_loggedLatchedRules & bit) == 0)
                    {
                        Append(PumpEvent.VitalRuleLatched, 0, i, (int)_interlock.Profile.Rules[i].Level);
                    }
                }

                _loggedLatchedRules = latched;
            }

            LogSenderRestart();
        }

        /// <summary>Rules latched again by a restore are already logged as restored, not as new latches.</summary>
        internal void RulesRestored(long latched)
        {
            _loggedLatchedRules = latched;
        }

        /// <summary>An authenticated new boot of the monitor-link sender (a bridge restart) is logged once (LNK-014).</summary>
        private void LogSenderRestart()
        {
            InterlockVerdict verdict = _interlock.Verdict;
            int changes = verdict.SenderBootChanges;
            if (changes != _loggedBootChanges)
            {
                _loggedBootChanges = changes;
                Append(PumpEvent.MonitorSenderRestarted, 0, (int)verdict.PreviousSenderBoot, (int)verdict.SenderBoot);
            }
        }
    }
}
