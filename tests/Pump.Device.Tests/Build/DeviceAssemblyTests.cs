using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Pump.Core.Tests.Build;
using Xunit;

namespace Pump.Device.Tests.Build
{
    /// <summary>
    /// DESIGN.md D11: the device code (ESP32 HAL + entry point + core), type-checked against
    /// nanoFramework's mscorlib and the compile-only facades, must hold no generics and reference
    /// only mscorlib and the facade assemblies.
    /// </summary>
    public sealed class DeviceAssemblyTests
    {
        private static readonly string[] AllowedReferences =
        {
            "mscorlib",
            "System.Device.Gpio",
            "System.Device.Pwm",
            "nanoFramework.Hardware.Esp32",
            "nanoFramework.Hardware.Esp32.Rmt",
            "System.Device.I2c",
            "System.Device.Adc",
            "System.IO.Ports",
            "System.IO.Streams",
            "System.IO.FileSystem",
        };

        internal static string DeviceCheckAssembly
        {
            get
            {
                return typeof(DeviceAssemblyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .Single(a => a.Key == "DeviceCheckAssembly").Value!;
            }
        }

        // Proves: DEV-016
        [Fact]
        public void DeviceAssembly_Built_ContainsNoGenericTypeMethodOrInstantiation()
        {
            var findings = NanoCoreInspector.Inspect(DeviceCheckAssembly);
            Assert.True(findings.Generics.Count == 0, "Generics in the device build:\n" + string.Join("\n", findings.Generics));
        }

        internal static string NfTestsCheckAssembly
        {
            get
            {
                return typeof(DeviceAssemblyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .Single(a => a.Key == "NfTestsCheckAssembly").Value!;
            }
        }

        // Proves: DEV-016
        [Fact]
        public void OnTargetTests_Built_ContainNoGenericsAndReferenceOnlyMscorlibAndTestFramework()
        {
            var findings = NanoCoreInspector.Inspect(NfTestsCheckAssembly);
            Assert.True(findings.Generics.Count == 0, "Generics in the on-target tests:\n" + string.Join("\n", findings.Generics));
            Assert.Equal(new[] { "mscorlib", "nanoFramework.TestFramework" }, findings.AssemblyReferences.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        // Proves: DEV-016
        [Fact]
        public void DeviceAssembly_Built_ReferencesOnlyMscorlibAndFacades()
        {
            var findings = NanoCoreInspector.Inspect(DeviceCheckAssembly);
            Assert.All(findings.AssemblyReferences, name => Assert.Contains(name, AllowedReferences));
            Assert.Contains("mscorlib", findings.AssemblyReferences);
        }

        // Proves: DEV-016
        [Fact]
        public void DeviceAssembly_Built_ContainsEveryHalPortAndTheEntryPoint()
        {
            using var stream = File.OpenRead(DeviceCheckAssembly);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            var names = md.TypeDefinitions.Select(h => md.GetTypeDefinition(h)).Select(t => md.GetString(t.Namespace) + "." + md.GetString(t.Name)).ToList();
            string[] expected =
            {
                "Pump.Firmware.Program",
                "Pump.Hal.Esp32.Peripherals.Esp32MonotonicClock",
                "Pump.Hal.Esp32.Peripherals.RmtStepGenerator",
                "Pump.Hal.Esp32.Peripherals.PulseCounterStepCounter",
                "Pump.Hal.Esp32.Peripherals.GpioMotorDriver",
                "Pump.Hal.Esp32.Peripherals.Nau7802ForceSensor",
                "Pump.Hal.Esp32.Peripherals.AdcPlungerPosition",
                "Pump.Hal.Esp32.Peripherals.ExpanderSyringeClamp",
                "Pump.Hal.Esp32.Peripherals.SerialMonitorLink",
                "Pump.Hal.Esp32.Peripherals.Lcd2004Display",
                "Pump.Hal.Esp32.Peripherals.ExpanderKeypad",
                "Pump.Hal.Esp32.Peripherals.AlarmAnnunciator",
                "Pump.Hal.Esp32.Peripherals.LittleFsStore",
                "Pump.Hal.Esp32.Peripherals.Tps3823Watchdog",
                "Pump.Hal.Esp32.Peripherals.Ds3231RealTimeClock",
                "Pump.Core.Control.PumpController",
            };
            Assert.All(expected, name => Assert.Contains(name, names));
        }

        // Proves: DEV-016
        [Fact]
        public void FacadeAssemblies_Built_AreMarkedNeverDeployed()
        {
            string directory = Path.GetDirectoryName(DeviceCheckAssembly)!;
            foreach (string facade in AllowedReferences.Where(n => n != "mscorlib"))
            {
                string path = Path.Combine(directory, facade + ".dll");
                Assert.True(File.Exists(path), "missing facade " + path);
                using var stream = File.OpenRead(path);
                using var pe = new PEReader(stream);
                var md = pe.GetMetadataReader();
                bool marked = md.GetAssemblyDefinition().GetCustomAttributes()
                    .Select(h => md.GetCustomAttribute(h))
                    .Any(a => md.GetBlobReader(a.Value).ReadBytes(md.GetBlobReader(a.Value).Length) is var bytes
                              && System.Text.Encoding.UTF8.GetString(bytes).Contains("NEVER DEPLOYED", StringComparison.Ordinal));
                Assert.True(marked, facade + " is not marked NEVER DEPLOYED");
                Assert.Equal(new Version(0, 0, 0, 0), md.GetAssemblyDefinition().Version);
            }
        }
    }
}
