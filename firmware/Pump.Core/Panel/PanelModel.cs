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
    /// The clinician's panel (PNL-001..), in the core so the device and the simulator show the same thing: reads
    /// the keys into the <see cref="PanelKeyMap"/> (which turns (state, key) into a <see cref="ClinicianCommands"/>
    /// call or a step of the <see cref="ProgramWizard"/>) and chooses which screen is drawn (ProgrammingScreen,
    /// SessionScreen, NoticeScreens). It never drives the pump any other way. Rendering writes into the
    /// ScreenBuffer without allocating, and happens only when the <see cref="RedrawSchedule"/> says something shown
    /// changed (NFR-008).
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
        private readonly PanelKeyMap _keys;
        private readonly TitrationScreen _titration;
        private readonly RedrawSchedule _redraw = new RedrawSchedule();

        public PanelModel(PumpController pump)
        {
            _pump = pump;
            _commands = pump.Commands;
            _wizard = new ProgramWizard(_commands);
            _programmingScreen = new ProgrammingScreen(pump, _wizard);
            _sessionScreen = new SessionScreen(pump.Status);
            _notices = new NoticeScreens(pump);
            _titration = new TitrationScreen(pump);
            _keys = new PanelKeyMap(pump, _wizard, _titration);
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
        public int RePrimeStep { get { return _keys.RePrimeStep; } }

        /// <summary>True while "TOO LITTLE DRUG" waits for the clinician's answer.</summary>
        public bool ConfirmingShortfall { get { return _keys.ConfirmingShortfall; } }

        /// <summary>When the screen is drawn, how often it was and why (NFR-008).</summary>
        public RedrawSchedule Redraw { get { return _redraw; } }

        /// <summary>True while "END SESSION?" waits for OK.</summary>
        public bool ConfirmingEnd { get { return _keys.ConfirmingEnd; } }

        /// <summary>Entry of Programming: a fresh program, or (from Ready) the last values to edit.</summary>
        internal void BeginProgramming(bool keepValues)
        {
            _keys.ForgetEndQuestion();
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

            if (handled > 0)
            {
                _redraw.KeyRead();
            }

            return handled > 0;
        }

        /// <summary>Handles one key (Silence is read by <see cref="ReadKeys"/>).</summary>
        public void OnKey(PanelKey key, long nowUs)
        {
            _redraw.KeyRead();
            _keys.OnKey(key, nowUs);
        }

        /// <summary>
        /// The tick's display step, after the status is published: ends what the panel itself times out, then draws
        /// and sends the changed rows only when the <see cref="RedrawSchedule"/> says so. A display that is not
        /// reachable gets every row again at each drawing, so a port that recovers on a write can recover.
        /// </summary>
        public RedrawCause Refresh(IDisplay display, long nowUs)
        {
            if (_pump.State != PumpState.Ready)
            {
                _keys.ForgetReadyQuestions();
            }

            bool closed = _titration.CloseIfStale(nowUs);
            bool healthy = display.IsHealthy;
            RedrawCause cause = _redraw.Decide(_pump, closed, healthy, nowUs);
            if (cause == RedrawCause.None)
            {
                return cause;
            }

            ScreenBuffer s = _pump.Screen;
            if (!healthy || cause == RedrawCause.DisplayBack)
            {
                s.Invalidate();
            }

            Render(nowUs);
            s.Flush(display);
            return cause;
        }

        /// <summary>Draws the screen for the current state into the screen buffer (now, whatever changed).</summary>
        public void Render(long nowUs)
        {
            ScreenBuffer s = _pump.Screen;
            s.Clear();
            switch (_pump.State)
            {
                case PumpState.SelfTest:
                    s.Put(0, 0, "SELF-TEST");
                    s.Put(1, 0, "PLEASE WAIT");
                    break;
                case PumpState.Idle:
                    if (_keys.HistoryShown)
                    {
                        _notices.RenderHistory(s, nowUs, _keys.HistoryIndex);
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
                    if (_keys.RePrimeStep > 0 || _keys.ConfirmingShortfall)
                    {
                        _notices.RenderReadyQuestion(s, _keys.ConfirmingShortfall, _keys.RePrimeStep);
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
                        _sessionScreen.Render(s, nowUs, _keys.ConfirmingEnd);
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
