using System;
using System.Text.Json;
using System.Threading.Tasks;
using Pump.Core.Configuration;
using Pump.Core.Library;
using Pump.Core.Link;
using Pump.Hal;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Pump.Sim.Service;
using Xunit;

namespace Pump.Simulator.Tests.Service
{
    /// <summary>hardware-docs/commissioning.md walked on the simulator: an empty store to a completed ketamine infusion.</summary>
    public class CommissioningTests
    {
        // Proves: CFG-006, CFG-003, CFG-005, SVC-004, CFG-008, SVC-009
        [Fact]
        public async Task Commissioning_EmptyStoreToCompletedDefaultInfusion_RecordsMatchTheMeasuredDelivery()
        {
            Scenario scenario = DefaultScenario.Create();
            byte[] image;
            long clockUtc;
            using (var host = new ServedPumpHost(seed: scenario.Seed))
            {
                // 1. Flashed board: empty store, not commissioned.
                using (JsonDocument info = JsonDocument.Parse(host.Tool("info", "--json").Out))
                {
                    Assert.Equal(ConfigProblem.NoRecord, info.RootElement.GetProperty("ConfigProblemCode").GetInt32());
                }

                // 2. Calibrate (guided), 3. set the clock.
                ToolRun calibrate = PumpServiceEndToEndTests.Calibrate(host, "SP-0001");
                Assert.True(calibrate.Exit == 0, calibrate.ToString());
                ToolRun clock = host.Tool("clock", "set", "--utc", "2026-12-03T08:00:00Z");
                Assert.True(clock.Exit == 0, clock.ToString());

                // 4. Pair on the panel: listen, see the monitor's id, confirm it matches the label.
                host.Press(PanelKey.Down);
                host.Press(PanelKey.Ok);
                Assert.True(host.WaitFor(s => s.ScreenText().Contains("LISTENING")));
                for (int i = 0; i < 3; i++)
                {
                    host.Do(s => SendFrame(s, scenario.Monitor.MonitorId, (uint)(i + 1)));
                }
                Assert.True(host.WaitFor(s => s.ScreenText().Contains("MONITOR " + scenario.Monitor.MonitorId)));
                host.Press(PanelKey.Ok);
                Assert.True(host.WaitFor(s => s.ScreenText().Contains("PAIRED")));

                // 4b. Set the monitor-link key from the bridge's key file (here the simulator's key for that monitor).
                string keyFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pump-commissioning-" + Guid.NewGuid().ToString("N") + ".key");
                byte[] key = Pump.Sim.Monitor.MonitorPairing.Simulated(scenario.Monitor.MonitorId).Key;
                System.IO.File.WriteAllText(keyFile, Convert.ToHexString(key));
                ToolRun keySet = host.Tool("link", "key", "set", "--key-file", keyFile);
                System.IO.File.Delete(keyFile);
                Assert.True(keySet.Exit == 0, keySet.ToString());
                var probe = new LinkKeyStore();
                probe.Pair(scenario.Monitor.MonitorId, key, 0, key.Length);
                Assert.Contains("key check " + probe.KeyCheck.ToString("X8"), keySet.Out);
                Assert.DoesNotContain(Convert.ToHexString(key), keySet.Out);

                // 5. Install the library (the shipped one as pump-library would build it), confirmed on the panel.
                Task<ToolRun> install = host.ToolAsync("library", "install", PumpServiceEndToEndTests.LibraryFile(ShippedLibrary.Build().Revision + 1), "--wait-s", "20");
                Assert.True(host.WaitFor(s => s.Service?.Context.Installer.AwaitingPanel == true));
                host.Press(PanelKey.Ok);
                ToolRun installed = await install;
                Assert.True(installed.Exit == 0, installed.ToString());

                using (JsonDocument info = JsonDocument.Parse(host.Tool("info", "--json").Out))
                {
                    Assert.Equal(ConfigProblem.None, info.RootElement.GetProperty("ReadyProblemCode").GetInt32());
                    Assert.Equal(scenario.Monitor.MonitorId, info.RootElement.GetProperty("PairedMonitorId").GetUInt32());
                    Assert.Equal(LinkKeyProblem.None, info.RootElement.GetProperty("LinkKeyProblemCode").GetInt32());
                    Assert.Equal(probe.KeyCheck, info.RootElement.GetProperty("LinkKeyCheck").GetUInt32());
                }
                image = host.Do(s => s.Pump.Store.Snapshot());
                clockUtc = host.Do(s => s.Pump.RealTimeClock.TryReadUtcSeconds(out long utc) ? utc : 0);
            }

            // 6. Power up normally: the controller takes everything from the store; the clinician programs and starts on the panel.
            var run = new SimulationRun(scenario, new RunOptions
            {
                ConfigureFromStore = true,
                PreparePump = pump =>
                {
                    pump.Store.LoadImage(image);
                    pump.RealTimeClock.TrySetUtcSeconds(clockUtc);
                },
            });
            run.Run();
            RunSummary summary = RunSummary.From(run, 0);
            Assert.Equal(0, run.Controller.ConfigurationProblem);
            Assert.Equal(LinkKeyProblem.None, run.Controller.LinkKeyProblem); // the key came from the store, not the simulator
            Assert.Equal("completed", summary.Outcome);
            Assert.Equal(ShippedLibrary.Build().Revision + 1, run.Controller.Pump!.Library.Revision);

            // 7. Back in service mode: export the records and compare with what the simulator measured.
            using var port = new TcpServicePort(0);
            var served = new ServedPump(port, scenario.Seed, run.Pump);
            served.PowerUp();
            using var serving = new BackgroundTicks(served);
            var output = new System.IO.StringWriter();
            var error = new System.IO.StringWriter();
            int exit = Pump.ServiceTool.Program.Run(["records", "export", "--connect", "tcp:127.0.0.1:" + port.Port],
                new Pump.ServiceTool.ToolIo(new System.IO.StringReader(""), output, error));
            Assert.True(exit == 0, error.ToString());
            using JsonDocument records = JsonDocument.Parse(output.ToString());
            Assert.Equal(1, records.RootElement.GetArrayLength());
            JsonElement r = records.RootElement[0];
            Assert.Equal("completed", r.GetProperty("outcome").GetString());
            Assert.Equal(ShippedLibrary.Build().Revision + 1, r.GetProperty("libraryRevision").GetUInt32());
            Assert.True(r.GetProperty("doseFinal").GetBoolean());
            double recordedMg = r.GetProperty("deliveredUg").GetInt64() / 1000.0;
            double recordedMl = r.GetProperty("deliveredUl").GetInt64() / 1000.0;
            Assert.InRange(recordedMg, summary.Delivered.DoseMg * 0.99, summary.Delivered.DoseMg * 1.01);
            Assert.InRange(recordedMl, summary.Delivered.VolumeMl * 0.99, summary.Delivered.VolumeMl * 1.01);
            Assert.InRange(recordedMg, summary.Programmed.DoseMg * 0.99, summary.Programmed.DoseMg);
            Assert.True(r.GetProperty("startUtcSeconds").GetInt64() >= clockUtc);
            JsonElement startVitals = r.GetProperty("startVitals");
            Assert.InRange(startVitals.GetProperty("systolicMmHg").GetInt32(), 80, 200);
            Assert.InRange(startVitals.GetProperty("heartRateBpm").GetInt32(), 40, 140);
            bool endWithVitals = false;
            foreach (JsonElement e in r.GetProperty("events").EnumerateArray())
            {
                endWithVitals |= e.GetProperty("kind").GetString() == "end" && e.GetProperty("vitals").ValueKind == JsonValueKind.Object;
            }
            Assert.True(endWithVitals, "the end of the session carries the vitals of that moment");
        }

