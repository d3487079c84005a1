using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;
using Xunit;

namespace Pump.Device.Tests.Logic
{
    public sealed class StepBurstPlannerTests
    {
        private const int Latency = 50;

        /// <summary>
        /// Plays the generator as the device runs it: a loop tick every periodUs (plus optional stalls),
        /// two RMT channels, a burst sent on the next idle channel; returns every rising edge in absolute µs.
        /// </summary>
        private static List<long> Run(StepBurstPlanner planner, StepTiming timing, long startUs, long endUs, long periodUs = 50000, long stallAtUs = -1, long stallUs = 0)
        {
            var edges = new List<long>();
            var writers = new[] { new RmtItemWriter(new byte[1100 * 4]), new RmtItemWriter(new byte[1100 * 4]) };
            var busyUntil = new long[] { long.MinValue, long.MinValue };
            int next = 0;
            bool stalled = false;
            for (long now = startUs; now < endUs; now += periodUs)
            {
                if (!stalled && stallAtUs >= 0 && now >= stallAtUs)
                {
                    stalled = true;
                    now += stallUs;
                }

                planner.Retire(now);
                for (int attempt = 0; attempt < 2; attempt++)
                {
                    int c = next;
                    if (busyUntil[c] > now || !planner.HasStepDueBefore(now + timing.WindowUs))
                    {
                        break;
                    }

                    if (planner.EncodeBurst(now, writers[c]) == 0)
                    {
                        break;
                    }

                    var play = RmtDecoding.Play(writers[c].Buffer, now + timing.SendLatencyUs);
                    Assert.All(play.Halves, h => Assert.InRange(h, 1, RmtItemWriter.MaxHalfTicks));
                    Assert.All(play.HighWidthsUs, w => Assert.Equal(timing.PulseHighUs, w));
                    Assert.True(play.EndsLow);
                    edges.AddRange(play.RisingEdgesUs);
                    busyUntil[c] = now + timing.SendLatencyUs + play.DurationUs;
                    next = 1 - c;
                }
            }

            return edges;
        }

        private static StepTiming Timing() => new StepTiming(10, 200, 200000, Latency, 2);

        // Proves: DEV-001
        [Fact]
        public void EncodeBurst_OnTimeLoop_EveryRisingEdgeAtItsAbsoluteDueTime()
        {
            var timing = Timing();
            var planner = new StepBurstPlanner(8, timing);
            // 1000 microsteps per 3 s (333.33 steps/s): due times do not fall on whole µs.
            var first = new StepSegment(1_000_000, 0, 1500, 1000, 3_000_000);
            var second = new StepSegment(1_000_000, 1500, 3000, 1000, 3_000_000);
            Assert.Equal(SegmentRejection.None, planner.TryEnqueue(first));
            Assert.Equal(SegmentRejection.None, planner.TryEnqueue(second));

            var edges = Run(planner, timing, 900_000, 12_000_000);

            Assert.Equal(3000, edges.Count);
            for (int n = 1; n <= 3000; n++)
            {
                Assert.Equal(first.DueUs(n), edges[n - 1]);
            }

            Assert.Equal(0, planner.MaxLatenessUs);
        }

        // Proves: DEV-002
        [Fact]
        public void EncodeBurst_QueuedSegments_NeverEmitsAStepBeyondTheLastQueuedStep()
        {
            var timing = Timing();
            var planner = new StepBurstPlanner(4, timing);
            planner.TryEnqueue(new StepSegment(0, 0, 250, 1, 2000));
            var edges = Run(planner, timing, 0, 5_000_000);
            Assert.Equal(250, edges.Count);
            Assert.Equal(250, planner.EncodedSteps);
        }

        // Proves: DEV-005
        [Fact]
        public void EncodeBurst_LowRateGapsLongerThanOneRmtHalf_ChainedAndExact()
        {
            var timing = Timing();
            var planner = new StepBurstPlanner(4, timing);
            // one step every 7.3 s: each lead-in spans several 32.767 ms halves
            var segment = new StepSegment(500_000, 0, 5, 1, 7_300_000);
            planner.TryEnqueue(segment);
            var edges = Run(planner, timing, 0, 40_000_000);
            Assert.Equal(Enumerable.Range(1, 5).Select(n => segment.DueUs(n)), edges);
        }

        // Proves: DEV-003
        [Fact]
        public void EncodeBurst_AfterLoopStall_CatchesUpAtMostTwiceTheProgrammedRate()
        {
            var timing = Timing();
            var planner = new StepBurstPlanner(4, timing);
            var segment = new StepSegment(0, 0, 2000, 1, 1000);   // 1 kHz
            planner.TryEnqueue(segment);

            var edges = Run(planner, timing, 0, 4_000_000, stallAtUs: 500_000, stallUs: 700_000);

            Assert.Equal(2000, edges.Count);
            for (int i = 1; i < edges.Count; i++)
            {
                Assert.True(edges[i] - edges[i - 1] >= 500, "steps closer than half the programmed spacing at " + i);
            }

            Assert.True(planner.MaxLatenessUs > 0);
            // Caught up: the last step is back on its absolute schedule.
            Assert.Equal(segment.DueUs(2000), edges[^1]);
            Assert.All(edges.Select((t, i) => t - segment.DueUs(i + 1)), late => Assert.True(late >= 0));
        }

        [Fact]
        public void TryEnqueue_SegmentAtTheFastestAllowedRate_Accepted()
        {
            var planner = new StepBurstPlanner(2, Timing());
            Assert.Equal(SegmentRejection.None, planner.TryEnqueue(new StepSegment(0, 0, 10, 1, 200)));
        }

