namespace Pump.Hal
{
    /// <summary>
    /// The uncalibrated readings behind the force and position sensors, for calibration in service mode
    /// (hardware-docs/calibration.md). Units: the converters' own counts (ESP32: NAU7802 signed 24-bit
    /// counts; ADC1 12-bit counts of the plunger potentiometer). Never used to deliver.
    /// Failure: returns false when the converter does not answer.
    /// </summary>
    public interface IRawSensorReadings
    {
        bool TryReadForceCounts(out int counts);

        bool TryReadPositionCounts(out int counts);
    }
}
