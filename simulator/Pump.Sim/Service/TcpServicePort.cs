using System;
using System.Net;
using System.Net.Sockets;
using Pump.Hal;

namespace Pump.Sim.Service
{
    /// <summary>
    /// The simulated pump's service connector on loopback TCP (127.0.0.1 only: the link is local by design).
    /// One client at a time; a new connection replaces the old one, as plugging a new cable would. Never blocks.
    /// </summary>
    public sealed class TcpServicePort : IServicePort, IDisposable
    {
        private readonly TcpListener _listener;
        private Socket? _client;

        /// <param name="port">TCP port on 127.0.0.1; 0 picks a free one (see <see cref="Port"/>).</param>
        public TcpServicePort(int port = 0)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Read(byte[] buffer, int offset, int count)
        {
            AcceptPending();
            Socket? client = _client;
            if (client == null)
            {
                return 0;
            }
            try
            {
                int available = client.Available;
                if (available == 0)
                {
                    if (client.Poll(0, SelectMode.SelectRead))
                    {
                        Drop(); // readable with nothing to read: the peer closed
                    }
                    return 0;
                }
                return client.Receive(buffer, offset, Math.Min(count, available), SocketFlags.None);
            }
            catch (SocketException)
            {
                Drop();
                return 0;
            }
            catch (ObjectDisposedException)
            {
                Drop();
                return 0;
            }
        }

        public bool TryWrite(byte[] buffer, int offset, int count)
        {
            Socket? client = _client;
            if (client == null)
            {
                return false;
            }
            try
            {
                int sent = 0;
                while (sent < count)
                {
                    sent += client.Send(buffer, offset + sent, count - sent, SocketFlags.None);
                }
                return true;
            }
            catch (SocketException)
            {
                Drop();
                return false;
            }
            catch (ObjectDisposedException)
            {
                Drop();
                return false;
            }
        }

        private void AcceptPending()
        {
            if (!_listener.Pending())
            {
                return;
            }
            Drop();
            _client = _listener.AcceptSocket();
            _client.NoDelay = true;
        }

        private void Drop()
        {
            _client?.Dispose();
            _client = null;
        }

        public void Dispose()
        {
            Drop();
            _listener.Stop();
        }
    }
}
