using System;
using System.IO;
using System.Linq;
using Pump.OnTarget.Tests.Conversion;
using Pump.OnTarget.Tests.Toolchain;
using Xunit;
using Xunit.Abstractions;

namespace Pump.OnTarget.Tests.Image
{
    /// <summary>
    /// The deployable image (Pump.Firmware.bin) built as nanoFramework's deploy builds it, from the converted
    /// assemblies; with PUMP_FIRMWARE_OUT set (.ci/run sets it) the image, every .pe and their SHA-256 are written
    /// there as the build's artefacts. What only a board can verify: hardware-docs/flashing.md.
    /// </summary>
    [Collection(NanoCollection.Name)]
    public sealed class DeploymentImageTests
    {
        public const string OutputVariable = "PUMP_FIRMWARE_OUT";
        public const string ImageName = "Pump.Firmware.bin";

        private readonly NanoBuild _build;
        private readonly ITestOutputHelper _output;

        public DeploymentImageTests(NanoBuild build, ITestOutputHelper output)
        {
            _build = build;
            _output = output;
        }

        // Proves: NFR-007
        [OnTargetFact]
        public void DeploymentImage_EveryAssemblyPaddedToWordBoundary_FitsTheDeployArea()
        {
            var peFiles = _build.Firmware.LoadOrder;
            foreach (var assembly in _build.DeviceAssemblies)
            {
                Assert.Contains(assembly.PePath, peFiles);   // the three core assemblies among them
            }

            var order = peFiles.ToList();
            Assert.True(order.IndexOf(_build.CoreBase.PePath) < order.IndexOf(_build.Core.PePath) && order.IndexOf(_build.Core.PePath) < order.IndexOf(_build.CoreService.PePath),
                "the core's assemblies must load as Pump.Core.Base, Pump.Core, Pump.Core.Service");
            var image = DeploymentImage.Build(peFiles);

            Assert.Equal(peFiles.Count, image.Parts.Count);
            int expectedOffset = 0;
            foreach (var part in image.Parts)
            {
                Assert.Equal(expectedOffset, part.Offset);
                Assert.Equal(0, part.Offset % 4);
                Assert.True(image.Bytes.AsSpan(part.Offset, DeploymentImage.AssemblyMarker.Length).SequenceEqual(DeploymentImage.AssemblyMarker),
                    part.Name + " does not start with the assembly marker at offset " + part.Offset);
                Assert.True(image.Bytes.AsSpan(part.Offset, part.Length).SequenceEqual(File.ReadAllBytes(peFiles.Single(p => Path.GetFileNameWithoutExtension(p) == part.Name))));
                Assert.True(image.Bytes.AsSpan(part.Offset + part.Length, (4 - part.Length % 4) % 4).IndexOfAnyExcept((byte)0) < 0, "padding must be zeros");
                expectedOffset = part.Offset + ((part.Length + 3) / 4 * 4);
                _output.WriteLine($"{part.Name,-36} offset {part.Offset,9:N0}  {part.Length,9:N0} bytes");
            }

            Assert.Equal(expectedOffset, image.Bytes.Length);
            Assert.InRange(image.Bytes.Length, 1, ConversionTests.DeployAreaBytes);
            _output.WriteLine($"{ImageName}: {image.Bytes.Length:N0} bytes ({100.0 * image.Bytes.Length / ConversionTests.DeployAreaBytes:F1} % of the deploy area), SHA-256 {image.Sha256}");

            string? folder = Environment.GetEnvironmentVariable(OutputVariable);
            if (!string.IsNullOrEmpty(folder))
            {
                string full = Path.GetFullPath(folder, TestPaths.RepositoryRoot);
                image.WriteTo(full, ImageName, peFiles);
                Assert.True(File.Exists(Path.Combine(full, "SHA256SUMS")));
                _output.WriteLine("written to " + full);
            }
        }
    }
}
