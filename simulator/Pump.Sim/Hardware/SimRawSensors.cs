using System;
using Pump.Hal;
using Pump.Sim.Physics;

namespace Pump.Sim.Hardware
{
    /// <summary>
    /// The converters behind the force and position sensors, as a technician sees them while calibrating: a
    /// load-cell amplifier with its own zero offset and gain, and a potentiometer with its own end-stop counts.
    /// Each virtual unit differs (drawn from its seed), so a calibration must be measured, not typed in.
    /// A test places a reference mass with <see cref="AddedLoadMilliNewtons"/> and moves the pusher to an end
    /// stop with <see cref="PusherAtMicrometres"/>.
    /// </summary>
    public sealed class SimRawSensors : IRawSensorReadings
    {
        private readonly PowerRail _power;
        private readonly LinePressureModel _line;
        private readonly Mechanism _mechanism;

        public SimRawSensors(PowerRail power, LinePressureModel line, Mechanism mechanism, int seed)
        {
            _power = power;
            _line = line;
            _mechanism = mechanism;
            var random = new Random(SeedMixer.Mix(seed, 51));
            ForceZeroCounts = random.Next(-40_000, 40_000);
            ForceCountsPerNewton = 1.9 + (random.NextDouble() * 0.4);
            PositionZeroCounts = random.Next(250, 350);
            PositionCountsPerMillimetre = 33.0 + (random.NextDouble() * 2.0);
        }

        /// <summary>This unit's true amplifier offset and gain.</summary>
        public int ForceZeroCounts { get; }
        public double ForceCountsPerNewton { get; }

        /// <summary>This unit's true potentiometer counts at zero travel and counts per mm.</summary>
        public int PositionZeroCounts { get; }
        public double PositionCountsPerMillimetre { get; }

        /// <summary>Weight resting on the pusher during calibration (mN).</summary>
        public int AddedLoadMilliNewtons { get; set; }

        /// <summary>Where a technician moved the pusher (µm of travel); null = where the mechanism is.</summary>
        public int? PusherAtMicrometres { get; set; }

        public bool Failed { get; set; }

        public bool TryReadForceCounts(out int counts)
        {
            counts = 0;
            if (!_power.IsOn || Failed)
            {
                return false;
            }
            double newtons = (_line.PlungerForceMilliNewtons + AddedLoadMilliNewtons) / 1000.0;
            counts = ForceZeroCounts + (int)Math.Round(newtons * ForceCountsPerNewton * 1000);
            return true;
        }

        public bool TryReadPositionCounts(out int counts)
        {
            counts = 0;
            if (!_power.IsOn || Failed)
            {
                return false;
            }
            double um = PusherAtMicrometres ?? _mechanism.TravelMicrometres;
            counts = PositionZeroCounts + (int)Math.Round(um / 1000.0 * PositionCountsPerMillimetre);
            return true;
        }
    }
}
