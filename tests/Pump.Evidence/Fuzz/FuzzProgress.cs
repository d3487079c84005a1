using System;
using System.Diagnostics;
using System.Threading;

namespace Pump.Evidence.Fuzz
{
    /// <summary>
    /// Progress of one long fuzz run: exits with code 2 when no input completes for <see cref="HangAfter"/>
    /// (a hang), and prints the heap after a full collection every 100,000 inputs (flat means no growth).
    /// Harness only; the firmware never reads a wall clock.
    /// </summary>
    internal sealed class FuzzProgress : IDisposable
    {
        public static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(60);

        private readonly Timer _watchdog;
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private long _progress;
        private long _lastSeen = -1;

        public FuzzProgress()
        {
            HeapBeforeBytes = GC.GetTotalMemory(forceFullCollection: true);
            _watchdog = new Timer(_ => CheckForHang(), null, HangAfter, HangAfter);
        }

        public long HeapBeforeBytes { get; }

        public TimeSpan Elapsed => _watch.Elapsed;

        /// <summary>Called after each input.</summary>
        public void Completed(long inputIndex)
        {
            Interlocked.Exchange(ref _progress, inputIndex);
            if (inputIndex % 100_000 == 0 && inputIndex > 0)
            {
                Console.WriteLine($"  {inputIndex} inputs, {_watch.Elapsed.TotalSeconds:F0} s, heap {GC.GetTotalMemory(forceFullCollection: true) / 1024} KiB");
            }
        }

        public void Dispose() => _watchdog.Dispose();

        private void CheckForHang()
        {
            long now = Interlocked.Read(ref _progress);
            if (now == _lastSeen)
            {
                Console.WriteLine($"HANG: no progress for {HangAfter.TotalSeconds} s after input {now}");
                Environment.Exit(2);
            }

            _lastSeen = now;
        }
    }
}
