namespace Pump.Hal
{
    /// <summary>
    /// Battery-backed calendar clock (ESP32: external RTC such as DS3231). Used only to timestamp
    /// the event log and to enforce the time between sessions across power cycles; control timing
    /// always uses <see cref="IMonotonicClock"/>. Units: seconds since 1970-01-01 UTC.
    /// Failure: TryReadUtcSeconds returns false when the clock lost power or was never set; the core
    /// then refuses to start a drug whose profile limits session spacing (it cannot prove the spacing).
    /// </summary>
    public interface IRealTimeClock
    {
        /// <summary>Current UTC time in whole seconds since the Unix epoch.</summary>
        bool TryReadUtcSeconds(out long utcSeconds);
    }
}
