using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Pump.Device.Tests.Build
{
    /// <summary>
    /// The .nfproj files list their sources explicitly and pin packages by HintPath, and dotnet cannot
    /// load them; these tests keep them in step with the folders CI compiles and with packages.config,
    /// so the device build the engineer runs matches what CI checked.
    /// </summary>
    public sealed class DeviceProjectFileTests
    {
        private static string Root => typeof(DeviceProjectFileTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;

        // Proves: DEV-016
        [Theory]
        [InlineData("firmware/Pump.Hal.Esp32", "Pump.Hal.Esp32.nfproj")]
        [InlineData("firmware/Pump.Firmware", "Pump.Firmware.nfproj")]
        public void Nfproj_CompileItems_MatchTheSourceFilesCiCompiles(string folder, string project)
        {
            string dir = Path.Combine(Root, folder);
            var onDisk = Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("bin/") && !f.StartsWith("obj/"))
                .OrderBy(f => f).ToArray();
            var listed = XDocument.Load(Path.Combine(dir, project)).Descendants()
                .Where(e => e.Name.LocalName == "Compile")
                .Select(e => e.Attribute("Include")!.Value.Replace('\\', '/'))
                .OrderBy(f => f).ToArray();
            Assert.Equal(onDisk, listed);
        }

        // Proves: DEV-016
        [Theory]
        [InlineData("firmware/Pump.Core.Nf", "Pump.Core.Nf.nfproj")]
        [InlineData("firmware/Pump.Core.Base.Nf", "Pump.Core.Base.Nf.nfproj")]
        [InlineData("firmware/Pump.Core.Service.Nf", "Pump.Core.Service.Nf.nfproj")]
        [InlineData("firmware/Pump.Hal.Esp32", "Pump.Hal.Esp32.nfproj")]
        [InlineData("firmware/Pump.Firmware", "Pump.Firmware.nfproj")]
        public void Nfproj_HintPaths_MatchPackagesConfigVersions(string folder, string project)
        {
            string dir = Path.Combine(Root, folder);
            var packages = XDocument.Load(Path.Combine(dir, "packages.config")).Descendants("package")
                .ToDictionary(p => p.Attribute("id")!.Value, p => p.Attribute("version")!.Value);
            var hints = XDocument.Load(Path.Combine(dir, project)).Descendants()
                .Where(e => e.Name.LocalName == "HintPath").Select(e => e.Value).ToArray();
            Assert.NotEmpty(hints);
            foreach (string hint in hints)
            {
                var match = Regex.Match(hint, @"packages\\(?<id>[A-Za-z0-9.]+?)\.(?<version>\d+\.\d+\.\d+)\\lib\\");
                Assert.True(match.Success, "unexpected HintPath " + hint);
                Assert.True(packages.TryGetValue(match.Groups["id"].Value, out string? version), hint + " not in packages.config");
                Assert.Equal(version, match.Groups["version"].Value);
            }

            Assert.Equal("1.17.11", packages["nanoFramework.CoreLibrary"]);
            Assert.DoesNotContain(packages.Values, v => v.Contains("preview"));
        }

        // Proves: DEV-016
        [Fact]
        public void DeviceProjects_ReferenceTheCoreAssemblies_InLayerOrder()
        {
            // The core is three device assemblies (firmware/Pump.Core/Pump.Core.projitems says why): each references
            // only those below it, never the reverse, and the firmware and its unit tests reference all three.
            string ProjectReferences(string nfproj) => string.Join(";", XDocument.Load(Path.Combine(Root, nfproj)).Descendants()
                .Where(e => e.Name.LocalName == "ProjectReference").Select(e => Path.GetFileName(e.Attribute("Include")!.Value.Replace('\\', '/'))));
            Assert.Equal("", ProjectReferences("firmware/Pump.Core.Base.Nf/Pump.Core.Base.Nf.nfproj"));
            Assert.Equal("Pump.Core.Base.Nf.nfproj", ProjectReferences("firmware/Pump.Core.Nf/Pump.Core.Nf.nfproj"));
            Assert.Equal("Pump.Core.Base.Nf.nfproj;Pump.Core.Nf.nfproj", ProjectReferences("firmware/Pump.Core.Service.Nf/Pump.Core.Service.Nf.nfproj"));
            foreach (string user in new[] { "firmware/Pump.Firmware/Pump.Firmware.nfproj", "tests/Pump.Core.NfTests/NFUnitTest.nfproj" })
            {
                string references = ProjectReferences(user);
                Assert.Contains("Pump.Core.Base.Nf.nfproj", references);
                Assert.Contains("Pump.Core.Nf.nfproj", references);
                Assert.Contains("Pump.Core.Service.Nf.nfproj", references);
            }
        }

        // Proves: DEV-016
        [Fact]
        public void PackagesConfig_AllDeviceProjects_PinTheSameVersions()
        {
            var sets = new[] { "firmware/Pump.Hal.Esp32", "firmware/Pump.Firmware" }
                .Select(f => XDocument.Load(Path.Combine(Root, f, "packages.config")).Descendants("package")
                    .Select(p => p.Attribute("id")!.Value + "@" + p.Attribute("version")!.Value).OrderBy(x => x).ToArray())
                .ToArray();
            Assert.Equal(sets[0], sets[1]);
        }
    }
}
