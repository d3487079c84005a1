using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.IO.Ports;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Pump.Sim.Monitor;
using Pump.Sim.Scenarios;

namespace Pump.Simulator.Commands
{
    /// <summary>
    /// `monitor`: the scenario's patient on a real wire, in real time. `--protocol link` speaks monitor-link v2 on a
    /// serial port (or TCP) to a bench pump; `pcd01` sends ORU^R01 over MLLP to a bridge; `intellivue` serves Data
    /// Export on UDP for a bridge to associate with.
    /// </summary>
    internal static class MonitorCommand
    {
        public static Command Create()
        {
            var scenario = Common.ScenarioOption();
            var protocol = new Option<string>("--protocol") { Description = "link (monitor-link v2), pcd01 or intellivue.", DefaultValueFactory = _ => "link" };
            var port = new Option<string?>("--port") { Description = "link: serial port to the pump (e.g. /dev/ttyUSB0), 115200 8N1." };
            var to = new Option<string?>("--to") { Description = "link: TCP address instead of a serial port; pcd01: the bridge's MLLP address (host:port)." };
            var listen = new Option<string>("--listen") { Description = "intellivue: UDP address to serve on.", DefaultValueFactory = _ => "0.0.0.0:24105" };
            var keyFile = new Option<FileInfo?>("--key-file") { Description = "link: the pairing key (hex) entered on the pump; the simulator's key for the scenario's monitor id when omitted." };
            var speed = new Option<double>("--speed") { Description = "Simulated seconds per wall second.", DefaultValueFactory = _ => 1.0 };
            var seconds = new Option<int?>("--seconds") { Description = "Stop after this many simulated seconds (default: the scenario's end)." };
            var cmd = new Command("monitor", "Be the scenario's patient monitor on a real wire: link v2 to a bench pump, or PCD-01 / IntelliVue to a monitor bridge.")
            {
                scenario, protocol, port, to, listen, keyFile, speed, seconds,
            };
            cmd.SetAction(r =>
            {
                Scenario? s = Common.Load(r.GetValue(scenario));
                if (s == null)
                {
                    return Common.ExitScenarioError;
                }
                try
                {
                    return Run(s, r.GetValue(protocol)!, r.GetValue(port), r.GetValue(to), r.GetValue(listen)!, r.GetValue(keyFile),
                        Math.Max(0.01, r.GetValue(speed)), r.GetValue(seconds), Console.Out);
                }
                catch (ArgumentException e)
                {
                    Console.Error.WriteLine("monitor: " + e.Message);
                    return Common.ExitScenarioError;
                }
            });
            return cmd;
        }

        internal static int Run(Scenario s, string protocol, string? port, string? to, string listen, FileInfo? keyFile, double speed,
            int? seconds, TextWriter output, CancellationToken cancel = default)
        {
            IDisposable? owned = null;
            IReadingTransport transport;
            IntelliVueUdpTransport? intelliVue = null;
            MllpClientTransport? mllp = null;
            switch (protocol)
            {
                case "link":
                    MonitorPairing pairing = keyFile == null
                        ? MonitorPairing.Simulated(s.Monitor.MonitorId)
                        : new MonitorPairing(s.Monitor.MonitorId, Convert.FromHexString(File.ReadAllText(keyFile.FullName).Trim()));
                    Stream stream;
                    if (port != null)
                    {
                        var serial = new SerialPort(port, 115200, Parity.None, 8, StopBits.One) { Handshake = Handshake.None };
                        serial.Open();
                        owned = serial;
                        stream = serial.BaseStream;
                    }
                    else
                    {
                        var client = new TcpClient { NoDelay = true };
                        client.Connect(Endpoint(to ?? throw new ArgumentException("link needs --port or --to")));
                        owned = client;
                        stream = client.GetStream();
                    }
                    transport = new StreamLinkTransport(stream, new CoreFrameEncoder(pairing));
                    break;
                case "pcd01":
                    mllp = new MllpClientTransport(Endpoint(to ?? throw new ArgumentException("pcd01 needs --to (the bridge's MLLP address)")),
                        new Pcd01MessageWriter(0x00A0C0FFEE000001UL, "SIM BED 1", "SIM-PATIENT", DateTimeOffset.Now - TimeSpan.FromSeconds(0)));
                    owned = mllp;
                    transport = mllp;
                    break;
                case "intellivue":
                    intelliVue = new IntelliVueUdpTransport(Endpoint(listen));
                    owned = intelliVue;
                    transport = intelliVue;
                    break;
                default:
                    throw new ArgumentException($"--protocol '{protocol}' is not link, pcd01 or intellivue");
            }
            using (owned)
            {
                var monitor = new StandaloneMonitor(s, transport);
                long limitMs = seconds is int n ? n * 1000L : long.MaxValue;
                var wall = Stopwatch.StartNew();
                output.WriteLine($"monitor: {protocol}, scenario '{s.Name}', monitor id 0x{s.Monitor.MonitorId:X8}, {speed:0.##}x real time");
                while (!monitor.Finished && monitor.NowMs < limitMs && !cancel.IsCancellationRequested)
                {
                    foreach (string e in monitor.Step())
                    {
                        output.WriteLine($"{monitor.NowMs / 1000,6} s  {e}");
                    }
                    VitalSignsReading last = monitor.Monitor.Last;
                    if (monitor.NowMs % 10_000 == 0)
                    {
                        output.WriteLine($"{monitor.NowMs / 1000,6} s  HR {last.HrBpm} SpO2 {(last.ProbeOff ? "--" : last.Spo2Pct.ToString())} RR {last.RrPerMin} NIBP {last.SbpMmHg}/{last.DbpMmHg}"
                            + (mllp != null ? "  " + mllp.LastAck : string.Empty) + (intelliVue != null ? $"  polls answered {intelliVue.Emulator.PollsAnswered}" : string.Empty));
                    }
                    long dueMs = (long)(monitor.NowMs / speed);
                    int waitMs = (int)Math.Max(0, dueMs - wall.ElapsedMilliseconds);
                    if (intelliVue != null)
                    {
                        intelliVue.Serve(waitMs);
                    }
                    else if (waitMs > 0)
                    {
                        cancel.WaitHandle.WaitOne(waitMs);
                    }
                }
            }
            return Common.ExitOk;
        }

        private static IPEndPoint Endpoint(string text) =>
            IPEndPoint.TryParse(text, out IPEndPoint? ep) && ep.Port != 0 ? ep : throw new ArgumentException($"'{text}' is not host:port");
    }
}
