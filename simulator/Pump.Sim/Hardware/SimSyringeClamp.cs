using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>Barrel clamp and plunger-flange switches; scenarios open the clamp to inject a fault.</summary>
    public sealed class SimSyringeClamp : ISyringeClamp
    {
        private readonly PowerRail _power;

        public SimSyringeClamp(PowerRail power)
        {
            _power = power;
        }

        public bool ClampClosed { get; set; } = true;

        public bool PlungerEngaged { get; set; } = true;

        /// <summary>Optional fault: both contacts of the changeover switch read closed.</summary>
        public bool ImpossibleCombination { get; set; }

        public bool TryRead(out bool clampClosed, out bool plungerEngaged)
        {
            if (!_power.IsOn || ImpossibleCombination)
            {
                clampClosed = false;
                plungerEngaged = false;
                return false;
            }
            clampClosed = ClampClosed;
            plungerEngaged = PlungerEngaged;
            return true;
        }
    }
}
