using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Pump.Core.Configuration;
using Pump.Core.Library;
using Pump.Core.Service;
using Pump.Hal;
using Pump.ServiceTool.Commands;
using Xunit;

namespace Pump.Simulator.Tests.Service
{
    /// <summary>Every pump-service command against the simulator's served pump, with its bad-input paths.</summary>
    public class PumpServiceEndToEndTests
    {
        internal const string CalibratedSettings = "serial=SP-0042";

        internal static string LibraryFile(uint revision, Action<byte[]>? damage = null)
        {
            DrugLibrary shipped = ShippedLibrary.Build();
            var entries = new DrugEntry[shipped.Count];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = shipped.GetAt(i);
            }
            byte[] bytes = LibraryCodec.Encode(new DrugLibrary(revision, entries))!;
            damage?.Invoke(bytes);
            string path = Path.Combine(Path.GetTempPath(), "pump-lib-" + Guid.NewGuid().ToString("N") + ".bin");
            File.WriteAllBytes(path, bytes);
            return path;
        }

        internal static ToolRun Calibrate(ServedPumpHost host, string serial = "SP-0042")
        {
            var input = new ScriptedInput(
                () => host.Do(s => { s.Raw.AddedLoadMilliNewtons = 0; }),
                () => host.Do(s => { s.Raw.AddedLoadMilliNewtons = 49_033; }),
                () => host.Do(s => { s.Raw.AddedLoadMilliNewtons = 0; s.Raw.PusherAtMicrometres = 0; }),
                () => host.Do(s => { s.Raw.PusherAtMicrometres = 100_000; }));
            ToolRun run = host.ToolWithInput(input, "calibrate", "--serial", serial, "--technician", "BIOMED1", "--samples", "2");
            host.Do(s => { s.Raw.PusherAtMicrometres = null; });
            return run;
        }

        // Proves: SVC-001
        [Fact]
        public void Info_FreshlyFlashedPump_ShowsNotCommissionedAndTheShippedLibrary()
        {
            using var host = new ServedPumpHost();
            ToolRun run = host.Tool("info", "--json");
            Assert.True(run.Exit == 0, run.ToString());
            using JsonDocument info = JsonDocument.Parse(run.Out);
            Assert.Equal(ConfigProblem.NoRecord, info.RootElement.GetProperty("ConfigProblemCode").GetInt32());
            Assert.False(info.RootElement.GetProperty("LibraryFromStore").GetBoolean());
            Assert.StartsWith("sim-", info.RootElement.GetProperty("FirmwareVersion").GetString());
            ToolRun table = host.Tool("info");
            Assert.Contains("not been commissioned", table.Out);
        }

        // Proves: CFG-001, SVC-006
        [Fact]
        public void Calibrate_Guided_StoresTheUnitsTrueOffsetsAndGains()
        {
            using var host = new ServedPumpHost(seed: 5);
            ToolRun run = Calibrate(host);
            Assert.True(run.Exit == 0, run.ToString());
            Assert.Contains("configuration stored", run.Out);
            DeviceConfiguration c = host.Do(s => s.Service!.Context.Config);
            var raw = host.Served.Raw;
            Assert.Equal("SP-0042", c.Serial);
            Assert.Equal("BIOMED1", c.CalibratedBy);
            Assert.Equal(49_033, c.ForceSpanMilliNewtons);
            Assert.InRange(c.ForceZeroCounts, raw.ForceZeroCounts - 2, raw.ForceZeroCounts + 2);
            Assert.InRange(c.ForceSpanCounts, (int)(49.033 * raw.ForceCountsPerNewton * 1000) - 2, (int)(49.033 * raw.ForceCountsPerNewton * 1000) + 2);
            Assert.Equal(raw.PositionZeroCounts, c.PositionZeroCounts);
            Assert.Equal(raw.PositionZeroCounts + (int)Math.Round(100 * raw.PositionCountsPerMillimetre), c.PositionSpanCounts);
            Assert.Equal(ConfigProblem.None, ConfigurationChecks.CheckReadyToInfuse(c));
        }

        // Proves: SVC-003
        [Fact]
        public void Calibrate_InputEndsEarly_WritesNothing()
        {
            using var host = new ServedPumpHost();
            ToolRun run = host.ToolWithInput(new StringReader("\n"), "calibrate", "--serial", "SP-1", "--technician", "T1");
            Assert.Equal(ToolContext.ExitRefused, run.Exit);
            Assert.Contains("nothing was written", run.Error);
            Assert.Equal(ServiceStatus.NoConfiguration, host.Tool("config", "get").Exit == ToolContext.ExitRefused ? ServiceStatus.NoConfiguration : -1);
        }

