using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pump.Sim.Monitor
{
    /// <summary>
    /// The virtual monitor as an IntelliVue Data Export server on UDP: each reading updates the emulator, which
    /// answers the bridge's association and polls as they arrive (Serve runs between readings).
    /// </summary>
    public sealed class IntelliVueUdpTransport : IReadingTransport, IDisposable
    {
        private readonly UdpClient _udp;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public IntelliVueUdpTransport(IPEndPoint listen)
        {
            _udp = new UdpClient(listen);
        }

        public IntelliVueMonitorEmulator Emulator { get; } = new();

        public IPEndPoint LocalEndPoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

        public int Send(in VitalSignsReading reading, long nowMs)
        {
            Emulator.Update(in reading);
            return 0;
        }

        /// <summary>Answers datagrams for up to <paramref name="forMs"/> ms.</summary>
        public void Serve(int forMs)
        {
            long until = _clock.ElapsedMilliseconds + forMs;
            while (_clock.ElapsedMilliseconds < until)
            {
                _udp.Client.ReceiveTimeout = (int)Math.Max(1, until - _clock.ElapsedMilliseconds);
                try
                {
                    IPEndPoint? from = null;
                    byte[] d = _udp.Receive(ref from);
                    foreach (byte[] reply in Emulator.OnDatagram(d, _clock.ElapsedMilliseconds))
                    {
                        _udp.Send(reply, reply.Length, from);
                    }
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
                {
                    return;
                }
            }
        }

        public void Dispose() => _udp.Dispose();
    }
}
