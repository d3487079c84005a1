using System;
using Pump.Core.Persistence;
using Xunit;

namespace Pump.Core.Tests.Persistence
{
    public sealed class EventLogTests
    {
        private static EventLog NewLog(PersistenceRig rig, long bootCount = 1)
        {
            rig.Store.Reboot();
            var log = new EventLog(rig.Store, rig.Clock, rig.Rtc);
            log.Recover();
            log.BootCount = bootCount;
            return log;
        }

        private static EventLogEntry[] Page(int n)
        {
            var page = new EventLogEntry[n];
            for (int i = 0; i < n; i++) page[i] = new EventLogEntry();
            return page;
        }

        // Proves: PER-008
        [Fact]
        public void EventLog_Append_StoresTimestampsCodePriorityCategoryAndArguments()
        {
            var rig = new PersistenceRig();
            var log = NewLog(rig, bootCount: 7);
            rig.Clock.NowUs = 12_345_678;
            rig.Rtc.UtcSeconds = 1_790_000_123;
            Assert.True(log.Append(1234, EventPriority.High, EventCategory.Alarm, -5, int.MaxValue));
            rig.Rtc.Valid = false;
            rig.Clock.AdvanceMs(1000);
            Assert.True(log.Append(77, EventPriority.Info, EventCategory.Panel, 0, 1));

            var reopened = NewLog(rig);
            var e = new EventLogEntry();
            Assert.True(reopened.TryReadEntry(1, e));
            Assert.Equal(1, e.Sequence);
            Assert.Equal(7, e.BootCount);
            Assert.Equal(1_790_000_123, e.UtcSeconds);
            Assert.True(e.HasUtc);
            Assert.Equal(12_345, e.MonotonicMs);
            Assert.Equal(1234, e.Code);
            Assert.Equal(EventPriority.High, e.Priority);
            Assert.Equal(EventCategory.Alarm, e.Category);
            Assert.Equal(-5, e.Arg0);
            Assert.Equal(int.MaxValue, e.Arg1);
            Assert.True(reopened.TryReadEntry(2, e));
            Assert.False(e.HasUtc); // RTC not valid: no calendar time, monotonic time still there
            Assert.Equal(13_345, e.MonotonicMs);
        }

        // Proves: PER-008
        [Fact]
        public void EventLog_MoreThanCapacity_KeepsTheNewest1024NewestFirst()
        {
            var rig = new PersistenceRig();
            var log = NewLog(rig);
            int total = StoreLayout.EventLogCapacityEntries + 300;
            for (int i = 1; i <= total; i++)
            {
                Assert.True(log.Append(i, EventPriority.Info, EventCategory.System, i * 2, -i));
            }

            var reopened = NewLog(rig);
            Assert.Equal(total, reopened.NewestSequence);
            Assert.Equal(total - StoreLayout.EventLogCapacityEntries + 1, reopened.OldestRetainedSequence);
            Assert.False(reopened.RecoveryReport.NeedsRepair);

            // Page through everything, 100 at a time, newest first.
            var page = Page(100);
            long from = 0;
            long expected = total;
            int read = 0;
            do
            {
                int n = reopened.ReadNewestFirst(from, page, 0, page.Length, out from);
                for (int k = 0; k < n; k++)
                {
                    Assert.Equal(expected, page[k].Sequence);
                    Assert.Equal((int)expected, page[k].Code);
                    Assert.Equal((int)expected * 2, page[k].Arg0);
                    expected--;
                    read++;
                }
            }
            while (from != 0);

            Assert.Equal(StoreLayout.EventLogCapacityEntries, read);
            Assert.False(reopened.TryReadEntry(total - StoreLayout.EventLogCapacityEntries, new EventLogEntry())); // overwritten
        }

