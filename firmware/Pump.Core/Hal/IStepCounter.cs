namespace Pump.Hal
{
    /// <summary>
    /// Counts STEP pulses actually emitted, from a pin wired back from STEP (ESP32: GpioPulseCounter).
    /// Units: microsteps since power-up, monotonic (the port extends a 16/32-bit hardware counter).
    /// Failure: TryRead returns false when the counter cannot be read; the core treats that as a
    /// motor-mismatch fault (it can no longer account for the dose) and stops.
    /// </summary>
    public interface IStepCounter
    {
        /// <summary>Total pulses counted since power-up.</summary>
        bool TryRead(out long countedMicrosteps);
    }
}
