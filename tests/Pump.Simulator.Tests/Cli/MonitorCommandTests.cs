using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Pump.Bridge.Forwarding;
using Pump.Bridge.Hosting;
using Pump.Bridge.IntelliVue;
using Pump.Bridge.Model;
using Pump.Bridge.Output;
using Pump.Bridge.Pcd01;
using Pump.Core.Link;
using Pump.Sim.Monitor;
using Pump.Sim.Scenarios;
using Pump.Simulator.Commands;
using Xunit;

namespace Pump.Simulator.Tests.Cli
{
    /// <summary>
    /// `pump-sim monitor` on real sockets in wall time against the real bridge host (its PCD-01 listener or IntelliVue
    /// client, its frame timer and TCP output), with the pump's parser reading what arrives, until it has judged the frames each test needs.
    /// </summary>
    public class MonitorCommandTests
    {
        private const int DeadlineSeconds = 90;

        private static async Task<(MonitorFrameParser Parser, BridgeLog Log)> RunChain(Func<IPEndPoint, IVitalsSource> makeSource,
            Func<IVitalsSource, Task<string[]>> monitorArgs, int frames)
        {
            Scenario s = DefaultScenario.Create();
            MonitorPairing pairing = MonitorPairing.Simulated(s.Monitor.MonitorId);
            var keys = new LinkKeyStore();
            pairing.PairPump(keys);
            var parser = new MonitorFrameParser(keys, 5, 60000);
            var pumpListener = new TcpListener(IPAddress.Loopback, 0);
            pumpListener.Start();
            var log = new BridgeLog();
            IVitalsSource source = makeSource((IPEndPoint)pumpListener.LocalEndpoint);
            using var output = new TcpLinkOutput((IPEndPoint)pumpListener.LocalEndpoint);
            var host = new BridgeHost(source, new BridgeForwarder(new BridgePolicy(), s.Monitor.MonitorId, 1, pairing.NewMac(), log), output, log, 500);
            using var cancel = new CancellationTokenSource();
            Task bridge = host.RunAsync(cancel.Token);
            string[] args = await monitorArgs(source);
            Task pump = Task.Run(async () =>
            {
                using TcpClient c = await pumpListener.AcceptTcpClientAsync(cancel.Token);
                var buffer = new byte[4096];
                var link = new QueueLink();
                while (!cancel.IsCancellationRequested)
                {
                    int n = await c.GetStream().ReadAsync(buffer, cancel.Token);
                    if (n == 0) break;
                    link.Add(buffer, n);
                    lock (parser)
                    {
                        while (parser.Poll(link, 0) != FrameResult.None) { }
                    }
                }
            });
            // The monitor runs on its own thread until the pump has judged the frames the test needs: a fixed run
            // lost them when a busy thread pool started the bridge's source only after the monitor had stopped
            // (CI, stop 13: the bridge's first association request left 5 s late). The deadline bounds only a hang.
            using var monitorStop = new CancellationTokenSource();
            int exit = -1;
            Exception? failure = null;
            var monitor = new Thread(() =>
            {
                // Caught here and rethrown on the test's thread: an exception on a bare thread would end the test host.
                try
                {
                    exit = MonitorCommand.Run(s, args[0], null, args[1], args[2], null, 1.0, DeadlineSeconds, TextWriter.Null, monitorStop.Token);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            }) { IsBackground = true, Name = "monitor" };
            monitor.Start();
            var wall = System.Diagnostics.Stopwatch.StartNew();
            while (wall.Elapsed < TimeSpan.FromSeconds(DeadlineSeconds) && monitor.IsAlive)
            {
                lock (parser)
                {
                    if (parser.AcceptedCount + parser.RejectedCount >= frames)
                    {
                        break;
                    }
                }
                await Task.Delay(10);
            }
            monitorStop.Cancel();
            bool joined = monitor.Join(TimeSpan.FromSeconds(30));
            cancel.Cancel();
            try { await Task.WhenAll(bridge, pump); } catch (OperationCanceledException) { }
            pumpListener.Stop();
            Assert.True(joined, "the monitor did not stop within 30 s of being cancelled");
            if (failure != null)
            {
                throw new InvalidOperationException("the monitor command failed", failure);
            }

            Assert.Equal(0, exit);
            return (parser, log);
        }

        // Proves: BRG-010, BRG-014
        [Fact]
        public async Task Monitor_Pcd01ToTheBridgeListener_PumpAcceptsAuthenticatedFrames()
        {
            var (parser, log) = await RunChain(
                _ => new MllpSource(new IPEndPoint(IPAddress.Loopback, 0)),
                async src => { await ((MllpSource)src).Listening; return new[] { "pcd01", ((MllpSource)src).BoundEndPoint!.ToString(), "" }; },
                frames: 2);

            Assert.True(parser.AcceptedCount >= 2, $"{parser.AcceptedCount} accepted; log: {string.Join(" | ", log.Recent())}");
            Assert.Equal(0, parser.RejectedCount);
            Assert.Equal("SIM BED 1", parser.LastAccepted.BedLabelText());
            Assert.True(log.Contains("connection from"));
        }

        // Proves: BRG-010, BRG-014
        [Fact]
        public async Task Monitor_IntelliVueServedToTheBridgeClient_PumpAcceptsAuthenticatedFrames()
        {
            int port;
            using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
            {
                port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
            }
            var monitorAt = new IPEndPoint(IPAddress.Loopback, port);
            var (parser, log) = await RunChain(
                _ => new IntelliVueSource(monitorAt, 0x00A0C0FFEE000001UL, "ICU-3 BED 12"),
                _ => Task.FromResult(new[] { "intellivue", "", monitorAt.ToString() }),
                frames: 1);   // the bridge may ask before the monitor listens; it asks again after RetryMs (2 s)

            Assert.True(parser.AcceptedCount >= 1, $"{parser.AcceptedCount} accepted; log: {string.Join(" | ", log.Recent())}");
            Assert.Equal(0, parser.RejectedCount);
            Assert.True(log.Contains("accepted by the monitor"));
        }
    }
}
