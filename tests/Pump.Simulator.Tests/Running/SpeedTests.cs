using Pump.Simulator.Commands;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    /// <summary>
    /// SIM-007's 10,000× is a speed goal: it is measured by the `bench` command (Release build), never asserted
    /// as a time in a test. This test checks that `bench` measures the right thing: the default 45-minute
    /// scenario at the device's 50 ms tick, to completion, with the speed computed from simulated and wall time.
    /// </summary>
    [Collection(AllocationCollection.Name)]
    public class SpeedTests
    {
        // Proves: SIM-007
        [Fact]
        public void Bench_DefaultScenario_MeasuresWholeRunAtDeviceTickWithoutAllocating()
        {
            BenchResult result = BenchCommand.Measure(1);
            Assert.Equal(50, result.TickPeriodMs);
            Assert.Equal(45 * 60_000, result.SimulatedMs);
            Assert.Equal("completed", result.Outcome);
            Assert.True(result.MedianWallMs > 0);
            Assert.Equal(result.SimulatedMs / result.MedianWallMs, result.MedianSpeed, 6);
            Assert.Equal(0, result.StepBytesPerTick);
            Assert.Equal(0, result.ControllerBytesPerTick);
            Assert.InRange(result.DeliveredVolumeErrorPct, -0.1, 0.1);
        }
    }
}
