using System;
using System.Linq;
using Pump.OnTarget.Tests.Toolchain;
using Xunit;
using Xunit.Abstractions;

namespace Pump.OnTarget.Tests.Image
{
    /// <summary>
    /// The whole firmware image (mscorlib, the class libraries, core, HAL, firmware) loads and links on nanoCLR
    /// and runs Main until its first hardware call, which the host runtime cannot serve: the board's constructor
    /// fails there and Main reports it on the debug console, then halts with the motor off (it sleeps forever).
    /// </summary>
    [Collection(NanoCollection.Name)]
    public sealed class FirmwareLinkTests
    {
        private readonly NanoBuild _build;
        private readonly ITestOutputHelper _output;

        public FirmwareLinkTests(NanoBuild build, ITestOutputHelper output)
        {
            _build = build;
            _output = output;
        }

        // Proves: NFR-004
        [OnTargetFact]
        public void FirmwareImage_OnNanoClr_LinksAndRunsToTheFirstHardwareCall()
        {
            var firmware = _build.FirmwareDebug;
            var run = _build.Run(firmware.LoadOrder, TimeSpan.FromSeconds(60), stopAfterLinePrefix: "BOARD UNAVAILABLE: ");
            string log = string.Join("\n", run.Lines);
            _output.WriteLine(string.Join("\n", run.Lines.Where(l => l.StartsWith("   Assembly:", StringComparison.Ordinal) || l.StartsWith("BOARD", StringComparison.Ordinal))));
            Assert.DoesNotContain("Link failure", log, StringComparison.Ordinal);
            foreach (string assembly in firmware.LoadOrder.Select(p => System.IO.Path.GetFileNameWithoutExtension(p)!))
            {
                Assert.Contains("   Assembly: " + assembly + " (", log, StringComparison.Ordinal);
            }

            string board = run.Lines.SingleOrDefault(l => l.StartsWith("BOARD UNAVAILABLE: ", StringComparison.Ordinal)) ?? "(none)";
            Assert.True(board == "BOARD UNAVAILABLE: System.NotImplementedException", "Main did not reach the first hardware call; its line: " + board + "\n" + string.Join("\n", run.Lines.TakeLast(20)));
            Assert.True(run.TimedOut, "Main returned within a second of the board failing to open instead of halting");
        }
    }
}
