using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>Each file of the core holds one type a newcomer can read: 400 lines at most, never partial (issue 11).</summary>
    public sealed class CoreStructureTests
    {
        private const int MaxLines = 400;

        private static string[] CoreSources()
        {
            string root = TestPaths.InRepository("firmware/Pump.Core");
            return Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .ToArray();
        }

        [Fact]
        public void CoreSources_EveryFile_AtMost400Lines()
        {
            var tooLong = CoreSources().Select(f => (f, n: File.ReadAllLines(f).Length)).Where(x => x.n > MaxLines)
                .Select(x => $"{Path.GetFileName(x.f)}: {x.n} lines").ToList();
            Assert.True(CoreSources().Length > 100, "the core's sources were not found");
            Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
        }

        [Fact]
        public void CoreSources_NoPartialTypes()
        {
            var partial = CoreSources().Where(f => Regex.IsMatch(File.ReadAllText(f), @"\bpartial\s+(class|struct|interface)\b"))
                .Select(Path.GetFileName).ToList();
            Assert.Empty(partial);
        }
    }
}
