using System.Linq;
using Pump.Core.Control;
using Pump.Evidence.Bridge;
using Pump.Evidence.Docs;
using Pump.Sim.Scenarios;
using Xunit;

namespace Pump.Evidence.Tests.Bridge
{
    /// <summary>
    /// The chain end to end in simulated time: virtual patient → virtual monitor speaking PCD-01 (MLLP over loopback
    /// TCP) or IntelliVue Data Export (loopback UDP) → the bridge's adapter and forwarder → link v2 frames over loopback
    /// TCP → the simulated pump.
    /// </summary>
    public sealed class BridgeEndToEndTests
    {
        // Proves: BRG-010
        [Theory]
        [InlineData(MonitorProtocol.Pcd01)]
        [InlineData(MonitorProtocol.IntelliVue)]
        public void DefaultKetamineScenario_ThroughTheBridge_Completes(MonitorProtocol protocol)
        {
            BridgeRunResult r = BridgeRuns.Run(DefaultScenario.Create(), protocol);

            Assert.Equal("completed", r.Summary.Outcome);
            Assert.Empty(r.Summary.InterlockTrips);
            Assert.True(r.Chain.FramesToPump > 2000, $"{r.Chain.FramesToPump} frames");
            Assert.Equal(0, r.Run.Controller.Pump!.Interlock.Parser.RejectedCount);
            Assert.Equal("ICU-3 BED 12", r.Run.Controller.Pump.Interlock.Verdict.LatestVitals!.BedLabelText());
        }

        // Proves: BRG-011
        [Theory]
        [InlineData(MonitorProtocol.Pcd01)]
        [InlineData(MonitorProtocol.IntelliVue)]
        public void HoldLevelBloodPressure_ThroughTheBridge_StopsTheMotorWithinOneTick(MonitorProtocol protocol)
        {
            Scenario s = ScenarioLoader.LoadFile(RepositoryPaths.InRepository("simulator/scenarios/sbp-hold-then-resume.json"));

            BridgeRunResult r = BridgeRuns.Run(s, protocol);

            var trip = Assert.Single(r.Summary.InterlockTrips, t => t.Cause.Contains("SBP", System.StringComparison.OrdinalIgnoreCase));
            Assert.NotNull(trip.StopLatencyMs);
            Assert.InRange(trip.StopLatencyMs!.Value, 0, PumpController.TickPeriodMs);
            Assert.Equal(0, trip.StepsAfterTrip);
        }

        // Proves: BRG-012, LNK-014
        [Theory]
        [InlineData(MonitorProtocol.Pcd01)]
        [InlineData(MonitorProtocol.IntelliVue)]
        public void BridgeRestartMidSession_FlowResumesWithoutAStop_AndThePumpCountsTheNewBoot(MonitorProtocol protocol)
        {
            BridgeRunResult r = BridgeRuns.Run(DefaultScenario.Create(), protocol, restartBridgeAtS: 1200);

            Assert.Equal("completed", r.Summary.Outcome);
            Assert.Empty(r.Summary.InterlockTrips);
            Assert.Equal(2u, r.Chain.Boot);
            Assert.Equal(1, r.Run.Controller.Pump!.Interlock.Parser.BootChanges);
            Assert.Equal(0, r.Run.Controller.Pump.Interlock.Parser.CountOf(Pump.Core.Link.FrameResult.Replay));
        }
    }
}
