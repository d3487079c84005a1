using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Pump.Core.Tests
{
    /// <summary>Paths baked in at build time, so tests never guess the working directory.</summary>
    internal static class TestPaths
    {
        public static string NanoCoreAssembly => Metadata("NanoCoreAssembly");

        /// <summary>The core's lowest layer, the first device assembly (firmware/Pump.Core.Base.Nano).</summary>
        public static string NanoCoreBaseAssembly => Metadata("NanoCoreBaseAssembly");

        /// <summary>The core's upper layer, the third device assembly (firmware/Pump.Core.Service.Nano).</summary>
        public static string NanoCoreServiceAssembly => Metadata("NanoCoreServiceAssembly");

        public static string RepositoryRoot => Metadata("RepositoryRoot");

        public static string InRepository(string relative) => Path.Combine(RepositoryRoot, relative);

        private static string Metadata(string key)
        {
            var attribute = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == key);
            return attribute.Value ?? throw new InvalidOperationException(key + " missing");
        }
    }
}
