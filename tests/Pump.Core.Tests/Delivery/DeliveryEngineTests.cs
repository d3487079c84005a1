using System;
using Pump.Core.Delivery;
using Pump.Core.Tests.Fakes;
using Xunit;

namespace Pump.Core.Tests.Delivery
{
    [Collection(AllocationCollection.Name)]
    public sealed class DeliveryEngineTests
    {
        private const long TickUs = 50_000;
        // Reference build with a 60 mL BD syringe: about 5,758 microsteps per mL (Units tests give the exact ratio).
        private const long MicrostepsPerMl = 5758;

        /// <summary>An engine on an ideal generator with a ledger begun at counter 0.</summary>
        private static (IdealStepHardware hw, DeliveryLedger ledger, DeliveryEngine engine) NewEngine()
        {
            var hw = new IdealStepHardware();
            var ledger = new DeliveryLedger();
            ledger.Begin(0, 0);
            return (hw, ledger, new DeliveryEngine(hw, ledger));
        }

        /// <summary>Runs a whole infusion of totalMicrosteps over durationUs with an ideal generator, tick by tick.</summary>
        private static (long maxDeviationTimesDuration, long final, long minLeadUs) RunWhole(long totalMicrosteps, long durationUs, long startUs = 3_000_000)
        {
            var (hw, ledger, engine) = NewEngine();
            Assert.True(engine.Start(startUs, totalMicrosteps, durationUs, totalMicrosteps));
            long maxDev = 0;
            long minLead = long.MaxValue;
            for (long now = startUs; now <= startUs + durationUs + 2 * TickUs; now += TickUs)
            {
                hw.AdvanceTo(now);
                Assert.True(hw.TryRead(out long raw));
                Assert.True(ledger.Observe(raw));
                engine.Service(now);
                // |counted - ideal| * duration, with ideal = (now - start) * total / duration, kept in integers.
                long elapsed = Math.Min(now - startUs, durationUs);
                long deviation = Math.Abs(ledger.CountedMicrosteps * durationUs - elapsed * totalMicrosteps);
                maxDev = Math.Max(maxDev, deviation);
                Assert.True(ledger.CommandedMicrosteps <= totalMicrosteps);
                if (!engine.AllPlanned)
                {
                    minLead = Math.Min(minLead, hw.LastQueuedDueUs() - now);
                }
            }

            return (maxDev, ledger.CountedMicrosteps, minLead);
        }

        // Proves: DEL-001, DEL-002
        [Theory]
        [InlineData(1_500, 120)]   // slowest ketamine profile rate: 0.1 mg/kg x 30 kg at 2 mg/mL over 120 min = 1.5 mL (0.75 mL/h)
        [InlineData(60_000, 20)]   // fastest: a full 60 mL syringe over the 20-minute hard minimum (180 mL/h)
        [InlineData(35_000, 40)]   // the default: 70 kg x 0.5 mg/kg at 1 mg/mL over 40 min (52.5 mL/h)
        public void WholeInfusion_IdealGenerator_CountWithinOneMicrostepOfIdealAndExactTotal(long volumeUl, long minutes)
        {
            long total = volumeUl * MicrostepsPerMl / 1000;
            long durationUs = minutes * 60_000_000;
            var (maxDev, final, _) = RunWhole(total, durationUs);
            Assert.True(maxDev < durationUs, $"deviation {maxDev / (double)durationUs:F3} microsteps");
            Assert.Equal(total, final);
        }

        // Proves: DEL-003
        [Theory]
        [InlineData(1_500, 120)]
        [InlineData(60_000, 20)]
        public void Service_WhileSteppingRemains_KeepsAtLeast500msQueued(long volumeUl, long minutes)
        {
            long total = volumeUl * MicrostepsPerMl / 1000;
            var (_, _, minLead) = RunWhole(total, minutes * 60_000_000);
            // At the slow rate one step is due every ~830 ms, so the queue always holds the next step (>= 0 ahead
            // means it is queued before due). At fast rates the queue reaches 1 s ahead.
            Assert.True(minLead >= 0, $"lead {minLead} us");
            if (volumeUl * 60 / minutes > 10_000)
            {
                Assert.True(minLead >= 500_000, $"lead {minLead} us");
            }
        }