        // Proves: DEV-004
        [Theory]
        [InlineData(0, 5, 5, 1, 1000, SegmentRejection.Malformed)]
        [InlineData(0, 0, 10, 0, 1000, SegmentRejection.Malformed)]
        [InlineData(0, 0, 10, 1, 0, SegmentRejection.Malformed)]
        [InlineData(-1, 0, 10, 1, 1000, SegmentRejection.Malformed)]
        [InlineData(0, 0, 10, 1, 199, SegmentRejection.TooFast)]
        [InlineData(0, 0, 10, 1000, 199_999, SegmentRejection.TooFast)]
        [InlineData(0, 0, long.MaxValue / 1000, 1, 2000, SegmentRejection.WouldOverflow)]
        public void TryEnqueue_UnsafeSegment_RefusedWithReason(long anchor, long firstStep, long lastStep, long rate, long period, SegmentRejection expected)
        {
            var planner = new StepBurstPlanner(2, Timing());
            Assert.Equal(expected, planner.TryEnqueue(new StepSegment(anchor, firstStep, lastStep, rate, period)));
            Assert.Equal(0, planner.QueuedSegments);
        }

        // Proves: DEV-004
        [Fact]
        public void TryEnqueue_GapOrOverlapInTheSameSchedule_Refused()
        {
            var planner = new StepBurstPlanner(4, Timing());
            planner.TryEnqueue(new StepSegment(0, 0, 100, 1, 1000));
            Assert.Equal(SegmentRejection.NotContiguous, planner.TryEnqueue(new StepSegment(0, 101, 200, 1, 1000)));
            Assert.Equal(SegmentRejection.NotContiguous, planner.TryEnqueue(new StepSegment(0, 99, 200, 1, 1000)));
            Assert.Equal(SegmentRejection.None, planner.TryEnqueue(new StepSegment(0, 100, 200, 1, 1000)));
            // A re-anchored schedule may not start before the previous one ends.
            Assert.Equal(SegmentRejection.NotContiguous, planner.TryEnqueue(new StepSegment(150_000, 0, 10, 1, 2000)));
            Assert.Equal(SegmentRejection.None, planner.TryEnqueue(new StepSegment(200_000, 0, 10, 1, 2000)));
        }

        // Proves: DEV-004
        [Fact]
        public void TryEnqueue_QueueFull_Refused()
        {
            var planner = new StepBurstPlanner(2, Timing());
            planner.TryEnqueue(new StepSegment(0, 0, 10, 1, 1000));
            planner.TryEnqueue(new StepSegment(0, 10, 20, 1, 1000));
            Assert.Equal(SegmentRejection.QueueFull, planner.TryEnqueue(new StepSegment(0, 20, 30, 1, 1000)));
        }

        [Fact]
        public void Retire_AfterLastPulseOfSegment_SegmentLeavesTheQueue()
        {
            var timing = Timing();
            var planner = new StepBurstPlanner(4, timing);
            planner.TryEnqueue(new StepSegment(0, 0, 10, 1, 1000));
            planner.TryEnqueue(new StepSegment(0, 10, 20, 1, 1000));
            planner.EncodeBurst(0, new RmtItemWriter(new byte[400 * 4]));
            planner.Retire(10_000);
            Assert.Equal(2, planner.QueuedSegments);
            planner.Retire(10_000 + timing.PulseHighUs);
            Assert.Equal(1, planner.QueuedSegments);
            planner.Retire(20_000 + timing.PulseHighUs);
            Assert.Equal(0, planner.QueuedSegments);
        }

        // Proves: DEV-007
        [Fact]
        public void Clear_AfterStop_NothingMoreIsEncodedAndSpacingFromLastPulseIsKept()
        {
            var timing = Timing();
            var planner = new StepBurstPlanner(4, timing);
            planner.TryEnqueue(new StepSegment(0, 0, 1000, 1, 1000));
            var writer = new RmtItemWriter(new byte[400 * 4]);
            planner.EncodeBurst(0, writer);
            long last = planner.LastPulseUs;
            planner.Clear();
            Assert.Equal(0, planner.QueuedSegments);
            Assert.False(planner.HasStepDueBefore(long.MaxValue / 4));
            Assert.Equal(0, planner.EncodeBurst(1000, writer));

            planner.TryEnqueue(new StepSegment(0, 0, 1, 1, 1000));   // due at 1000, right after the old burst
            planner.EncodeBurst(1000, writer);
            Assert.True(planner.LastPulseUs >= last + timing.MinStepIntervalUs);
        }

        // Proves: DEV-001, DEV-002
        [Fact]
        public void EncodeBurst_RandomRatesAndSplits_EdgesMatchScheduleAndCountMatches()
        {
            Gen.Select(Gen.Long[1, 50], Gen.Long[200, 20_000], Gen.Int[1, 6], Gen.Long[10, 400])
                .Sample((rate, periodPerStep, pieces, stepsPerPiece) =>
                {
                    var timing = Timing();
                    var planner = new StepBurstPlanner(8, timing);
                    long period = rate * periodPerStep;   // spacing ≥ 200 µs
                    long anchor = 300_000;
                    long step = 0;
                    for (int i = 0; i < pieces; i++)
                    {
                        Assert.Equal(SegmentRejection.None, planner.TryEnqueue(new StepSegment(anchor, step, step + stepsPerPiece, rate, period)));
                        step += stepsPerPiece;
                    }

                    var reference = new StepSegment(anchor, 0, step, rate, period);
                    var edges = Run(planner, timing, 0, reference.EndUs + 1_000_000);
                    Assert.Equal(step, edges.Count);
                    for (int n = 1; n <= step; n++)
                    {
                        Assert.Equal(reference.DueUs(n), edges[n - 1]);
                    }
                }, iter: 60);
        }
    }
}
