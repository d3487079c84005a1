using System;
using System.Device.Gpio;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// Counts rising edges of the gated STEP line on a loopback pin with the ESP32 PCNT
    /// (GpioPulseCounter). nanoFramework extends the 16-bit unit to 64 bits in its overflow ISR;
    /// <see cref="PulseCountExtender"/> is still applied (with 63 bits) so a counter that resets or
    /// jumps is caught rather than trusted. Failure: any exception or impossible reading latches
    /// TryRead false.
    /// </summary>
    public sealed class PulseCounterStepCounter : IStepCounter, IDisposable
    {
        /// <summary>
        /// Glitch filter. The XML doc says APB cycles, the native code passes nanoseconds; 100 is
        /// 100 ns or 1.25 µs, both well below the 10 µs STEP pulse, so either reading is safe.
        /// </summary>
        public const ushort GlitchFilter = 100;

        private readonly GpioPulseCounter _counter;
        private readonly PulseCountExtender _extender;
        private bool _faulted;

        /// <param name="maxPulsesPerRead">More pulses than this between two reads is impossible (rate × longest poll gap).</param>
        public PulseCounterStepCounter(long maxPulsesPerRead)
        {
            _extender = new PulseCountExtender(63, maxPulsesPerRead);
            _counter = new GpioPulseCounter(Esp32Pins.StepCountIn);
            _counter.Polarity = GpioPulsePolarity.Rising;
            _counter.FilterPulses = GlitchFilter;
            _counter.Start();   // Start() zeroes the count
            _extender.Rebase(0);
        }

        public bool TryRead(out long countedMicrosteps)
        {
            countedMicrosteps = _extender.Total;
            if (_faulted)
            {
                return false;
            }

            try
            {
                GpioPulseCount reading = _counter.Read();
                if (!_extender.Update(reading.Count))
                {
                    _faulted = true;
                    return false;
                }
            }
            catch (Exception)
            {
                _faulted = true;
                return false;
            }

            countedMicrosteps = _extender.Total;
            return true;
        }

        public void Dispose()
        {
            _counter.Dispose();
        }
    }
}
