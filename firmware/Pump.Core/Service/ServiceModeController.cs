using Pump.Core.Configuration;
using Pump.Core.Panel;
using Pump.Core.Persistence;
using Pump.Hal;

namespace Pump.Core.Service
{
    /// <summary>
    /// Service mode (SVC-001, CFG-005): what the pump runs instead of the infusion controller when the
    /// engineer holds the service keys at power-up. The motor driver stays disabled; the top row reads
    /// "SERVICE MODE" for as long as it lasts; the service link is answered; the panel confirms a staged
    /// library and pairs the monitor. Power-cycle to leave. When a session is open it refuses everything
    /// and says so. Pages (Up/Down): status, pairing, clock, guided calibration (<see cref="PanelCalibration"/>),
    /// and the device's raw-readings and jog page
    /// (<see cref="IServiceBenchPage"/>; there Up/Down jog and Silence returns to the status page).
    /// </summary>
    public sealed class ServiceModeController
    {
        public const int PageStatus = 0;
        public const int PagePairing = 1;
        public const int PageClock = 2;
        public const int PageCalibrate = 3;

        /// <summary>The device's raw readings and jog page, when the port has one.</summary>
        public const int PageBench = 4;

        private readonly ServiceContext _context;
        private readonly ServiceLink? _link;
        private readonly MonitorPairingListener _listener = new MonitorPairingListener();
        private readonly ScreenBuffer _screen = new ScreenBuffer();
        private readonly IServiceBenchPage? _bench;
        private readonly PanelCalibration _calibration;
        private readonly PanelClockSetting _clock;
        private readonly int _pageCount;
        private int _page;
        private bool _listening;
        private string _message = "";

        /// <param name="port">The service port; null on a board without one (the panel functions still work).</param>
        public ServiceModeController(ServiceContext context, IServicePort? port)
            : this(context, port, null)
        {
        }

        /// <param name="bench">The device's raw-readings and jog page (null in the simulator).</param>
        public ServiceModeController(ServiceContext context, IServicePort? port, IServiceBenchPage? bench)
        {
            _context = context;
            _link = port == null ? null : new ServiceLink(port, context);
            _bench = bench;
            _pageCount = bench == null ? PageBench : PageBench + 1;
            _calibration = new PanelCalibration(context);
            _clock = new PanelClockSetting(context);
        }

        public ServiceContext Context => _context;

        public ServiceLink? Link => _link;

        public ScreenBuffer Screen => _screen;

        public int Page => _page;

        /// <summary>Opens the store (power-up recovery) and disables the motor. Call once.</summary>
        public void Start()
        {
            _context.Hardware.MotorDriver.Disable();
            _context.Hardware.StepGenerator.StopNow();
            _context.Open();
            _message = _context.SessionOpen ? "SESSION OPEN" : "";
        }

        /// <summary>One service-mode tick: link, keys, pairing listener, screen. Never moves the motor.</summary>
        public void Tick()
        {
            PumpHardware hw = _context.Hardware;
            long nowMs = hw.Clock.NowUs / 1000;
            if (_link != null)
            {
                _link.Poll(nowMs);
            }

            PanelKey key;
            while (hw.Keypad.TryReadKey(out key))
            {
                HandleKey(key);
            }

            if (_listening)
            {
                _listener.Poll(hw.MonitorLink);
            }

            Render();
            _screen.Flush(hw.Display);
            if (_bench == null || !_bench.StarvesWatchdog)
            {
                hw.Watchdog.Kick();
            }
        }

        private void HandleKey(PanelKey key)
        {
            LibraryInstaller installer = _context.Installer;
            if (installer.AwaitingPanel)
            {
                if (key == PanelKey.Ok)
                {
                    _message = installer.Confirm() ? "LIBRARY INSTALLED" : "LIB STORE FAILED";
                    _context.RefreshLibrary();
                }
                else if (key == PanelKey.Back)
                {
                    installer.Decline();
                    _message = "LIBRARY DECLINED";
                }

                return;
            }

            if (_context.SessionOpen)
            {
                return;
            }

            if (_page == PageBench && _bench != null)
            {
                // Up/Down jog on the bench page; Silence leaves it.
                if (key == PanelKey.Silence)
                {
                    _page = PageStatus;
                }
                else
                {
                    _bench.HandleKey(key);
                }

                return;
            }

            if (_page == PageCalibrate && (_calibration.Active || (key != PanelKey.Up && key != PanelKey.Down)))
            {
                if (_calibration.Positioning && _bench != null && key != PanelKey.Ok && key != PanelKey.Back)
                {
                    _bench.HandleKey(key);   // jog to the end stop
                }
                else
                {
                    _calibration.HandleKey(key);
                }

                return;
            }

            if (_page == PageClock && (_clock.Active || key == PanelKey.Ok))
            {
                _clock.HandleKey(key);
                return;
            }

            if (key == PanelKey.Up || key == PanelKey.Down)
            {
                _page = (_page + (key == PanelKey.Up ? _pageCount - 1 : 1)) % _pageCount;
                _listening = false;
                _message = "";
                return;
            }

            if (_page == PagePairing)
            {
                HandlePairingKey(key);
            }
        }

        private void HandlePairingKey(PanelKey key)
        {
            if (!_listening)
            {
                if (key == PanelKey.Ok)
                {
                    _listener.Reset();
                    _listening = true;
                    _message = "";
                }

                return;
            }

            if (key == PanelKey.Back)
            {
                _listening = false;
                _message = "NOT PAIRED";
                return;
            }

            uint heard = _listener.HeardMonitorId;
            if (key != PanelKey.Ok || heard == 0)
            {
                return;
            }

            _listening = false;
            _message = Pair(heard) ? "PAIRED" : "PAIRING FAILED";
        }

