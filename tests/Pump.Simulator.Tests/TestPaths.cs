using System.IO;
using System.Linq;
using System.Reflection;

namespace Pump.Simulator.Tests
{
    internal static class TestPaths
    {
        public static string RepositoryRoot => typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepositoryRoot").Value!;

        public static string Scenarios => Path.Combine(RepositoryRoot, "simulator", "scenarios");
    }
}
