using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Pump.OnTarget.Tests.Toolchain
{
    /// <summary>
    /// Compiles and converts the firmware's assemblies once per test run (shared by every on-target test through
    /// <see cref="NanoCollection"/>): the core from its three shared source sets as the device has it, Pump.Core.Base,
    /// Pump.Core and Pump.Core.Service, each on those before it (one assembly's byte code must fit in 65,535 bytes), the ESP32 HAL, the firmware and the
    /// NFUnitTest project from the files and references their .nfproj lists, against the toolchain's real
    /// libraries. Each is built on first use; a failed build throws with the tool's output.
    /// </summary>
    public sealed class NanoBuild : IDisposable
    {
        /// <summary>The class libraries in dependency order (each only needs those before it).</summary>
        public static readonly string[] LibraryLoadOrder =
        {
            "nanoFramework.Runtime.Native", "nanoFramework.Runtime.Events", "nanoFramework.System.Text", "System.IO.Streams",
            "System.Device.Gpio", "System.Device.Pwm", "System.Device.I2c", "System.Device.Adc", "nanoFramework.Hardware.Esp32",
            "nanoFramework.Hardware.Esp32.Rmt", "System.IO.Ports", "System.IO.FileSystem", "nanoFramework.TestFramework",
            "nanoFramework.UnitTestLauncher",
        };

        private static readonly TimeSpan ToolLimit = TimeSpan.FromMinutes(2);
        private readonly object _gate = new();
        private readonly Dictionary<string, NanoAssembly> _built = new();
        private NanoToolchain? _toolchain;
        private string? _directory;

        internal NanoToolchain Toolchain => _toolchain ??= NanoToolchain.Require();

        private string Directory
        {
            get
            {
                if (_directory == null)
                {
                    _directory = Path.Combine(Path.GetTempPath(), "pump-ontarget-" + Guid.NewGuid().ToString("N"));
                    System.IO.Directory.CreateDirectory(_directory);
                }

                return _directory;
            }
        }

        /// <summary>The core's upper layer (firmware/Pump.Core.Service/Pump.Core.Service.projitems): these folders of
        /// firmware/Pump.Core but for <see cref="StayInCore"/>. Keep in step with both .projitems files.</summary>
        internal static readonly string[] UpperLayerFolders = { "Service/", "Configuration/" };

        /// <summary>The core's lowest layer (firmware/Pump.Core.Base/Pump.Core.Base.projitems): these folders of firmware/Pump.Core.</summary>
        internal static readonly string[] LowestLayerFolders = { "Common/", "Units/", "Library/" };

        /// <summary>Files of <see cref="UpperLayerFolders"/> that Pump.Core.projitems keeps in Pump.Core.</summary>
        internal static readonly string[] StayInCore = { "Configuration/ConfigProblem.cs", "Configuration/LinkKeyProblem.cs" };

        /// <summary>Pump.Core.Base: firmware/Pump.Core.Base/Pump.Core.Base.projitems (firmware/Pump.Core.Base.Nf).</summary>
        internal NanoAssembly CoreBase => Build("Pump.Core.Base", () => Compile(
            "Pump.Core.Base", "library", null, CoreSources(CoreLayer.Lowest), Array.Empty<NanoAssembly>(), Array.Empty<string>()));

        /// <summary>Pump.Core: firmware/Pump.Core/Pump.Core.projitems (firmware/Pump.Core.Nf), on Pump.Core.Base.</summary>
        internal NanoAssembly Core => Build("Pump.Core", () => Compile(
            "Pump.Core", "library", null, CoreSources(CoreLayer.Middle), new[] { CoreBase }, Array.Empty<string>()));

        /// <summary>Pump.Core.Service: firmware/Pump.Core.Service/Pump.Core.Service.projitems (firmware/Pump.Core.Service.Nf), on both.</summary>
        internal NanoAssembly CoreService => Build("Pump.Core.Service", () => Compile(
            "Pump.Core.Service", "library", null, CoreSources(CoreLayer.Upper), new[] { CoreBase, Core }, Array.Empty<string>()));

        /// <summary>Every assembly the project converts for the device, in load order.</summary>
        internal IReadOnlyList<NanoAssembly> DeviceAssemblies => new[] { CoreBase, Core, CoreService, HalEsp32, Firmware };

        internal NanoAssembly HalEsp32 => Build("Pump.Hal.Esp32", () => CompileProject("Pump.Hal.Esp32", "firmware/Pump.Hal.Esp32/Pump.Hal.Esp32.nfproj", "library", null, Core));

        internal NanoAssembly Firmware => Build("Pump.Firmware", () => CompileProject("Pump.Firmware", "firmware/Pump.Firmware/Pump.Firmware.nfproj", "exe", null, CoreBase, Core, CoreService, HalEsp32));

        /// <summary>The firmware built with DEBUG, so its diagnostic lines reach nanoCLR's console.</summary>
        internal NanoAssembly FirmwareDebug => Build("Pump.Firmware.Debug", () => CompileProject("debug/Pump.Firmware", "firmware/Pump.Firmware/Pump.Firmware.nfproj", "exe", "DEBUG", CoreBase, Core, CoreService, HalEsp32));

        internal NanoAssembly UnitTests => Build("NFUnitTest", () => CompileProject("NFUnitTest", "tests/Pump.Core.NfTests/NFUnitTest.nfproj", "library", null, CoreBase, Core, CoreService));

        internal NanoAssembly Scenarios => Build("Scenarios", () => Compile(
            "Scenarios", "exe", "DEBUG", ScenarioSources("Scenarios/NanoEntry/ScenarioProgram.cs"), new[] { CoreBase, Core }, Array.Empty<string>()));

        /// <summary>The heap probe (Probes/HeapProbe.cs) on the scenarios' bench hardware.</summary>
        internal NanoAssembly HeapProbe => Build("HeapProbe", () => Compile(
            "HeapProbe", "exe", "DEBUG", ScenarioSources("Probes/HeapProbe.cs"), new[] { CoreBase, Core }, new[] { "nanoFramework.Runtime.Native" }));

        /// <summary>The tick probe (Probes/TickProbe.cs): every tick of a whole infusion, timed.</summary>
        internal NanoAssembly TickProbe => Build("TickProbe", () => Compile(
            "TickProbe", "exe", "DEBUG", ScenarioSources("Probes/TickProbe.cs"), new[] { CoreBase, Core }, Array.Empty<string>()));

        public void Dispose()
        {
            if (_directory != null && System.IO.Directory.Exists(_directory))
            {
                System.IO.Directory.Delete(_directory, recursive: true);
            }
        }

        /// <summary>Runs .pe files on nanoCLR (NANOCLR=32 picks the 32-bit build, whose heap blocks match the ESP32's).</summary>
        internal ToolRun Run(IEnumerable<string> peFiles, TimeSpan limit, bool thirtyTwoBit = false, string? stopAfterLinePrefix = null)
        {
            var environment = thirtyTwoBit ? new Dictionary<string, string> { ["NANOCLR"] = "32" } : null;
            return ToolRun.Start(Toolchain.Runtime, peFiles, limit, environment, stopAfterLinePrefix);
        }

        /// <summary>The nano-compatible scenario sources (Scenarios/*.cs) and one entry point.</summary>
        private static IEnumerable<string> ScenarioSources(string entryPoint) => System.IO.Directory
            .GetFiles(TestPaths.InRepository("tests/Pump.OnTarget.Tests/Scenarios"), "*.cs", SearchOption.TopDirectoryOnly)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Append(TestPaths.InRepository("tests/Pump.OnTarget.Tests/" + entryPoint));

        internal enum CoreLayer
        {
            Lowest,
            Middle,
            Upper,
        }

        /// <summary>The sources of one of the core's three device assemblies.</summary>
        private static IEnumerable<string> CoreSources(CoreLayer layer)
        {
            string root = TestPaths.InRepository("firmware/Pump.Core");
            return System.IO.Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                .Where(f => LayerOf(Path.GetRelativePath(root, f).Replace('\\', '/')) == layer)
                .OrderBy(f => f, StringComparer.Ordinal);
        }

        private static CoreLayer LayerOf(string relative) =>
            LowestLayerFolders.Any(folder => relative.StartsWith(folder, StringComparison.Ordinal)) ? CoreLayer.Lowest
            : UpperLayerFolders.Any(folder => relative.StartsWith(folder, StringComparison.Ordinal)) && !StayInCore.Contains(relative) ? CoreLayer.Upper
            : CoreLayer.Middle;

        private NanoAssembly Build(string key, Func<NanoAssembly> build)
        {
            lock (_gate)
            {
                if (!_built.TryGetValue(key, out var assembly))
                {
                    assembly = build();
                    _built[key] = assembly;
                }

                return assembly;
            }
        }

        /// <summary>Compiles the files and class-library references an .nfproj lists (mscorlib comes with the compiler).</summary>
        private NanoAssembly CompileProject(string outputName, string nfproj, string target, string? define, params NanoAssembly[] projects)
        {
            string path = TestPaths.InRepository(nfproj);
            string folder = Path.GetDirectoryName(path)!;
            var xml = XDocument.Load(path);
            var sources = xml.Descendants().Where(e => e.Name.LocalName == "Compile")
                .Select(e => Path.GetFullPath(Path.Combine(folder, e.Attribute("Include")!.Value.Replace('\\', '/'))));
            var libraries = xml.Descendants().Where(e => e.Name.LocalName == "Reference")
                .Select(e => e.Attribute("Include")!.Value)
                .Where(name => name != "mscorlib");
            return Compile(outputName, target, define, sources, projects, libraries);
        }

        private NanoAssembly Compile(string outputName, string target, string? define, IEnumerable<string> sources, IReadOnlyList<NanoAssembly> projects, IEnumerable<string> libraries)
        {
            string dll = Path.Combine(Directory, outputName + ".dll");
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
            var libraryDlls = libraries.Select(name => Toolchain.Library(name, ".dll")).ToList();
            foreach (string library in libraryDlls.Where(l => !File.Exists(l)))
            {
                throw new InvalidOperationException("The toolchain has no " + library + " (referenced by " + outputName + ")");
            }

            var references = projects.Select(p => p.DllPath).Concat(libraryDlls).ToList();
            var arguments = new List<string> { "-target:" + target, "-out:" + dll, "-nowarn:CS8632" };
            if (define != null)
            {
                arguments.Add("-define:" + define);
            }

            arguments.AddRange(references.Select(r => "-r:" + r));
            arguments.AddRange(sources);
            var compiled = ToolRun.Start(Toolchain.Compiler, arguments, ToolLimit);
            if (compiled.ExitCode != 0 || !File.Exists(dll))
            {
                throw new InvalidOperationException("nfcsc failed for " + outputName + ":\n" + compiled.Output);
            }

            // Every referenced assembly but mscorlib is a load hint for the converter.
            var converted = ToolRun.Start(Toolchain.MetadataProcessor, new[] { dll }.Concat(references), ToolLimit);
            var loadOrder = new List<string> { Toolchain.MscorlibPe };
            loadOrder.AddRange(LibraryLoadOrder.Where(l => projects.Any(p => p.LoadOrder.Contains(Toolchain.Library(l, ".pe"))) || libraryDlls.Contains(Toolchain.Library(l, ".dll")))
                .Select(l => Toolchain.Library(l, ".pe")));
            foreach (var project in projects)
            {
                loadOrder.AddRange(project.LoadOrder.Where(p => !loadOrder.Contains(p) && !p.StartsWith(Toolchain.Root, StringComparison.Ordinal)));
            }

            loadOrder.Add(Path.ChangeExtension(dll, ".pe"));
            return new NanoAssembly(Path.GetFileNameWithoutExtension(dll), dll, compiled.Output, converted.Output, loadOrder);
        }
    }
}
