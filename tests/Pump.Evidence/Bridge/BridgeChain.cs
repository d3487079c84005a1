using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Pump.Bridge.Forwarding;
using Pump.Bridge.IntelliVue;
using Pump.Bridge.Model;
using Pump.Bridge.Output;
using Pump.Bridge.Pcd01;
using Pump.Core.Link;
using Pump.Sim.Hardware;
using Pump.Sim.Monitor;

namespace Pump.Evidence.Bridge
{
    /// <summary>The monitor protocol a <see cref="BridgeChain"/> carries.</summary>
    public enum MonitorProtocol
    {
        Pcd01,
        IntelliVue,
    }

    /// <summary>
    /// The whole chain in simulated time: the virtual monitor's reading → a real monitor protocol (PCD-01 over MLLP
    /// on loopback TCP, or IntelliVue Data Export over loopback UDP) → the bridge's own adapter and forwarder →
    /// monitor-link v2 frames over loopback TCP → the simulated pump's link. Each reading is carried to the pump
    /// within the call (bounded waits on loopback), so the run stays in lockstep; the bridge's clock is the
    /// simulation's. Restarting the bridge raises its boot number, as the real bridge's boot file does.
    /// </summary>
    public sealed class BridgeChain : IReadingTransport, ISourceEvents, IDisposable
    {
        private const int WaitMs = 2000;
        private readonly MonitorProtocol _protocol;
        private readonly MonitorPairing _pairing;
        private readonly SimMonitorLink _pumpLink;
        private readonly DateTimeOffset _clockZero = new(2026, 12, 3, 8, 0, 0, TimeSpan.FromHours(1));
        private readonly byte[] _frame = new byte[MonitorFrameFormat.MaxFrameLength];
        private readonly byte[] _buffer = new byte[65536];
        private readonly Stopwatch _wall = new();

        // PCD-01: the monitor's MLLP connection and the bridge's accepted end.
        private readonly Pcd01MessageWriter? _pcd01;
        private readonly TcpClient? _monitorTcp;
        private readonly TcpClient? _bridgeTcp;
        private readonly MllpFramer _bridgeFramer = new();
        private readonly MllpFramer _ackFramer = new();

        // IntelliVue: the monitor's and the bridge's UDP sockets.
        private readonly IntelliVueMonitorEmulator? _emulator;
        private readonly UdpClient? _monitorUdp;
        private readonly UdpClient? _bridgeUdp;
        private IntelliVueSession? _session;

        // Bridge → pump: the bridge's TCP output and the pump side's accepted end.
        private readonly TcpListener _pumpListener;
        private readonly TcpLinkOutput _output;
        private TcpClient? _pumpSide;

        private BridgeForwarder _forwarder;
        private long _nowMs;

        public BridgeChain(MonitorProtocol protocol, MonitorPairing pairing, SimMonitorLink pumpLink)
        {
            _protocol = protocol;
            _pairing = pairing;
            _pumpLink = pumpLink;
            Boot = 1;
            _forwarder = NewForwarder();
            _pumpListener = new TcpListener(IPAddress.Loopback, 0);
            _pumpListener.Start();
            _output = new TcpLinkOutput((IPEndPoint)_pumpListener.LocalEndpoint);
            if (protocol == MonitorProtocol.Pcd01)
            {
                _pcd01 = new Pcd01MessageWriter(0x0012345678ABCDEFUL, "ICU-3 BED 12", "HOSP123456", _clockZero);
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                _monitorTcp = new TcpClient { NoDelay = true };
                _monitorTcp.Connect((IPEndPoint)listener.LocalEndpoint);
                _bridgeTcp = listener.AcceptTcpClient();
                _bridgeTcp.NoDelay = true;
                listener.Stop();
                SetTimeouts(_monitorTcp.Client);
                SetTimeouts(_bridgeTcp.Client);
            }
            else
            {
                _emulator = new IntelliVueMonitorEmulator();
                _monitorUdp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
                _bridgeUdp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
                SetTimeouts(_monitorUdp.Client);
                SetTimeouts(_bridgeUdp.Client);
                _session = new IntelliVueSession(this, 0x00A0C0FFEE000001UL, "ICU-3 BED 12");
            }
        }

        public BridgeLog Log { get; } = new();

        public BridgeForwarder Forwarder => _forwarder;

        public uint Boot { get; private set; }

        /// <summary>Wall-clock time of every reading's trip from the monitor's bytes to the pump's link, µs.</summary>
        public List<double> TransitMicroseconds { get; } = new();

        public long FramesToPump { get; private set; }

        /// <summary>While set, the monitor's messages are lost (a cable pulled between monitor and bridge).</summary>
        public bool SourceCut { get; set; }

        /// <summary>The bridge restarts: a new process with the next boot number, a new association, nothing remembered.</summary>
        public void RestartBridge()
        {
            Boot++;
            _forwarder = NewForwarder();
            if (_protocol == MonitorProtocol.IntelliVue)
            {
                _session = new IntelliVueSession(this, 0x00A0C0FFEE000001UL, "ICU-3 BED 12");
            }
            Log.Write(_nowMs, "bridge", $"restarted with boot {Boot}");
        }

