using Pump.Core.Configuration;
using Pump.Hal.Esp32.Logic;

namespace Pump.Firmware
{
    /// <summary>
    /// Per-build settings of the device, the same for every unit. What differs between units (serial, force and
    /// position calibration, mechanism, paired monitor, clinic settings) is in the configuration record in the
    /// store (Pump.Core.Configuration, hardware-docs/commissioning.md), written in service mode; a unit without a
    /// usable calibration fails its self-test with "NOT CALIBRATED" and the controller refuses to prime or start.
    /// </summary>
    public static class DeviceSettings
    {
        /// <summary>Reported on the service link (get-info).</summary>
        public const string FirmwareVersion = "1.0.0";

        /// <summary>Source commit of the image; the release build replaces it (flashing.md).</summary>
        public const string SourceCommit = "unreleased";

        // Converter limits (not calibration): calibration.md §2, §3.
        public const int ForceSaturationMarginCounts = 1000;
        public const int PotRailMarginCounts = 60;
        public const int PotOutOfSpanMicrometres = 3000;
        public const int AdcMaxCounts = 4095;

        // Driver: true for TMC2209 DIAG (high = error), false for DRV8825 nFAULT (low = fault).
        public static readonly bool DriverFaultActiveHigh = true;

        // Monitor link: must match hardware-docs/monitor-link.md.
        public const int MonitorBaud = 115200;

        // Service port: must match hardware-docs/service-link.md.
        public const int ServiceBaud = 115200;

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

        /// <summary>The load-cell scale from a calibrated configuration; an unusable scale (every reading refused) otherwise.</summary>
        public static LoadCellScale ForceScale(DeviceConfiguration config, bool calibrated)
        {
            return calibrated
                ? new LoadCellScale(config.ForceZeroCounts, config.ForceSpanCounts, config.ForceSpanMilliNewtons, ForceSaturationMarginCounts)
                : new LoadCellScale(0, 0, 0, ForceSaturationMarginCounts);
        }

        /// <summary>The potentiometer scale from a calibrated configuration; an unusable scale otherwise.</summary>
        public static PotentiometerScale PositionScale(DeviceConfiguration config, bool calibrated)
        {
            return calibrated
                ? new PotentiometerScale(config.PositionZeroCounts, config.PositionSpanCounts, config.PositionSpanMicrometres, AdcMaxCounts, PotRailMarginCounts, PotOutOfSpanMicrometres)
                : new PotentiometerScale(0, 0, 0, AdcMaxCounts, PotRailMarginCounts, PotOutOfSpanMicrometres);
        }
    }
}
