namespace Pump.Hal
{
    /// <summary>
    /// Sets the battery-backed calendar clock (ESP32: DS3231 over I2C). Used only in service mode, from the
    /// service link or the panel; the core checks the value's range first. Units: seconds since 1970-01-01 UTC.
    /// Failure: returns false when the clock did not take the value (bus error, read-back mismatch).
    /// </summary>
    public interface IRealTimeClockSetter
    {
        bool TrySetUtcSeconds(long utcSeconds);
    }
}