        // Proves: DEL-004
        [Fact]
        public void Service_CapBelowTotal_NeverCommandsBeyondCap()
        {
            var (hw, ledger, engine) = NewEngine();
            engine.Start(0, 100_000, 1_000_000, 12_345);
            for (long now = 0; now < 2_000_000; now += TickUs)
            {
                hw.AdvanceTo(now);
                hw.TryRead(out long raw);
                ledger.Observe(raw);
                engine.Service(now);
                Assert.True(ledger.CommandedMicrosteps <= 12_345);
            }

            Assert.Equal(12_345, ledger.CountedMicrosteps);
        }

        // Proves: DEL-004
        [Fact]
        public void SetCap_BelowQueued_StopsGeneratorAndReplansWithinNewCap()
        {
            var (hw, ledger, engine) = NewEngine();
            engine.Start(0, 1_000, 1_000_000, 1_000_000);
            engine.Service(0);
            Assert.True(ledger.CommandedMicrosteps > 500);
            hw.AdvanceTo(200_000);
            hw.TryRead(out long raw);
            ledger.Observe(raw);
            engine.SetCap(200_000, 250);
            Assert.True(hw.StopCount >= 2);
            engine.Service(200_000);
            Assert.True(ledger.CommandedMicrosteps <= 250);
            for (long now = 200_000; now < 2_000_000; now += TickUs)
            {
                hw.AdvanceTo(now);
                hw.TryRead(out raw);
                ledger.Observe(raw);
                engine.Service(now);
            }

            Assert.Equal(250, ledger.CountedMicrosteps);
        }

        // Proves: DEL-005
        [Fact]
        public void Start_AfterHaltAtNewRate_ReanchorsFromCountedSteps()
        {
            var (hw, ledger, engine) = NewEngine();
            hw.RecordSegments = true;
            engine.Start(0, 1_000, 1_000_000, 10_000);
            for (long now = 0; now <= 1_000_000; now += TickUs)
            {
                hw.AdvanceTo(now);
                hw.TryRead(out long r);
                ledger.Observe(r);
                engine.Service(now);
            }

            engine.Halt();
            hw.TryRead(out long raw);
            ledger.Observe(raw);
            ledger.CancelInFlight();
            Assert.Equal(1_000, ledger.CountedMicrosteps);
            Assert.Equal(ledger.CountedMicrosteps, ledger.CommandedMicrosteps);

            // Paused 10 s, then resumed at double rate: step 1 of the new schedule is due one period after resume.
            engine.Start(11_000_000, 2_000, 1_000_000, 10_000);
            int firstNew = hw.Enqueued.Count;
            engine.Service(11_000_000);
            var first = hw.Enqueued[firstNew];
            Assert.Equal(0, first.FirstStep);
            Assert.Equal(11_000_000 + 500, first.DueUs(first.FirstStep + 1));
            for (long now = 11_000_000; now <= 12_000_000; now += TickUs)
            {
                hw.AdvanceTo(now);
                hw.TryRead(out long r);
                ledger.Observe(r);
                engine.Service(now);
            }

            Assert.Equal(3_000, ledger.CountedMicrosteps);
        }

        // Proves: DEL-006
        [Fact]
        public void StepSchedule_24HoursAtFastestRateOfLargestSyringe_DoesNotOverflow()
        {
            // Worst case: plain mL/h at 1200 mL/h for 24 h with up to 10,000 microsteps per mL
            // (more than any syringe in the table), expressed per hour.
            long perHour = 1200L * 10_000;
            var schedule = new StepSchedule(0, perHour, 3_600_000_000);
            long day = 86_400_000_000;
            long due = schedule.StepsDueBy(day);
            Assert.Equal(perHour * 24, due);
            long lastDue = schedule.DueUs(due);
            Assert.Equal(day, lastDue);
            // And the duration form: a whole 60 mL syringe over 24 h.
            var byDuration = new StepSchedule(0, 600_000, day);
            Assert.Equal(600_000, byDuration.StepsDueBy(day));
            Assert.Equal(day, byDuration.DueUs(600_000));
        }

