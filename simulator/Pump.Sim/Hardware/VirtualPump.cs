using System;
using Pump.Hal;
using Pump.Sim.Physics;

namespace Pump.Sim.Hardware
{
    /// <summary>
    /// One complete virtual pump: every <see cref="Pump.Hal"/> device, the drive train and the line, wired
    /// together and handed to the core as a <see cref="PumpHardware"/>. Models are advanced only by
    /// <see cref="AdvanceTo"/>, which the lockstep runner calls once per control tick.
    /// </summary>
    public sealed class VirtualPump
    {
        private long _lastAdvanceUs;
        private double _lastDisplacedNl;

        public VirtualPump(SyringeSpec syringe, double fillMl, int seed, MechanismSpec? mechanism = null)
        {
            Power = new PowerRail();
            Clock = new SimClock();
            StepGenerator = new SimStepGenerator(Power, clock: Clock);
            StepCounter = new SimStepCounter(StepGenerator, Power);
            MotorDriver = new SimMotorDriver(Power) { Generator = StepGenerator };
            Mechanism = new Mechanism(mechanism ?? MechanismSpec.Default, syringe, fillMl);
            Line = new LinePressureModel(syringe.AreaMm2);
            ForceSensor = new SimForceSensor(Power, Line, new Gaussian(new Random(SeedMixer.Mix(seed, 11))), noiseSdMilliNewtons: 50);
            PlungerPosition = new SimPlungerPositionSensor(Power, Mechanism, new Gaussian(new Random(SeedMixer.Mix(seed, 12))), noiseSdMicrometres: 20);
            Clamp = new SimSyringeClamp(Power);
            MonitorLink = new SimMonitorLink(Power);
            Display = new SimDisplay();
            Keypad = new SimKeypad(Power);
            Annunciator = new SimAnnunciator();
            // The ESP32 config partition (Pump.Core.Persistence.StoreLayout) holds the store file.
            Store = new SimNonVolatileStore(Power, global::Pump.Core.Persistence.StoreLayout.Esp32ConfigPartitionBytes);
            Watchdog = new SimWatchdog(Clock);
            RealTimeClock = new SimRealTimeClock(Clock, startUtcSeconds: 1_790_000_000);
            Power.PoweredOff += () =>
            {
                Annunciator.PowerOff();
                Display.Clear();
            };
            Hardware = new PumpHardware(Clock, StepGenerator, StepCounter, MotorDriver, ForceSensor, PlungerPosition, Clamp,
                MonitorLink, Display, Keypad, Annunciator, Store, Watchdog, RealTimeClock);
        }

        public PumpHardware Hardware { get; }
        public PowerRail Power { get; }
        public SimClock Clock { get; }
        public SimStepGenerator StepGenerator { get; }
        public SimStepCounter StepCounter { get; }
        public SimMotorDriver MotorDriver { get; }
        public Mechanism Mechanism { get; }
        public LinePressureModel Line { get; }
        public SimForceSensor ForceSensor { get; }
        public SimPlungerPositionSensor PlungerPosition { get; }
        public SimSyringeClamp Clamp { get; }
        public SimMonitorLink MonitorLink { get; }
        public SimDisplay Display { get; }
        public SimKeypad Keypad { get; }
        public SimAnnunciator Annunciator { get; }
        public SimNonVolatileStore Store { get; }
        public SimWatchdog Watchdog { get; }
        public SimRealTimeClock RealTimeClock { get; }

        /// <summary>STEP pulses emitted with the direction set to deliver (pressure-relief back-off excluded).</summary>
        public long ForwardPulses { get; private set; }

        /// <summary>Simulator time of the last forward pulse, or -1.</summary>
        public long LastForwardPulseUs { get; private set; } = -1;

        /// <summary>
        /// Moves simulator time to <paramref name="nowUs"/> and integrates the physical world over the interval:
        /// pulses due in it are emitted, the rotor turns (or not), the line pressure follows. Returns the
        /// pulses emitted.
        /// </summary>
        public long AdvanceTo(long nowUs)
        {
            Clock.AdvanceTo(nowUs);
            long dtUs = nowUs - _lastAdvanceUs;
            _lastAdvanceUs = nowUs;
            long pulses = StepGenerator.AdvanceTo(nowUs);
            if (MotorDriver.Direction == MotorDirection.Forward)
            {
                ForwardPulses += pulses;
                if (pulses > 0)
                {
                    LastForwardPulseUs = StepGenerator.LastPulseUs;
                }
            }
            bool overloaded = Line.PlungerForceMilliNewtons > Mechanism.Spec.StallForceMilliNewtons;
            Mechanism.Advance(pulses, dtUs, MotorDriver.IsEnabled, MotorDriver.Direction, overloaded);
            double displaced = Mechanism.DisplacedNanoLitres;
            Line.Advance(displaced - _lastDisplacedNl, dtUs);
            _lastDisplacedNl = displaced;
            return pulses;
        }
    }
}
