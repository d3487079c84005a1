using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>
    /// External supervisor: bites when not kicked within its timeout of simulated time, which cuts the
    /// motor driver's enable line; the host then resets the controller.
    /// </summary>
    public sealed class SimWatchdog : IWatchdog
    {
        private readonly SimClock _clock;
        private long _lastKickUs;

        public SimWatchdog(SimClock clock, int timeoutMs = 1000)
        {
            _clock = clock;
            TimeoutMs = timeoutMs;
            _lastKickUs = clock.NowUs;
        }

        public int TimeoutMs { get; }

        public bool IsArmed { get; private set; } = true;

        public bool LastResetWasWatchdog { get; private set; }

        public long Kicks { get; private set; }

        public void Kick()
        {
            _lastKickUs = _clock.NowUs;
            Kicks++;
        }

        /// <summary>True when the timeout has elapsed since the last kick.</summary>
        public bool HasExpired => IsArmed && _clock.NowUs - _lastKickUs > TimeoutMs * 1000L;

        /// <summary>Called by the host at each power-up.</summary>
        public void PowerUp(bool causedByWatchdog)
        {
            LastResetWasWatchdog = causedByWatchdog;
            _lastKickUs = _clock.NowUs;
        }
    }
}
