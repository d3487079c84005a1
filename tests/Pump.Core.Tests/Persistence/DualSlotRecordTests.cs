using System;
using Pump.Core.Persistence;
using Xunit;

namespace Pump.Core.Tests.Persistence
{
    public sealed class DualSlotRecordTests
    {
        private const int Base = 0x100;
        private const int SlotBytes = 128;
        private const uint Magic = 0x54534554u;

        private static DualSlotRecord Open(PowerCutStore store) => new DualSlotRecord(store, Base, SlotBytes, Magic, 1, 1);

        private static byte[] Payload(int seed, int length)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        private static (bool Ok, byte[] Bytes, RecordReadReport Report) Load(PowerCutStore store)
        {
            var record = Open(store);
            var report = new RecordReadReport();
            var buffer = new byte[record.MaxPayloadBytes];
            bool ok = record.TryLoad(buffer, 0, report);
            return (ok, ok ? buffer.AsSpan(0, report.PayloadLength).ToArray() : Array.Empty<byte>(), report);
        }

        // Proves: PER-003
        [Theory]
        [InlineData(0xFF)]
        [InlineData(0x00)]
        public void DualSlotRecord_NeverWritten_ReportsEmptyNotDamage(byte fill)
        {
            var store = new PowerCutStore(1024, fill);
            var (ok, _, report) = Load(store);
            Assert.False(ok);
            Assert.Equal(-1, report.SelectedSlot);
            Assert.Equal(SlotStatus.Empty, report.Slot0Status);
            Assert.Equal(SlotStatus.Empty, report.Slot1Status);
            Assert.False(report.AnyDamage);
        }

        // Proves: PER-002
        [Fact]
        public void DualSlotRecord_Writes_AlternateSlotsAndLoadNewest()
        {
            var store = new PowerCutStore(1024);
            var record = Open(store);
            for (int i = 1; i <= 5; i++)
            {
                int expectedSlot = (i - 1) % 2;
                Assert.Equal(expectedSlot, record.NextSlot);
                Assert.True(record.TryWrite(1, Payload(i, 40 + i), 0, 40 + i));
                var (ok, bytes, report) = Load(store);
                Assert.True(ok);
                Assert.Equal(expectedSlot, report.SelectedSlot);
                Assert.Equal(i, i == 1 ? report.Slot0Sequence : Math.Max(report.Slot0Sequence, report.Slot1Sequence));
                Assert.Equal(Payload(i, 40 + i), bytes);
            }
        }

        // Proves: PER-002
        [Fact]
        public void DualSlotRecord_PowerCutAtEveryByteOfAWrite_LoadsLastCompleteRecord()
        {
            var store = new PowerCutStore(1024);
            Assert.True(Open(store).TryWrite(1, Payload(1, 60), 0, 60));
            Assert.True(Open(store).TryWrite(1, Payload(2, 70), 0, 70));
            byte[] image = store.Copy();
            int writeBytes = StoreLayout.RecordOverheadBytes + 90;
            for (int cut = 0; cut <= writeBytes; cut++)
            {
                store.RestoreFrom(image);
                store.Reboot();
                var writer = Open(store);
                var scan = new RecordReadReport();
                writer.Scan(scan);
                store.CutPowerAfter(cut);
                bool wrote = writer.TryWrite(1, Payload(3, 90), 0, 90);
                store.Reboot();

                var (ok, bytes, report) = Load(store);
                Assert.True(ok, "cut " + cut + ": " + report.Describe());
                if (cut < writeBytes)
                {
                    Assert.False(wrote);
                    Assert.Equal(Payload(2, 70), bytes);
                }
                else
                {
                    Assert.True(wrote);
                    Assert.Equal(Payload(3, 90), bytes);
                }
            }
        }

        // Proves: PER-002
        [Fact]
        public void DualSlotRecord_TornWriteThenNextWrite_OverwritesTheTornSlotNotTheGoodOne()
        {
            var store = new PowerCutStore(1024);
            Assert.True(Open(store).TryWrite(1, Payload(1, 50), 0, 50));
            Assert.True(Open(store).TryWrite(1, Payload(2, 50), 0, 50));
            store.CutPowerAfter(30);
            Assert.False(Open(store).TryWrite(1, Payload(3, 50), 0, 50));
            store.Reboot();

            var writer = Open(store);
            var report = new RecordReadReport();
            writer.Scan(report);
            Assert.Equal(1, report.SelectedSlot);
            Assert.Equal(SlotStatus.BadCrc, report.Slot0Status);
            // Cut the retry too: the good copy (sequence 2) must survive a second torn write.
            store.CutPowerAfter(10);
            Assert.False(writer.TryWrite(1, Payload(4, 50), 0, 50));
            store.Reboot();
            var (ok, bytes, _) = Load(store);
            Assert.True(ok);
            Assert.Equal(Payload(2, 50), bytes);
        }

