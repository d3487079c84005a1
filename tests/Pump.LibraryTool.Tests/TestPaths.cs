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
    }

    /// <summary>A fresh empty folder under the temp directory, deleted with everything in it on Dispose.</summary>
    internal sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pump-library-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose()
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
