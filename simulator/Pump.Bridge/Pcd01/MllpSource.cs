using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Pump.Bridge.Model;

namespace Pump.Bridge.Pcd01
{
    /// <summary>
    /// The PCD-01 route: a Device Observation Consumer listening for MLLP on TCP. The sender connects and pushes
    /// ORU^R01 messages; each is decoded and acknowledged on the same connection (AA accepted, AE/AR refused with
    /// the reason). Connections, refusals and drops are logged; the bridge's source timeout, not the connection,
    /// decides when the source is lost (senders may reconnect per message).
    /// </summary>
    public sealed class MllpSource : IVitalsSource
    {
        private readonly IPEndPoint _listen;
        private readonly Func<DateTimeOffset> _utcNow;

        public MllpSource(IPEndPoint listen, Func<DateTimeOffset>? utcNow = null)
        {
            _listen = listen;
            _utcNow = utcNow ?? (() => DateTimeOffset.UtcNow);
        }

        public string Name => "pcd01";

        /// <summary>The bound endpoint once listening (port 0 picks a free port).</summary>
        public IPEndPoint? BoundEndPoint { get; private set; }

        private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Listening => _listening.Task;

        public async Task RunAsync(ISourceEvents events, CancellationToken cancel)
        {
            var listener = new TcpListener(_listen);
            listener.Start();
            BoundEndPoint = (IPEndPoint)listener.LocalEndpoint;
            events.Log("mllp", $"listening on {BoundEndPoint}");
            _listening.TrySetResult();
            try
            {
                while (!cancel.IsCancellationRequested)
                {
                    TcpClient client = await listener.AcceptTcpClientAsync(cancel).ConfigureAwait(false);
                    _ = Task.Run(() => ServeAsync(client, events, cancel), cancel);
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                listener.Stop();
            }
        }

        private async Task ServeAsync(TcpClient client, ISourceEvents events, CancellationToken cancel)
        {
            string peer = client.Client.RemoteEndPoint?.ToString() ?? "?";
            events.Log("mllp", $"connection from {peer}");
            var framer = new MllpFramer();
            var buffer = new byte[8192];
            try
            {
                using (client)
                {
                    NetworkStream stream = client.GetStream();
                    while (!cancel.IsCancellationRequested)
                    {
                        int n = await stream.ReadAsync(buffer, cancel).ConfigureAwait(false);
                        if (n == 0)
                        {
                            break;
                        }
                        foreach (string message in framer.Feed(buffer.AsSpan(0, n)))
                        {
                            Pcd01Result result = Pcd01Decoder.Decode(message);
                            if (result.Report != null)
                            {
                                events.Report(result.Report);
                            }
                            else
                            {
                                events.Log("refused", $"PCD-01 message {result.ControlId} from {peer}: {result.Error}");
                            }
                            byte[] ack = MllpFramer.Frame(Pcd01Decoder.Ack(result, _utcNow()));
                            await stream.WriteAsync(ack, cancel).ConfigureAwait(false);
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                events.Log("mllp", $"connection from {peer} ended: {e.Message}");
                return;
            }
            events.Log("mllp", $"connection from {peer} closed by the sender" + (framer.DiscardedBytes > 0 ? $" ({framer.DiscardedBytes} bytes outside MLLP blocks discarded)" : string.Empty));
        }
    }
}
