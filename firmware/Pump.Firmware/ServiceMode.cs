using System.Threading;
using Pump.Core.Panel;
using Pump.Core.Service;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;
using Pump.Hal.Esp32.Peripherals;

namespace Pump.Firmware
{
    /// <summary>
    /// Service mode on the device (hardware-docs/commissioning.md, calibration.md, bench-verification.md):
    /// entered by holding OK + Back during the power-up lamp test. Runs the core's
    /// <see cref="ServiceModeController"/> (service link on the service port, library confirmation, pairing,
    /// clock) with this class as its last page: the raw load-cell counts, the raw potentiometer ADC value with the
    /// converted travel, the switch states and the counted steps, and jog: Up = forward 1 mm, Down = back 1 mm,
    /// Start = forward 10 mm, Pause/Stop = stop at once, Back = simulate a hung firmware (stop kicking the
    /// watchdog; bench-verification.md §3), Silence = back to the status page. Jogging is refused while the
    /// barrel clamp reads closed. Never infuses, never returns; power-cycle to leave. The page's rows are built
    /// with string concatenation (allocates): acceptable here, never in the pump's tick.
    /// </summary>
    public sealed class ServiceMode : IServiceBenchPage
    {
        private const int RefreshTicks = 4;   // raw rows every 200 ms

        private readonly DeviceBoard _board;
        private readonly Tps3823Watchdog _watchdog;
        private long _motionEndUs;
        private bool _moving;
        private string _message = string.Empty;
        private bool _simulateHang;
        private string _row1 = string.Empty;
        private string _row2 = string.Empty;
        private string _row3 = string.Empty;

        public ServiceMode(DeviceBoard board, Tps3823Watchdog watchdog)
        {
            _board = board;
            _watchdog = watchdog;
        }

        public bool StarvesWatchdog => _simulateHang;

        public void Run()
        {
            // OK and Back are still held from the entry gesture: wait for their release and drop the
            // presses it produces, so releasing Back cannot start the simulated hang.
            Screen.Show(_board.Display, "SERVICE MODE", "release the keys", string.Empty, string.Empty);
            while (_board.Keypad.Debouncer.IsHeld(PanelKey.Ok) || _board.Keypad.Debouncer.IsHeld(PanelKey.Back))
            {
                _board.BeforeTick();
                _watchdog.Kick();
                Thread.Sleep(50);
            }

            PanelKey ignored;
            while (_board.Keypad.TryReadKey(out ignored))
            {
                // discard
            }

            ServiceContext context = new ServiceContext(_board.ToHardware(_watchdog), _board.RealTimeClock, _board.RawSensors,
                new DeviceIdentity(DeviceSettings.FirmwareVersion, DeviceSettings.SourceCommit));
            ServiceModeController service = new ServiceModeController(context, new SerialServicePort(DeviceSettings.ServiceBaud), this);
            service.Start();
            ControlLoopTiming timing = new ControlLoopTiming(_board.Clock.NowUs, 50);
            int tick = 0;
            while (true)
            {
                _board.BeforeTick();
                SuperviseJog();
                if (tick % RefreshTicks == 0)
                {
                    RefreshRows();
                }

                service.Tick();   // link, keys, screen; kicks the watchdog unless this page starves it
                tick++;
                _board.AfterTick();
                timing.Advance(_board.Clock.NowUs);
                int sleepMs = timing.SleepMs(_board.Clock.NowUs);
                if (sleepMs > 0)
                {
                    Thread.Sleep(sleepMs);
                }

                while (!timing.IsDue(_board.Clock.NowUs))
                {
                    // spin to the deadline
                }
            }
        }

        public void Render(ScreenBuffer screen)
        {
            screen.Put(1, 0, _row1);
            screen.Put(2, 0, _row2);
            screen.Put(3, 0, _row3);
        }

        public void HandleKey(PanelKey key)
        {
            switch (key)
            {
                case PanelKey.PauseStop:
                    _board.StopMotor();
                    _moving = false;
                    _message = "STOPPED";
                    break;
                case PanelKey.Up:
                    Jog(MotorDirection.Forward, 1);
                    break;
                case PanelKey.Down:
                    Jog(MotorDirection.Reverse, 1);
                    break;
                case PanelKey.Start:
                    Jog(MotorDirection.Forward, 10);
                    break;
                case PanelKey.Back:
                    _simulateHang = true;
                    _message = "WDT TEST";
                    break;
            }
        }

        private void SuperviseJog()
        {
            if (_moving && _board.StepGenerator.QueuedSegments == 0 && _board.Clock.NowUs > _motionEndUs)
            {
                _board.MotorDriver.Disable();
                _moving = false;
            }

            if (_board.MotorDriver.IsFaulted)
            {
                _board.StopMotor();
                _moving = false;
                _message = "DRIVER FAULT";
            }
        }

        private void Jog(MotorDirection direction, int millimetres)
        {
            bool clamp, plunger;
            if (!_board.Clamp.TryRead(out clamp, out plunger) || clamp)
            {
                _message = "OPEN CLAMP TO JOG";
                return;
            }

            if (_moving || _board.StepGenerator.QueuedSegments != 0)
            {
                _message = "BUSY";
                return;
            }

            long steps = (long)millimetres * DeviceSettings.ServiceJogMicrostepsPerMm;
            long rate = (long)DeviceSettings.ServiceJogMicrostepsPerMm * DeviceSettings.ServiceJogMmPerSecond;
            long anchorUs = _board.Clock.NowUs + 20000;
            StepSegment segment = new StepSegment(anchorUs, 0, steps, rate, 1000000);
            _board.MotorDriver.SetDirection(direction);
            _board.MotorDriver.Enable();
            if (!_board.StepGenerator.TryEnqueue(segment))
            {
                _board.MotorDriver.Disable();
                _message = "REFUSED";
                return;
            }

            _motionEndUs = segment.EndUs + 1000;
            _moving = true;
            _message = direction == MotorDirection.Forward ? "JOG +" + millimetres + " MM" : "JOG -" + millimetres + " MM";
        }

        private void RefreshRows()
        {
            bool clamp, plunger;
            string switches = _board.Clamp.TryRead(out clamp, out plunger)
                ? "CL " + (clamp ? "C" : "O") + " FL " + (plunger ? "IN" : "OUT")
                : "SW INVALID";
            int forceRaw;
            bool forceRawOk = _board.RawSensors.TryReadForceCounts(out forceRaw);
            int force;
            bool forceOk = _board.ForceSensor.TryReadForce(out force);
            int travel;
            bool travelOk = _board.PlungerPosition.TryReadPosition(out travel);
            long counted;
            bool countOk = _board.StepCounter.TryRead(out counted);
            _row1 = "F " + (forceRawOk ? forceRaw.ToString() : "--") + (forceOk ? " " + force + "mN" : " --");
            _row2 = "P " + _board.PlungerPosition.LastCounts + (travelOk ? " " + travel + "um" : " --");
            _row3 = (countOk ? "S " + counted : "S FAULT") + " " + switches + " " + _message;
        }
    }
}
