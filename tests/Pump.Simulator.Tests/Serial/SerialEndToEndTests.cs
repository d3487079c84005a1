using System;
using System.IO;
using System.Threading;
using Pump.Bridge.Forwarding;
using Pump.Bridge.Hosting;
using Pump.Bridge.Model;
using Pump.Bridge.Output;
using Pump.Core.Configuration;
using Pump.Core.Link;
using Pump.Sim.Monitor;
using Pump.Sim.Scenarios;
using Pump.Sim.Service;
using Pump.Simulator.Commands;
using Pump.Simulator.Tests.Service;
using Xunit;

namespace Pump.Simulator.Tests.Serial
{
    /// <summary>
    /// The serial paths end to end on pseudo-terminals (System.IO.Ports on both ends, as with USB-serial adapters):
    /// pump-service against `pump-sim serve --serial`, and link frames from `pump-sim monitor --port` and from the
    /// bridge's serial output into the pump's parser. A few seconds each.
    /// </summary>
    public class SerialEndToEndTests
    {
        /// <summary>A fact that needs pseudo-terminals: skipped, saying why, only where the OS has none; never on Linux.</summary>
        private sealed class PtyFactAttribute : FactAttribute
        {
            public PtyFactAttribute()
            {
                if (!OperatingSystem.IsLinux() && !PseudoTerminal.Available)
                {
                    Skip = "no pseudo-terminals on this OS (" + Environment.OSVersion.Platform + "); on Linux these tests always run";
                }
            }
        }

        private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

        // Proves: SVC-010, SVC-003
        [PtyFact]
        public void PumpService_OverASerialPort_AgainstServeOnASerialPort_AnswersInfoRefusalsAndTheClock()
        {
            using var cable = new NullModem();
            using var host = new ServedPumpHost(new SerialServicePort(cable.DeviceA), "serial:" + cable.DeviceB);
            ToolRun info = host.Tool("info", "--json");
            Assert.True(info.Exit == 0, info.ToString());
            Assert.Contains("\"ConfigProblemCode\": " + ConfigProblem.NoRecord, info.Out);
            ToolRun clock = host.Tool("clock", "set", "--utc", "2026-12-03T09:00:00Z");
            Assert.True(clock.Exit == 0, clock.ToString());
            Assert.True(host.Do(s => s.Pump.RealTimeClock.TryReadUtcSeconds(out long utc) && Math.Abs(utc - 1_796_288_400) <= 2));
            ToolRun refused = host.Tool("clock", "set", "--utc", "2001-01-01T00:00:00Z");
            Assert.Equal(Pump.ServiceTool.Commands.ToolContext.ExitRefused, refused.Exit);
            Assert.Contains("clock-out-of-range", refused.Error);
        }

        // Proves: BRG-015, BRG-014
        [PtyFact]
        public void MonitorCommand_LinkOnASerialPort_ThePumpAcceptsItsAuthenticatedFrames()
        {
            Scenario s = DefaultScenario.Create();
            var pump = new PumpOnSerial(s);
            int exit = MonitorCommand.Run(s, "link", pump.Device, null, "0.0.0.0:0", null, 1.0, 3, TextWriter.Null);
            MonitorFrameParser parser = pump.StopAfter(2);
            Assert.Equal(0, exit);
            Assert.True(parser.AcceptedCount >= 2, parser.AcceptedCount + " accepted");
            Assert.Equal(0, parser.RejectedCount);
            Assert.Equal(s.Monitor.MonitorId, parser.LastAccepted.MonitorId);
        }

        // Proves: BRG-015, BRG-010
        [PtyFact]
        public void Bridge_SerialOutput_ThePumpAcceptsEachForwardedReport()
        {
            Scenario s = DefaultScenario.Create();
            var pump = new PumpOnSerial(s);
            var log = new BridgeLog();
            var forwarder = new BridgeForwarder(new BridgePolicy(), s.Monitor.MonitorId, 1, MonitorPairing.Simulated(s.Monitor.MonitorId).NewMac(), log);
            using (var output = new SerialLinkOutput(pump.Device))
            {
                var frame = new byte[MonitorFrameFormat.MaxFrameLength];
                for (int i = 0; i < 3; i++)
                {
                    DateTimeOffset at = T0.AddSeconds(i);
                    var report = new SourceReport(0x0012345678ABCDEFUL, "ICU-3 BED 12", "P1", at);
                    report.Measurements.Add(new Measurement(VitalKind.HeartRate, 72, ValueStatusCode.Valid, at));
                    report.Measurements.Add(new Measurement(VitalKind.Spo2, 97, ValueStatusCode.Valid, at));
                    report.Measurements.Add(new Measurement(VitalKind.Nibp, 128, ValueStatusCode.Valid, at.AddMinutes(-3)) { Diastolic = 80, Mean = 96 });
                    forwarder.OnReport(report, i * 1000, at);
                    int n = forwarder.BuildFrame(i * 1000, at, frame);
                    Assert.True(n > 0, string.Join(" | ", log.Recent()));
                    Assert.True(output.Write(frame, n), "the serial output refused the frame");
                }
            }
            MonitorFrameParser parser = pump.StopAfter(3);
            Assert.Equal(3, parser.AcceptedCount);
            Assert.Equal(0, parser.RejectedCount);
        }

        /// <summary>
        /// The pump's side of a serial line: a pseudo-terminal whose bytes feed a parser paired with the scenario's
        /// monitor, read on a thread of its own (a thread-pool task may not start for seconds when other tests hold the
        /// pool's threads, and the test then stopped it before it had read anything).
        /// </summary>
        private sealed class PumpOnSerial
        {
            /// <summary>Bounds only a hang: the frames normally arrive within milliseconds.</summary>
            private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

            private readonly PseudoTerminal _pty = new();
            private readonly MonitorFrameParser _parser;
            private readonly Thread _drain;
            private readonly object _sync = new();
            private volatile bool _stop;

            public PumpOnSerial(Scenario s)
            {
                var keys = new LinkKeyStore();
                MonitorPairing.Simulated(s.Monitor.MonitorId).PairPump(keys);
                _parser = new MonitorFrameParser(keys, 5, 60000);
                _drain = new Thread(Drain) { IsBackground = true, Name = "pump on serial" };
                _drain.Start();
            }

            public string Device => _pty.DevicePath;

            private void Drain()
            {
                var buffer = new byte[512];
                var link = new Pump.Simulator.Tests.Cli.QueueLink();
                while (!_stop)
                {
                    int n = _pty.Read(buffer, 20);
                    if (n > 0)
                    {
                        lock (_sync)
                        {
                            link.Add(buffer, n);
                            while (_parser.Poll(link, 0) != FrameResult.None)
                            {
                            }
                        }
                    }
                }
            }

            /// <summary>
            /// Waits until the parser has judged <paramref name="frames"/> frames (accepted or rejected), then stops
            /// reading and closes the line; returns the parser.
            /// </summary>
            public MonitorFrameParser StopAfter(int frames)
            {
                var wall = System.Diagnostics.Stopwatch.StartNew();
                while (wall.Elapsed < Deadline)
                {
                    lock (_sync)
                    {
                        if (_parser.AcceptedCount + _parser.RejectedCount >= frames)
                        {
                            break;
                        }
                    }
                    Thread.Sleep(5);
                }
                _stop = true;
                _drain.Join();
                _pty.Dispose();
                return _parser;
            }
        }
    }
}
