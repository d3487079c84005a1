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

        /// <summary>
        /// The share of <see cref="PeLayout.ByteCodeLimit"/> (65,535 bytes, the metadata processor's hard limit per
        /// assembly) an assembly may use before this suite fails: 90 %, so that a split is planned while there is
        /// still room for the next feature, not forced by a build that no longer converts (hardware-docs/on-target.md).
        /// </summary>
        public const int ByteCodeMarginPercent = 90;

        public const int ByteCodeMarginBytes = PeLayout.ByteCodeLimit * ByteCodeMarginPercent / 100;

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
        public void CoreBase_RealMetadataProcessor_ConvertsCleanly() => AssertConverted(_build.CoreBase);

        // Proves: NFR-001
        [OnTargetFact]
        public void CoreService_RealMetadataProcessor_ConvertsCleanly() => AssertConverted(_build.CoreService);

        // Proves: NFR-001
        [OnTargetFact]
        public void EveryDeviceAssembly_ByteCode_WithinMarginOfTheLimit()
        {
            var over = new System.Collections.Generic.List<string>();
            foreach (var assembly in _build.DeviceAssemblies)
            {
                if (assembly.PeBytes == 0)
                {
                    over.Add(assembly.Name + " did not convert" + (assembly.ConverterOutput.Contains("Byte code table overflow", StringComparison.Ordinal)
                        ? $": its byte code is over the {PeLayout.ByteCodeLimit:N0}-byte limit of one nanoFramework assembly (method RVAs are 16-bit)"
                        : ":\n" + assembly.ConverterOutput));
                    continue;
                }

                int bytes = assembly.ByteCodeBytes;
                _output.WriteLine($"{assembly.Name,-20} byte code {bytes,7:N0} B = {100.0 * bytes / PeLayout.ByteCodeLimit,5:F1} % of {PeLayout.ByteCodeLimit:N0} (margin {ByteCodeMarginBytes:N0}, room {ByteCodeMarginBytes - bytes:N0} B)");
                if (bytes > ByteCodeMarginBytes)
                {
                    over.Add($"{assembly.Name} has {bytes:N0} bytes of byte code, over the {ByteCodeMarginPercent} % margin ({ByteCodeMarginBytes:N0} B) of the "
                        + $"{PeLayout.ByteCodeLimit:N0}-byte limit of one nanoFramework assembly (method RVAs are 16-bit; above it the metadata processor "
                        + "refuses the assembly): move an upper layer into another assembly (hardware-docs/on-target.md, \"Byte code per assembly\")");
                }
            }

            Assert.True(over.Count == 0, string.Join("\n", over));
        }

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
            _output.WriteLine($"{assembly.Name}.pe: {assembly.PeBytes:N0} bytes ({100.0 * assembly.PeBytes / DeployAreaBytes:F2} % of the {DeployAreaBytes:N0}-byte deploy area), "
                + $"byte code {assembly.ByteCodeBytes:N0} B ({100.0 * assembly.ByteCodeBytes / PeLayout.ByteCodeLimit:F1} % of {PeLayout.ByteCodeLimit:N0})");
        }
    }
}
