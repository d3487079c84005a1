using System;
using CsCheck;
using Pump.Core.Delivery;
using Pump.Core.Programming;
using Pump.Core.Tests.Fakes;
using Xunit;

namespace Pump.Core.Tests.Delivery
{
    /// <summary>
    /// Random sequences of rate changes on the engine, re-anchored as a titration does it (generator stopped, exact
    /// count read, schedule restarted from that count at the new rate): what is delivered is the integral of the rate
    /// segments, each rounded down (so within one step per segment, never above), never above the cap, and no tick
    /// after a change delivers more than the new rate allows (no catch-up burst).
    /// </summary>
    public sealed class TitrationDeliveryPropertyTests
    {
        private const long TickUs = 50_000;
        private const long HourUs = InfusionProgram.MicrosecondsPerHour;

        /// <summary>One rate segment: how long it runs (µs, whole ticks) and its rate (microsteps per hour).</summary>
        private readonly record struct Segment(long DurationUs, long MicrostepsPerHour);

        private static readonly Gen<Segment> AnySegment = Gen.Select(Gen.Long[1, 1200], Gen.Long[1, 18_000_000],
            (ticks, perHour) => new Segment(ticks * TickUs, perHour));

        // Proves: TIT-003, DEL-005
        [Fact]
        public void Titrations_RandomRateSequences_DeliveredIsIntegralOfSegmentsRoundedDownNeverAboveCapNoBurst()
        {
            Gen.Select(AnySegment.Array[1, 8], Gen.Long[1, 400_000])
                .Sample((segments, cap) => Check(segments, cap), iter: 300);
        }

        // Proves: TIT-003
        [Fact]
        public void Titration_HalvedMidInfusion_FinishesLaterWithTheExactTotal()
        {
            // 35 mL at 52.5 mL/h is 201,530 microsteps in 40 min (5,758 per mL, DeliveryEngineTests); halved after 10 min.
            const long total = 201_530;
            long perHour = total * 60 / 40;
            var segments = new[] { new Segment(600_000_000, perHour), new Segment(4 * HourUs, perHour / 2) };
            long delivered = Check(segments, total);
            Assert.Equal(total, delivered);
        }

        private static long Check(Segment[] segments, long cap)
        {
            var hw = new IdealStepHardware();
            var ledger = new DeliveryLedger();
            ledger.Begin(0, 0);
            var engine = new DeliveryEngine(hw, ledger);
            long now = 5_000_000;
            long integral = 0;
            foreach (Segment s in segments)
            {
                // The titration's re-anchor: stop, read the exact count, restart from it at the new rate.
                hw.StopNow();
                Assert.True(hw.TryRead(out long raw));
                Assert.True(ledger.Observe(raw));
                long before = ledger.CountedMicrosteps;
                Assert.True(engine.Start(now, s.MicrostepsPerHour, HourUs, cap));
                engine.Service(now);   // the controller plans in the same tick as the change
                long previous = before;
                for (long t = now + TickUs; t <= now + s.DurationUs; t += TickUs)
                {
                    hw.AdvanceTo(t);
                    Assert.True(hw.TryRead(out raw));
                    Assert.True(ledger.Observe(raw));
                    engine.Service(t);
                    long inTick = ledger.CountedMicrosteps - previous;
                    // No burst: a tick delivers at most what the rate allows in one tick, plus the step in progress.
                    Assert.True(inTick <= (s.MicrostepsPerHour * TickUs / HourUs) + 1, $"burst of {inTick} steps in one tick");
                    Assert.True(ledger.CommandedMicrosteps <= cap);
                    previous = ledger.CountedMicrosteps;
                }

                hw.AdvanceTo(now + s.DurationUs);
                now += s.DurationUs;
                integral += s.DurationUs * s.MicrostepsPerHour / HourUs;   // this segment's steps, rounded down
                Assert.True(hw.TryRead(out raw));
                Assert.True(ledger.Observe(raw));
                long expected = Math.Min(integral, cap);
                Assert.True(ledger.CountedMicrosteps == expected,
                    $"delivered {ledger.CountedMicrosteps}, integral of the segments {integral}, cap {cap}");
                integral = ledger.CountedMicrosteps;   // the next segment starts from what was delivered (capped)
            }

            return ledger.CountedMicrosteps;
        }
    }
}
