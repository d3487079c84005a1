using System;
using CsCheck;
using Pump.Core.Delivery;
using Xunit;

namespace Pump.Evidence.Tests.Properties
{
    /// <summary>Delivery engine and ledger over random rates, caps, cap changes, halts and tick jitter.</summary>
    public sealed class DeliveryProperties
    {
        /// <summary>One event of a random delivery session.</summary>
        public sealed record Event(int Kind, long DtMs, long Value);

        public sealed record Session(long RateMicrosteps, long RatePeriodUs, long CapMicrosteps, Event[] Events);

        // Events: 0..5 = tick after DtMs, 6 = set cap to Value (lower or raise), 7 = halt then restart.
        private static readonly Gen<Session> Sessions =
            from rate in Gen.Long[1, 4_000]
            from periodS in Gen.Long[1, 3_600]
            from cap in Gen.Long[0, 50_000]
            from events in Gen.Select(Gen.Int[0, 7], Gen.Long[1, 400], Gen.Long[0, 60_000], (k, dt, v) => new Event(k, dt, v)).Array[1, 400]
            select new Session(rate, periodS * 1_000_000, cap, events);

        // Proves: DEL-004, DEL-007
        [Fact]
        public void Property_DeliveredNeverExceedsTheCapInForce()
        {
            Sessions.Sample(session =>
            {
                var generator = new ExactStepGenerator();
                var ledger = new DeliveryLedger();
                var engine = new DeliveryEngine(generator, ledger);
                long nowUs = 0;
                ledger.Begin(0, 0);
                Assert.True(engine.Start(nowUs, session.RateMicrosteps, session.RatePeriodUs, session.CapMicrosteps));
                long cap = session.CapMicrosteps;
                long allowed = cap; // the bound: a lowered cap cannot undo what was already delivered
                foreach (Event e in session.Events)
                {
                    if (e.Kind == 6)
                    {
                        ledger.Observe(generator.Counter);
                        cap = e.Value;
                        allowed = Math.Max(cap, ledger.CountedMicrosteps);
                        engine.SetCap(nowUs, cap);
                    }
                    else if (e.Kind == 7)
                    {
                        engine.Halt();
                        ledger.Observe(generator.Counter);
                        ledger.CancelInFlight();
                        Assert.True(engine.Start(nowUs, session.RateMicrosteps, session.RatePeriodUs, cap));
                    }
                    nowUs += e.DtMs * 1_000 * 50; // ticks of 50 ms to 20 s
                    engine.Service(nowUs);
                    generator.AdvanceTo(nowUs);
                    Assert.True(ledger.Observe(generator.Counter));
                    Assert.True(ledger.CountedMicrosteps <= allowed, $"counted {ledger.CountedMicrosteps} > cap {allowed}");
                    Assert.True(ledger.CommandedMicrosteps <= Math.Max(allowed, ledger.CountedMicrosteps));
                }
            }, iter: 500, seed: "0N0XvGvFnyp7");
        }

        // Proves: DEL-001, DEL-003, DEL-005
        [Fact]
        public void Property_CountedFollowsTheAbsoluteScheduleWithoutDrift()
        {
            Gen.Select(Gen.Long[1, 4_000], Gen.Long[1, 3_600], Gen.Long[0, 10_000_000_000], Gen.Long[1, 400].Array[1, 300]).Sample((rate, periodS, startUs, ticks) =>
            {
                long periodUs = periodS * 1_000_000;
                var generator = new ExactStepGenerator();
                var ledger = new DeliveryLedger();
                var engine = new DeliveryEngine(generator, ledger);
                ledger.Begin(0, 0);
                Assert.True(engine.Start(startUs, rate, periodUs, long.MaxValue / 4));
                Assert.Equal(0, ledger.CommandedMicrosteps);
                Assert.Equal(0, engine.MicrostepsDueBy(startUs));
                long nowUs = startUs;
                foreach (long dtMs in ticks)
                {
                    nowUs += dtMs * 1_000 * 50;
                    engine.Service(nowUs);
                    // DEL-003: everything due in the next 500 ms is already queued.
                    long dueSoon = (long)((Int128)(nowUs + 500_000 - startUs) * rate / periodUs);
                    Assert.True(ledger.CommandedMicrosteps >= dueSoon, $"queued {ledger.CommandedMicrosteps} < due within 500 ms {dueSoon}");
                    generator.AdvanceTo(nowUs);
                    ledger.Observe(generator.Counter);
                    // Steps due by now: floor((now - anchor) × rate / period); the generator is exact, the planner must keep up.
                    long due = (long)((Int128)(nowUs - startUs) * rate / periodUs);
                    Assert.Equal(due, engine.MicrostepsDueBy(nowUs));
                    Assert.True(ledger.CountedMicrosteps <= due, $"early: counted {ledger.CountedMicrosteps} > due {due}");
                    Assert.True(ledger.CountedMicrosteps >= due - 1, $"late: counted {ledger.CountedMicrosteps} < due {due} - 1 at {nowUs} us");
                }
                engine.Halt();
                Assert.False(engine.IsRunning);
                Assert.Equal(0, generator.QueuedSegments);
                long counted = generator.Counter;
                generator.AdvanceTo(nowUs + 60_000_000);
                Assert.Equal(counted, generator.Counter); // nothing moves after a halt
            }, iter: 500, seed: "0N0XvGvFnyp8");
        }

