using System;
using Pump.Core.Persistence;
using Xunit;

namespace Pump.Core.Tests.Persistence
{
    [Collection(AllocationCollection.Name)]
    public sealed class PersistenceAllocationTests
    {
        // Proves: PER-014
        [Fact]
        public void WritePaths_SteadyState_AllocateNothing()
        {
            var rig = new PersistenceRig();
            var p = rig.Boot();
            p.Ledger.SetVolumeCalibration(1_000_000, 2858);
            Assert.True(p.Ledger.TryBeginDelivery());
            var page = new EventLogEntry[8];
            for (int i = 0; i < page.Length; i++) page[i] = new EventLogEntry();
            // Warm up (JIT, static tables).
            Assert.True(p.Ledger.TryCover(10, 400, 50, 1_000_000));
            Assert.True(p.Log.Append(1, 0, 0, 0, 0));
            Assert.True(p.State.TrySave());
            p.Log.ReadNewestFirst(0, page, 0, page.Length, out _);

            // Three measured rounds, the least counts: runtime work that lands on this thread while other
            // tests run in parallel (tiered re-JIT) shows up in one round; a real per-call allocation in all.
            long least = long.MaxValue;
            long reserve = 0;
            for (int round = 0; round < 3; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 1; i <= 200; i++)
                {
                    reserve += 400;
                    Assert.True(p.Ledger.TryCover(reserve, 400, 50, 1_000_000));
                    Assert.True(p.Log.Append(i, EventPriority.Low, EventCategory.Delivery, i, -i));
                    Assert.True(p.State.TrySave());
                    p.Log.ReadNewestFirst(0, page, 0, page.Length, out _);
                }

                Assert.True(p.Ledger.TryRecordExact(reserve));
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            Assert.Equal(0, least);
        }
    }
}