        // Proves: SVC-003, CFG-002, CFG-004
        [Fact]
        public void ConfigSet_BadInputs_EachGetsASpecificErrorAndTheOldConfigurationStays()
        {
            using var host = new ServedPumpHost();
            Assert.Equal(0, Calibrate(host).Exit);
            ToolRun unknown = host.Tool("config", "set", "colour=red");
            Assert.Equal(ToolContext.ExitBadInput, unknown.Exit);
            Assert.Contains("unknown setting 'colour'", unknown.Error);
            ToolRun notNumber = host.Tool("config", "set", "lead-um=fast");
            Assert.Equal(ToolContext.ExitBadInput, notNumber.Exit);
            Assert.Contains("needs a whole number", notNumber.Error);
            ToolRun pairing = host.Tool("config", "set", "paired-monitor=5");
            Assert.Equal(ToolContext.ExitBadInput, pairing.Exit);
            Assert.Contains("panel", pairing.Error);
            ToolRun range = host.Tool("config", "set", "occlusion-level=7");
            Assert.Equal(ToolContext.ExitRefused, range.Exit);
            Assert.Contains("invalid-configuration", range.Error);
            Assert.Contains("occlusion level 0..2", range.Error);
            ToolRun ok = host.Tool("config", "set", "occlusion-level=2", "near-empty-lead-s=600");
            Assert.True(ok.Exit == 0, ok.ToString());
            ToolRun get = host.Tool("config", "get", "--json");
            using JsonDocument doc = JsonDocument.Parse(get.Out);
            Assert.Equal("2", doc.RootElement.GetProperty("occlusion-level").GetString());
            Assert.Equal("SP-0042", doc.RootElement.GetProperty("serial").GetString());
        }

        // Proves: CFG-001
        [Theory]
        [InlineData(0)]
        [InlineData(40)]
        [InlineData(99)]
        public void ConfigSet_PowerLossDuringTheWrite_KeepsTheOldValidConfiguration(int bytesBeforeCut)
        {
            using var host = new ServedPumpHost();
            Assert.Equal(0, Calibrate(host).Exit);
            host.Do(s => s.Pump.Store.ArmPowerCutDuringNextWrite(bytesBeforeCut));
            ToolRun cut = host.Tool("config", "set", "serial=SP-NEW");
            Assert.NotEqual(0, cut.Exit);
            Assert.True(host.WaitFor(s => s.Service == null || !s.Pump.Power.IsOn));
            host.PowerCycle();
            ToolRun get = host.Tool("config", "get", "--json");
            Assert.True(get.Exit == 0, get.ToString());
            using JsonDocument doc = JsonDocument.Parse(get.Out);
            Assert.Equal("SP-0042", doc.RootElement.GetProperty("serial").GetString());
        }

        // Proves: SVC-005, SVC-003
        [Fact]
        public void ClockSet_ValidTime_IsSet_BadTimesAreRefused()
        {
            using var host = new ServedPumpHost();
            ToolRun ok = host.Tool("clock", "set", "--utc", "2026-12-03T09:00:00Z");
            Assert.True(ok.Exit == 0, ok.ToString());
            Assert.Contains("2026-12-03 09:00", ok.Out);
            Assert.True(host.Do(s => s.Pump.RealTimeClock.TryReadUtcSeconds(out long utc) && Math.Abs(utc - 1_796_288_400) <= 2));
            ToolRun text = host.Tool("clock", "set", "--utc", "teatime");
            Assert.Equal(ToolContext.ExitBadInput, text.Exit);
            ToolRun old = host.Tool("clock", "set", "--utc", "2001-01-01T00:00:00Z");
            Assert.Equal(ToolContext.ExitRefused, old.Exit);
            Assert.Contains("clock-out-of-range", old.Error);
        }

