using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// The pump: owns every core component and runs them run-to-completion in <see cref="Tick"/>.
    /// The composition root (ESP32 Program.Main or the simulator host) builds one from a
    /// <see cref="PumpHardware"/> and calls Tick every <see cref="TickPeriodMs"/> of monotonic time.
    /// (Work in progress: the full controller lands with the pump-core issue.)
    /// </summary>
    public sealed class PumpController
    {
        /// <summary>Control period. Two FreeRTOS ticks would be the floor; 50 ms leaves the interpreter room.</summary>
        public const int TickPeriodMs = 50;

        private readonly PumpHardware _hardware;

        public PumpController(PumpHardware hardware)
        {
            _hardware = hardware;
        }

        /// <summary>Runs one control tick at the clock's current time.</summary>
        public void Tick()
        {
            long nowUs = _hardware.Clock.NowUs;
            _hardware.Watchdog.Kick();
            if (nowUs < 0)
            {
                _hardware.MotorDriver.Disable();
            }
        }
    }
}
