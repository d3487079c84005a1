namespace Pump.Core.Control
{
    /// <summary>
    /// The pump's state machine as data (DESIGN.md D6, STM-001..). Every (state, trigger) pair has one
    /// rule, or two rules with complementary guards. Rules written out below are the behaviour; pairs not
    /// written out get the documented default: a clinician's request is rejected ("NOT AVAILABLE NOW"),
    /// an automatic trigger is ignored, a fatal fault or failed self-check always leads to Failsafe.
    /// hardware-docs/state-table.md is generated from this table; the Stateless reference model in the
    /// tests is written independently from hardware-docs/requirements.md and must agree with it.
    /// </summary>
    public sealed class StateTable
    {
        private const string NotAvailable = "NOT AVAILABLE NOW";
        private const string ServiceRequired = "SERVICE REQUIRED";

        private const int Pairs = PumpStates.Count * PumpTriggers.Count;

        // Rules in table order, and per (state, trigger) pair the index of its first and (if any) second rule, -1 for
        // none: index arrays instead of reference arrays keep the table at about 11 KB of the ESP32's heap
        // (nanoFramework spends a 12-byte block per reference; hardware-docs/on-target.md).
        private readonly short[] _primary = new short[Pairs];
        private readonly short[] _alternate = new short[Pairs];
        private TransitionRule[] _all = new TransitionRule[2 * Pairs];
        private int _count;

        public StateTable()
        {
            for (int i = 0; i < Pairs; i++)
            {
                _primary[i] = -1;
                _alternate[i] = -1;
            }

            // Power-up (STM-004): never resumes by itself; an interrupted session comes back paused.
            Go(PumpState.SelfTest, PumpTrigger.SelfTestPassed, Guard.NoInterruptedSession, PumpState.Idle);
            Go(PumpState.SelfTest, PumpTrigger.SelfTestPassed, Guard.InterruptedSession, PumpState.Paused);

            Go(PumpState.Idle, PumpTrigger.BeginProgramming, Guard.Always, PumpState.Programming);

            Go(PumpState.Programming, PumpTrigger.CancelProgramming, Guard.Always, PumpState.Idle);
            Go(PumpState.Programming, PumpTrigger.ConfirmProgram, Guard.Always, PumpState.Ready);

            Go(PumpState.Ready, PumpTrigger.BeginProgramming, Guard.Always, PumpState.Programming);
            Go(PumpState.Ready, PumpTrigger.CancelProgramming, Guard.Always, PumpState.Idle);
            Go(PumpState.Ready, PumpTrigger.RequestPrime, Guard.PrimePermitted, PumpState.Priming);
            Refuse(PumpState.Ready, PumpTrigger.RequestPrime, Guard.PrimeRefused);
            Go(PumpState.Ready, PumpTrigger.RequestStart, Guard.StartPermitted, PumpState.Infusing);
            Refuse(PumpState.Ready, PumpTrigger.RequestStart, Guard.StartRefused);
            Ignore(PumpState.Ready, PumpTrigger.TechnicalStop, "MOTOR ALREADY STOPPED");

            Go(PumpState.Priming, PumpTrigger.PrimeFinished, Guard.Always, PumpState.Ready);
            Go(PumpState.Priming, PumpTrigger.RequestPause, Guard.Always, PumpState.Ready);
            Go(PumpState.Priming, PumpTrigger.RequestStop, Guard.Always, PumpState.Ready);
            Go(PumpState.Priming, PumpTrigger.TechnicalStop, Guard.Always, PumpState.Ready);
            Ignore(PumpState.Priming, PumpTrigger.VitalHold, "NOT CONNECTED WHILE PRIMING");
            Ignore(PumpState.Priming, PumpTrigger.VitalStop, "NOT CONNECTED WHILE PRIMING");

            Go(PumpState.Infusing, PumpTrigger.RequestPause, Guard.Always, PumpState.Paused);
            Go(PumpState.Infusing, PumpTrigger.RequestStop, Guard.Always, PumpState.Stopped);
            Go(PumpState.Infusing, PumpTrigger.InfusionComplete, Guard.Always, PumpState.Completed);
            Go(PumpState.Infusing, PumpTrigger.VitalHold, Guard.Always, PumpState.InterlockHold);
            Go(PumpState.Infusing, PumpTrigger.VitalStop, Guard.Always, PumpState.Stopped);
            Go(PumpState.Infusing, PumpTrigger.TechnicalStop, Guard.Always, PumpState.Alarm);
            Ignore(PumpState.Infusing, PumpTrigger.RequestStart, "ALREADY INFUSING");
            Ignore(PumpState.Infusing, PumpTrigger.RequestResume, "ALREADY INFUSING");
            // Titration (TIT): only while the motor runs, re-anchored in place; elsewhere NOT AVAILABLE NOW (resume first).
            Go(PumpState.Infusing, PumpTrigger.ConfirmTitration, Guard.TitrationReady, PumpState.Infusing);
            Refuse(PumpState.Infusing, PumpTrigger.ConfirmTitration, Guard.TitrationNotReady);

            Go(PumpState.Paused, PumpTrigger.RequestResume, Guard.ResumePermitted, PumpState.Infusing);
            Refuse(PumpState.Paused, PumpTrigger.RequestResume, Guard.ResumeRefused);
            Go(PumpState.Paused, PumpTrigger.RequestStop, Guard.Always, PumpState.Stopped);
            Go(PumpState.Paused, PumpTrigger.InfusionComplete, Guard.Always, PumpState.Completed);
            Go(PumpState.Paused, PumpTrigger.VitalHold, Guard.Always, PumpState.InterlockHold);
            Go(PumpState.Paused, PumpTrigger.VitalStop, Guard.Always, PumpState.Stopped);
            Go(PumpState.Paused, PumpTrigger.TechnicalStop, Guard.Always, PumpState.Alarm);
            Ignore(PumpState.Paused, PumpTrigger.RequestPause, "ALREADY PAUSED");

            // A hold is latched (INT/VIT): only the clinician's resume, with vitals back in range, ends it.
            Go(PumpState.InterlockHold, PumpTrigger.RequestResume, Guard.ResumePermitted, PumpState.Infusing);
            Refuse(PumpState.InterlockHold, PumpTrigger.RequestResume, Guard.ResumeRefused);
            Go(PumpState.InterlockHold, PumpTrigger.RequestStop, Guard.Always, PumpState.Stopped);
            Go(PumpState.InterlockHold, PumpTrigger.VitalStop, Guard.Always, PumpState.Stopped);
            Go(PumpState.InterlockHold, PumpTrigger.InfusionComplete, Guard.Always, PumpState.Completed);
            Ignore(PumpState.InterlockHold, PumpTrigger.VitalHold, "ALREADY HELD");
            Ignore(PumpState.InterlockHold, PumpTrigger.TechnicalStop, "HELD; ALARM SHOWN");
            Ignore(PumpState.InterlockHold, PumpTrigger.RequestPause, "ALREADY HELD");

            Go(PumpState.Alarm, PumpTrigger.ClearAlarm, Guard.CauseCleared, PumpState.Paused);
            Refuse(PumpState.Alarm, PumpTrigger.ClearAlarm, Guard.CauseActive);
            Go(PumpState.Alarm, PumpTrigger.RequestStop, Guard.Always, PumpState.Stopped);
            Go(PumpState.Alarm, PumpTrigger.VitalStop, Guard.Always, PumpState.Stopped);
            Go(PumpState.Alarm, PumpTrigger.InfusionComplete, Guard.Always, PumpState.Completed);
            Ignore(PumpState.Alarm, PumpTrigger.VitalHold, "RESUME RECHECKS VITALS");
            Ignore(PumpState.Alarm, PumpTrigger.TechnicalStop, "ALREADY IN ALARM");
            Ignore(PumpState.Alarm, PumpTrigger.RequestPause, "ALREADY STOPPED");

            Go(PumpState.Stopped, PumpTrigger.EndSession, Guard.Always, PumpState.Idle);
            Go(PumpState.Completed, PumpTrigger.EndSession, Guard.Always, PumpState.Idle);

            FillDefaults();

            // Keep exactly the rules written (the build-time array becomes garbage).
            TransitionRule[] all = new TransitionRule[_count];
            System.Array.Copy(_all, all, _count);
            _all = all;
        }

        /// <summary>Every rule, in table order (for documentation and conformance tests).</summary>
        public int RuleCount { get { return _count; } }

        public TransitionRule RuleAt(int index)
        {
            return _all[index];
        }

        /// <summary>
        /// The rule that applies to a trigger in a state for the given guard inputs. Exactly one applies.
        /// Allocation-free.
        /// </summary>
        public TransitionRule Resolve(PumpState state, PumpTrigger trigger, ref GuardInputs inputs)
        {
            int i = Index(state, trigger);
            TransitionRule first = _all[_primary[i]];
            if (inputs.Holds(first.Guard))
            {
                return first;
            }

            int second = _alternate[i];
            // Complementary guards: when the first does not hold, the second does.
            return second >= 0 ? _all[second] : first;
        }

        /// <summary>The rules of one pair (one, or two with complementary guards).</summary>
        public TransitionRule Primary(PumpState state, PumpTrigger trigger)
        {
            return _all[_primary[Index(state, trigger)]];
        }

        public TransitionRule? Alternate(PumpState state, PumpTrigger trigger)
        {
            int second = _alternate[Index(state, trigger)];
            return second >= 0 ? _all[second] : null;
        }

        private static int Index(PumpState state, PumpTrigger trigger)
        {
            return ((int)state * PumpTriggers.Count) + (int)trigger;
        }

        private static bool IsClinicianRequest(PumpTrigger trigger)
        {
            switch (trigger)
            {
                case PumpTrigger.BeginProgramming:
                case PumpTrigger.CancelProgramming:
                case PumpTrigger.ConfirmProgram:
                case PumpTrigger.RequestPrime:
                case PumpTrigger.RequestStart:
                case PumpTrigger.RequestPause:
                case PumpTrigger.RequestResume:
                case PumpTrigger.RequestStop:
                case PumpTrigger.ClearAlarm:
                case PumpTrigger.EndSession:
                case PumpTrigger.ConfirmTitration:
                    return true;
                default:
                    return false;
            }
        }

        private void FillDefaults()
        {
            // One string object per reason: nanoCLR does not intern literals, each ldstr would allocate anew.
            string serviceRequired = ServiceRequired;
            string latched = "LATCHED UNTIL SERVICE";
            string notAvailable = NotAvailable;
            string notApplicable = "NOT APPLICABLE";
            for (int s = 0; s < PumpStates.Count; s++)
            {
                PumpState state = (PumpState)s;
                for (int t = 0; t < PumpTriggers.Count; t++)
                {
                    PumpTrigger trigger = (PumpTrigger)t;
                    if (_primary[Index(state, trigger)] >= 0)
                    {
                        continue;
                    }

                    if (state == PumpState.Failsafe)
                    {
                        if (IsClinicianRequest(trigger))
                        {
                            Refuse(state, trigger, Guard.Always, serviceRequired);
                        }
                        else
                        {
                            Ignore(state, trigger, latched);
                        }
                    }
                    else if (trigger == PumpTrigger.FatalFault || trigger == PumpTrigger.SelfTestFailed)
                    {
                        Go(state, trigger, Guard.Always, PumpState.Failsafe);
                    }
                    else if (IsClinicianRequest(trigger))
                    {
                        Refuse(state, trigger, Guard.Always, notAvailable);
                    }
                    else
                    {
                        Ignore(state, trigger, notApplicable);
                    }
                }
            }
        }

        private void Go(PumpState state, PumpTrigger trigger, Guard guard, PumpState target)
        {
            Add(new TransitionRule(state, trigger, guard, RuleKind.Transition, target, string.Empty));
        }

        private void Refuse(PumpState state, PumpTrigger trigger, Guard guard)
        {
            Add(new TransitionRule(state, trigger, guard, RuleKind.Reject, state, "GUARD"));
        }

        private void Refuse(PumpState state, PumpTrigger trigger, Guard guard, string reason)
        {
            Add(new TransitionRule(state, trigger, guard, RuleKind.Reject, state, reason));
        }

        private void Ignore(PumpState state, PumpTrigger trigger, string reason)
        {
            Add(new TransitionRule(state, trigger, Guard.Always, RuleKind.Ignore, state, reason));
        }

        private void Add(TransitionRule rule)
        {
            int i = Index(rule.State, rule.Trigger);
            if (_primary[i] < 0)
            {
                _primary[i] = (short)_count;
            }
            else
            {
                _alternate[i] = (short)_count;
            }

            _all[_count] = rule;
            _count++;
        }
    }
}
