namespace Pump.Hal
{
    /// <summary>
    /// Monotonic time since power-up. The only source of time the core may read.
    /// Units: microseconds. Never goes backwards; 64 bits do not wrap within the life of a device.
    /// ESP32: HighResTimer.GetCurrent(). Simulator: a value that moves only when the simulator steps it.
    /// Failure: a clock cannot fail silently; if the port detects a fault it must reset the device
    /// (the watchdog then holds the motor driver disabled).
    /// </summary>
    public interface IMonotonicClock
    {
        /// <summary>Microseconds since power-up.</summary>
        long NowUs { get; }
    }
}
