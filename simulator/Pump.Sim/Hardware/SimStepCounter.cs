using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>
    /// The pulse counter wired back from STEP: counts what the generator really emitted since this
    /// power-up (a reset clears the hardware counter).
    /// </summary>
    public sealed class SimStepCounter : IStepCounter
    {
        private readonly SimStepGenerator _generator;
        private readonly PowerRail _power;
        private long _offset;

        public SimStepCounter(SimStepGenerator generator, PowerRail power)
        {
            _generator = generator;
            _power = power;
        }

        /// <summary>Optional fault: reads fail.</summary>
        public bool Failed { get; set; }

        /// <summary>Called by the host at power-up: the counter starts from zero.</summary>
        public void ResetAtPowerUp()
        {
            _offset = _generator.TotalPulses;
        }

        public bool TryRead(out long countedMicrosteps)
        {
            if (!_power.IsOn || Failed)
            {
                countedMicrosteps = 0;
                return false;
            }
            countedMicrosteps = _generator.TotalPulses - _offset;
            return true;
        }
    }
}
