using System;
using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// Buzzer and lamps. The buzzer is an LEDC PWM channel (System.Device.Pwm) whose 50 % square wave, rich in the
    /// harmonics IEC 60601-1-8 asks for, drives a magnetic transducer through a transistor; each pulse plays its
    /// note of the drug-delivery melody (<see cref="AlarmMelody"/>). Pulse starts and ends lie on the 50 ms control
    /// loop (<see cref="BuzzerSequencer"/>), so a pulse's length is exact to the loop's jitter; lamp flashing follows
    /// <see cref="LampSequencer"/>. Silencing stops a sounding pulse at the next service call.
    /// Why PWM and not RMT (hardware-docs/pinout.md): the pitch changes from pulse to pulse, which PWM does with one
    /// frequency write; the RMT carrier is fixed per channel configuration and its exact pulse widths are not needed
    /// at the standard's tolerances.
    /// Failure: an exception from the PWM driver is counted and the pulse skipped; a silent buzzer cannot be detected
    /// electrically, so the power-up self-test sounds it for the operator.
    /// </summary>
    public sealed class AlarmAnnunciator : IAnnunciator, IDisposable
    {
        private readonly PwmChannel _tone;
        private readonly Mcp23017Expander _lamps;
        private readonly IMonotonicClock _clock;
        private readonly BuzzerSequencer _buzzer = new BuzzerSequencer();
        private readonly LampSequencer _light = new LampSequencer();
        private bool _sounding;
        private long _toneEndsUs;

        public AlarmAnnunciator(Mcp23017Expander lamps, IMonotonicClock clock)
        {
            _lamps = lamps;
            _clock = clock;
            Configuration.SetPinFunction(Esp32Pins.Buzzer, DeviceFunction.PWM1);
            PwmChannel? tone = PwmChannel.CreateFromPin(Esp32Pins.Buzzer, AlarmMelody.C5Hz, 0.5);
            if (tone == null)
            {
                throw new InvalidOperationException("buzzer pin has no PWM function");
            }

            _tone = tone;
        }

        /// <summary>Pulses the PWM driver failed to start or stop.</summary>
        public int Failures { get; private set; }

        public void SetSound(AlarmSound sound)
        {
            _buzzer.Select(sound, _clock.NowUs);
        }

        public void SetLight(AlarmLight light)
        {
            _light.Select(light, _clock.NowUs);
        }

        public void SetRunning(bool on)
        {
            _lamps.SetOutput(ExpanderBits.LampGreen, on);
        }

        public void SetAudioPaused(bool on)
        {
            _lamps.SetOutput(ExpanderBits.LampAudioPaused, on);
        }

        /// <summary>Ends and starts buzzer pulses and updates the lamp bits. Call once per control tick, before the expander flush.</summary>
        public void Service()
        {
            long nowUs = _clock.NowUs;
            bool red, yellow;
            _light.Evaluate(nowUs, out red, out yellow);
            _lamps.SetOutput(ExpanderBits.LampRed, red);
            _lamps.SetOutput(ExpanderBits.LampYellow, yellow);

            if (_sounding && (nowUs >= _toneEndsUs || _buzzer.Sound == AlarmSound.Silent))
            {
                StopTone();
            }

            int pulseMs;
            int pulseIndex;
            if (_buzzer.TryTakePulse(nowUs, out pulseMs, out pulseIndex))
            {
                StartTone(AlarmMelody.PitchHz(_buzzer.Sound, pulseIndex), nowUs + (pulseMs * 1000L));
            }
        }

        public void Dispose()
        {
            _tone.Dispose();
        }

        private void StartTone(int pitchHz, long endsUs)
        {
            try
            {
                _tone.Frequency = pitchHz;
                _tone.DutyCycle = 0.5;
                _tone.Start();
                _sounding = true;
                _toneEndsUs = endsUs;
            }
            catch (Exception)
            {
                Failures++;
            }
        }

        private void StopTone()
        {
            _sounding = false;
            try
            {
                _tone.Stop();
            }
            catch (Exception)
            {
                Failures++;
            }
        }
    }
}
