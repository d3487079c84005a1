using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Pump.Evidence.Docs
{
    /// <summary>The repository root, baked in at build time so commands and tests never guess the working directory.</summary>
    public static class RepositoryPaths
    {
        public static string Root
        {
            get
            {
                var attribute = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .Single(a => a.Key == "RepositoryRoot");
                return attribute.Value ?? throw new InvalidOperationException("RepositoryRoot missing");
            }
        }

        public static string InRepository(string relative) => Path.Combine(Root, relative);

        /// <summary>Compares ignoring line-ending differences (a Windows checkout may convert them).</summary>
        public static bool SameText(string a, string b) => a.Replace("\r\n", "\n") == b.Replace("\r\n", "\n");
    }
}
