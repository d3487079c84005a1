using System.Diagnostics;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    public class SpeedTests
    {
        // The 10,000× figure of SIM-007 is measured by `pump-sim bench` on a Release build (19,073× median on
        // 2 shared cores). This guard runs the same default scenario in the Debug test build, on a machine
        // shared with other test runs, and fails on an order-of-magnitude regression (for example a step
        // generator that iterates pulse by pulse, or allocation in the loop).
        // Proves: SIM-007
        [Fact]
        public void DefaultScenario_DebugBuild_RunsAtLeast1000TimesFasterThanRealTime()
        {
            new SimulationRun(DefaultScenario.Create()).Run(); // warm-up (JIT)
            var run = new SimulationRun(DefaultScenario.Create());
            var wall = Stopwatch.StartNew();
            run.Run();
            wall.Stop();
            double speed = run.NowMs / wall.Elapsed.TotalMilliseconds;
            Assert.True(speed >= 1000, "speed " + speed.ToString("0") + "x");
            Assert.Equal(45 * 60_000, run.NowMs);
            Assert.Equal(54_000, run.Ticks);
        }
    }
}
