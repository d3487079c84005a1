using Pump.Hal;
using Pump.Sim.Physics;

namespace Pump.Sim.Hardware
{
    /// <summary>Load cell behind the pusher: reads the line-pressure model's plunger force plus noise.</summary>
    public sealed class SimForceSensor : IForceSensor
    {
        private readonly PowerRail _power;
        private readonly LinePressureModel _line;
        private readonly Gaussian _noise;

        public SimForceSensor(PowerRail power, LinePressureModel line, Gaussian noise, double noiseSdMilliNewtons)
        {
            _power = power;
            _line = line;
            _noise = noise;
            NoiseSdMilliNewtons = noiseSdMilliNewtons;
        }

        public double NoiseSdMilliNewtons { get; }

        /// <summary>Optional fault: the amplifier does not answer.</summary>
        public bool Failed { get; set; }

        public bool TryReadForce(out int forceMilliNewtons)
        {
            if (!_power.IsOn || Failed)
            {
                forceMilliNewtons = 0;
                return false;
            }
            double f = _line.PlungerForceMilliNewtons + (_noise.Next() * NoiseSdMilliNewtons);
            forceMilliNewtons = (int)System.Math.Round(f);
            return true;
        }
    }
}