        // Proves: PER-003
        [Fact]
        public void DualSlotRecord_RandomBitFlips_AreDetectedReportedAndNeverUsed()
        {
            var random = new Random(20261126);
            int flips = 0;
            for (int trial = 0; trial < 2000; trial++)
            {
                var store = new PowerCutStore(1024);
                Assert.True(Open(store).TryWrite(1, Payload(1, 80), 0, 80));
                Assert.True(Open(store).TryWrite(1, Payload(2, 80), 0, 80));
                // Flip 1..3 bits inside the newest copy (slot 1) only.
                int n = 1 + random.Next(3);
                for (int k = 0; k < n; k++)
                {
                    store.FlipBit(Base + SlotBytes + random.Next(StoreLayout.RecordOverheadBytes + 80), random.Next(8));
                }

                var (ok, bytes, report) = Load(store);
                bool unchanged = store.Raw.AsSpan(Base + SlotBytes, 100).SequenceEqual(CleanSlot1());
                if (unchanged)
                {
                    continue; // flips cancelled each other out
                }

                flips++;
                Assert.True(ok);
                Assert.Equal(0, report.SelectedSlot);
                Assert.Equal(Payload(1, 80), bytes);
                Assert.True(SlotStatus.IsDamage(report.Slot1Status), report.Describe());
                Assert.True(report.AnyDamage);
            }

            Assert.True(flips > 1900);
        }

        private static byte[] CleanSlot1()
        {
            var store = new PowerCutStore(1024);
            Assert.True(Open(store).TryWrite(1, Payload(1, 80), 0, 80));
            Assert.True(Open(store).TryWrite(1, Payload(2, 80), 0, 80));
            return store.Raw.AsSpan(Base + SlotBytes, 100).ToArray();
        }

        // Proves: PER-003
        [Fact]
        public void DualSlotRecord_BothSlotsDamaged_ReturnsFalseWithBothReasons()
        {
            var store = new PowerCutStore(1024);
            Assert.True(Open(store).TryWrite(1, Payload(1, 80), 0, 80));
            Assert.True(Open(store).TryWrite(1, Payload(2, 80), 0, 80));
            store.FlipBit(Base + 20, 3);            // slot 0 payload
            store.FlipBit(Base + SlotBytes + 1, 0); // slot 1 magic
            var (ok, _, report) = Load(store);
            Assert.False(ok);
            Assert.Equal(SlotStatus.BadCrc, report.Slot0Status);
            Assert.Equal(SlotStatus.BadMagic, report.Slot1Status);
            Assert.Contains("no valid slot", report.Describe());
        }

        // Proves: PER-003
        [Fact]
        public void DualSlotRecord_LengthFieldCorrupted_ReportsBadLength()
        {
            var store = new PowerCutStore(1024);
            Assert.True(Open(store).TryWrite(1, Payload(1, 80), 0, 80));
            store.Raw[Base + 7] = 0x7F; // payload length high byte: far beyond the slot
            var (ok, _, report) = Load(store);
            Assert.False(ok);
            Assert.Equal(SlotStatus.BadLength, report.Slot0Status);
        }

        // Proves: PER-003
        [Fact]
        public void DualSlotRecord_UnsupportedVersion_IsNotUsed()
        {
            var store = new PowerCutStore(1024);
            var writer = new DualSlotRecord(store, Base, SlotBytes, Magic, 1, 9);
            Assert.True(writer.TryWrite(1, Payload(1, 10), 0, 10));
            Assert.True(writer.TryWrite(7, Payload(2, 10), 0, 10));
            var (ok, bytes, report) = Load(store); // reader accepts version 1 only
            Assert.True(ok);
            Assert.Equal(Payload(1, 10), bytes);
            Assert.Equal(SlotStatus.UnsupportedVersion, report.Slot1Status);
        }

        // Proves: PER-013
        [Fact]
        public void DualSlotRecord_IoErrors_ReturnFalseWithoutThrowing()
        {
            var store = new PowerCutStore(1024);
            var record = Open(store);
            Assert.True(record.TryWrite(1, Payload(1, 10), 0, 10));
            store.FailWrites = true;
            Assert.False(record.TryWrite(1, Payload(2, 10), 0, 10));
            store.FailWrites = false;
            store.FailReads = true;
            var (ok, _, report) = Load(store);
            Assert.False(ok);
            Assert.Equal(SlotStatus.ReadError, report.Slot0Status);
            store.FailReads = false;
            Assert.False(record.TryWrite(1, new byte[SlotBytes], 0, SlotBytes)); // payload larger than the slot
            Assert.False(record.TryWrite(1, Payload(1, 10), 5, 10));             // range outside the buffer
            Assert.False(record.TryWrite(70000, Payload(1, 10), 0, 10));         // version does not fit u16
            Assert.Equal(Payload(1, 10), Load(store).Bytes);
        }

        // Proves: PER-003
        [Fact]
        public void DualSlotRecord_OutOfRangeAddress_ReportsReadErrorWithoutThrowing()
        {
            var store = new PowerCutStore(200);
            var record = new DualSlotRecord(store, 150, SlotBytes, Magic, 1, 1);
            var report = new RecordReadReport();
            Assert.False(record.TryLoad(new byte[SlotBytes], 0, report));
            Assert.Equal(SlotStatus.ReadError, report.Slot1Status);
            Assert.False(record.TryWrite(1, Payload(1, 60), 0, 60)); // slot 0 would end beyond the store
        }
    }
}
