using System;
using Pump.Core.Persistence;
using Xunit;

namespace Pump.Core.Tests.Persistence
{
    public sealed class PumpPersistenceTests
    {
        private static EventLogEntry[] Newest(PumpPersistence p, int n)
        {
            var page = new EventLogEntry[n];
            for (int i = 0; i < n; i++) page[i] = new EventLogEntry();
            int got = p.Log.ReadNewestFirst(0, page, 0, n, out _);
            Array.Resize(ref page, got);
            return page;
        }

        // Proves: PER-012
        [Fact]
        public void Open_NewStore_StartsEmptyBootOneAndLogsBoot()
        {
            var rig = new PersistenceRig();
            var p = rig.Boot();
            Assert.True(p.StoreFits);
            Assert.True(p.Report.StoreWasEmpty);
            Assert.False(p.Report.SnapshotRecovered);
            Assert.False(p.Report.DeliveryInterrupted);
            Assert.False(p.Report.HistoryUntrusted);
            Assert.False(p.Report.WriteFailed);
            Assert.Equal(1, p.Report.BootCount);
            var log = Newest(p, 10);
            Assert.Single(log);
            Assert.Equal(PersistenceEventCodes.Boot, log[0].Code);
            Assert.Equal(1, log[0].Arg0);
        }

        // Proves: PER-012
        [Fact]
        public void Open_EachPowerUp_RaisesBootCountEvenWhenTheSnapshotIsLost()
        {
            var rig = new PersistenceRig();
            for (int i = 1; i <= 5; i++)
            {
                Assert.Equal(i, rig.Boot().Report.BootCount);
            }

            // Destroy both snapshot slots: the log still remembers boot 5.
            rig.Store.FlipBit(StoreLayout.SnapshotAddress + 30, 0);
            rig.Store.FlipBit(StoreLayout.SnapshotAddress + StoreLayout.SnapshotSlotBytes + 30, 0);
            var p = rig.Boot();
            Assert.Equal(6, p.Report.BootCount);
            Assert.False(p.Report.SnapshotRecovered);
            Assert.False(p.Report.StoreWasEmpty);
            var codes = Array.ConvertAll(Newest(p, 10), e => e.Code);
            Assert.Contains(PersistenceEventCodes.SnapshotMissing, codes);
            Assert.Contains(PersistenceEventCodes.SnapshotSlotDamaged, codes);
        }

        // Proves: PER-012, PER-006
        [Fact]
        public void Open_AfterPowerLossMidDelivery_ReportsUpperBoundStaysStoppedAndLogsIt()
        {
            var rig = new PersistenceRig();
            var p = rig.Boot();
            p.State.Current.DrugId = 17;
            p.State.Current.ProgramPresent = true;
            Assert.True(p.Ledger.TryBeginDelivery());
            Assert.True(p.Ledger.TryReserveUpTo(4321));
            rig.Store.PowerOffNow();

            var after = rig.Boot();
            Assert.True(after.Report.DeliveryInterrupted);
            Assert.Equal(4321, after.Report.DeliveredMicrosteps);
            Assert.False(after.Ledger.IsOpen); // never resumes by itself
            Assert.False(after.Ledger.TryReserveUpTo(5000));
            var newest = Newest(after, 1)[0];
            Assert.Equal(PersistenceEventCodes.PowerLossDuringDelivery, newest.Code);
            Assert.Equal(4321, newest.Arg0);
            Assert.Equal(17, newest.Arg1);
            Assert.Equal(EventPriority.High, newest.Priority);

            // The clinician ends the interrupted session: the bound stays, later power-ups stay quiet.
            Assert.True(after.Ledger.TryCloseInterrupted());
            var later = rig.Boot();
            Assert.False(later.Report.DeliveryInterrupted);
            Assert.Equal(4321, later.State.Current.DeliveredMicrosteps);
            Assert.False(later.State.Current.DeliveredIsExact);
            Assert.Equal(PersistenceEventCodes.Boot, Newest(later, 1)[0].Code);
        }

        // Proves: PER-012
        [Fact]
        public void Open_AfterOrderlyStop_DoesNotReportAnInterruption()
        {
            var rig = new PersistenceRig();
            var p = rig.Boot();
            Assert.True(p.Ledger.TryBeginDelivery());
            Assert.True(p.Ledger.TryReserveUpTo(900));
            Assert.True(p.Ledger.TryRecordExact(850));
            var after = rig.Boot();
            Assert.False(after.Report.DeliveryInterrupted);
            Assert.Equal(850, after.Report.DeliveredMicrosteps);
            Assert.True(after.State.Current.DeliveredIsExact);
        }

        // Proves: PER-009, PER-012
        [Fact]
        public void Open_AfterTornLogAppend_LogsRepairingLog()
        {
            var rig = new PersistenceRig();
            var p = rig.Boot();
            Assert.True(p.Log.Append(500, 0, 0, 0, 0));
            long torn = p.Log.NewestSequence + 1;
            rig.Store.CutPowerAfter(20);
            Assert.False(p.Log.Append(501, 0, 0, 0, 0));

            var after = rig.Boot();
            Assert.True(after.Report.LogRepaired);
            var entries = Newest(after, 3);
            Assert.Equal(PersistenceEventCodes.LogRepaired, entries[0].Code);
            Assert.Equal(torn, entries[0].Arg0);
            Assert.Equal(PersistenceEventCodes.Boot, entries[1].Code);
            Assert.Equal(500, entries[2].Code);
        }