        // Proves: PER-009
        [Fact]
        public void EventLog_PowerCutAtEveryByteOfAnAppend_LosesAtMostThatEntryAndReportsRepair()
        {
            foreach (int before in new[] { 5, StoreLayout.EventLogCapacityEntries + 5 }) // before and after the ring wrapped
            {
                var rig = new PersistenceRig();
                var log = NewLog(rig);
                for (int i = 1; i <= before; i++) Assert.True(log.Append(i, 0, 0, i, 0));
                byte[] image = rig.Store.Copy();
                int repaired = 0;
                for (int cut = 0; cut <= StoreLayout.EventLogEntryBytes; cut++)
                {
                    rig.Store.RestoreFrom(image);
                    var writer = NewLog(rig);
                    rig.Store.CutPowerAfter(cut);
                    bool ok = writer.Append(9999, EventPriority.Medium, EventCategory.Delivery, 1, 2);
                    Assert.Equal(cut == StoreLayout.EventLogEntryBytes, ok);

                    var reader = NewLog(rig);
                    LogRecoveryReport report = reader.RecoveryReport;
                    var e = new EventLogEntry();
                    bool newest = reader.TryReadEntry(before + 1, e);
                    if (reader.NewestSequence == before + 1)
                    {
                        Assert.True(newest);
                        Assert.Equal(9999, e.Code); // complete (or its missing bytes already matched)
                    }
                    else
                    {
                        Assert.Equal(before, reader.NewestSequence);
                        if (report.TornEntryDetected)
                        {
                            repaired++;
                            Assert.Equal(before + 1, report.LostSequence);
                        }
                    }

                    // Every earlier entry the ring still holds is intact, except the one being overwritten.
                    long oldest = Math.Max(1, before + 1 - StoreLayout.EventLogCapacityEntries + 1);
                    for (long s = oldest; s <= before; s++)
                    {
                        Assert.True(reader.TryReadEntry(s, e), "cut " + cut + " lost entry " + s);
                        Assert.Equal((int)s, e.Code);
                    }

                    Assert.Equal(0, report.DamagedEntries);

                    // Appending continues after the newest valid entry and overwrites the torn one.
                    Assert.True(reader.Append(4242, 0, 0, 0, 0));
                    var again = NewLog(rig);
                    Assert.False(again.RecoveryReport.NeedsRepair);
                    Assert.True(again.TryReadEntry(again.NewestSequence, e));
                    Assert.Equal(4242, e.Code);
                }

                Assert.True(repaired >= StoreLayout.EventLogEntryBytes - 4, "torn entries should be reported: " + repaired);
            }
        }

        // Proves: PER-010
        [Fact]
        public void EventLog_RandomBitFlips_AreSkippedReportedAndNeverReturned()
        {
            var rig = new PersistenceRig();
            var log = NewLog(rig);
            for (int i = 1; i <= 200; i++) Assert.True(log.Append(i, 0, 0, i, 0));
            var random = new Random(8);
            var damaged = new System.Collections.Generic.HashSet<long>();
            for (int k = 0; k < 40; k++)
            {
                int index = random.Next(1, 199); // spare the newest so the torn-entry rule does not apply
                rig.Store.FlipBit(StoreLayout.EventLogAddress + index * StoreLayout.EventLogEntryBytes + random.Next(StoreLayout.EventLogEntryBytes), random.Next(8));
                damaged.Add(index + 1);
            }

            var reader = NewLog(rig);
            var page = Page(300);
            int n = reader.ReadNewestFirst(0, page, 0, page.Length, out long next);
            Assert.Equal(0, next);
            Assert.Equal(200, reader.NewestSequence);
            int expectedDamaged = 0;
            foreach (long s in damaged)
            {
                if (!reader.TryReadEntry(s, new EventLogEntry())) expectedDamaged++;
            }

            Assert.True(expectedDamaged >= damaged.Count - 2); // two flips on one bit cancel
            Assert.Equal(expectedDamaged, reader.RecoveryReport.DamagedEntries);
            Assert.Equal(200 - expectedDamaged, n);
            for (int k = 0; k < n; k++)
            {
                Assert.Equal((int)page[k].Sequence, page[k].Code); // only genuine entries come back
            }
        }

        // Proves: PER-013
        [Fact]
        public void EventLog_StoreFails_AppendReturnsFalseAndNothingThrows()
        {
            var rig = new PersistenceRig();
            var log = NewLog(rig);
            Assert.True(log.Append(1, 0, 0, 0, 0));
            rig.Store.FailWrites = true;
            Assert.False(log.Append(2, 0, 0, 0, 0));
            Assert.Equal(1, log.WriteFailureCount);
            rig.Store.FailWrites = false;
            Assert.True(log.Append(3, 0, 0, 0, 0));
            Assert.Equal(2, log.NewestSequence);
            rig.Store.FailReads = true;
            var broken = new EventLog(rig.Store, rig.Clock, rig.Rtc);
            Assert.True(broken.Recover().ReadFailed);
            Assert.False(broken.Append(4, 0, 0, 0, 0));
            Assert.Equal(0, broken.ReadNewestFirst(0, Page(4), 0, 4, out _));
        }
    }
}
