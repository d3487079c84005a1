namespace Pump.Hal
{
    /// <summary>
    /// Plunger force from the load cell behind the pusher (ESP32: HX711-class amplifier).
    /// Units: millinewtons, zero-corrected by calibration; compression is positive.
    /// Failure: TryReadForce returns false when the amplifier does not answer or the reading is out of
    /// its range; the core raises a technical alarm (occlusion can no longer be detected) and stops.
    /// </summary>
    public interface IForceSensor
    {
        /// <summary>Latest force reading.</summary>
        bool TryReadForce(out int forceMilliNewtons);
    }
}