        // Proves: SVC-009, SEC-100
        [Fact]
        public void LinkKeySet_BadKeyFilesAndAnUnpairedPump_EachGetASpecificErrorAndNothingIsStored()
        {
            using var host = new ServedPumpHost();
            string dir = Path.Combine(Path.GetTempPath(), "pump-key-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string Write(string name, string text)
                {
                    string path = Path.Combine(dir, name);
                    File.WriteAllText(path, text);
                    return path;
                }
                ToolRun notHex = host.Tool("link", "key", "set", "--key-file", Write("a.key", "not a key"));
                Assert.Equal(ToolContext.ExitBadInput, notHex.Exit);
                Assert.Contains("is not hex", notHex.Error);
                ToolRun shortKey = host.Tool("link", "key", "set", "--key-file", Write("b.key", "0102030405060708"));
                Assert.Equal(ToolContext.ExitBadInput, shortKey.Exit);
                Assert.Contains("KeyTooShort", shortKey.Error);
                ToolRun sameByte = host.Tool("link", "key", "set", "--key-file", Write("c.key", new string('7', 64)));
                Assert.Equal(ToolContext.ExitBadInput, sameByte.Exit);
                Assert.Contains("KeyNotRandom", sameByte.Error);
                ToolRun missing = host.Tool("link", "key", "set", "--key-file", Path.Combine(dir, "none.key"));
                Assert.Equal(ToolContext.ExitBadInput, missing.Exit);
                string good = Write("good.key", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
                ToolRun badId = host.Tool("link", "key", "set", "--key-file", good, "--monitor-id", "0");
                Assert.Equal(ToolContext.ExitBadInput, badId.Exit);
                // A freshly flashed pump: nothing commissioned, nothing paired.
                ToolRun unpaired = host.Tool("link", "key", "set", "--key-file", good, "--monitor-id", "0x4D4F4E31");
                Assert.Equal(ToolContext.ExitRefused, unpaired.Exit);
                Assert.Contains("no-configuration", unpaired.Error);
                ToolRun info = host.Tool("info");
                Assert.Contains("No monitor-link key is stored", info.Out);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        // Proves: SVC-004, SVC-006
        [Fact]
        public async Task LibraryInstall_ConfirmedOnThePanel_IsInstalledAndShownByInfo()
        {
            using var host = new ServedPumpHost();
            string file = LibraryFile(41);
            Task<ToolRun> install = host.ToolAsync("library", "install", file, "--wait-s", "20");
            Assert.True(host.WaitFor(s => s.Service?.Context.Installer.AwaitingPanel == true));
            Assert.Contains("NEW LIBRARY REV 41", host.Do(s => s.ScreenText()));
            host.Press(PanelKey.Ok);
            ToolRun run = await install;
            Assert.True(run.Exit == 0, run.ToString());
            Assert.Contains("library revision 41 installed", run.Out);
            host.PowerCycle();
            using JsonDocument info = JsonDocument.Parse(host.Tool("info", "--json").Out);
            Assert.Equal(41u, info.RootElement.GetProperty("LibraryRevision").GetUInt32());
            Assert.True(info.RootElement.GetProperty("LibraryFromStore").GetBoolean());
        }

        // Proves: SVC-004
        [Fact]
        public async Task LibraryInstall_DeclinedOnThePanel_KeepsTheOldOne()
        {
            using var host = new ServedPumpHost();
            Task<ToolRun> install = host.ToolAsync("library", "install", LibraryFile(42), "--wait-s", "20");
            Assert.True(host.WaitFor(s => s.Service?.Context.Installer.AwaitingPanel == true));
            host.Press(PanelKey.Back);
            ToolRun run = await install;
            Assert.Equal(ToolContext.ExitRefused, run.Exit);
            Assert.Contains("declined", run.Error);
            Assert.False(host.Do(s => s.Service!.Context.LibraryFromStore));
        }

        // Proves: SVC-004, SVC-003
        [Fact]
        public void LibraryInstall_BadFiles_AreRefusedWithSpecificErrors()
        {
            using var host = new ServedPumpHost();
            ToolRun missing = host.Tool("library", "install", "/nonexistent/lib.bin");
            Assert.Equal(ToolContext.ExitBadInput, missing.Exit);
            Assert.Contains("no such file", missing.Error);
            string big = Path.GetTempFileName();
            File.WriteAllBytes(big, new byte[9000]);
            ToolRun tooBig = host.Tool("library", "install", big);
            Assert.Equal(ToolContext.ExitBadInput, tooBig.Exit);
            Assert.Contains("20..8192 bytes", tooBig.Error);
            string corrupt = LibraryFile(43, b => b[40] ^= 0x10);
            ToolRun refused = host.Tool("library", "install", corrupt);
            Assert.Equal(ToolContext.ExitRefused, refused.Exit);
            Assert.Contains("library-refused", refused.Error);
            Assert.False(host.Do(s => s.Service!.Context.LibraryFromStore));
        }

        // Proves: SVC-004
        [Fact]
        public async Task LibraryInstall_PowerLossMidTransferOrMidWrite_KeepsTheOldLibrary()
        {
            using var host = new ServedPumpHost();
            Task<ToolRun> first = host.ToolAsync("library", "install", LibraryFile(50), "--wait-s", "20");
            Assert.True(host.WaitFor(s => s.Service?.Context.Installer.AwaitingPanel == true));
            host.Press(PanelKey.Ok);
            Assert.Equal(0, (await first).Exit);

            // Cut in the middle of the transfer: the staged bytes were only in RAM.
            Task<ToolRun> transfer = host.ToolAsync("library", "install", LibraryFile(51), "--wait-s", "20");
            Assert.True(host.WaitFor(s => s.Service?.Context.Installer.Received > 0 || s.Service?.Context.Installer.AwaitingPanel == true));
            host.Do(s => s.CutPower());
            Assert.NotEqual(0, (await transfer).Exit);
            host.Do(s => s.PowerUp());
            Assert.Equal(50u, host.Do(s => s.Service!.Context.LibraryRevision));

            // Cut in the middle of the confirmed store write.
            Task<ToolRun> write = host.ToolAsync("library", "install", LibraryFile(52), "--wait-s", "20");
            Assert.True(host.WaitFor(s => s.Service?.Context.Installer.AwaitingPanel == true));
            host.Do(s =>
            {
                s.Pump.Store.ArmPowerCutDuringNextWrite(30);
                s.Pump.Keypad.Press(PanelKey.Ok);
            });
            Assert.NotEqual(0, (await write).Exit);
            host.Do(s => s.PowerUp());
            Assert.Equal(50u, host.Do(s => s.Service!.Context.LibraryRevision));
            Assert.True(host.Do(s => s.Service!.Context.LibraryFromStore));
        }

        // Proves: SVC-006
        [Fact]
        public void LogExport_JsonAndCsv_ListTheServiceEventsOldestFirst()
        {
            using var host = new ServedPumpHost();
            Assert.Equal(0, Calibrate(host).Exit);
            Assert.Equal(0, host.Tool("clock", "set").Exit);
            ToolRun json = host.Tool("log", "export", "--format", "json");
            Assert.True(json.Exit == 0, json.ToString());
            using JsonDocument doc = JsonDocument.Parse(json.Out);
            long previous = 0;
            bool sawConfig = false;
            bool sawClock = false;
            foreach (JsonElement e in doc.RootElement.EnumerateArray())
            {
                long seq = e.GetProperty("sequence").GetInt64();
                Assert.True(seq > previous);
                previous = seq;
                sawConfig |= e.GetProperty("name").GetString() == "ConfigurationWritten";
                sawClock |= e.GetProperty("name").GetString() == "ClockSet";
            }
            Assert.True(sawConfig && sawClock);
            ToolRun csv = host.Tool("log", "export", "--format", "csv");
            Assert.StartsWith("sequence,boot,utc_seconds", csv.Out);
            Assert.Contains(",ClockSet,", csv.Out);
            ToolRun badFormat = host.Tool("log", "export", "--format", "xml");
            Assert.NotEqual(0, badFormat.Exit);
        }

        // Proves: SVC-003, SVC-008
        [Fact]
        public void RecordsAndLogExport_FreshPumpAndUnwritableOutput_NoRecordsThenASpecificError()
        {
            using var host = new ServedPumpHost();
            ToolRun records = host.Tool("records", "export");
            Assert.True(records.Exit == 0, records.ToString());
            Assert.Equal("[]", records.Out.Trim());
            ToolRun unwritable = host.Tool("records", "export", "--out", "/nonexistent-dir/records.json");
            Assert.Equal(ToolContext.ExitBadInput, unwritable.Exit);
            Assert.Contains("cannot write", unwritable.Error);
            string file = Path.Combine(Path.GetTempPath(), "pump-log-" + Guid.NewGuid().ToString("N") + ".csv");
            Assert.Equal(0, host.Tool("log", "export", "--format", "csv", "--out", file).Exit);
            Assert.StartsWith("sequence,", File.ReadAllText(file));
        }

        // Proves: SVC-003
        [Fact]
        public void Calibrate_NoSerialOrDeadLoadCell_IsRefusedAndWritesNothing()
        {
            using var host = new ServedPumpHost();
            ToolRun noSerial = host.Tool("calibrate", "--technician", "T1");
            Assert.Equal(ToolContext.ExitBadInput, noSerial.Exit);
            Assert.Contains("--serial", noSerial.Error);
            host.Do(s => { s.Raw.Failed = true; });
            ToolRun dead = host.ToolWithInput(new StringReader("\n\n\n\n"), "calibrate", "--serial", "SP-2", "--technician", "T1");
            Assert.Equal(ToolContext.ExitRefused, dead.Exit);
            Assert.Contains("sensor-unavailable", dead.Error);
            Assert.Equal(ToolContext.ExitRefused, host.Tool("config", "get").Exit);
        }

        // Proves: SVC-003
        [Fact]
        public void Tool_NoPumpListening_SaysSoWithExitThree()
        {
            int port;
            using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            }
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = Pump.ServiceTool.Program.Run(["info", "--connect", "tcp:127.0.0.1:" + port],
                new Pump.ServiceTool.ToolIo(new StringReader(""), output, error));
            Assert.Equal(ToolContext.ExitNoAnswer, exit);
            Assert.Contains("cannot connect", error.ToString());
            exit = Pump.ServiceTool.Program.Run(["info", "--connect", "carrier-pigeon"], new Pump.ServiceTool.ToolIo(new StringReader(""), output, error));
            Assert.Equal(ToolContext.ExitBadInput, exit);
        }
    }
}
