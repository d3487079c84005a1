using System.Device.Gpio;
using Pump.Core.Configuration;
using Pump.Hal;
using Pump.Hal.Esp32;
using Pump.Hal.Esp32.Logic;
using Pump.Hal.Esp32.Peripherals;
using nanoFramework.Hardware.Esp32;

namespace Pump.Firmware
{
    /// <summary>
    /// Every peripheral of the pump, built once at power-up, plus the per-tick services the HAL
    /// needs around the core's tick (poll the expander before, load RMT bursts and lamps after).
    /// The motor stays disabled and the STEP gate shut from the first line on.
    /// </summary>
    public sealed class DeviceBoard
    {
        public DeviceBoard()
        {
            Gpio = new GpioController();
            Clock = new Esp32MonotonicClock();

            // The driver first: its constructor drives ENABLE low before anything else can fail.
            MotorDriver = new GpioMotorDriver(Gpio, DeviceSettings.DriverFaultActiveHigh);
            StepGenerator = new RmtStepGenerator(Gpio, Clock, DeviceSettings.StepTiming(), DeviceSettings.StepQueueSegments);

            // Longest plausible gap between two counter reads: 2 s at the 5 kHz maximum.
            StepCounter = new PulseCounterStepCounter(10000);

            Configuration.SetPinFunction(Esp32Pins.I2c1Data, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(Esp32Pins.I2c1Clock, DeviceFunction.I2C1_CLOCK);
            Configuration.SetPinFunction(Esp32Pins.I2c2Data, DeviceFunction.I2C2_DATA);
            Configuration.SetPinFunction(Esp32Pins.I2c2Clock, DeviceFunction.I2C2_CLOCK);

            Expander = new Mcp23017Expander(DeviceSettings.MainBus);
            Keypad = new ExpanderKeypad(Expander);
            Clamp = new ExpanderSyringeClamp(Expander, Clock, DeviceSettings.SwitchSampleMaxAgeUs);
            Display = new Lcd2004Display(DeviceSettings.MainBus, DeviceSettings.DisplayAddress);
            RealTimeClock = new Ds3231RealTimeClock(DeviceSettings.MainBus);
            Annunciator = new AlarmAnnunciator(Expander, Clock);
            Store = new LittleFsStore(DeviceSettings.StorePath, DeviceSettings.StoreCapacityBytes);
            WatchdogMarker = new LittleFsStore(DeviceSettings.WatchdogMarkerPath, WatchdogTestMarker.Length);

            // The unit's own calibration comes from its store (CFG-001..CFG-003), never from the image.
            ConfigurationProblem = new ConfigurationStore(Store).TryLoad(UnitConfiguration);
            if (ConfigurationProblem == ConfigProblem.None)
            {
                ConfigurationProblem = ConfigurationChecks.CheckReadyToInfuse(UnitConfiguration);
            }

            bool calibrated = ConfigurationProblem == ConfigProblem.None;
            ForceSensor = new Nau7802ForceSensor(DeviceSettings.ForceBus, Clock, DeviceSettings.ForceScale(UnitConfiguration, calibrated));
            PlungerPosition = new AdcPlungerPosition(DeviceSettings.PositionScale(UnitConfiguration, calibrated));
            RawSensors = new DeviceRawSensors(ForceSensor, PlungerPosition);
            MonitorLink = new SerialMonitorLink(DeviceSettings.MonitorBaud);
        }

        public GpioController Gpio { get; }
        public Esp32MonotonicClock Clock { get; }
        public GpioMotorDriver MotorDriver { get; }
        public RmtStepGenerator StepGenerator { get; }
        public PulseCounterStepCounter StepCounter { get; }
        public Mcp23017Expander Expander { get; }
        public ExpanderKeypad Keypad { get; }
        public ExpanderSyringeClamp Clamp { get; }
        public Lcd2004Display Display { get; }
        public Ds3231RealTimeClock RealTimeClock { get; }
        public AlarmAnnunciator Annunciator { get; }
        public Nau7802ForceSensor ForceSensor { get; }
        public AdcPlungerPosition PlungerPosition { get; }
        public SerialMonitorLink MonitorLink { get; }
        public LittleFsStore Store { get; }
        public LittleFsStore WatchdogMarker { get; }
        public DeviceRawSensors RawSensors { get; }

        /// <summary>The configuration read from the store at power-up (defaults when <see cref="ConfigurationProblem"/> is not None).</summary>
        public DeviceConfiguration UnitConfiguration { get; } = new DeviceConfiguration();

        /// <summary>Why the stored configuration cannot let the unit infuse (ConfigProblem.None when it can).</summary>
        public int ConfigurationProblem { get; }

        /// <summary>Created by the self-test once the watchdog test has decided.</summary>
        public Tps3823Watchdog? Watchdog { get; private set; }

        public Tps3823Watchdog ArmWatchdog(bool lastResetWasWatchdog)
        {
            Watchdog = new Tps3823Watchdog(Gpio, lastResetWasWatchdog);
            return Watchdog;
        }

        /// <summary>Everything the core may touch, once the watchdog is armed.</summary>
        public PumpHardware ToHardware(Tps3823Watchdog watchdog)
        {
            return new PumpHardware(Clock, StepGenerator, StepCounter, MotorDriver, ForceSensor, PlungerPosition,
                Clamp, MonitorLink, Display, Keypad, Annunciator, Store, watchdog, RealTimeClock);
        }

        /// <summary>Before the core's tick: sample the expander (keys, switches) and debounce keys.</summary>
        public void BeforeTick()
        {
            Expander.Poll(Clock.NowUs);
            Keypad.Service();
        }

        /// <summary>After the core's tick: load RMT bursts, start buzzer pulses, write lamps.</summary>
        public void AfterTick()
        {
            StepGenerator.Service();
            Annunciator.Service();
            Expander.FlushOutputs();
        }

        /// <summary>Hardware-first stop: STEP gate shut, driver disabled. Cannot throw.</summary>
        public void StopMotor()
        {
            try
            {
                StepGenerator.StopNow();
            }
            catch (System.Exception)
            {
                // The driver disable below still removes motor power.
            }

            try
            {
                MotorDriver.Disable();
            }
            catch (System.Exception)
            {
                // Nothing left to try from software; the watchdog gate remains.
            }
        }
    }
}
