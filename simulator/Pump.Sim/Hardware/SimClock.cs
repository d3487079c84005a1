using System;
using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>
    /// Time. The simulator's own time (<see cref="SimTimeUs"/>) runs from the start of the scenario and moves
    /// only when the simulator steps it (DESIGN.md D4, lockstep). The firmware sees microseconds since its
    /// last power-up (<see cref="NowUs"/>), as HighResTimer does on the ESP32: a reset restarts it from 0.
    /// </summary>
    public sealed class SimClock : IMonotonicClock
    {
        /// <summary>Simulator time since the start of the scenario, µs.</summary>
        public long SimTimeUs { get; private set; }

        /// <summary>Simulator time of the last power-up, µs.</summary>
        public long BootAtUs { get; private set; }

        /// <summary>Firmware time: µs since the last power-up.</summary>
        public long NowUs => SimTimeUs - BootAtUs;

        /// <summary>Moves time forward to <paramref name="simTimeUs"/>; time never goes back.</summary>
        public void AdvanceTo(long simTimeUs)
        {
            if (simTimeUs < SimTimeUs)
            {
                throw new ArgumentOutOfRangeException(nameof(simTimeUs), "Simulated time cannot go backwards.");
            }
            SimTimeUs = simTimeUs;
        }

        /// <summary>The MCU powers up (or resets): firmware time restarts from 0.</summary>
        public void PowerUp()
        {
            BootAtUs = SimTimeUs;
        }

        /// <summary>Converts a firmware time to simulator time.</summary>
        public long ToSimTimeUs(long firmwareUs) => firmwareUs + BootAtUs;
    }
}
