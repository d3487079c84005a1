using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>Battery-backed calendar clock: a fixed start instant plus simulated time.</summary>
    public sealed class SimRealTimeClock : IRealTimeClock
    {
        private readonly SimClock _clock;

        public SimRealTimeClock(SimClock clock, long startUtcSeconds)
        {
            _clock = clock;
            StartUtcSeconds = startUtcSeconds;
        }

        public long StartUtcSeconds { get; }

        /// <summary>Optional fault: the backup cell is flat and the clock was never set.</summary>
        public bool LostTime { get; set; }

        public bool TryReadUtcSeconds(out long utcSeconds)
        {
            if (LostTime)
            {
                utcSeconds = 0;
                return false;
            }
            utcSeconds = StartUtcSeconds + (_clock.SimTimeUs / 1_000_000); // the calendar runs on while the MCU is off
            return true;
        }
    }
}