        /// <summary>Stores the confirmed monitor in the configuration; a unit must be configured first.</summary>
        private bool Pair(uint monitorId)
        {
            if (_context.ConfigStatus != ConfigProblem.None)
            {
                return false;
            }

            DeviceConfiguration c = _context.Config;
            uint previous = c.PairedMonitorId;
            int previousSlot = c.PairingKeySlot;
            c.PairedMonitorId = monitorId;
            int problem = _context.ConfigStore.TryWrite(c);
            if (problem != ConfigProblem.None)
            {
                c.PairedMonitorId = previous;
                c.PairingKeySlot = previousSlot;
                return false;
            }

            _context.RefreshLinkKey(); // a key stored for the previous monitor no longer counts
            _context.Persistence.Log.Append(ServiceEventCodes.MonitorPaired, EventPriority.Info, EventCategory.Link,
                (int)(monitorId & 0x7FFFFFFF), (int)(previous & 0x7FFFFFFF));
            return true;
        }

        private void Render()
        {
            _screen.Clear();
            _screen.Put(0, 0, "SERVICE MODE");
            LibraryInstaller installer = _context.Installer;
            if (installer.AwaitingPanel)
            {
                if (installer.StagedIsDraft)
                {
                    _screen.Put(0, 15, "DRAFT"); // no pharmacy sign-off (LIB-012)
                }

                _screen.Put(1, 0, "NEW LIBRARY REV ");
                _screen.PutInteger(1, 16, installer.StagedRevision);
                int c = _screen.PutInteger(2, 0, installer.StagedEntries);
                _screen.Put(2, c, " DRUGS OK=INSTALL");
                _screen.Put(3, 0, "BACK=KEEP REV ");
                _screen.PutInteger(3, 14, _context.LibraryRevision);
                return;
            }

            if (_context.SessionOpen)
            {
                _screen.Put(1, 0, "SESSION OPEN:");
                _screen.Put(2, 0, "END IT ON THE PANEL");
                _screen.Put(3, 0, "LINK REFUSED");
                return;
            }

            switch (_page)
            {
                case PagePairing: RenderPairing(); break;
                case PageClock: RenderClock(); break;
                case PageCalibrate: _calibration.Render(_screen); break;
                case PageBench:
                    if (_bench != null)
                    {
                        _bench.Render(_screen);
                    }

                    break;
                default: RenderStatus(); break;
            }
        }

        private void RenderStatus()
        {
            DeviceConfiguration c = _context.Config;
            bool haveConfig = _context.ConfigStatus == ConfigProblem.None;
            _screen.Put(1, 0, haveConfig ? c.Serial : ConfigProblem.PanelText(_context.ConfigStatus));
            _screen.Put(2, 0, ConfigProblem.PanelText(haveConfig ? ConfigurationChecks.CheckReadyToInfuse(c) : _context.ConfigStatus));
            int col = _screen.Put(3, 0, "LIB REV ");
            col = _screen.PutInteger(3, col, _context.LibraryRevision);
            col = _screen.PutChar(3, col, ' ');
            _screen.Put(3, col, _message.Length > 0 ? _message : (_context.LibraryFromStore ? "STORED" : "SHIPPED"));
        }

        private void RenderPairing()
        {
            if (!_listening)
            {
                int col = _screen.Put(1, 0, "PAIRED ");
                uint paired = _context.ConfigStatus == ConfigProblem.None ? _context.Config.PairedMonitorId : 0;
                if (paired == 0)
                {
                    _screen.Put(1, col, "NONE");
                }
                else
                {
                    _screen.PutInteger(1, col, paired);
                }

                _screen.Put(2, 0, _message.Length > 0 ? _message : "OK=LISTEN FOR MONITOR");
                RenderLinkKey(3);
                return;
            }

            uint heard = _listener.HeardMonitorId;
            if (heard == 0)
            {
                _screen.Put(1, 0, "LISTENING...");
                _screen.Put(3, 0, "BACK=CANCEL");
                return;
            }

            int c2 = _screen.Put(1, 0, "MONITOR ");
            _screen.PutInteger(1, c2, heard);
            Panel.BedLabelLine.Render(_screen, 2, _listener.Heard); // LNK-020: the bed it says it is at
            _screen.Put(3, 0, "MATCH? OK=PAIR BK=NO");
        }

        /// <summary>The stored link key's state: its check value (as pump-service info and the bridge show it), or why it cannot be used.</summary>
        private void RenderLinkKey(int row)
        {
            if (_context.LinkKeyStatus != LinkKeyProblem.None)
            {
                _screen.Put(row, 0, LinkKeyProblem.PanelText(_context.LinkKeyStatus));
                return;
            }

            int c = _screen.Put(row, 0, "KEY CHECK ");
            uint check = _context.LinkKeyCheck;
            for (int shift = 28; shift >= 0; shift -= 4)
            {
                int digit = (int)((check >> shift) & 0xF);
                c = _screen.PutChar(row, c, (char)(digit < 10 ? '0' + digit : 'A' + digit - 10));
            }
        }

        private void RenderClock()
        {
            if (_clock.Active)
            {
                _clock.Render(_screen);
                return;
            }

            long utc;
            if (_context.Hardware.RealTimeClock.TryReadUtcSeconds(out utc))
            {
                _screen.Put(1, 0, "UTC ");
                CalendarText.PutDateTime(_screen, 1, 4, utc);
            }
            else
            {
                _screen.Put(1, 0, "CLOCK NOT SET");
            }

            _screen.Put(2, 0, _clock.Message.Length > 0 ? _clock.Message : "OK=SET THE CLOCK");
            _screen.Put(3, 0, "UP/DOWN=PAGE");
        }
    }
}
