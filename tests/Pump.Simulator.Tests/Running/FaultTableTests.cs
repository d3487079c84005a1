using System.Linq;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    /// <summary>The simulator's faults as one table: each begins and ends through its own row.</summary>
    public class FaultTableTests
    {
        private static string Hardware(SimulationRun r) => string.Join(",",
            r.Pump.MonitorLink.Disconnected, r.Monitor.WrongMonitor, r.Monitor.ProbeOff, r.Pump.Line.Occluded,
            r.Pump.Clamp.ClampClosed, r.Pump.Mechanism.Stalled, r.Pump.Mechanism.RunawayMicrostepsPerSecond,
            r.Pump.MotorDriver.FaultInjected, r.Pump.ForceSensor.Failed, r.Pump.PlungerPosition.Failed, r.Pump.StepCounter.Failed,
            r.Pump.Clamp.ImpossibleCombination, r.Pump.Store.Failed, r.Pump.Display.Failed, r.Pump.RealTimeClock.LostTime,
            r.Pump.StepGenerator.RefuseAll);

        [Fact]
        public void EveryFault_BeginChangesTheWorldAndEndRestoresIt()
        {
            var run = new SimulationRun(DefaultScenario.Create(), new RunOptions());
            string healthy = Hardware(run);
            string[] devices = { "force", "position", "counter", "clamp", "store", "display", "rtc", "generator" };
            Assert.Equal(9, FaultTable.All.Count);
            foreach (FaultTable.Fault fault in FaultTable.All)
            {
                foreach (string device in fault.Type == ScenarioEventType.SensorFault ? devices : new[] { "" })
                {
                    var e = new ScenarioEvent { Type = fault.Type, DurationS = 1, Device = device, RateMicrostepsPerS = 500 };
                    fault.Set(run.Pump, run.Monitor, e, true);
                    Assert.NotEqual(healthy, Hardware(run));
                    Assert.False(string.IsNullOrEmpty(fault.Describe(e)));
                    fault.Set(run.Pump, run.Monitor, e, false);
                    Assert.Equal(healthy, Hardware(run));
                }
            }
        }
    }
}
