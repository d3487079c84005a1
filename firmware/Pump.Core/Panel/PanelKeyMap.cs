using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Programming;
using Pump.Hal;

namespace Pump.Core.Panel
{
    /// <summary>
    /// The panel's key map (PNL-001..): turns (state, key) into a <see cref="ClinicianCommands"/> call or a step of
    /// the <see cref="ProgramWizard"/>, and keeps the panel's own questions (end session?, the two re-prime
    /// questions, too little drug?) and the alarm-history view, which the screens show.
    /// </summary>
    internal sealed class PanelKeyMap
    {
        private readonly PumpController _pump;
        private readonly ClinicianCommands _commands;
        private readonly ProgramWizard _wizard;
        private bool _confirmEnd;
        private int _reprimeStep;
        private bool _confirmShortfall;
        private bool _historyShown;
        private int _historyIndex;

        internal PanelKeyMap(PumpController pump, ProgramWizard wizard)
        {
            _pump = pump;
            _commands = pump.Commands;
            _wizard = wizard;
        }

        /// <summary>Re-prime questions: 0 none, 1 "disconnect the line", 2 "line disconnected?".</summary>
        internal int RePrimeStep { get { return _reprimeStep; } }

        internal bool ConfirmingShortfall { get { return _confirmShortfall; } }

        internal bool ConfirmingEnd { get { return _confirmEnd; } }

        internal bool HistoryShown { get { return _historyShown; } }

        internal int HistoryIndex { get { return _historyIndex; } }

        internal void ForgetEndQuestion()
        {
            _confirmEnd = false;
        }

        /// <summary>Ready's questions belong to the moment they were asked.</summary>
        internal void ForgetReadyQuestions()
        {
            _reprimeStep = 0;
            _confirmShortfall = false;
        }

        /// <summary>Handles one key (Silence is read by <see cref="ReadKeys"/>).</summary>
        internal void OnKey(PanelKey key, long nowUs)
        {
            switch (_pump.State)
            {
                case PumpState.Idle:
                    if (_historyShown)
                    {
                        OnHistoryKey(key);
                    }
                    else if (key == PanelKey.Ok && _pump.Alarms.IsShown(AlarmCode.SessionNotRestored))
                    {
                        // The unrestored session's delivery is acknowledged before anything new is programmed.
                        _commands.AcknowledgeAlarms(nowUs);
                    }
                    else if (key == PanelKey.Ok)
                    {
                        _commands.Request(PumpTrigger.BeginProgramming);
                    }
                    else if (key == PanelKey.Down || key == PanelKey.Up)
                    {
                        _historyShown = true;
                        _historyIndex = 0;
                    }

                    break;
                case PumpState.Programming:
                    WizardOutcome outcome = _wizard.OnKey(key);
                    if (outcome == WizardOutcome.Cancelled)
                    {
                        _commands.Request(PumpTrigger.CancelProgramming);
                    }
                    else if (outcome == WizardOutcome.Confirmed && _wizard.Calibration != null && _wizard.Result != null)
                    {
                        // Only the wizard's confirmation makes a program; the pump checks it again before adopting it.
                        _commands.AdoptConfirmedProgram(_wizard.Drug, _wizard.Calibration, _wizard.Result);
                        _wizard.Remember();
                    }

                    break;
                case PumpState.Ready:
                    if (_reprimeStep > 0 || _confirmShortfall)
                    {
                        OnReadyQuestionKey(key);
                    }
                    else if (key == PanelKey.Start)
                    {
                        long loadedNl;
                        long programNl;
                        if (_commands.StartShortfall(out loadedNl, out programNl))
                        {
                            // Too little drug: start only after the clinician saw both volumes (STM-005).
                            _confirmShortfall = true;
                        }
                        else
                        {
                            _commands.Request(PumpTrigger.RequestStart);
                        }
                    }
                    else if (key == PanelKey.Ok && _pump.Alarms.CanAcknowledge)
                    {
                        // An alarm whose cause has gone is acknowledged first; the next OK primes (PNL-402).
                        _commands.AcknowledgeAlarms(nowUs);
                    }
                    else if (key == PanelKey.Ok)
                    {
                        if (_pump.PrimedOnce)
                        {
                            // A re-prime could push drug into a connected patient: two deliberate steps first (STM-011).
                            _reprimeStep = 1;
                        }
                        else
                        {
                            _commands.Request(PumpTrigger.RequestPrime);
                        }
                    }
                    else if (key == PanelKey.Back)
                    {
                        _commands.Request(PumpTrigger.BeginProgramming);
                    }
                    else if (key == PanelKey.PauseStop)
                    {
                        _commands.Request(PumpTrigger.CancelProgramming);
                    }

                    break;
                case PumpState.Priming:
                    if (key == PanelKey.Ok)
                    {
                        _commands.Request(PumpTrigger.PrimeFinished);
                    }
                    else if (key == PanelKey.PauseStop || key == PanelKey.Back)
                    {
                        _commands.Request(PumpTrigger.RequestPause);
                    }

                    break;
                case PumpState.Infusing:
                    if (key == PanelKey.PauseStop)
                    {
                        _commands.Request(PumpTrigger.RequestPause);
                    }
                    else if (key == PanelKey.Ok)
                    {
                        _commands.AcknowledgeAlarms(nowUs);
                    }

                    break;
                case PumpState.Paused:
                case PumpState.InterlockHold:
                case PumpState.Alarm:
                    OnStoppedKey(key, nowUs);
                    break;
                case PumpState.Stopped:
                case PumpState.Completed:
                    if (key == PanelKey.Ok)
                    {
                        _commands.AcknowledgeAlarms(nowUs);
                        _commands.Request(PumpTrigger.EndSession);
                    }

                    break;
                default:
                    if (key == PanelKey.Ok)
                    {
                        _commands.AcknowledgeAlarms(nowUs);
                    }

                    break;
            }
        }

