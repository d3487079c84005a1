using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>Battery-backed calendar clock: a start instant plus simulated time, settable in service mode.</summary>
    public sealed class SimRealTimeClock : IRealTimeClock, IRealTimeClockSetter
    {
        private readonly SimClock _clock;
        private long _setOffsetSeconds;

        public SimRealTimeClock(SimClock clock, long startUtcSeconds)
        {
            _clock = clock;
            StartUtcSeconds = startUtcSeconds;
        }

        public long StartUtcSeconds { get; }

        /// <summary>Optional fault: the backup cell is flat and the clock was never set.</summary>
        public bool LostTime { get; set; }

        /// <summary>Optional fault: the clock does not take a new time (bus error).</summary>
        public bool SetFails { get; set; }

        public bool TryReadUtcSeconds(out long utcSeconds)
        {
            if (LostTime)
            {
                utcSeconds = 0;
                return false;
            }
            utcSeconds = StartUtcSeconds + _setOffsetSeconds + (_clock.SimTimeUs / 1_000_000); // the calendar runs on while the MCU is off
            return true;
        }

        public bool TrySetUtcSeconds(long utcSeconds)
        {
            if (SetFails)
            {
                return false;
            }
            _setOffsetSeconds = utcSeconds - StartUtcSeconds - (_clock.SimTimeUs / 1_000_000);
            LostTime = false;
            return true;
        }
    }
}