        // Proves: DEL-004
        [Fact]
        public void Property_CapReached_AllPlannedAndNothingMoreQueued()
        {
            Gen.Select(Gen.Long[1, 4_000], Gen.Long[1, 60], Gen.Long[0, 3_000]).Sample((rate, periodS, cap) =>
            {
                var generator = new ExactStepGenerator();
                var ledger = new DeliveryLedger();
                var engine = new DeliveryEngine(generator, ledger);
                ledger.Begin(0, 0);
                engine.Start(1_000, rate, periodS * 1_000_000, cap);
                long nowUs = 1_000;
                for (int i = 0; i < 4_000 && ledger.CountedMicrosteps < cap; i++)
                {
                    Assert.False(engine.AllPlanned && ledger.CommandedMicrosteps < cap, "all planned before the cap was queued");
                    nowUs += 50_000;
                    engine.Service(nowUs);
                    generator.AdvanceTo(nowUs);
                    ledger.Observe(generator.Counter);
                }
                engine.Service(nowUs);
                Assert.True(engine.AllPlanned || ledger.CountedMicrosteps < cap);
                Assert.True(ledger.CountedMicrosteps <= cap);
                Assert.Equal(Math.Min(cap, engine.MicrostepsDueBy(nowUs)), engine.MicrostepsDueBy(nowUs));
            }, iter: 300, seed: "0N0XvGvFnypB");
        }

        // Proves: DEL-005
        [Fact]
        public void Property_UnusableRate_RefusedAndNothingRuns()
        {
            // Small ranges, so zero and the signs around it are drawn often.
            Gen.Select(Gen.Long[-3, 3], Gen.Long[-3, 3]).Sample((rate, periodUs) =>
            {
                var generator = new ExactStepGenerator();
                var ledger = new DeliveryLedger();
                var engine = new DeliveryEngine(generator, ledger);
                ledger.Begin(0, 0);

                bool started = engine.Start(0, rate, periodUs, 1_000);

                Assert.Equal(rate > 0 && periodUs > 0, started);
                Assert.Equal(started, engine.IsRunning);
                if (!started)
                {
                    engine.Service(10_000_000);
                    Assert.Equal(0, generator.QueuedSegments);
                }
            }, iter: 400, seed: "0N0XvGvFnypC");
        }

        // Proves: DEL-007
        [Fact]
        public void Property_RestartAfterHalt_CancelsWhatWasQueuedButNotEmitted()
        {
            Gen.Select(Gen.Long[100, 4_000], Gen.Long[1, 20], Gen.Long[1, 100]).Sample((rate, periodS, runTicks) =>
            {
                var generator = new ExactStepGenerator();
                var ledger = new DeliveryLedger();
                var engine = new DeliveryEngine(generator, ledger);
                ledger.Begin(0, 0);
                engine.Start(0, rate, periodS * 1_000_000, 1_000_000);
                long nowUs = 0;
                for (int i = 0; i < runTicks; i++)
                {
                    nowUs += 50_000;
                    engine.Service(nowUs);
                    generator.AdvanceTo(nowUs);
                    ledger.Observe(generator.Counter);
                }
                Assert.True(ledger.InFlightMicrosteps >= 0);

                engine.Start(nowUs, rate, periodS * 1_000_000, 1_000_000); // re-anchor: queued steps are dropped

                Assert.Equal(0, generator.QueuedSegments);
                Assert.Equal(ledger.CountedMicrosteps, ledger.CommandedMicrosteps);
                Assert.Equal(0, ledger.InFlightMicrosteps);
            }, iter: 300, seed: "0N0XvGvFnypD");
        }
    }
}
