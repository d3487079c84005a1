using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Pump.Bridge.Forwarding;
using Pump.Bridge.Model;
using Pump.Bridge.Output;
using Pump.Core.Link;

namespace Pump.Bridge.Hosting
{
    /// <summary>
    /// Runs one source adapter and the forwarder on the wall clock: reports go to the forwarder as they arrive,
    /// and once per frame period the forwarder's frame (or its silence) goes to the output.
    /// </summary>
    public sealed class BridgeHost : ISourceEvents
    {
        private readonly IVitalsSource _source;
        private readonly BridgeForwarder _forwarder;
        private readonly ILinkOutput _output;
        private readonly BridgeLog _log;
        private readonly int _framePeriodMs;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _gate = new();
        private readonly byte[] _frame = new byte[MonitorFrameFormat.MaxFrameLength];
        private bool _outputDown;

        public BridgeHost(IVitalsSource source, BridgeForwarder forwarder, ILinkOutput output, BridgeLog log, int framePeriodMs)
        {
            _source = source;
            _forwarder = forwarder;
            _output = output;
            _log = log;
            _framePeriodMs = framePeriodMs;
        }

        public BridgeForwarder Forwarder => _forwarder;

        public long NowMs => _clock.ElapsedMilliseconds;

        public async Task RunAsync(CancellationToken cancel)
        {
            Task source = Task.Run(() => _source.RunAsync(this, cancel), cancel);
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_framePeriodMs));
            try
            {
                while (await timer.WaitForNextTickAsync(cancel).ConfigureAwait(false))
                {
                    SendFrame();
                }
            }
            catch (OperationCanceledException)
            {
            }
            try
            {
                await source.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            _log.Write(NowMs, "bridge", "stopped");
        }

        /// <summary>Builds and writes one frame now (the frame timer calls it).</summary>
        public void SendFrame()
        {
            int n;
            lock (_gate)
            {
                n = _forwarder.BuildFrame(NowMs, DateTimeOffset.UtcNow, _frame);
            }
            if (n == 0)
            {
                return;
            }
            bool ok = _output.Write(_frame, n);
            if (ok == _outputDown)
            {
                _outputDown = !ok;
                _log.Write(NowMs, "output", ok ? $"{_output.Describe} writing again" : $"{_output.Describe} not writable: frames are being lost");
            }
        }

        public void Report(SourceReport report)
        {
            lock (_gate)
            {
                _forwarder.OnReport(report, NowMs, DateTimeOffset.UtcNow);
            }
        }

        public void Lost(string why)
        {
            lock (_gate)
            {
                _forwarder.OnSourceLost(NowMs, why);
            }
        }

        public void Log(string category, string message) => _log.Write(NowMs, category, message);
    }
}
