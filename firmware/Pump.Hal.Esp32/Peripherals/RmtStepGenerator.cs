using System;
using System.Device.Gpio;
using nanoFramework.Hardware.Esp32.Rmt;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Hal.Esp32.Peripherals
{
    /// <summary>
    /// STEP pulses from two RMT channels (carrier off, 1 µs ticks) whose outputs are ORed and then
    /// gated in hardware onto the driver's STEP input (hardware-docs/wiring.md). While one channel
    /// plays its burst the other is loaded with the next, so the absolute schedule continues across
    /// bursts without a gap. StopNow drops the gate line first (within one managed call, &lt; 1 ms),
    /// then discards the queue; bursts still draining inside the RMT are blocked by the gate, and the
    /// gate stays shut until both channels are idle (≤ one window plus lead-in, about 400 ms). The pulse counter sits after the gate, so it
    /// counts exactly what reached the driver. <see cref="Service"/> must run every control tick.
    /// </summary>
    public sealed class RmtStepGenerator : IStepGenerator, IDisposable
    {
        /// <summary>Items per burst buffer: 200 ms at the 5 kHz maximum is 1000 steps.</summary>
        public const int BurstItems = 1100;

        private readonly StepBurstPlanner _planner;
        private readonly TransmitterChannel[] _channels = new TransmitterChannel[2];
        private readonly RmtItemWriter[] _writers = new RmtItemWriter[2];
        private readonly GpioPin _gate;
        private readonly IMonotonicClock _clock;
        private readonly int _windowUs;
        private bool _draining;
        private int _nextChannel;

        public RmtStepGenerator(GpioController gpio, IMonotonicClock clock, StepTiming timing, int capacitySegments)
        {
            _clock = clock;
            _windowUs = timing.WindowUs;
            _planner = new StepBurstPlanner(capacitySegments, timing);
            _gate = gpio.OpenPin(Esp32Pins.StepGate, PinMode.Output);
            _gate.Write(PinValue.Low);
            _channels[0] = OpenChannel(Esp32Pins.RmtStepChannelA, Esp32Pins.StepA);
            _channels[1] = OpenChannel(Esp32Pins.RmtStepChannelB, Esp32Pins.StepB);
            _writers[0] = new RmtItemWriter(new byte[BurstItems * 4]);
            _writers[1] = new RmtItemWriter(new byte[BurstItems * 4]);
        }

        public int Capacity { get { return _planner.Capacity; } }

        public int QueuedSegments { get { return _planner.QueuedSegments; } }

        /// <summary>Why the last refused segment was refused (diagnostics).</summary>
        public SegmentRejection LastRejection { get; private set; }

        /// <summary>Largest lateness of an emitted step (µs), from loop stalls.</summary>
        public long MaxLatenessUs { get { return _planner.MaxLatenessUs; } }

        /// <summary>Send calls the RMT driver refused (each one is also a stop).</summary>
        public int SendFailures { get; private set; }

        /// <summary>
        /// Accepted even right after <see cref="StopNow"/> (the core stops and then queues the
        /// occlusion back-off in the same tick): the segment waits until both channels have drained
        /// behind the shut gate, and its late steps are then caught up at the limited rate.
        /// </summary>
        public bool TryEnqueue(StepSegment segment)
        {
            LastRejection = _planner.TryEnqueue(segment);
            return LastRejection == SegmentRejection.None;
        }

        public void StopNow()
        {
            _gate.Write(PinValue.Low);
            _planner.Clear();
            _draining = true;
        }

        /// <summary>Loads idle channels with the next bursts and retires emitted segments. Call once per control tick.</summary>
        public void Service()
        {
            long nowUs = _clock.NowUs;
            if (_draining)
            {
                if (!_channels[0].IsChannelIdle || !_channels[1].IsChannelIdle)
                {
                    return;
                }

                _draining = false;
            }

            _planner.Retire(nowUs);
            for (int attempt = 0; attempt < 2; attempt++)
            {
                int c = _nextChannel;
                if (!_channels[c].IsChannelIdle)
                {
                    return;
                }

                long sendUs = _clock.NowUs;
                if (!_planner.HasStepDueBefore(sendUs + _windowUs))
                {
                    return;
                }

                if (_planner.EncodeBurst(sendUs, _writers[c]) == 0)
                {
                    return;
                }

                _gate.Write(PinValue.High);
                try
                {
                    _channels[c].SendData(_writers[c].Buffer, false);
                }
                catch (Exception)
                {
                    SendFailures++;
                    StopNow();
                    return;
                }

                _nextChannel = 1 - c;
            }
        }

        public void Dispose()
        {
            _gate.Write(PinValue.Low);
            _channels[0].Dispose();
            _channels[1].Dispose();
        }

        private static TransmitterChannel OpenChannel(int channel, int pin)
        {
            TransmitChannelSettings settings = new TransmitChannelSettings(channel, pin);
            settings.EnableCarrierWave = false;      // the default is a 38 kHz IR carrier
            settings.ClockDivider = 80;              // 80 MHz APB / 80 = 1 µs ticks
            settings.NumberOfMemoryBlocks = 1;
            settings.BufferSize = BurstItems;
            settings.EnableIdleLevelOutput = true;
            settings.IdleLevel = false;
            settings.SignalInverterEnabled = false;
            return new TransmitterChannel(settings);
        }
    }
}
