using System;
using System.IO;

namespace Pump.OnTarget.Tests.Toolchain
{
    /// <summary>
    /// The nanoFramework host toolchain (nanoCLR, the metadata processor, mscorlib and the class libraries):
    /// $PUMP_NANO_TOOLCHAIN, else ../shared/nano beside the repository.
    /// </summary>
    internal sealed class NanoToolchain
    {
        public const string PathVariable = "PUMP_NANO_TOOLCHAIN";

        /// <summary>Set to 1 (as .ci/run does) to make a missing toolchain a failure instead of a skip.</summary>
        public const string RequireVariable = "PUMP_REQUIRE_NANO";

        public const string MissingMessage =
            "SKIPPED: no nanoFramework toolchain. Put it at ../shared/nano beside the repository or set " + PathVariable
            + " to its folder (it holds bin/nfcsc.sh, bin/nfmdp.sh, bin/nanoclr.sh, mscorlib.pe, lib/; how it is built: its build/build-toolchain.sh). "
            + "See hardware-docs/on-target.md.";

        private NanoToolchain(string root)
        {
            Root = root;
        }

        public string Root { get; }

        public string Compiler => Path.Combine(Root, "bin", "nfcsc.sh");

        public string MetadataProcessor => Path.Combine(Root, "bin", "nfmdp.sh");

        public string Runtime => Path.Combine(Root, "bin", "nanoclr.sh");

        public string MscorlibPe => Path.Combine(Root, "mscorlib.pe");

        public string MscorlibDll => Path.Combine(Root, "mscorlib.dll");

        public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

        public string Library(string assemblyName, string extension) => Path.Combine(Root, "lib", assemblyName + extension);

        /// <summary>The toolchain, or null when none is installed.</summary>
        public static NanoToolchain? Find()
        {
            string? configured = Environment.GetEnvironmentVariable(PathVariable);
            string root = string.IsNullOrEmpty(configured)
                ? Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "nano"))
                : Path.GetFullPath(configured);
            return File.Exists(Path.Combine(root, "bin", "nanoclr.sh")) && File.Exists(Path.Combine(root, "mscorlib.pe"))
                ? new NanoToolchain(root)
                : null;
        }

        /// <summary>The toolchain, or a failure naming what is missing (used only when the test was not skipped).</summary>
        public static NanoToolchain Require() => Find() ?? throw new InvalidOperationException(
            RequireVariable + "=1 but " + MissingMessage.Replace("SKIPPED: ", string.Empty, StringComparison.Ordinal));
    }
}