        /// <summary>The two re-prime questions and the too-little-drug question in Ready: OK answers yes, any other key no.</summary>
        private void OnReadyQuestionKey(PanelKey key)
        {
            bool yes = key == PanelKey.Ok;
            if (_confirmShortfall)
            {
                _confirmShortfall = false;
                if (yes && _commands.ConfirmShortfall())
                {
                    _commands.Request(PumpTrigger.RequestStart);
                }

                return;
            }

            if (!yes)
            {
                _reprimeStep = 0;
            }
            else if (_reprimeStep == 1)
            {
                _reprimeStep = 2;
            }
            else
            {
                _reprimeStep = 0;
                if (_commands.ConfirmLineDisconnected())
                {
                    _commands.Request(PumpTrigger.RequestPrime);
                }
            }
        }

        /// <summary>Alarm history (ALM-007): Up/Down scroll newest-first, Back or OK leaves.</summary>
        private void OnHistoryKey(PanelKey key)
        {
            int n = _pump.Alarms.HistoryCount;
            if (key == PanelKey.Down && _historyIndex + 1 < n)
            {
                _historyIndex++;
            }
            else if (key == PanelKey.Up && _historyIndex > 0)
            {
                _historyIndex--;
            }
            else if (key == PanelKey.Back || key == PanelKey.Ok)
            {
                _historyShown = false;
            }
        }

        private void OnStoppedKey(PanelKey key, long nowUs)
        {
            if (_confirmEnd)
            {
                if (key == PanelKey.Ok)
                {
                    _confirmEnd = false;
                    _commands.Request(PumpTrigger.RequestStop);
                }
                else if (key == PanelKey.Back)
                {
                    _confirmEnd = false;
                }

                return;
            }

            if (key == PanelKey.PauseStop)
            {
                _confirmEnd = true;
            }
            else if (key == PanelKey.Start)
            {
                _commands.Resume();
            }
            else if (key == PanelKey.Ok)
            {
                _commands.AcknowledgeAlarms(nowUs);
                if (_pump.State == PumpState.Alarm)
                {
                    _commands.Request(PumpTrigger.ClearAlarm);
                }
            }
        }
    }
}
