using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Pump.Bridge.Model;

namespace Pump.Bridge.IntelliVue
{
    /// <summary>The IntelliVue route over UDP (monitor port 24105): an <see cref="IntelliVueSession"/> on a socket and the wall clock.</summary>
    public sealed class IntelliVueSource : IVitalsSource
    {
        public const int DataExportPort = 24105;

        private readonly IPEndPoint _monitor;
        private readonly ulong _sourceId;
        private readonly string _bedLabel;

        public IntelliVueSource(IPEndPoint monitor, ulong sourceId, string bedLabel)
        {
            _monitor = monitor;
            _sourceId = sourceId;
            _bedLabel = bedLabel;
        }

        public string Name => "intellivue";

        public async Task RunAsync(ISourceEvents events, CancellationToken cancel)
        {
            using var udp = new UdpClient(new IPEndPoint(_monitor.Address.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            var session = new IntelliVueSession(events, _sourceId, _bedLabel);
            var clock = Stopwatch.StartNew();
            events.Log("association", $"monitor {_monitor}");
            try
            {
                while (!cancel.IsCancellationRequested)
                {
                    foreach (byte[] d in session.Tick(clock.ElapsedMilliseconds))
                    {
                        await udp.SendAsync(d, _monitor, cancel).ConfigureAwait(false);
                    }
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                    wait.CancelAfter(100);
                    try
                    {
                        UdpReceiveResult got = await udp.ReceiveAsync(wait.Token).ConfigureAwait(false);
                        if (!got.RemoteEndPoint.Address.Equals(_monitor.Address))
                        {
                            events.Log("refused", $"datagram from {got.RemoteEndPoint} is not from the monitor");
                            continue;
                        }
                        foreach (byte[] reply in session.OnDatagram(got.Buffer, clock.ElapsedMilliseconds, DateTimeOffset.UtcNow))
                        {
                            await udp.SendAsync(reply, _monitor, cancel).ConfigureAwait(false);
                        }
                    }
                    catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                    {
                    }
                    catch (SocketException e)
                    {
                        events.Log("association", "socket: " + e.Message);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            byte[]? release = session.Release(clock.ElapsedMilliseconds);
            if (release != null)
            {
                await udp.SendAsync(release, _monitor).ConfigureAwait(false);
            }
        }
    }
}
