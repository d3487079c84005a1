using System.IO;
using System.Linq;
using Pump.Core.Control;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    /// <summary>The real controller on the virtual hardware, driven only through the panel and the monitor link.</summary>
    public class ControllerIntegrationTests
    {
        private static (SimulationRun Run, RunSummary Summary) Run(string file, int? seed = null)
        {
            Scenario s = file == "default" ? DefaultScenario.Create() : ScenarioLoader.LoadFile(Path.Combine(TestPaths.Scenarios, file));
            var run = new SimulationRun(s, new RunOptions { Seed = seed });
            run.Run();
            return (run, RunSummary.From(run, 0));
        }

        // Proves: SIM-004, SIM-012
        [Fact]
        public void DefaultScenario_ProgrammedOnThePanel_CompletesAndTheVirtualSyringeDeliversWithin0point1Percent()
        {
            var (run, s) = Run("default");
            Assert.Equal("completed", s.Outcome);
            Assert.Equal("COMPLETED", s.FinalState);
            Assert.InRange(s.Delivered.VolumeErrorPct, -0.1, 0.1);
            Assert.NotNull(s.Delivered.LedgerVolumeMl);
            Assert.InRange(s.Delivered.LedgerVolumeMl!.Value, 35 * 0.999, 35.0);
            // Delivery took the programmed 40 minutes (first to last forward pulse into the patient).
            double minutes = (run.Pump.LastForwardPulseUs / 1000.0 - run.FirstPulseMs) / 60_000.0;
            Assert.InRange(minutes, 39.95, 40.05);
            Assert.Contains(s.Alarms, a => a.Code == "InfusionComplete");
            Assert.InRange(s.Patient.PeakCpNgPerMl, 150, 200);
        }

        // Proves: SIM-031
        [Fact]
        public void SbpStopLevel_StopsWithinOneTickOfTheFrame_AndTheSessionEnds()
        {
            var (_, s) = Run("sbp-stop-200.json");
            Assert.Equal("stopped", s.Outcome);
            Assert.Contains(s.Alarms, a => a.Code == "VitalStop" && a.Priority == "high");
            var trip = Assert.Single(s.InterlockTrips);
            Assert.StartsWith("vitals", trip.Cause);
            Assert.InRange(trip.StopLatencyMs!.Value, 0, PumpController.TickPeriodMs);
            Assert.InRange(trip.StepsAfterTrip, 0, 5); // 52.5 mL/h is ~84 microsteps/s, ~4.2 per tick
        }

        [Fact]
        public void Occlusion_AlarmsAndStops_WithinSeconds()
        {
            var (_, s) = Run("occlusion.json");
            Assert.Contains(s.Alarms, a => a.Code == "Occlusion");
            var trip = Assert.Single(s.InterlockTrips);
            Assert.InRange(trip.StopLatencyMs!.Value, 0, 30_000);
        }

        [Fact]
        public void LinkLoss_LeaseExpiresAndThePumpHoldsOnItsOwn()
        {
            var (run, s) = Run("link-loss-short.json");
            Assert.Contains(s.Alarms, a => a.Code == "VitalsLeaseLost");
            var trip = Assert.Single(s.InterlockTrips);
            Assert.Equal("linkLoss", trip.Cause);
            Assert.InRange(trip.StopLatencyMs!.Value, 1, 20_000);
            Assert.Equal("completed", s.Outcome); // the clinician resumed once the link was back
            Assert.Contains(run.Events, e => e.Kind == "clinician" && e.Detail.Contains("resume"));
        }

        // Proves: SIM-005
        [Fact]
        public void PowerLoss_PumpRebootsPausedWithTheDeliveredDoseCounted_NeverResumesByItself()
        {
            var (run, s) = Run("power-loss-mid-infusion.json");
            Assert.Equal(2, s.ControllerBoots);
            Assert.Equal("PAUSED", s.FinalState);
            Assert.Contains(s.Alarms, a => a.Code == "PowerRestored");
            Assert.NotNull(s.Delivered.LedgerVolumeMl);
            // The ledger after reboot still accounts for what was delivered before the cut (within one write-ahead reservation).
            Assert.InRange(s.Delivered.LedgerVolumeMl!.Value, s.Delivered.VolumeMl - 0.01, s.Delivered.VolumeMl + 1.0);
            Assert.DoesNotContain(run.Events, e => e.Kind == "state" && e.AtMs > 960_000 && e.Detail.Contains("-> INFUSING"));
        }

        // Proves: SIM-005
        [Fact]
        public void PowerLoss_ManySeeds_SomeCutsTearAWrite_AndEveryRebootIsSafe()
        {
            int torn = 0;
            for (int seed = 1; seed <= 12; seed++)
            {
                var (run, s) = Run("power-loss-torn-write.json", seed);
                torn += (int)run.Pump.Store.TornWrites;
                Assert.True(s.Delivered.LedgerVolumeMl >= s.Delivered.VolumeMl - 0.01, "ledger lost delivered volume, seed " + seed);
                Assert.Equal(2, s.ControllerBoots);
                Assert.Contains(s.FinalState, new[] { "PAUSED", "ALARM", "IDLE" });
                long offAt = run.Events.First(e => e.Kind == "power" && e.Detail.StartsWith("power lost")).AtMs;
                Assert.DoesNotContain(run.Events, e => e.Kind == "state" && e.AtMs > offAt && e.Detail.Contains("-> INFUSING"));
            }
            Assert.Equal(12, torn);
        }

        [Fact]
        public void HardLimit_TheClinicianCannotOverride_OutcomeRejectedWithThePumpsReason()
        {
            var (_, s) = Run("hard-limit-rejected.json");
            Assert.Equal("rejected", s.Outcome);
            Assert.Contains(s.Rejection!, r => r.Contains("hard maximum"));
            Assert.Equal(0, s.Delivered.StepPulses);
        }

        // Proves: SIM-008
        [Fact]
        public void Watchdog_HungFirmware_IsResetAndTheMotorStops()
        {
            var (run, s) = Run("watchdog-hang.json");
            Assert.Contains(s.Alarms, a => a.Code == "WatchdogReset");
            Assert.Contains(run.Events, e => e.Kind == "watchdog");
            var trip = Assert.Single(s.InterlockTrips);
            Assert.InRange(trip.StopLatencyMs!.Value, 0, run.Pump.Watchdog.TimeoutMs + PumpController.TickPeriodMs);
        }
    }
}
