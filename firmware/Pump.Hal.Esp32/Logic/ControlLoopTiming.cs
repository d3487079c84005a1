namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// Deadline arithmetic for the fixed-period control loop (DESIGN.md D4). Deadlines lie on a grid
    /// anchor + k·period of the monotonic µs clock, so no drift accumulates however long a tick takes.
    /// Sleeping: nanoFramework's scheduler has a 10 ms tick (Sleep rounds to it), so the loop sleeps
    /// only whole multiples of 10 ms, keeping one tick of margin, then spins on the µs clock for the rest.
    /// Overrun: a tick that ends after the next deadline starts the next tick at once; when one or more
    /// whole periods were missed, the missed deadlines are skipped (never run back-to-back to catch up)
    /// and counted. The core reads the µs clock, so a skipped tick loses no time.
    /// </summary>
    public sealed class ControlLoopTiming
    {
        /// <summary>FreeRTOS tick on the ESP32 nanoFramework firmware (CONFIG_FREERTOS_HZ = 100).</summary>
        public const int RtosTickMs = 10;

        private readonly long _periodUs;
        private long _deadlineUs;

        public ControlLoopTiming(long anchorUs, int periodMs)
        {
            _periodUs = periodMs * 1000L;
            _deadlineUs = anchorUs;
        }

        /// <summary>Start time of the tick about to run (or running).</summary>
        public long DeadlineUs { get { return _deadlineUs; } }

        /// <summary>Ticks whose deadline was skipped because the loop was late by a whole period or more.</summary>
        public long SkippedTicks { get; private set; }

        /// <summary>Ticks that started late (after their deadline by more than one RTOS tick).</summary>
        public long LateTicks { get; private set; }

        /// <summary>Longest lateness seen at the start of a tick (µs).</summary>
        public long MaxLatenessUs { get; private set; }

        /// <summary>Records the actual start of the current tick (for the lateness statistics).</summary>
        public void TickStarted(long nowUs)
        {
            long lateUs = nowUs - _deadlineUs;
            if (lateUs > MaxLatenessUs)
            {
                MaxLatenessUs = lateUs;
            }

            if (lateUs > RtosTickMs * 1000L)
            {
                LateTicks++;
            }
        }

        /// <summary>Moves to the next deadline after a tick finished at <paramref name="nowUs"/>.</summary>
        public void Advance(long nowUs)
        {
            _deadlineUs += _periodUs;
            if (nowUs >= _deadlineUs + _periodUs)
            {
                long missed = (nowUs - _deadlineUs) / _periodUs;
                _deadlineUs += missed * _periodUs;
                SkippedTicks += missed;
            }
        }

        /// <summary>
        /// Milliseconds to sleep now: a whole multiple of 10 that leaves at least one RTOS tick of
        /// margin before the deadline (a sleep may end up to one tick late), or 0 when less than two
        /// ticks remain; the caller then spins on the µs clock until <see cref="IsDue"/>.
        /// </summary>
        public int SleepMs(long nowUs)
        {
            long remainingUs = _deadlineUs - nowUs - (RtosTickMs * 1000L);
            if (remainingUs < RtosTickMs * 1000L)
            {
                return 0;
            }

            long ms = remainingUs / 1000L;
            return (int)(ms - (ms % RtosTickMs));
        }

        /// <summary>True once the deadline has been reached.</summary>
        public bool IsDue(long nowUs)
        {
            return nowUs >= _deadlineUs;
        }
    }
}
