using Pump.Hal;

namespace Pump.Sim.Physics
{
    /// <summary>
    /// Motor, screw and plunger: turns emitted STEP pulses into plunger travel while the driver is enabled,
    /// with two motor faults: a stall (pulses without motion) and a runaway (motion without pulses). The
    /// plunger cannot pass the syringe's end stop. Travel is measured from the pusher's fully withdrawn end;
    /// the clamped barrel is empty at a fixed pusher position (PumpSettings.EmptyPositionUm, 120 mm), so a
    /// syringe holding V starts V/area before it.
    /// </summary>
    public sealed class Mechanism
    {
        private readonly MechanismSpec _spec;
        private readonly double _endStopMicrometres;
        private double _runawayFractionSteps;

        /// <summary>The pusher position at which the barrel is empty (PumpSettings.EmptyPositionUm default).</summary>
        public const double DefaultEmptyPositionMicrometres = 120_000;

        public Mechanism(MechanismSpec spec, SyringeSpec syringe, double fillMl, double emptyPositionMicrometres = DefaultEmptyPositionMicrometres)
        {
            _spec = spec;
            Syringe = syringe;
            _endStopMicrometres = emptyPositionMicrometres;
            InitialTravelMicrometres = emptyPositionMicrometres - (fillMl * 1_000_000.0 / syringe.AreaMm2);
            PositionMicrosteps = 0;
        }

        public SyringeSpec Syringe { get; }

        public MechanismSpec Spec => _spec;

        /// <summary>Travel at load, from the fully withdrawn end, µm.</summary>
        public double InitialTravelMicrometres { get; }

        /// <summary>Net microsteps the plunger moved forward since load.</summary>
        public long PositionMicrosteps { get; private set; }

        public double TravelMicrometres => InitialTravelMicrometres + (PositionMicrosteps * _spec.MicrometresPerMicrostep);

        /// <summary>Volume pushed out of the barrel since load, nL (the virtual syringe's own measure).</summary>
        public double DisplacedNanoLitres => PositionMicrosteps * _spec.MicrometresPerMicrostep * Syringe.AreaMm2;

        /// <summary>Fault: pulses arrive but the rotor does not turn.</summary>
        public bool Stalled { get; set; }

        /// <summary>Fault: the rotor turns forward at this rate without pulses (0 = no runaway).</summary>
        public double RunawayMicrostepsPerSecond { get; set; }

        /// <summary>Pulses that produced no motion (stall, end stop, overload).</summary>
        public long LostPulses { get; private set; }

        /// <summary>Microsteps of motion without pulses.</summary>
        public long RunawayMicrosteps { get; private set; }

        /// <summary>
        /// Applies <paramref name="pulses"/> emitted during an interval of <paramref name="dtUs"/> and returns
        /// the net forward microsteps moved.
        /// </summary>
        public long Advance(long pulses, long dtUs, bool driverEnabled, MotorDirection direction, bool overloaded)
        {
            long moved = 0;
            if (driverEnabled && !Stalled && !overloaded)
            {
                moved = direction == MotorDirection.Forward ? pulses : -pulses;
            }
            else
            {
                LostPulses += pulses;
            }
            if (driverEnabled && RunawayMicrostepsPerSecond > 0)
            {
                _runawayFractionSteps += RunawayMicrostepsPerSecond * dtUs / 1_000_000.0;
                long whole = (long)_runawayFractionSteps;
                _runawayFractionSteps -= whole;
                moved += whole;
                RunawayMicrosteps += whole;
            }
            long target = PositionMicrosteps + moved;
            double maxSteps = (_endStopMicrometres - InitialTravelMicrometres) / _spec.MicrometresPerMicrostep;
            double minSteps = -InitialTravelMicrometres / _spec.MicrometresPerMicrostep;
            if (target > maxSteps)
            {
                long clamped = (long)maxSteps;
                LostPulses += target - clamped;
                target = clamped;
            }
            else if (target < minSteps)
            {
                target = (long)System.Math.Ceiling(minSteps);
            }
            long net = target - PositionMicrosteps;
            PositionMicrosteps = target;
            return net;
        }
    }
}
