using Pump.Core.Alarms;
using Pump.Core.Common;
using Pump.Core.Control;
using Pump.Core.Interlock;
using Pump.Core.Library;
using Pump.Core.Link;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Units;
using Pump.Hal;

namespace Pump.Core.Panel
{
    /// <summary>
    /// The clinician's panel (PNL-001..), in the core so the device and the simulator show the same thing: the
    /// key map, which turns (state, key) into a <see cref="ClinicianCommands"/> call or a step of the
    /// <see cref="ProgramWizard"/> (Programming/), and which screen is drawn (ProgrammingScreen, SessionScreen,
    /// NoticeScreens). It never drives the pump any other way. Rendering writes into the ScreenBuffer without
    /// allocating.
    /// </summary>
    public sealed class PanelModel
    {
        /// <summary>How long a refusal stays on the bottom line.</summary>
        public const long RejectionShownUs = 4000000;

        private readonly PumpController _pump;
        private readonly ClinicianCommands _commands;
        private readonly ProgramWizard _wizard;
        private readonly ProgrammingScreen _programmingScreen;
        private readonly SessionScreen _sessionScreen;
        private readonly NoticeScreens _notices;
        private readonly TitrationScreen _titration;
        private bool _confirmEnd;
        private int _reprimeStep;
        private bool _confirmShortfall;
        private bool _historyShown;
        private int _historyIndex;

        public PanelModel(PumpController pump)
        {
            _pump = pump;
            _commands = pump.Commands;
            _wizard = new ProgramWizard(_commands);
            _programmingScreen = new ProgrammingScreen(pump, _wizard);
            _sessionScreen = new SessionScreen(pump.Status);
            _notices = new NoticeScreens(pump);
            _titration = new TitrationScreen(pump);
        }

        /// <summary>Current programming screen (meaningful in Programming).</summary>
        public PanelStep Step { get { return _wizard.Step; } }

        /// <summary>The rate-change screens while infusing (TIT).</summary>
        public TitrationScreen Titration { get { return _titration; } }

        /// <summary>The programming wizard (its screens, values and findings).</summary>
        public ProgramWizard Wizard { get { return _wizard; } }

        /// <summary>The number editor (for tests and the simulator's clinician).</summary>
        public NumberEditor Editor { get { return _wizard.Editor; } }

        /// <summary>The last program computed on review.</summary>
        public ProgramResult? Result { get { return _wizard.Result; } }

        /// <summary>Re-prime questions: 0 none, 1 "disconnect the line", 2 "line disconnected?".</summary>
        public int RePrimeStep { get { return _reprimeStep; } }

        /// <summary>True while "TOO LITTLE DRUG" waits for the clinician's answer.</summary>
        public bool ConfirmingShortfall { get { return _confirmShortfall; } }

        /// <summary>True while "END SESSION?" waits for OK.</summary>
        public bool ConfirmingEnd { get { return _confirmEnd; } }

        /// <summary>Entry of Programming: a fresh program, or (from Ready) the last values to edit.</summary>
        internal void BeginProgramming(bool keepValues)
        {
            _confirmEnd = false;
            _wizard.Begin(keepValues);
        }

        /// <summary>
        /// Reads the keys pressed since the last tick (at most 16): Silence pauses the alarm audio, every other key
        /// goes through the screen's key map. Returns whether any key was pressed (the callback timer's touch).
        /// </summary>
        public bool ReadKeys(IKeypad keypad, long nowUs)
        {
            PanelKey key;
            int handled = 0;
            while (handled < 16 && keypad.TryReadKey(out key))
            {
                handled++;
                if (key == PanelKey.Silence)
                {
                    _commands.SilenceAlarms(nowUs);
                }
                else
                {
                    OnKey(key, nowUs);
                }
            }

            return handled > 0;
        }

        /// <summary>Handles one key (Silence is read by <see cref="ReadKeys"/>).</summary>
        public void OnKey(PanelKey key, long nowUs)
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
                    if (_titration.OnKey(key, nowUs))
                    {
                        break;
                    }

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

        /// <summary>Draws the screen for the current state.</summary>
        public void Render(long nowUs)
        {
            ScreenBuffer s = _pump.Screen;
            s.Clear();
            if (_pump.State != PumpState.Ready)
            {
                // Ready's questions belong to the moment they were asked.
                _reprimeStep = 0;
                _confirmShortfall = false;
            }

            switch (_pump.State)
            {
                case PumpState.SelfTest:
                    s.Put(0, 0, "SELF-TEST");
                    s.Put(1, 0, "PLEASE WAIT");
                    break;
                case PumpState.Idle:
                    if (_historyShown)
                    {
                        _notices.RenderHistory(s, nowUs, _historyIndex);
                        break;
                    }

                    if (_pump.UnrestoredDeliveredNl >= 0 && _pump.Alarms.IsShown(AlarmCode.SessionNotRestored))
                    {
                        _notices.RenderUnrestored(s);
                        break;
                    }

                    _notices.RenderIdle(s);
                    break;
                case PumpState.Programming:
                    _programmingScreen.Render(s);
                    break;
                case PumpState.Ready:
                    if (_reprimeStep > 0 || _confirmShortfall)
                    {
                        _notices.RenderReadyQuestion(s, _confirmShortfall, _reprimeStep);
                        break;
                    }

                    _programmingScreen.RenderProgramLine(s, 0);
                    _programmingScreen.RenderRateLine(s, 1);
                    s.Put(2, 0, _pump.LinePrimed ? "START:INFUSE OK:PRM" : "OK:PRIME  BACK:EDIT");
                    if (_pump.Alarms.CanAcknowledge)
                    {
                        // An alarm OK would clear takes the monitor's line until it is acknowledged (PNL-402).
                        _sessionScreen.RenderAlarmLine(s, 3);
                    }
                    else
                    {
                        _programmingScreen.RenderPairedMonitor(s, 3, nowUs);
                    }

                    break;
                case PumpState.Priming:
                    s.Put(0, 0, "PRIMING");
                    int pc = s.PutFixed(1, 0, _pump.DeliveredVolumeNl() / 1000, 3, 2);
                    s.Put(1, pc, " mL");
                    s.Put(2, 0, "OK: PRIMED   PAUSE");
                    break;
                case PumpState.Infusing:
                case PumpState.Paused:
                case PumpState.InterlockHold:
                case PumpState.Alarm:
                case PumpState.Stopped:
                case PumpState.Completed:
                    if (!_titration.Render(s, nowUs))
                    {
                        _sessionScreen.Render(s, nowUs, _confirmEnd);
                    }

                    break;
                case PumpState.Failsafe:
                    s.Put(0, 0, "FAILSAFE: SERVICE");
                    _sessionScreen.RenderAlarmLine(s, 1);
                    _sessionScreen.RenderDelivered(s, 2);
                    break;
            }

            string reason;
            if (_pump.RecentRejection(nowUs, RejectionShownUs, out reason) && reason.Length > 0)
            {
                s.ClearRow(3);
                int rc = s.Put(3, 0, "! ");
                s.Put(3, rc, reason);
            }
        }
    }
}
