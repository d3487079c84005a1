namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// Timing parameters of the STEP signal. Units: microseconds (one RMT tick = 1 µs with the
    /// default clock divider of 80). Defaults suit a TMC2209 or DRV8825 (both need ≤ 2 µs high and
    /// low); the values themselves are checked on the bench (hardware-docs/bench-verification.md).
    /// </summary>
    public sealed class StepTiming
    {
        public StepTiming(int pulseHighUs, int minStepIntervalUs, int windowUs, int sendLatencyUs, int catchUpRateFactor)
        {
            PulseHighUs = pulseHighUs;
            MinStepIntervalUs = minStepIntervalUs;
            WindowUs = windowUs;
            SendLatencyUs = sendLatencyUs;
            CatchUpRateFactor = catchUpRateFactor;
        }

        /// <summary>Defaults: 10 µs pulses, at most 5 kHz, 200 ms bursts, 50 µs send latency, catch up at ≤ 2× rate.</summary>
        public static StepTiming Default()
        {
            return new StepTiming(10, 200, 200000, 50, 2);
        }

        /// <summary>STEP high time. Also the low tail after the last pulse of a burst.</summary>
        public int PulseHighUs { get; }

        /// <summary>Shortest rising-edge spacing ever emitted (the fastest step rate the mechanism allows).</summary>
        public int MinStepIntervalUs { get; }

        /// <summary>How far ahead of the send time one burst reaches.</summary>
        public int WindowUs { get; }

        /// <summary>Time from taking the send timestamp to the hardware starting the burst (bench-calibrated).</summary>
        public int SendLatencyUs { get; }

        /// <summary>Steps that are late (a stalled loop) are caught up at most this many times faster than programmed.</summary>
        public int CatchUpRateFactor { get; }

        /// <summary>True when the values are self-consistent.</summary>
        public bool IsValid
        {
            get
            {
                return PulseHighUs >= 2 && PulseHighUs <= 1000
                    && MinStepIntervalUs >= 2 * PulseHighUs
                    && WindowUs >= 50000 && WindowUs <= 1000000
                    && SendLatencyUs >= 0 && SendLatencyUs < 10000
                    && CatchUpRateFactor >= 1 && CatchUpRateFactor <= 10;
            }
        }
    }
}