        // Proves: DEL-007
        [Fact]
        public void Ledger_CounterGoesBackwards_Reported()
        {
            var ledger = new DeliveryLedger();
            ledger.Begin(100, 0);
            Assert.True(ledger.Observe(150));
            Assert.Equal(50, ledger.CountedMicrosteps);
            Assert.False(ledger.Observe(149));
        }

        // Proves: DEL-007
        [Fact]
        public void Ledger_AfterPowerLoss_ContinuesFromPersistedDeliveredOnFreshCounter()
        {
            var ledger = new DeliveryLedger();
            ledger.Begin(rawCounter: 0, deliveredMicrosteps: 40_000);
            ledger.Observe(250);
            Assert.Equal(40_250, ledger.CountedMicrosteps);
        }

        // Proves: BLD-004
        [Fact]
        public void Service_SteadyState_AllocatesNothing()
        {
            var (hw, ledger, engine) = NewEngine();
            engine.Start(0, 201_500, 2_400_000_000, 201_500);
            long now = 0;
            for (; now < 5_000_000; now += TickUs)
            {
                hw.AdvanceTo(now);
                engine.Service(now);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++, now += TickUs)
            {
                engine.Service(now);
                _ = engine.MicrostepsDueBy(now);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    
        // Proves: DEL-001
        [Fact]
        public void Service_GeneratorRefusesASegment_NothingCountsAsCommandedUntilItAccepts()
        {
            var (hw, ledger, engine) = NewEngine();
            hw.RefuseEnqueue = true;
            Assert.True(engine.Start(0, 3600, 3_600_000_000, 10_000)); // one microstep a second
            engine.Service(0);
            Assert.Equal(0, ledger.CommandedMicrosteps);
            Assert.Equal(0, hw.QueuedSegments);
            Assert.False(engine.AllPlanned);

            hw.RefuseEnqueue = false;
            engine.Service(0);
            Assert.True(ledger.CommandedMicrosteps > 0);
            Assert.True(hw.QueuedSegments > 0);
        }

        // Proves: DEL-001
        [Fact]
        public void Engine_StartedAndCapRaised_ReportsItsScheduleAndCap()
        {
            var (hw, ledger, engine) = NewEngine();
            Assert.True(engine.Start(1000, 7, 3_600_000_000, 500));
            Assert.Equal((1000L, 7L, 3_600_000_000L), (engine.Schedule.AnchorUs, engine.Schedule.RateMicrosteps, engine.Schedule.RatePeriodUs));
            Assert.Equal(500, engine.CapMicrosteps);
            engine.SetCap(2000, 900); // above what is commanded: no re-plan, the anchor stays
            Assert.Equal(900, engine.CapMicrosteps);
            Assert.Equal(1000, engine.Schedule.AnchorUs);
        }

        // Proves: DEL-001
        [Fact]
        public void MicrostepsDueBy_Halted_IsWhatWasCounted()
        {
            var (hw, ledger, engine) = NewEngine();
            Assert.True(engine.Start(0, 1000, 1_000_000, 100_000)); // 1000 microsteps a second
            for (long now = 0; now <= 2_000_000; now += TickUs)
            {
                hw.AdvanceTo(now);
                Assert.True(hw.TryRead(out long raw));
                Assert.True(ledger.Observe(raw));
                engine.Service(now);
            }

            engine.Halt();
            Assert.False(engine.IsRunning);
            Assert.Equal(2000, ledger.CountedMicrosteps);
            Assert.Equal(ledger.CountedMicrosteps, engine.MicrostepsDueBy(60_000_000));
        }
    }
}