        private static void SendFrame(ServedPump s, uint monitorId, uint sequence)
        {
            var v = new VitalSigns
            {
                MonitorId = monitorId,
                Sequence = sequence,
                HeartRateBpm = 72,
                Spo2Percent = 97,
                RespiratoryRatePerMin = 14,
                SystolicMmHg = 125,
                DiastolicMmHg = 80,
                MeanMmHg = 95,
                AvailableFlags = VitalSigns.AvailHeartRate | VitalSigns.AvailSpo2 | VitalSigns.AvailRespiratoryRate | VitalSigns.AvailNibp,
            };
            v.Boot = 1;
            v.SourceId = 0x00A0C0FFEE000001UL;
            v.SetBedLabel("SIM BED 1");
            var buffer = new byte[MonitorFrameFormat.MaxFrameLength];
            int n = MonitorFrameEncoder.EncodeVitals(v, Pump.Sim.Monitor.MonitorPairing.Simulated(monitorId).NewMac(), buffer, 0);
            s.Pump.MonitorLink.Write(buffer, 0, n);
        }

        /// <summary>Ticks a served pump in real time on a background thread until disposed.</summary>
        private sealed class BackgroundTicks : IDisposable
        {
            private readonly System.Threading.Thread _thread;
            private volatile bool _stop;

            public BackgroundTicks(ServedPump served)
            {
                var wall = System.Diagnostics.Stopwatch.StartNew();
                _thread = new System.Threading.Thread(() =>
                {
                    while (!_stop)
                    {
                        served.AdvanceTo(wall.ElapsedTicks * 1_000_000 / System.Diagnostics.Stopwatch.Frequency);
                        System.Threading.Thread.Sleep(2);
                    }
                }) { IsBackground = true };
                _thread.Start();
            }

            public void Dispose()
            {
                _stop = true;
                _thread.Join();
            }
        }
    }
}
