using System.Device.Gpio;
using Pump.Hal;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// External watchdog supervisor (TPS3823A-33: the A version does not latch RESET when WDI toggles during a reset): each edge on WDI restarts its timeout; when
    /// it expires, /RESET pulls the ESP32's EN pin low and, through the enable gate, disables the
    /// motor driver in hardware. WDI floats (the TPS3823 then pulses itself: watchdog disabled) until this class drives it, so
    /// the nanoCLR boot cannot trip it; from construction on it is armed. No pull resistor on WDI.
    /// <see cref="LastResetWasWatchdog"/>: the power-up self-test's deliberate bite is recognised by a
    /// marker in non-volatile storage (<see cref="Logic.WatchdogTestMarker"/>) and consumed there, so it
    /// is not reported. An unplanned bite drives the ESP32's EN pin exactly as a power-up does, so this
    /// hardware cannot tell it from a power loss and reports false; both leave the pump stopped and
    /// never resuming by itself (D10). Upgrade path: a supervisor with a separate WDO output latched
    /// into a flip-flop the firmware reads (hardware-docs/wiring.md §3).
    /// </summary>
    public sealed class Tps3823Watchdog : IWatchdog
    {
        /// <summary>TPS3823 watchdog time-out t_tout, minimum (typical 1.6 s); the core must kick well inside it.</summary>
        public const int MinimumTimeoutMs = 900;

        /// <summary>TPS3823 t_tout maximum (datasheet SLVS165, confirm against the part fitted), for the self-test wait.</summary>
        public const int MaximumTimeoutMs = 2500;

        private readonly GpioPin _wdi;
        private bool _level;

        public Tps3823Watchdog(GpioController gpio, bool lastResetWasWatchdog)
        {
            LastResetWasWatchdog = lastResetWasWatchdog;
            _wdi = gpio.OpenPin(Esp32Pins.WatchdogKick, PinMode.Output);
            _wdi.Write(PinValue.Low);
            IsArmed = true;
        }

        public int TimeoutMs { get { return MinimumTimeoutMs; } }

        public bool IsArmed { get; private set; }

        public bool LastResetWasWatchdog { get; private set; }

        public void Kick()
        {
            _level = !_level;
            _wdi.Write(_level ? PinValue.High : PinValue.Low);
        }
    }
}
