using nanoFramework.Hardware.Esp32;
using Pump.Hal;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// Monotonic µs clock: esp_timer via HighResTimer.GetCurrent() (64-bit µs since boot; does not
    /// wrap in the life of a device). Also the time base of every other port in this assembly.
    /// </summary>
    public sealed class Esp32MonotonicClock : IMonotonicClock
    {
        public long NowUs
        {
            get { return (long)HighResTimer.GetCurrent(); }
        }
    }
}