        // Proves: PER-012, PER-002
        [Fact]
        public void Open_PowerCutAtEveryByteOfPowerUpItself_NextPowerUpStillRecovers()
        {
            var rig = new PersistenceRig();
            var p = rig.Boot();
            p.State.Current.DrugId = 3;
            Assert.True(p.Ledger.TryBeginDelivery());
            Assert.True(p.Ledger.TryReserveUpTo(777));
            byte[] image = rig.Store.Copy();
            long before = rig.Store.BytesWritten;
            var probe = rig.Boot(); // a recovery that writes: snapshot + boot + interrupted-delivery entries
            long openBytes = rig.Store.BytesWritten - before;
            Assert.True(probe.Report.DeliveryInterrupted);
            Assert.Equal(StoreLayout.RecordOverheadBytes + PumpSnapshotCodec.PayloadBytes + 2 * StoreLayout.EventLogEntryBytes, openBytes);
            for (long cut = 0; cut < openBytes; cut++)
            {
                rig.Store.RestoreFrom(image);
                rig.Store.Reboot();
                rig.Store.CutPowerAfter(cut);
                var half = new PumpPersistence(rig.Store, rig.Clock, rig.Rtc);
                half.Open();
                Assert.True(half.Report.WriteFailed);

                var whole = rig.Boot();
                Assert.True(whole.Report.SnapshotRecovered, "cut " + cut);
                Assert.Equal(777, whole.State.Current.DeliveredMicrosteps);
                Assert.True(whole.Report.DeliveryInterrupted);
                Assert.Equal(3, whole.State.Current.DrugId);
                Assert.False(whole.Report.WriteFailed);
            }
        }

        // Proves: PER-011
        [Fact]
        public void DrugLibraryStore_Blob_RoundTripsUpToMaxAndRefusesLarger()
        {
            var rig = new PersistenceRig();
            var p = rig.Boot();
            var blob = new byte[StoreLayout.DrugLibraryMaxBytes];
            new Random(3).NextBytes(blob);
            Assert.True(p.Library.TryWrite(blob, 0, blob.Length));
            Assert.False(p.Library.TryWrite(new byte[StoreLayout.DrugLibraryMaxBytes + 1], 0, StoreLayout.DrugLibraryMaxBytes + 1));
            var buffer = new byte[StoreLayout.DrugLibraryMaxBytes];
            var after = rig.Boot();
            Assert.True(after.Library.TryLoad(buffer, 0, out int length));
            Assert.Equal(blob.Length, length);
            Assert.Equal(blob, buffer);
        }

        // Proves: PER-011, PER-002
        [Fact]
        public void DrugLibraryStore_PowerCutDuringReplacement_KeepsTheOldLibraryWholeAtSampledBytes()
        {
            var rig = new PersistenceRig();
            var p = rig.Boot();
            var oldLib = new byte[5000];
            var newLib = new byte[7000];
            new Random(1).NextBytes(oldLib);
            new Random(2).NextBytes(newLib);
            Assert.True(p.Library.TryWrite(oldLib, 0, oldLib.Length));
            byte[] image = rig.Store.Copy();
            int writeBytes = StoreLayout.RecordOverheadBytes + newLib.Length;
            var buffer = new byte[StoreLayout.DrugLibraryMaxBytes];
            int points = 0;
            for (int cut = 0; cut <= writeBytes; cut += cut < 40 || cut > writeBytes - 40 ? 1 : 97)
            {
                rig.Store.RestoreFrom(image);
                rig.Store.Reboot();
                var lib = new DrugLibraryStore(rig.Store);
                rig.Store.CutPowerAfter(cut);
                bool ok = lib.TryWrite(newLib, 0, newLib.Length);
                rig.Store.Reboot();
                var reader = new DrugLibraryStore(rig.Store);
                Assert.True(reader.TryLoad(buffer, 0, out int length));
                byte[] expected = ok ? newLib : oldLib;
                if (!ok && length == newLib.Length)
                {
                    expected = newLib; // the missing tail already held the new bytes: complete
                }

                Assert.Equal(expected.Length, length);
                Assert.True(buffer.AsSpan(0, length).SequenceEqual(expected), "cut " + cut);
                points++;
            }

            Assert.True(points >= 100, points + " cut points");
        }

        // Proves: PER-012
        [Fact]
        public void Open_StoreSmallerThanLayout_ReportsFailureWithoutThrowing()
        {
            var small = new PowerCutStore(4096);
            var p = new PumpPersistence(small, new ManualMonotonicClock(), new ManualRealTimeClock());
            Assert.False(p.StoreFits);
            var report = p.Open();
            Assert.True(report.WriteFailed);
            Assert.True(report.HistoryUntrusted);
        }
    }
}
