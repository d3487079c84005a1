namespace Pump.Hal
{
    /// <summary>
    /// Every capability of one pump, as the composition root hands them to the core
    /// (like ArduPilot's AP_HAL::HAL). The ESP32 entry point and the simulator each build one.
    /// </summary>
    public sealed class PumpHardware
    {
        public PumpHardware(
            IMonotonicClock clock,
            IStepGenerator stepGenerator,
            IStepCounter stepCounter,
            IMotorDriver motorDriver,
            IForceSensor forceSensor,
            IPlungerPositionSensor plungerPosition,
            ISyringeClamp syringeClamp,
            IMonitorLink monitorLink,
            IDisplay display,
            IKeypad keypad,
            IAnnunciator annunciator,
            INonVolatileStore store,
            IWatchdog watchdog,
            IRealTimeClock realTimeClock)
        {
            Clock = clock;
            StepGenerator = stepGenerator;
            StepCounter = stepCounter;
            MotorDriver = motorDriver;
            ForceSensor = forceSensor;
            PlungerPosition = plungerPosition;
            SyringeClamp = syringeClamp;
            MonitorLink = monitorLink;
            Display = display;
            Keypad = keypad;
            Annunciator = annunciator;
            Store = store;
            Watchdog = watchdog;
            RealTimeClock = realTimeClock;
        }

        public IMonotonicClock Clock { get; }
        public IStepGenerator StepGenerator { get; }
        public IStepCounter StepCounter { get; }
        public IMotorDriver MotorDriver { get; }
        public IForceSensor ForceSensor { get; }
        public IPlungerPositionSensor PlungerPosition { get; }
        public ISyringeClamp SyringeClamp { get; }
        public IMonitorLink MonitorLink { get; }
        public IDisplay Display { get; }
        public IKeypad Keypad { get; }
        public IAnnunciator Annunciator { get; }
        public INonVolatileStore Store { get; }
        public IWatchdog Watchdog { get; }
        public IRealTimeClock RealTimeClock { get; }
    }
}
