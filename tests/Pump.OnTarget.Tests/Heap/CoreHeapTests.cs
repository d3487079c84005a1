using Pump.OnTarget.Tests.Toolchain;
using Xunit;
using Xunit.Abstractions;

namespace Pump.OnTarget.Tests.Heap
{
    /// <summary>
    /// The core's managed heap on nanoclr32 (12-byte blocks as on the ESP32): at most 32 KiB with a programmed
    /// infusion, and none retained while it infuses. How the figure was brought down from 51.8 KB and the whole
    /// firmware's budget: hardware-docs/on-target.md.
    /// </summary>
    [Collection(NanoCollection.Name)]
    public sealed class CoreHeapTests
    {
        public const long CoreHeapLimitBytes = 32 * 1024;

        private readonly NanoBuild _build;
        private readonly ITestOutputHelper _output;

        public CoreHeapTests(NanoBuild build, ITestOutputHelper output)
        {
            _build = build;
            _output = output;
        }

        // Proves: NFR-006
        [OnTargetFact]
        public void CoreHeap_ProgrammedInfusionOnNanoclr32_AtMost32KiBAndNothingRetainedWhileInfusing()
        {
            var run = HeapProbeRun.Run(_build);
            foreach (var stage in run.Stages)
            {
                _output.WriteLine($"{stage.Key,-24} {stage.Value,8:N0} bytes");
            }

            Assert.Equal("INFUSING", run.FinalState);
            Assert.InRange(run["programmed"], 1, CoreHeapLimitBytes);
            Assert.InRange(run["infusing-60s"], 1, CoreHeapLimitBytes);
            Assert.True(run["retained-growth"] <= 0, "heap retained while infusing: " + run["retained-growth"] + " bytes");
        }
    }
}
