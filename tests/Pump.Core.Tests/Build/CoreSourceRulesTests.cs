using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Pump.Core.Tests.Build
{
    /// <summary>
    /// BLD-003: the core reaches time and hardware only through the HAL. The nanoFramework build already
    /// refuses most desktop APIs; these are the ones that exist on the device too and must still not be used.
    /// </summary>
    public sealed class CoreSourceRulesTests
    {
        private static readonly (string Pattern, string Why)[] Forbidden =
        {
            (@"\bDateTime\s*\.\s*(UtcNow|Now|Today)\b", "wall clock: use IMonotonicClock or IRealTimeClock"),
            (@"\bThread\s*\.\s*Sleep\b", "blocking: the tick runs to completion"),
            (@"\bEnvironment\s*\.\s*TickCount", "clock outside the HAL"),
            (@"\bnew\s+Timer\s*\(", "timers outside the tick"),
            (@"\bStopwatch\b", "clock outside the HAL"),
            (@"#if\b", "no conditional compilation in the portable core (DESIGN.md D3)"),
            (@"\bnew\s+Random\s*\(", "randomness outside the HAL"),
        };

        // Proves: BLD-003
        [Fact]
        public void CoreSources_NoClockThreadOrConditionalCompilationOutsideTheHal()
        {
            string root = TestPaths.InRepository("firmware/Pump.Core");
            var offences = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
                .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
                .Where(x => !x.line.TrimStart().StartsWith("//", System.StringComparison.Ordinal) && !x.line.TrimStart().StartsWith("///", System.StringComparison.Ordinal))
                .SelectMany(x => Forbidden.Where(r => Regex.IsMatch(x.line, r.Pattern)).Select(r => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {r.Why}: {x.line.Trim()}"))
                .ToList();
            Assert.True(offences.Count == 0, string.Join("\n", offences));
        }

        /// <summary>A checked context: nanoCLR runs it as plain arithmetic (no trap), so no safety rule may rest on it.</summary>
        private const string CheckedContext = @"\bchecked\s*[({]";

        // Proves: NFR-005
        [Fact]
        public void FirmwareSources_NoCheckedArithmetic_OverflowGuardedByExplicitRangeChecks()
        {
            var offences = new[] { "firmware/Pump.Core", "firmware/Pump.Hal.Esp32", "firmware/Pump.Firmware" }
                .SelectMany(folder => Directory.GetFiles(TestPaths.InRepository(folder), "*.cs", SearchOption.AllDirectories))
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
                .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
                .Where(x => !x.line.TrimStart().StartsWith("//", System.StringComparison.Ordinal) && Regex.IsMatch(x.line, CheckedContext))
                .Select(x => $"{Path.GetRelativePath(TestPaths.RepositoryRoot, x.f)}:{x.i + 1}: {x.line.Trim()}")
                .ToList();
            Assert.True(offences.Count == 0, "checked does not trap on nanoCLR; use IntMath.TryMultiply/TryAdd/TryMulDiv:\n" + string.Join("\n", offences));
            Assert.Matches(CheckedContext, "long p = checked(a * b);");
            Assert.DoesNotMatch(CheckedContext, "long p = unchecked(a * b);");
        }

        // Proves: BLD-003
        [Fact]
        public void CoreSourceRules_ForbiddenCall_IsDetected()
        {
            Assert.Matches(Forbidden[0].Pattern, "long t = DateTime.UtcNow.Ticks;");
            Assert.Matches(Forbidden[5].Pattern, "#if SIMULATOR");
        }
    }
}
