using System.Collections.Generic;
using System.IO;
using System.Linq;
using Pump.OnTarget.Tests.Toolchain;
using Xunit;
using Xunit.Abstractions;

namespace Pump.OnTarget.Tests.Facades
{
    /// <summary>
    /// The compile-only facades (firmware/Facades) stand in for nanoFramework's assemblies on machines without the
    /// toolchain. Each must declare exactly what the real assembly declares for the members it has: same assembly
    /// name, and every type, member signature and constant value present, identical, in the real one. A facade
    /// that drifted would let device code type-check against an API the device does not have.
    /// </summary>
    [Collection(NanoCollection.Name)]
    public sealed class FacadeFidelityTests
    {
        private static readonly string[] DeviceFacades =
        {
            "System.Device.Gpio", "nanoFramework.Hardware.Esp32", "nanoFramework.Hardware.Esp32.Rmt", "System.Device.I2c",
            "System.Device.Adc", "System.Device.Pwm", "System.IO.Ports", "System.IO.Streams", "System.IO.FileSystem",
        };

        private readonly NanoBuild _build;
        private readonly ITestOutputHelper _output;

        public FacadeFidelityTests(NanoBuild build, ITestOutputHelper output)
        {
            _build = build;
            _output = output;
        }

        // Proves: DEV-021
        [OnTargetFact]
        public void DeviceFacades_EveryDeclaration_MatchesTheRealAssembly()
        {
            var mismatches = new List<string>();
            foreach (string name in DeviceFacades)
            {
                mismatches.AddRange(Compare(Path.Combine(TestPaths.DeviceFacadeDirectory, name + ".dll"), name));
            }

            Assert.True(mismatches.Count == 0, "Facade declarations the real assemblies do not have:\n" + string.Join("\n", mismatches));
        }

        // Proves: DEV-021
        [OnTargetFact]
        public void TestFrameworkFacade_EveryDeclaration_MatchesTheRealAssembly()
        {
            var mismatches = Compare(Path.Combine(TestPaths.TestFrameworkFacadeDirectory, "nanoFramework.TestFramework.dll"), "nanoFramework.TestFramework");
            Assert.True(mismatches.Count == 0, "Facade declarations the real assembly does not have:\n" + string.Join("\n", mismatches));
        }

        private List<string> Compare(string facadePath, string name)
        {
            var facade = ApiSurface.Read(facadePath);
            var real = ApiSurface.Read(_build.Toolchain.Library(name, ".dll"));
            var mismatches = new List<string>();
            if (facade.Name != real.Name)
            {
                mismatches.Add(name + ": assembly name " + facade.Name + ", real " + real.Name);
            }

            foreach (string declaration in facade.Declarations.Where(d => !real.Declarations.Contains(d)))
            {
                // Name the real declaration of the same type or member, so the fix is obvious.
                string key = declaration.StartsWith("type ", System.StringComparison.Ordinal) ? declaration.Split(' ')[1] + " " : declaration.Split("::")[0].Split(' ').Last() + "::" + declaration.Split("::").Last().Split('(')[0].Split(' ')[0] + " ";
                var real_ = real.Declarations.Where(d => (d + " ").Contains(key, System.StringComparison.Ordinal)).Take(3);
                mismatches.Add(name + ": " + declaration + "\n    real: " + string.Join("\n          ", real_.DefaultIfEmpty("(none)")));
            }
            _output.WriteLine($"{name}: facade {facade.Declarations.Count} declarations (v{facade.Version}), real {real.Declarations.Count} (v{real.Version})");
            return mismatches;
        }
    }
}
