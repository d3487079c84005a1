using System;
using nanoFramework.Hardware.Esp32.Rmt;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// Buzzer and lamps. Each buzzer pulse is one RMT transmission whose envelope length is exact in
    /// hardware; the RMT carrier (a square wave, rich in harmonics as IEC 60601-1-8 asks for) drives a
    /// magnetic transducer through a transistor. Pulse start times and lamp flashing follow
    /// <see cref="BuzzerSequencer"/> and <see cref="LampSequencer"/> on the control loop. Silencing
    /// takes effect at the next pulse (a pulse already started finishes: ≤ 200 ms).
    /// Failure: a refused transmission is counted; a silent buzzer cannot be detected electrically,
    /// so the power-up self-test sounds it for the operator.
    /// </summary>
    public sealed class RmtAnnunciator : IAnnunciator, IDisposable
    {
        /// <summary>Tone frequency: inside IEC 60601-1-8's 150–1000 Hz fundamental range.</summary>
        public const int ToneHz = 880;

        private readonly TransmitterChannel _channel;
        private readonly Mcp23017Expander _lamps;
        private readonly IMonotonicClock _clock;
        private readonly BuzzerSequencer _buzzer = new BuzzerSequencer();
        private readonly LampSequencer _light = new LampSequencer();
        private readonly byte[] _pulse100 = EncodePulse(100);
        private readonly byte[] _pulse150 = EncodePulse(150);
        private readonly byte[] _pulse200 = EncodePulse(200);

        public RmtAnnunciator(Mcp23017Expander lamps, IMonotonicClock clock)
        {
            _lamps = lamps;
            _clock = clock;
            TransmitChannelSettings settings = new TransmitChannelSettings(Esp32Pins.RmtBuzzerChannel, Esp32Pins.Buzzer);
            settings.EnableCarrierWave = true;
            settings.CarrierWaveFrequency = ToneHz;
            settings.CarrierWaveDutyPercentage = 50;
            settings.CarrierLevel = true;
            settings.ClockDivider = 80;
            settings.EnableIdleLevelOutput = true;
            settings.IdleLevel = false;
            _channel = new TransmitterChannel(settings);
        }

        /// <summary>Pulses the RMT refused.</summary>
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

        /// <summary>Starts due buzzer pulses and updates the lamp bits. Call once per control tick, before the expander flush.</summary>
        public void Service()
        {
            long nowUs = _clock.NowUs;
            bool red, yellow;
            _light.Evaluate(nowUs, out red, out yellow);
            _lamps.SetOutput(ExpanderBits.LampRed, red);
            _lamps.SetOutput(ExpanderBits.LampYellow, yellow);

            int pulseMs;
            if (_buzzer.TryTakePulse(nowUs, out pulseMs))
            {
                try
                {
                    if (_channel.IsChannelIdle)
                    {
                        _channel.SendData(pulseMs <= 100 ? _pulse100 : (pulseMs <= 150 ? _pulse150 : _pulse200), false);
                    }
                    else
                    {
                        Failures++;
                    }
                }
                catch (Exception)
                {
                    Failures++;
                }
            }
        }

        public void Dispose()
        {
            _channel.Dispose();
        }

        private static byte[] EncodePulse(int milliseconds)
        {
            RmtItemWriter writer = new RmtItemWriter(new byte[((milliseconds * 1000 / RmtItemWriter.MaxHalfTicks) + 3) * 4]);
            writer.Reset();
            writer.Append(true, milliseconds * 1000L);
            writer.Append(false, 10);
            writer.Finish(false);
            return writer.Buffer;
        }
    }
}
