using Pump.Hal;
using Pump.Sim.Physics;

namespace Pump.Sim.Hardware
{
    /// <summary>Linear potentiometer on the plunger driver: the true travel plus wiper noise.</summary>
    public sealed class SimPlungerPositionSensor : IPlungerPositionSensor
    {
        private readonly PowerRail _power;
        private readonly Mechanism _mechanism;
        private readonly Gaussian _noise;

        public SimPlungerPositionSensor(PowerRail power, Mechanism mechanism, Gaussian noise, double noiseSdMicrometres)
        {
            _power = power;
            _mechanism = mechanism;
            _noise = noise;
            NoiseSdMicrometres = noiseSdMicrometres;
        }

        public double NoiseSdMicrometres { get; }

        /// <summary>Optional fault: open or shorted wiper.</summary>
        public bool Failed { get; set; }

        public bool TryReadPosition(out int travelMicrometres)
        {
            if (!_power.IsOn || Failed)
            {
                travelMicrometres = 0;
                return false;
            }
            double um = _mechanism.TravelMicrometres + (_noise.Next() * NoiseSdMicrometres);
            travelMicrometres = (int)System.Math.Round(um);
            return true;
        }
    }
}
