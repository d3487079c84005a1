using System;
using System.Device.Adc;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// Linear potentiometer on GPIO36 (ADC1 channel 0; ADC2 is unusable while Wi-Fi runs and is
    /// avoided altogether), supplied from the same 3.3 V as the ADC reference so the reading is
    /// ratiometric. Averages <see cref="Samples"/> conversions per read to reduce the ESP32 ADC's
    /// noise. Failure: an exception, or a reading outside the rails or the calibrated span → false.
    /// </summary>
    public sealed class AdcPlungerPosition : IPlungerPositionSensor, IDisposable
    {
        public const int Samples = 8;

        private readonly AdcController _controller;
        private readonly AdcChannel _channel;
        private readonly PotentiometerScale _scale;

        public AdcPlungerPosition(PotentiometerScale scale)
        {
            _scale = scale;
            _controller = new AdcController();
            _channel = _controller.OpenChannel(Esp32Pins.PlungerAdcChannel);
        }

        /// <summary>Last averaged ADC reading (for calibration).</summary>
        public int LastCounts { get; private set; }

        private bool _lastReadOk;

        /// <summary>The averaged ADC counts, whatever the calibration (service mode).</summary>
        public bool TryReadRawCounts(out int counts)
        {
            int ignored;
            TryReadPosition(out ignored);
            counts = LastCounts;
            return _lastReadOk;
        }

        public bool TryReadPosition(out int travelMicrometres)
        {
            travelMicrometres = 0;
            _lastReadOk = false;
            try
            {
                int sum = 0;
                for (int i = 0; i < Samples; i++)
                {
                    sum += _channel.ReadValue();
                }

                LastCounts = sum / Samples;
                _lastReadOk = true;
            }
            catch (Exception)
            {
                return false;
            }

            return _scale.TryConvert(LastCounts, out travelMicrometres);
        }

        public void Dispose()
        {
            _channel.Dispose();
        }
    }
}
