using System;
using System.IO;
using System.Net;
using System.Net.Sockets;

namespace Pump.Bridge.Output
{
    /// <summary>Frames to a TCP endpoint (a serial-device server, or the simulator's pump on loopback); reconnects on the next frame after a failure.</summary>
    public sealed class TcpLinkOutput : ILinkOutput
    {
        private readonly IPEndPoint _to;
        private TcpClient? _client;

        public TcpLinkOutput(IPEndPoint to)
        {
            _to = to;
        }

        public string Describe => $"tcp {_to}";

        public bool Write(byte[] frame, int count)
        {
            try
            {
                if (_client == null)
                {
                    _client = new TcpClient { NoDelay = true };
                    _client.Connect(_to);
                }
                _client.GetStream().Write(frame, 0, count);
                return true;
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                _client?.Dispose();
                _client = null;
                return false;
            }
        }

        public void Dispose() => _client?.Dispose();
    }
}
