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

        // Proves: DEL-001, DEL-005
        [Fact]
        public void Property_CountedFollowsTheAbsoluteScheduleWithoutDrift()
        {
            Gen.Select(Gen.Long[1, 4_000], Gen.Long[1, 3_600], Gen.Long[1, 400].Array[1, 300]).Sample((rate, periodS, ticks) =>
            {
                long periodUs = periodS * 1_000_000;
                var generator = new ExactStepGenerator();
                var ledger = new DeliveryLedger();
                var engine = new DeliveryEngine(generator, ledger);
                ledger.Begin(0, 0);
                engine.Start(0, rate, periodUs, long.MaxValue / 4);
                long nowUs = 0;
                foreach (long dtMs in ticks)
                {
                    nowUs += dtMs * 1_000 * 50;
                    engine.Service(nowUs);
                    generator.AdvanceTo(nowUs);
                    ledger.Observe(generator.Counter);
                    // Steps due by now: floor(now × rate / period); the generator is exact, the planner must keep up.
                    long due = (long)((Int128)nowUs * rate / periodUs);
                    Assert.True(ledger.CountedMicrosteps <= due, $"early: counted {ledger.CountedMicrosteps} > due {due}");
                    Assert.True(ledger.CountedMicrosteps >= due - 1, $"late: counted {ledger.CountedMicrosteps} < due {due} - 1 at {nowUs} us");
                }
            }, iter: 500, seed: "0N0XvGvFnyp8");
        }
    }
}
