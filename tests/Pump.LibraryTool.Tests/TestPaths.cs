using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Pump.LibraryTool.Tests
{
    /// <summary>Paths baked in at build time, so tests never guess the working directory.</summary>
    internal static class TestPaths
    {
        public static string RepositoryRoot => typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value ?? throw new InvalidOperationException("RepositoryRoot missing");

        public static string LibraryFolder => Path.Combine(RepositoryRoot, "firmware", "Pump.Core", "Library");

        public static string ShippedSource => Path.Combine(LibraryFolder, "shipped-library.json");

        public static string ReadShippedSource() => File.ReadAllText(ShippedSource);

        /// <summary>A fresh empty folder under the temp directory.</summary>
        public static string NewTempFolder()
        {
            string dir = Path.Combine(Path.GetTempPath(), "pump-library-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
