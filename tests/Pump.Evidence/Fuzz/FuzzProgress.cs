using System;
using System.Diagnostics;
using System.Threading;

namespace Pump.Evidence.Fuzz
{
    /// <summary>The retained managed heap of a fuzz run grew past <see cref="FuzzProgress.GrowthLimitBytes"/>.</summary>
    public sealed class HeapGrowthFailure : Exception
    {
        public HeapGrowthFailure(string message) : base(message)
        {
        }
    }

    /// <summary>
    /// Progress and the "no hang, no growth" oracles of one long fuzz run (one target):
    /// - hang: the process exits with code 2 when no input completes for <see cref="HangAfter"/>;
    /// - growth: after a warm-up portion (<see cref="WarmUpInputs"/>) the retained heap (after a full blocking
    ///   collection) is taken as the baseline, re-measured at checkpoints and once more when the run ends, and
    ///   the run fails with <see cref="HeapGrowthFailure"/> as soon as it is more than
    ///   <see cref="GrowthLimitBytes"/> above the baseline.
    /// The fuzzers call <see cref="Completed"/> every 1000 inputs. Harness only; the firmware never reads a wall clock.
    /// </summary>
    internal sealed class FuzzProgress : IDisposable
    {
        public static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(60);

        /// <summary>
        /// Largest tolerated rise of the retained heap over the post-warm-up baseline: 1 MiB.
        /// Why this value: a leak means something per input stays reachable, and the smallest managed object is
        /// 24 bytes (x64), so even one leaked object per input retains about 21 MiB over the 900,000 inputs after
        /// the warm-up of a 1,000,000-input run; a leak of one object every 20 inputs (about 1.2 bytes per input)
        /// still crosses 1 MiB (checked: a deliberate leak of one object per accepted scenario, about 1 in 15
        /// inputs, failed at 500,000). Harness state is bounded (fixed-size totals; the refusal table is capped);
        /// the peak drift measured over clean 1,000,000-input runs (seed 20261126) was 0 to +2 KiB for the link
        /// parser and +33 to +89 KiB for the scenario loader (System.Text.Json's pooled buffers rise and fall; +79 KiB
        /// in a 20,000-input run, whose warm-up is only 2,000 inputs), so the limit has more than ten times
        /// headroom against false alarms. Sensitivity scales with the run: a 20,000-input check
        /// catches only leaks of about 60 bytes per input or more, so the evidence run is the 1,000,000-input one.
        /// </summary>
        public const long GrowthLimitBytes = 1L << 20;

        /// <summary>The warm-up is a tenth of the run, at most this many inputs (JIT, type initialisers, pools).</summary>
        public const long MaxWarmUpInputs = 100_000;

        /// <summary>Checkpoints come every tenth of the run after the warm-up, at most this many inputs apart.</summary>
        public const long MaxCheckpointEvery = 100_000;

        private const long CallbackEvery = 1000; // the fuzzers report every 1000 inputs

        private readonly string _target;
        private readonly long _checkpointEvery;
        private readonly Timer _watchdog;
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private long _nextCheckpoint;
        private long _progress;
        private long _lastSeen = -1;

        /// <param name="target">The fuzz target, named in messages ("monitor-link parser").</param>
        /// <param name="inputs">Inputs the run will feed (sets the warm-up and checkpoint spacing).</param>
        public FuzzProgress(string target, long inputs)
        {
            _target = target;
            WarmUpInputs = RoundDown(Math.Min(MaxWarmUpInputs, inputs / 10));
            _checkpointEvery = Math.Max(CallbackEvery, RoundDown(Math.Min(MaxCheckpointEvery, inputs / 10)));
            HeapBeforeBytes = RetainedHeapBytes();
            _watchdog = new Timer(_ => CheckForHang(), null, HangAfter, HangAfter);
        }

        public long WarmUpInputs { get; }

        /// <summary>Retained heap before the first input (includes nothing of the run).</summary>
        public long HeapBeforeBytes { get; }

