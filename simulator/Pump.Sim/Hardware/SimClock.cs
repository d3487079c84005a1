using System;
using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>Firmware time: moves only when the simulator steps it (DESIGN.md D4, lockstep).</summary>
    public sealed class SimClock : IMonotonicClock
    {
        public long NowUs { get; private set; }

        /// <summary>Moves time forward to <paramref name="nowUs"/>; time never goes back.</summary>
        public void AdvanceTo(long nowUs)
        {
            if (nowUs < NowUs)
            {
                throw new ArgumentOutOfRangeException(nameof(nowUs), "Simulated time cannot go backwards.");
            }
            NowUs = nowUs;
        }
    }
}