        public int Send(in VitalSignsReading reading, long nowMs)
        {
            _nowMs = nowMs;
            DateTimeOffset utc = _clockZero.AddMilliseconds(nowMs);
            _wall.Restart();
            if (_protocol == MonitorProtocol.Pcd01)
            {
                CarryPcd01(in reading, utc);
            }
            else
            {
                CarryIntelliVue(in reading, nowMs, utc);
            }
            int n = _forwarder.BuildFrame(nowMs, utc, _frame);
            if (n == 0)
            {
                return 0;
            }
            if (!_output.Write(_frame, n))
            {
                throw new InvalidOperationException("the loopback output refused a frame");
            }
            _pumpSide ??= _pumpListener.AcceptTcpClient();
            SetTimeouts(_pumpSide.Client);
            ReadExactly(_pumpSide.GetStream(), _buffer, n);
            _pumpLink.Write(_buffer, 0, n);
            TransitMicroseconds.Add(_wall.Elapsed.TotalMilliseconds * 1000);
            FramesToPump++;
            return n;
        }

        private void CarryPcd01(in VitalSignsReading reading, DateTimeOffset utc)
        {
            if (SourceCut)
            {
                return;
            }
            byte[] message = MllpFramer.Frame(_pcd01!.Write(in reading));
            _monitorTcp!.GetStream().Write(message);
            // The bridge side: read until the block is complete, decode, acknowledge.
            List<string> got;
            do
            {
                int n = _bridgeTcp!.GetStream().Read(_buffer);
                if (n == 0)
                {
                    throw new InvalidOperationException("the MLLP connection closed");
                }
                got = _bridgeFramer.Feed(_buffer.AsSpan(0, n));
            }
            while (got.Count == 0);
            foreach (string m in got)
            {
                Pcd01Result result = Pcd01Decoder.Decode(m);
                if (result.Report != null)
                {
                    _forwarder.OnReport(result.Report, _nowMs, utc);
                }
                else
                {
                    Log.Write(_nowMs, "refused", result.Error);
                }
                _bridgeTcp!.GetStream().Write(MllpFramer.Frame(Pcd01Decoder.Ack(result, utc)));
            }
            // The monitor reads its acknowledgement before sending the next message.
            List<string> acks;
            do
            {
                int n = _monitorTcp.GetStream().Read(_buffer);
                acks = _ackFramer.Feed(_buffer.AsSpan(0, n));
            }
            while (acks.Count == 0);
            if (!acks[0].Contains("MSA|AA|", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the bridge did not accept the monitor's message: " + acks[0]);
            }
        }

        private void CarryIntelliVue(in VitalSignsReading reading, long nowMs, DateTimeOffset utc)
        {
            _emulator!.Update(in reading);
            _emulator.Silent = SourceCut;
            var monitorEnd = (IPEndPoint)_monitorUdp!.Client.LocalEndPoint!;
            var bridgeEnd = (IPEndPoint)_bridgeUdp!.Client.LocalEndPoint!;
            for (int round = 0; round < 8; round++)
            {
                List<byte[]> toMonitor = _session!.Tick(nowMs);
                if (toMonitor.Count == 0)
                {
                    break;
                }
                while (toMonitor.Count > 0)
                {
                    var replies = new List<byte[]>();
                    foreach (byte[] d in toMonitor)
                    {
                        _bridgeUdp.Send(d, d.Length, monitorEnd);
                        IPEndPoint? from = null;
                        byte[] atMonitor = _monitorUdp.Receive(ref from);
                        foreach (byte[] reply in _emulator.OnDatagram(atMonitor, nowMs))
                        {
                            _monitorUdp.Send(reply, reply.Length, bridgeEnd);
                            byte[] atBridge = _bridgeUdp.Receive(ref from);
                            replies.AddRange(_session.OnDatagram(atBridge, nowMs, utc));
                        }
                    }
                    toMonitor = replies;
                }
            }
        }

        private BridgeForwarder NewForwarder() =>
            new(new BridgePolicy(), _pairing.MonitorId, Boot, _pairing.NewMac(), Log);

        private static void ReadExactly(NetworkStream s, byte[] into, int count)
        {
            int got = 0;
            while (got < count)
            {
                int n = s.Read(into, got, count - got);
                if (n == 0)
                {
                    throw new InvalidOperationException("the loopback output closed");
                }
                got += n;
            }
        }

        private static void SetTimeouts(Socket s)
        {
            s.ReceiveTimeout = WaitMs;
            s.SendTimeout = WaitMs;
        }

        void ISourceEvents.Report(SourceReport report) => _forwarder.OnReport(report, _nowMs, _clockZero.AddMilliseconds(_nowMs));

        void ISourceEvents.Lost(string why) => _forwarder.OnSourceLost(_nowMs, why);

        void ISourceEvents.Log(string category, string message) => Log.Write(_nowMs, category, message);

        public void Dispose()
        {
            _monitorTcp?.Dispose();
            _bridgeTcp?.Dispose();
            _monitorUdp?.Dispose();
            _bridgeUdp?.Dispose();
            _pumpSide?.Dispose();
            _output.Dispose();
            _pumpListener.Stop();
        }
    }
}
