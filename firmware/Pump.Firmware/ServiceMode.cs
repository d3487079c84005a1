using System.Threading;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;
using Pump.Hal.Esp32.Peripherals;

namespace Pump.Firmware
{
    /// <summary>
    /// Calibration and bench service mode (hardware-docs/calibration.md, bench-verification.md):
    /// entered by holding OK + Back during the power-up lamp test. Shows the raw load-cell counts,
    /// the raw potentiometer ADC value with the converted travel, the switch states and the counted
    /// steps, and jogs the pusher: Up = forward 1 mm, Down = back 1 mm, Start = forward 10 mm,
    /// Pause/Stop = stop at once, Back = simulate a hung firmware (stop kicking the watchdog; for the
    /// bench test of the watchdog cutting the driver while the motor runs, bench-verification.md §3).
    /// Jogging is refused while the barrel clamp reads closed, so it cannot
    /// move a mounted syringe. Never infuses, never returns; power-cycle to leave. The display rows
    /// are built with string concatenation (allocates): acceptable here, never in the pump's tick.
    /// </summary>
    public sealed class ServiceMode
    {
        private const int RefreshTicks = 4;   // display every 200 ms

        private readonly DeviceBoard _board;
        private readonly Tps3823Watchdog _watchdog;
        private long _motionEndUs;
        private bool _moving;
        private string _message = string.Empty;
        private bool _simulateHang;

        public ServiceMode(DeviceBoard board, Tps3823Watchdog watchdog)
        {
            _board = board;
            _watchdog = watchdog;
        }

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

            ControlLoopTiming timing = new ControlLoopTiming(_board.Clock.NowUs, 50);
            int tick = 0;
            while (true)
            {
                _board.BeforeTick();
                if (!_simulateHang)
                {
                    _watchdog.Kick();
                }

                HandleKeys();
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

                if (tick % RefreshTicks == 0)
                {
                    Refresh();
                }

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

        private void HandleKeys()
        {
            PanelKey key;
            while (_board.Keypad.TryReadKey(out key))
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

        private void Refresh()
        {
            bool clamp, plunger;
            string switches = _board.Clamp.TryRead(out clamp, out plunger)
                ? "CLAMP " + (clamp ? "C" : "O") + " FLANGE " + (plunger ? "IN" : "OUT")
                : "SWITCHES INVALID";

            int force;
            bool forceOk = _board.ForceSensor.TryReadForce(out force);
            int travel;
            bool travelOk = _board.PlungerPosition.TryReadPosition(out travel);
            long counted;
            bool countOk = _board.StepCounter.TryRead(out counted);

            Screen.Show(_board.Display,
                "F " + _board.ForceSensor.LastRawCounts + (forceOk ? " " + force + "mN" : " --"),
                "P " + _board.PlungerPosition.LastCounts + (travelOk ? " " + travel + "um" : " --"),
                (countOk ? "STEPS " + counted : "STEPS FAULT") + " " + _message,
                switches);
        }
    }
}
