using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Pump.OnTarget.Tests.Toolchain
{
    /// <summary>Paths baked in at build time, so tests never guess the working directory.</summary>
    internal static class TestPaths
    {
        public static string RepositoryRoot => Metadata("RepositoryRoot");

        public static string DeviceFacadeDirectory => Metadata("DeviceFacadeDirectory");

        public static string TestFrameworkFacadeDirectory => Metadata("TestFrameworkFacadeDirectory");

        public static string InRepository(string relative) => Path.GetFullPath(Path.Combine(RepositoryRoot, relative));

        private static string Metadata(string key)
        {
            var attribute = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key);
            return attribute.Value ?? throw new InvalidOperationException(key + " missing");
        }
    }
}
