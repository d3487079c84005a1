using System;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pump.Sim.Monitor
{
    /// <summary>
    /// The virtual monitor as a PCD-01 sender: each reading as an ORU^R01 in an MLLP block over TCP to a bridge, waiting
    /// for the acknowledgement (AA, or the bridge's refusal) before the next. Reconnects after a failure.
    /// </summary>
    public sealed class MllpClientTransport : IReadingTransport, IDisposable
    {
        private readonly IPEndPoint _to;
        private readonly Pcd01MessageWriter _writer;
        private readonly byte[] _buffer = new byte[4096];
        private TcpClient? _client;

        public MllpClientTransport(IPEndPoint to, Pcd01MessageWriter writer)
        {
            _to = to;
            _writer = writer;
        }

        /// <summary>The last acknowledgement's MSA segment, or the connection error.</summary>
        public string LastAck { get; private set; } = string.Empty;

        public int Send(in VitalSignsReading reading, long nowMs)
        {
            byte[] body = Encoding.UTF8.GetBytes(_writer.Write(in reading));
            var block = new byte[body.Length + 3];
            block[0] = 0x0B;
            body.CopyTo(block, 1);
            block[^2] = 0x1C;
            block[^1] = 0x0D;
            try
            {
                if (_client == null)
                {
                    _client = new TcpClient { NoDelay = true, ReceiveTimeout = 5000, SendTimeout = 5000 };
                    _client.Connect(_to);
                }
                NetworkStream s = _client.GetStream();
                s.Write(block);
                var ack = new StringBuilder();
                while (true)
                {
                    int n = s.Read(_buffer);
                    if (n == 0)
                    {
                        throw new SocketException((int)SocketError.ConnectionReset);
                    }
                    ack.Append(Encoding.UTF8.GetString(_buffer, 0, n));
                    if (ack.ToString().IndexOf('\x1C') >= 0)
                    {
                        break;
                    }
                }
                string text = ack.ToString();
                int msa = text.IndexOf("MSA|", StringComparison.Ordinal);
                LastAck = msa >= 0 ? text[msa..].Split('\r')[0] : "no MSA in the acknowledgement";
                return block.Length;
            }
            catch (Exception e) when (e is SocketException or System.IO.IOException)
            {
                LastAck = "connection to " + _to + " failed: " + e.Message;
                _client?.Dispose();
                _client = null;
                return 0;
            }
        }

        public void Dispose() => _client?.Dispose();
    }
}
