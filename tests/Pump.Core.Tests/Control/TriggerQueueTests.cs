using System.Collections.Generic;
using Pump.Core.Control;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>The trigger ring on its own: order, the clinician's share, the safety reserve, wrap-around (STM-003).</summary>
    public sealed class TriggerQueueTests
    {
        private static List<PumpTrigger> Drain(TriggerQueue q)
        {
            var all = new List<PumpTrigger>();
            while (q.TryDequeue(out PumpTrigger t))
            {
                all.Add(t);
            }

            return all;
        }

        // Proves: STM-003
        [Fact]
        public void Request_ClinicianShareIsCapacityLessTheReserve_AutomaticTriggersStillFillTheRing()
        {
            var q = new TriggerQueue();
            int share = TriggerQueue.Capacity - TriggerQueue.SafetyReserve;
            for (int i = 0; i < share; i++)
            {
                Assert.True(q.Request(PumpTrigger.RequestStart), $"request {i + 1} of {share}");
            }

            Assert.False(q.Request(PumpTrigger.RequestStart));
            Assert.Equal(share, q.Count);
            for (int i = share; i < TriggerQueue.Capacity; i++)
            {
                Assert.True(q.Enqueue(PumpTrigger.TechnicalStop), $"automatic trigger in slot {i + 1}");
            }

            Assert.False(q.Enqueue(PumpTrigger.FatalFault));
            Assert.Equal(TriggerQueue.Capacity, q.Count);
        }

        // Proves: STM-003
        [Fact]
        public void TryDequeue_Empty_FalseAndCountStaysZero()
        {
            var q = new TriggerQueue();
            Assert.False(q.TryDequeue(out _));
            Assert.Equal(0, q.Count);
            q.Enqueue(PumpTrigger.VitalHold);
            Assert.True(q.TryDequeue(out PumpTrigger t));
            Assert.Equal(PumpTrigger.VitalHold, t);
            Assert.False(q.TryDequeue(out _));
            Assert.Equal(0, q.Count);
        }

        // Proves: STM-003
        [Fact]
        public void Ring_ManyRoundsPastTheEnd_KeepsFirstInFirstOut()
        {
            var q = new TriggerQueue();
            var order = new[] { PumpTrigger.RequestStart, PumpTrigger.RequestPause, PumpTrigger.VitalHold };
            for (int round = 0; round < 3 * TriggerQueue.Capacity; round++)
            {
                foreach (PumpTrigger t in order)
                {
                    Assert.True(q.Enqueue(t));
                }

                Assert.Equal(order, Drain(q));
            }
        }

        // Proves: STM-003
        [Fact]
        public void MoveBehind_AcrossTheEndOfTheRing_SafetyFirstThenTheWaitingRequestsInTheirOrder()
        {
            var q = new TriggerQueue();
            // Put the head near the end of the ring, so the move wraps.
            for (int i = 0; i < TriggerQueue.Capacity - 2; i++)
            {
                q.Enqueue(PumpTrigger.RequestStart);
                q.TryDequeue(out _);
            }

            q.Request(PumpTrigger.RequestResume);
            q.Request(PumpTrigger.RequestPause);
            q.Request(PumpTrigger.ConfirmProgram);
            q.Enqueue(PumpTrigger.FatalFault);
            q.Enqueue(PumpTrigger.VitalStop);
            q.MoveBehind(3);
            Assert.Equal(5, q.Count);
            Assert.Equal(new[] { PumpTrigger.FatalFault, PumpTrigger.VitalStop, PumpTrigger.RequestResume, PumpTrigger.RequestPause, PumpTrigger.ConfirmProgram }, Drain(q));
        }

        // Proves: STM-003
        [Fact]
        public void MoveBehind_NothingWaiting_OrderUnchanged()
        {
            var q = new TriggerQueue();
            q.Enqueue(PumpTrigger.TechnicalStop);
            q.Enqueue(PumpTrigger.VitalHold);
            q.MoveBehind(0);
            Assert.Equal(new[] { PumpTrigger.TechnicalStop, PumpTrigger.VitalHold }, Drain(q));
        }

        // Proves: STM-003
        [Fact]
        public void Clear_DropsEverythingAndTheFullShareIsFreeAgain()
        {
            var q = new TriggerQueue();
            for (int i = 0; i < TriggerQueue.Capacity; i++)
            {
                q.Enqueue(PumpTrigger.TechnicalStop);
            }

            q.Clear();
            Assert.Equal(0, q.Count);
            Assert.False(q.TryDequeue(out _));
            Assert.True(q.Request(PumpTrigger.RequestStart));
            Assert.True(q.TryDequeue(out PumpTrigger t));
            Assert.Equal(PumpTrigger.RequestStart, t);
        }
    }
}
