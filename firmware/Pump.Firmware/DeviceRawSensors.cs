using Pump.Hal;
using Pump.Hal.Esp32.Peripherals;

namespace Pump.Firmware
{
    /// <summary>The NAU7802 and potentiometer ADC counts behind the calibrated sensors, for service mode's calibration.</summary>
    public sealed class DeviceRawSensors : IRawSensorReadings
    {
        private readonly Nau7802ForceSensor _force;
        private readonly AdcPlungerPosition _position;

        public DeviceRawSensors(Nau7802ForceSensor force, AdcPlungerPosition position)
        {
            _force = force;
            _position = position;
        }

        public bool TryReadForceCounts(out int counts)
        {
            return _force.TryReadRawCounts(out counts);
        }

        public bool TryReadPositionCounts(out int counts)
        {
            return _position.TryReadRawCounts(out counts);
        }
    }
}
