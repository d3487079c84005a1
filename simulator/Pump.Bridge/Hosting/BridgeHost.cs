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
    /// Runs one source adapter and the forwarder on the wall clock: each report goes to the forwarder as it arrives
    /// and its frame goes out at once (a hold-level value reaches the pump without waiting for a timer); when no
    /// frame went out for a frame period, the timer asks the forwarder again (which goes silent once the source is lost).
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
        private long _lastFrameMs = long.MinValue / 2;

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
                    if (NowMs - Interlocked.Read(ref _lastFrameMs) >= _framePeriodMs)
                    {
                        SendFrame();
                    }
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

        /// <summary>Builds and writes one frame now (on each report, and by the timer when none went out for a period).</summary>
        public void SendFrame()
        {
            // One lock for building and writing: the frame buffer and the output are shared by the timer and the source.
            lock (_gate)
            {
                int n = _forwarder.BuildFrame(NowMs, DateTimeOffset.UtcNow, _frame);
                if (n == 0)
                {
                    return;
                }
                Interlocked.Exchange(ref _lastFrameMs, NowMs);
                bool ok = _output.Write(_frame, n);
                if (ok == _outputDown)
                {
                    _outputDown = !ok;
                    _log.Write(NowMs, "output", ok ? $"{_output.Describe} writing again" : $"{_output.Describe} not writable: frames are being lost");
                }
            }
        }

        public void Report(SourceReport report)
        {
            lock (_gate)
            {
                _forwarder.OnReport(report, NowMs, DateTimeOffset.UtcNow);
            }
            SendFrame();
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
