using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Pump.Sim.Reports;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    [Collection(AllocationCollection.Name)]
    public class SimulationRunTests
    {
        // Proves: SIM-001
        [Fact]
        public void Step_AdvancesFirmwareTimeByExactlyOneControlPeriod()
        {
            var run = new SimulationRun(DefaultScenario.Create());
            for (int i = 1; i <= 100; i++)
            {
                run.Step();
                Assert.Equal(i * 50L, run.NowMs);
                Assert.Equal(i * 50_000L, run.Pump.Clock.NowUs);
            }
            Assert.Equal(50, ControllerHost.TickPeriodMs);
        }

        // Proves: SIM-002
        [Fact]
        public void Run_SameSeedTwice_IdenticalResults_DifferentSeed_DifferentVitals()
        {
            string A(int seed)
            {
                var s = DefaultScenario.Create();
                s.Patient.Variability = "population";
                s.EndAfterMin = 12;
                var run = new SimulationRun(s, new RunOptions { Seed = seed });
                run.Run();
                var sum = RunSummary.From(run, 0);
                return sum.ToJson() + string.Join(",", run.Vitals.ToArray().AsSpan(0, run.VitalsCount).ToArray().Select(v => v.SbpMmHg + "/" + v.HrBpm));
            }
            Assert.Equal(A(3), A(3));
            Assert.NotEqual(A(3), A(4));
        }

        // Proves: SIM-006
        [Fact]
        public void Step_SteadyState_AllocatesNothing()
        {
            // Infusing from 25 s; minutes 14 to 17 of seed 1 hold a new NIBP reading and no event (every path already ran once).
            var run = new SimulationRun(DefaultScenario.Create());
            while (run.NowMs < 14 * 60_000)
            {
                run.Step();
            }
            Assert.Equal(global::Pump.Core.Control.PumpState.Infusing, run.Controller.Pump!.State);
            int events = run.Events.Count;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 3600; i++)
            {
                run.Step();
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(events, run.Events.Count);
            Assert.Equal(0, allocated);
        }

        // Proves: SIM-005, SIM-008
        [Fact]
        public void PowerLossEvent_PumpGoesDarkThenRebootsOnTheSameStore()
        {
            Scenario s = ScenarioLoader.Parse("{\"endAfterMin\": 3, \"events\": [{\"atS\": 60, \"type\": \"powerLoss\", \"offS\": 20}]}");
            var run = new SimulationRun(s);
            while (run.NowMs < 60_000)
            {
                run.Step();
            }
            Assert.False(run.Pump.Power.IsOn);
            Assert.False(run.Controller.IsRunning);
            while (run.NowMs < 80_000)
            {
                run.Step();
            }
            Assert.True(run.Pump.Power.IsOn);
            Assert.Equal(2, run.Controller.Boots);
            Assert.Contains(run.Events, e => e.Kind == "power" && e.Detail.Contains("restored"));
            // Firmware time restarts at power-up; simulator time runs on.
            Assert.Equal(80_000_000L, run.Pump.Clock.SimTimeUs);
            Assert.Equal(0L, run.Pump.Clock.NowUs);
        }

        [Fact]
        public void FaultEvents_ApplyAndEndOnTime()
        {
            Scenario s = ScenarioLoader.Parse(@"{""endAfterMin"": 2, ""events"": [
                {""atS"": 10, ""type"": ""occlusion"", ""durationS"": 5},
                {""atS"": 10, ""type"": ""clampOpen"", ""durationS"": 5},
                {""atS"": 10, ""type"": ""linkLoss"", ""durationS"": 5},
                {""atS"": 10, ""type"": ""motorStall"", ""durationS"": 5}]}");
            var run = new SimulationRun(s);
            while (run.NowMs < 10_000) { run.Step(); }
            Assert.True(run.Pump.Line.Occluded);
            Assert.False(run.Pump.Clamp.ClampClosed);
            Assert.True(run.Pump.MonitorLink.Disconnected);
            Assert.True(run.Pump.Mechanism.Stalled);
            while (run.NowMs < 15_000) { run.Step(); }
            Assert.False(run.Pump.Line.Occluded);
            Assert.True(run.Pump.Clamp.ClampClosed);
            Assert.False(run.Pump.MonitorLink.Disconnected);
            Assert.False(run.Pump.Mechanism.Stalled);
        }

        // Proves: SIM-012
        [Fact]
        public void Clinician_DefaultScenario_ProgramsThroughTheKeypadOnly()
        {
            var run = new SimulationRun(DefaultScenario.Create());
            while (run.NowMs < 60_000) { run.Step(); }
            Assert.True(run.Clinician.Programmed);
            Assert.True(run.Pump.Keypad.KeysPressed > 0);
            Assert.Equal(run.Clinician.KeysPressed, run.Pump.Keypad.KeysPressed);
        }

        // Proves: SIM-030
        [Fact]
        public void ReportWriter_DefaultScenario_WritesEveryFile()
        {
            var s = DefaultScenario.Create();
            s.EndAfterMin = 6;
            var run = new SimulationRun(s);
            run.Run();
            var summary = RunSummary.From(run, 1);
            string dir = Path.Combine(Path.GetTempPath(), "pump-sim-test-" + Guid.NewGuid().ToString("N"));
            try
            {
                string html = ReportWriter.Write(run, summary, dir, "png");
                foreach (string f in new[] { "samples.csv", "vitals.csv", "events.jsonl", "summary.json", "report.html", "volume.png", "rate.png", "blood-pressure.png", "heart-rate.png", "spo2.png" })
                {
                    Assert.True(File.Exists(Path.Combine(dir, f)), f);
                }
                byte[] png = File.ReadAllBytes(Path.Combine(dir, "volume.png"));
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
                Assert.Equal(14, File.ReadAllLines(Path.Combine(dir, "samples.csv")).Length); // header + 0..360 s every 30 s (13 samples)
                Assert.Equal(361, File.ReadAllLines(Path.Combine(dir, "vitals.csv")).Length);
                Assert.Contains("blood-pressure.png", File.ReadAllText(html));
                ReportWriter.Write(run, summary, dir, "svg");
                Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "volume.svg")));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        // Proves: SIM-031
        [Fact]
        public void Summary_HasEveryRequiredField()
        {
            var s = DefaultScenario.Create();
            s.EndAfterMin = 2;
            var run = new SimulationRun(s);
            run.Run();
            using var doc = JsonDocument.Parse(RunSummary.From(run, 5).ToJson());
            JsonElement r = doc.RootElement;
            foreach (string f in new[] { "outcome", "finalState", "programmed", "rejection", "delivered", "alarms", "interlockTrips", "simulatedMs", "wallMs" })
            {
                Assert.True(r.TryGetProperty(f, out _), f);
            }
            foreach (string f in new[] { "volumeMl", "doseMg", "rateMlPerHour", "durationMin" })
            {
                Assert.True(r.GetProperty("programmed").TryGetProperty(f, out _), f);
            }
            foreach (string f in new[] { "volumeMl", "ledgerVolumeMl", "doseMg" })
            {
                Assert.True(r.GetProperty("delivered").TryGetProperty(f, out _), f);
            }
            Assert.Contains(r.GetProperty("outcome").GetString(), new[] { "completed", "held", "stopped", "rejected", "alarm", "running", "not-started" });
            Assert.Equal(35, r.GetProperty("programmed").GetProperty("volumeMl").GetDouble());
            Assert.Equal(52.5, r.GetProperty("programmed").GetProperty("rateMlPerHour").GetDouble());
            Assert.Equal(120_000, r.GetProperty("simulatedMs").GetInt64());
        }
    
        [Fact]
        public void DesaturationRisk_One_AlwaysAddsASpontaneousDesaturation_Zero_Never()
        {
            Scenario s = ScenarioLoader.Parse("{\"endAfterMin\": 45, \"patient\": {\"desaturationRiskPerSession\": 1}}");
            var run = new SimulationRun(s);
            run.Run();
            Assert.Contains(run.Events, e => e.Kind == "inject" && e.Detail.Contains("desaturates"));
            Assert.True(run.Vitals.ToArray().Min(v => v.Spo2Pct) <= 91);
            var none = new SimulationRun(DefaultScenario.Create());
            none.Run();
            Assert.DoesNotContain(none.Events, e => e.Detail.Contains("desaturates"));
        }
    }
}
