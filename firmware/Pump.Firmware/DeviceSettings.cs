using Pump.Hal.Esp32.Logic;

namespace Pump.Firmware
{
    /// <summary>
    /// Per-build and per-unit settings of the device. The calibration values are measured for each
    /// pump with hardware-docs/calibration.md and entered here before the unit's image is built;
    /// the unit's serial number and the calibration record go into the device history file.
    /// A unit built with the placeholder calibration fails its power-up self-test
    /// (<see cref="CalibrationEntered"/> is false), so an uncalibrated pump cannot infuse.
    /// </summary>
    public static class DeviceSettings
    {
        /// <summary>Set to true only after the values below were measured on this unit.</summary>
        public static readonly bool CalibrationEntered = false;

        /// <summary>Unit serial number the calibration below belongs to (shown at power-up).</summary>
        public const string UnitSerial = "UNCALIBRATED";

        // Load cell (NAU7802 raw counts), calibration.md §2.
        public const int ForceZeroCounts = 0;
        public const int ForceSpanCounts = 100000;
        public const int ForceSpanMilliNewtons = 49033;   // 5.000 kg reference mass × 9.80665 m/s²
        public const int ForceSaturationMarginCounts = 1000;

        // Plunger potentiometer (ESP32 ADC1 counts), calibration.md §3.
        public const int PotCountsAtZero = 300;
        public const int PotCountsAtSpan = 3700;
        public const int PotSpanMicrometres = 100000;
        public const int PotRailMarginCounts = 60;
        public const int PotOutOfSpanMicrometres = 3000;
        public const int AdcMaxCounts = 4095;

        // Driver: true for TMC2209 DIAG (high = error), false for DRV8825 nFAULT (low = fault).
        public static readonly bool DriverFaultActiveHigh = true;

        // Monitor link: must match hardware-docs/monitor-link.md.
        public const int MonitorBaud = 115200;

        // Non-volatile store on the littlefs config partition.
        public const string StorePath = "I:\\pump.bin";
        /// <summary>Exactly the persistence layout the core needs (80 KB of the 256 KB littlefs partition).</summary>
        public const int StoreCapacityBytes = Pump.Core.Persistence.StoreLayout.RequiredCapacityBytes;
        public const string WatchdogMarkerPath = "I:\\wdtest.bin";

        // I2C buses (nanoFramework bus ids) and addresses.
        public const int MainBus = 1;
        public const int ForceBus = 2;
        public const int DisplayAddress = 0x27;

        /// <summary>
        /// Service-mode jog only: microsteps per mm of pusher travel (200 steps × 1/16 ÷ 1 mm lead).
        /// Infusion never uses this; it uses the syringe table (hardware-docs/syringes.md).
        /// </summary>
        public const int ServiceJogMicrostepsPerMm = 3200;

        /// <summary>Service-mode jog speed in mm per second.</summary>
        public const int ServiceJogMmPerSecond = 1;

        /// <summary>Segments the step generator holds.</summary>
        public const int StepQueueSegments = 8;

        /// <summary>Switch samples older than this are not trusted (three control periods).</summary>
        public const long SwitchSampleMaxAgeUs = 150000;

        public static StepTiming StepTiming()
        {
            return Hal.Esp32.Logic.StepTiming.Default();
        }

        public static LoadCellScale ForceScale()
        {
            return new LoadCellScale(ForceZeroCounts, ForceSpanCounts, ForceSpanMilliNewtons, ForceSaturationMarginCounts);
        }

        public static PotentiometerScale PositionScale()
        {
            return new PotentiometerScale(PotCountsAtZero, PotCountsAtSpan, PotSpanMicrometres, AdcMaxCounts, PotRailMarginCounts, PotOutOfSpanMicrometres);
        }
    }
}