        /// <summary>Retained heap after the warm-up; null until the warm-up is over.</summary>
        public long? BaselineBytes { get; private set; }

        /// <summary>Largest rise over the baseline seen at any checkpoint (0 if never above it).</summary>
        public long PeakGrowthBytes { get; private set; }

        public int Checkpoints { get; private set; }

        public TimeSpan Elapsed => _watch.Elapsed;

        /// <summary>
        /// Retained managed heap: full blocking collection, pending finalizers run, collected again, then measured.
        /// </summary>
        public static long RetainedHeapBytes()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return GC.GetTotalMemory(forceFullCollection: true);
        }

        /// <summary>Called before input <paramref name="inputIndex"/> (every 1000 inputs); throws <see cref="HeapGrowthFailure"/>.</summary>
        public void Completed(long inputIndex)
        {
            Interlocked.Exchange(ref _progress, inputIndex);
            if (BaselineBytes == null)
            {
                if (inputIndex >= WarmUpInputs)
                {
                    BaselineBytes = RetainedHeapBytes();
                    _nextCheckpoint = inputIndex + _checkpointEvery;
                    Console.WriteLine($"  {inputIndex} inputs (warm-up), {_watch.Elapsed.TotalSeconds:F0} s, baseline heap {Kib(BaselineBytes.Value)} KiB");
                }
                return;
            }
            if (inputIndex >= _nextCheckpoint)
            {
                _nextCheckpoint = inputIndex + _checkpointEvery;
                long heap = Check(inputIndex);
                Console.WriteLine($"  {inputIndex} inputs, {_watch.Elapsed.TotalSeconds:F0} s, heap {Kib(heap)} KiB ({Signed(heap - BaselineBytes.Value)} KiB)");
            }
        }

        /// <summary>The last checkpoint, after the run: returns the retained heap; throws <see cref="HeapGrowthFailure"/>.</summary>
        public long Finish(long inputs)
        {
            BaselineBytes ??= HeapBeforeBytes; // a run shorter than its warm-up: compare with the start
            return Check(inputs);
        }

        /// <summary>One line for the run's summary.</summary>
        public string HeapSummary(long heapAfterBytes) =>
            $"heap {Kib(HeapBeforeBytes)} KiB before, {Kib(BaselineBytes ?? HeapBeforeBytes)} KiB after the {WarmUpInputs}-input warm-up, "
            + $"{Kib(heapAfterBytes)} KiB after; peak growth {Signed(PeakGrowthBytes)} KiB over {Checkpoints} checkpoints (limit {Kib(GrowthLimitBytes)} KiB)";

        public void Dispose() => _watchdog.Dispose();

        private long Check(long inputIndex)
        {
            long heap = RetainedHeapBytes();
            long baseline = BaselineBytes ?? HeapBeforeBytes;
            long growth = heap - baseline;
            Checkpoints++;
            PeakGrowthBytes = Math.Max(PeakGrowthBytes, growth);
            if (growth > GrowthLimitBytes)
            {
                throw new HeapGrowthFailure(
                    $"{_target}: retained heap grew by {growth} bytes ({Kib(growth)} KiB) after {inputIndex} inputs: "
                    + $"{baseline} bytes after the {WarmUpInputs}-input warm-up, {heap} bytes now; "
                    + $"limit {GrowthLimitBytes} bytes ({nameof(FuzzProgress)}.{nameof(GrowthLimitBytes)})");
            }
            return heap;
        }

        private static long RoundDown(long inputs) => inputs / CallbackEvery * CallbackEvery;

        private static long Kib(long bytes) => bytes / 1024;

        private static string Signed(long bytes) => (bytes >= 0 ? "+" : "") + Kib(bytes);

        private void CheckForHang()
        {
            long now = Interlocked.Read(ref _progress);
            if (now == _lastSeen)
            {
                Console.WriteLine($"HANG: {_target}: no progress for {HangAfter.TotalSeconds} s after input {now}");
                Environment.Exit(2);
            }

            _lastSeen = now;
        }
    }
}
