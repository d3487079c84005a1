using Pump.Core.Alarms;
using Pump.Core.Panel;

namespace Pump.Core.Control
{
    /// <summary>
    /// What happens on arriving in a state: the table says where, these say what (program cleared, priming
    /// started, session begun, resumed or finished, pressure relief after an occlusion). Leaving motion is
    /// done before, hardware first, by the coordinator (STM-002).
    /// </summary>
    public sealed class EntryActions
    {
        private readonly MotionChannel _motion;
        private readonly InfusionSession _session;
        private readonly SafetySupervisor _supervisor;
        private readonly PanelModel _panel;
        private readonly AlarmManager _alarms;
        private readonly TriggerQueue _queue;

        internal EntryActions(MotionChannel motion, InfusionSession session, SafetySupervisor supervisor, PanelModel panel,
            AlarmManager alarms, TriggerQueue queue)
        {
            _motion = motion;
            _session = session;
            _supervisor = supervisor;
            _panel = panel;
            _alarms = alarms;
            _queue = queue;
        }

        internal void OnEntered(PumpState from, PumpTrigger trigger, PumpState to, long nowUs)
        {
            if (trigger == PumpTrigger.ConfirmTitration)
            {
                // The one transition from Infusing to itself: the rate changes, nothing else (TIT-003).
                _session.ApplyTitration(nowUs);
                return;
            }

            _session.Titration.Drop();
            switch (to)
            {
                case PumpState.Idle:
                    _session.Clear();
                    _supervisor.ForgetProgram();
                    break;
                case PumpState.Programming:
                    if (from == PumpState.Idle)
                    {
                        // A new program starts from nothing delivered: before its first prime restarts the count, the
                        // shortfall question and the published delivery would read the last session's (PNL-009,
                        // SIM-036). Not at Idle itself: after a reset, Idle keeps the count recovered for an ended session.
                        _motion.BeginCount(0);
                    }

                    _panel.BeginProgramming(from == PumpState.Ready);
                    break;
                case PumpState.Priming:
                    if (_motion.StartPriming(_session.Calibration, nowUs))
                    {
                        _session.Line.PrimingStarted();
                    }
                    else
                    {
                        _queue.Enqueue(PumpTrigger.PrimeFinished);
                    }

                    break;
                case PumpState.Ready:
                    if (from == PumpState.Priming)
                    {
                        // Priming went into the line, not the patient: it never counts against the program.
                        _session.Line.PrimingEnded(_motion.EndPriming());
                    }

                    break;
                case PumpState.Infusing:
                    if (from == PumpState.Ready)
                    {
                        _session.Begin(nowUs);
                    }
                    else
                    {
                        _session.Resume(nowUs);
                    }

                    break;
                case PumpState.Alarm:
                    if (from == PumpState.Infusing && _alarms.IsPresent(AlarmCode.Occlusion))
                    {
                        _motion.StartRelief(_session.Calibration, nowUs);
                    }

                    break;
                case PumpState.Stopped:
                case PumpState.Completed:
                    _session.Finish(nowUs, to == PumpState.Completed);
                    break;
            }
        }
    }
}
