using Pump.Core.Configuration;
using System.Threading;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;
using Pump.Hal.Esp32.Peripherals;

namespace Pump.Firmware
{
    /// <summary>
    /// Power-up self-test (hardware-docs/requirements.md DEV-0xx). Order matters: the motor is
    /// proven off first, then the watchdog (which resets the device once per power-up), then storage,
    /// the operator-checked outputs, and the sensors. Any failure leaves the pump in the safe halt
    /// with the reason on the display; it never infuses after a failed self-test.
    /// </summary>
    public sealed class PowerOnSelfTest
    {
        /// <summary>How long to starve the watchdog before declaring it dead: twice its maximum timeout.</summary>
        public const int WatchdogWaitMs = 2 * Tps3823Watchdog.MaximumTimeoutMs;

        private readonly DeviceBoard _board;
        private readonly byte[] _marker = new byte[WatchdogTestMarker.Length];

        public PowerOnSelfTest(DeviceBoard board)
        {
            _board = board;
        }

        /// <summary>Why the test failed (null when it passed).</summary>
        public string? Failure { get; private set; }

        /// <summary>True when the operator held OK + Back during the lamp test: run <see cref="ServiceMode"/>, not the pump.</summary>
        public bool ServiceModeRequested { get; private set; }

        /// <summary>The armed watchdog once the test passed.</summary>
        public Tps3823Watchdog? Watchdog { get; private set; }

        /// <summary>Runs every step; false with <see cref="Failure"/> set on the first failure.</summary>
        public bool Run()
        {
            Screen.Show(_board.Display, "SELF-TEST", _board.UnitConfiguration.Serial.Length > 0 ? _board.UnitConfiguration.Serial : "NO SERIAL", "motor off", string.Empty);

            // 1. Motor off: enable not requested, driver reports no fault, the EN line reads disabled.
            _board.StopMotor();
            if (_board.MotorDriver.IsEnabled)
            {
                return Fail("DRIVER EN STUCK ON");
            }

            if (_board.MotorDriver.IsFaulted)
            {
                return Fail("DRIVER FAULT");
            }

            // 2. Watchdog: the deliberate bite (this call does not return the first time).
            if (!WatchdogTest())
            {
                return false;
            }

            // 3. Storage: the region opens at full size and every byte reads back.
            if (!_board.Store.IsOpen || !ReadWholeStore())
            {
                return Fail("STORAGE UNREADABLE");
            }

            // 4. Outputs the operator must see and hear: all lamps, a test pattern, the buzzer chirp.
            Screen.Show(_board.Display, "SELF-TEST", "LAMPS + BUZZER ON", "check all lit and", "one beep heard");
            if (!_board.Display.IsHealthy)
            {
                return Fail("DISPLAY");
            }

            _board.Annunciator.SetSound(AlarmSound.Information);
            for (int i = 0; i < 20; i++)
            {
                _board.BeforeTick();
                _board.Annunciator.Service();
                LampTest(true);
                Watchdog!.Kick();
                Thread.Sleep(50);
            }

            _board.Annunciator.SetSound(AlarmSound.Silent);
            _board.Annunciator.Service();
            LampTest(false);

            // Service mode (calibration.md): OK and Back held while the lamps were lit. It needs
            // the checks above but not the calibration, which it exists to measure.
            _board.BeforeTick();
            if (_board.Keypad.Debouncer.IsHeld(PanelKey.Ok) && _board.Keypad.Debouncer.IsHeld(PanelKey.Back))
            {
                ServiceModeRequested = true;
                return true;
            }

            // 5. Sensors in range (SelfTestVerdict gives the order and the reasons).
            bool clamp, plunger;
            bool switchesOk = _board.Clamp.TryRead(out clamp, out plunger);
            long counted;
            bool counterOk = _board.StepCounter.TryRead(out counted);
            int force = 0;
            bool forceOk = false;
            for (int i = 0; i < 10 && !forceOk; i++)
            {
                Thread.Sleep(20);
                forceOk = _board.ForceSensor.TryReadForce(out force);
                Watchdog!.Kick();
            }

            int travel;
            bool positionOk = _board.PlungerPosition.TryReadPosition(out travel);
            string? failure = SelfTestVerdict.FirstFailure(_board.ConfigurationProblem == ConfigProblem.None, switchesOk, counterOk, forceOk, positionOk);
            if (failure != null)
            {
                return Fail(failure);
            }

            return true;
        }

        private bool WatchdogTest()
        {
            bool armed = _board.WatchdogMarker.IsOpen
                && _board.WatchdogMarker.TryRead(0, _marker, 0, WatchdogTestMarker.Length)
                && WatchdogTestMarker.IsArmed(_marker, WatchdogTestMarker.Length);
            if (armed)
            {
                // The previous boot starved the watchdog and we were reset: it bites. This planned
                // bite is consumed here and not reported to the core as an unexpected watchdog reset.
                WatchdogTestMarker.Encode(false, _marker);
                if (!_board.WatchdogMarker.TryWrite(0, _marker, 0, WatchdogTestMarker.Length))
                {
                    return Fail("WDT MARKER CLEAR");
                }

                Watchdog = _board.ArmWatchdog(false);
                Watchdog.Kick();
                return true;
            }

            WatchdogTestMarker.Encode(true, _marker);
            if (!_board.WatchdogMarker.TryWrite(0, _marker, 0, WatchdogTestMarker.Length))
            {
                return Fail("WDT MARKER WRITE");
            }

            Screen.Show(_board.Display, "SELF-TEST", "watchdog: the pump", "restarts once now", string.Empty);
            Tps3823Watchdog dog = _board.ArmWatchdog(false);
            dog.Kick();   // arms the supervisor; from now on it must bite within its timeout
            Thread.Sleep(WatchdogWaitMs);

            // Still alive: the watchdog did not reset us.
            WatchdogTestMarker.Encode(false, _marker);
            _board.WatchdogMarker.TryWrite(0, _marker, 0, WatchdogTestMarker.Length);
            Watchdog = dog;
            return Fail("WATCHDOG NO RESET");
        }

        private bool ReadWholeStore()
        {
            byte[] chunk = new byte[1024];
            for (int address = 0; address < _board.Store.CapacityBytes; address += chunk.Length)
            {
                int count = _board.Store.CapacityBytes - address < chunk.Length ? _board.Store.CapacityBytes - address : chunk.Length;
                if (!_board.Store.TryRead(address, chunk, 0, count))
                {
                    return false;
                }

                Watchdog!.Kick();
            }

            return true;
        }

        /// <summary>Drives all four lamps directly (after the annunciator's own lamp update).</summary>
        private void LampTest(bool on)
        {
            _board.Expander.SetOutput(Hal.Esp32.ExpanderBits.LampRed, on);
            _board.Expander.SetOutput(Hal.Esp32.ExpanderBits.LampYellow, on);
            _board.Expander.SetOutput(Hal.Esp32.ExpanderBits.LampGreen, on);
            _board.Expander.SetOutput(Hal.Esp32.ExpanderBits.LampAudioPaused, on);
            _board.Expander.FlushOutputs();
        }

        private bool Fail(string reason)
        {
            Failure = reason;
            return false;
        }
    }
}
