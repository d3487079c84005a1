using System;
using System.Linq;
using Pump.OnTarget.Tests.Toolchain;
using Xunit;
using Xunit.Abstractions;

namespace Pump.OnTarget.Tests.Conversion
{
    /// <summary>
    /// The core, the ESP32 HAL and the firmware compile against nanoFramework's real class libraries and convert
    /// with the real metadata processor: a .pe exists and neither tool reports a failure (their exit status proves
    /// nothing). Sizes are reported against the ESP32's deployment area.
    /// </summary>
    [Collection(NanoCollection.Name)]
    public sealed class ConversionTests
    {
        /// <summary>The deployment partition of the nanoFramework ESP32 image (1,856 KB).</summary>
        public const long DeployAreaBytes = 1856L * 1024L;

        private readonly NanoBuild _build;
        private readonly ITestOutputHelper _output;

        public ConversionTests(NanoBuild build, ITestOutputHelper output)
        {
            _build = build;
            _output = output;
        }

        // Proves: NFR-001
        [OnTargetFact]
        public void Core_RealMetadataProcessor_ConvertsCleanly() => AssertConverted(_build.Core);

        // Proves: NFR-001
        [OnTargetFact]
        public void HalEsp32_RealLibrariesAndMetadataProcessor_ConvertsCleanly() => AssertConverted(_build.HalEsp32);

        // Proves: NFR-001
        [OnTargetFact]
        public void Firmware_RealLibrariesAndMetadataProcessor_ConvertsCleanly() => AssertConverted(_build.Firmware);

        // Proves: NFR-001
        [OnTargetFact]
        public void FirmwareImage_EveryPe_FitsTheDeployArea()
        {
            var files = _build.Firmware.LoadOrder;   // nanoFramework deploys every assembly, mscorlib included
            long total = 0;
            foreach (string pe in files)
            {
                long bytes = new System.IO.FileInfo(pe).Length;
                total += bytes;
                _output.WriteLine($"{System.IO.Path.GetFileName(pe),-40} {bytes,9:N0} bytes");
            }

            _output.WriteLine($"{"total",-40} {total,9:N0} bytes of {DeployAreaBytes:N0} ({100.0 * total / DeployAreaBytes:F1} %)");
            Assert.InRange(total, 1, DeployAreaBytes);
        }

        private void AssertConverted(NanoAssembly assembly)
        {
            Assert.True(assembly.PeBytes > 0, assembly.Name + ".pe was not written:\n" + assembly.ConverterOutput);
            var failures = assembly.ConverterOutput.Split('\n')
                .Where(l => l.Contains("Unable to", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal) || l.Contains("error", StringComparison.OrdinalIgnoreCase))
                .ToList();
            Assert.True(failures.Count == 0, "The metadata processor reported:\n" + string.Join("\n", failures));
            Assert.DoesNotContain("error CS", assembly.CompilerOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("warning CS", assembly.CompilerOutput, StringComparison.Ordinal);
            _output.WriteLine($"{assembly.Name}.pe: {assembly.PeBytes:N0} bytes ({100.0 * assembly.PeBytes / DeployAreaBytes:F2} % of the {DeployAreaBytes:N0}-byte deploy area)");
        }
    }
}
