using System;
using System.Linq;
using Pump.Core.Persistence;
using Xunit;

namespace Pump.Core.Tests.Persistence
{
    public sealed class PumpSnapshotTests
    {
        internal static PumpSnapshot Sample(int seed)
        {
            var r = new Random(seed);
            return new PumpSnapshot
            {
                FormatVersion = PumpSnapshotCodec.CurrentFormatVersion,
                PumpStateCode = r.Next(1, 20),
                ProgramPresent = true,
                DrugId = r.Next(1, 1000),
                ConcentrationUgPerMl = 1000,
                WeightG = r.Next(30_000, 200_000),
                DoseUgPerKg = 500,
                DurationMs = 2_400_000,
                SyringeId = r.Next(1, 10),
                TotalMicrosteps = 100_030,
                RateMicrosteps = 150_045,
                RatePeriodUs = 3_600_000_000,
                DeliveredMicrosteps = 0,
                DeliveredIsExact = true,
                VolumeDeliveredNl = 0,
                ActiveAlarmBits = r.NextInt64(),
                LatchedAlarmBits = -r.NextInt64(),
                AlarmAudioPausedUntilMs = r.Next(),
                SessionStartUtcSeconds = 1_790_000_000L + r.Next(1_000_000),
                BaselineSbpMmHg = r.Next(90, 160),
                BaselineDbpMmHg = r.Next(50, 100),
                BaselineHrBpm = r.Next(50, 110),
                BaselineSpo2Percent = r.Next(94, 100),
                VitalHoldLatched = r.Next(2) == 1,
                BootCount = r.Next(1, 100000),
                VitalLatchedRules = r.Next(0, 1 << 27),
            };
        }

        internal static void AssertSame(PumpSnapshot expected, PumpSnapshot actual, bool includeDelivered = true)
        {
            Assert.Equal(expected.PumpStateCode, actual.PumpStateCode);
            Assert.Equal(expected.ProgramPresent, actual.ProgramPresent);
            Assert.Equal(expected.DrugId, actual.DrugId);
            Assert.Equal(expected.ConcentrationUgPerMl, actual.ConcentrationUgPerMl);
            Assert.Equal(expected.WeightG, actual.WeightG);
            Assert.Equal(expected.DoseUgPerKg, actual.DoseUgPerKg);
            Assert.Equal(expected.DurationMs, actual.DurationMs);
            Assert.Equal(expected.SyringeId, actual.SyringeId);
            Assert.Equal(expected.TotalMicrosteps, actual.TotalMicrosteps);
            Assert.Equal(expected.RateMicrosteps, actual.RateMicrosteps);
            Assert.Equal(expected.RatePeriodUs, actual.RatePeriodUs);
            if (includeDelivered)
            {
                Assert.Equal(expected.DeliveredMicrosteps, actual.DeliveredMicrosteps);
                Assert.Equal(expected.DeliveredIsExact, actual.DeliveredIsExact);
                Assert.Equal(expected.VolumeDeliveredNl, actual.VolumeDeliveredNl);
                Assert.Equal(expected.DeliveryActive, actual.DeliveryActive);
            }

            Assert.Equal(expected.ActiveAlarmBits, actual.ActiveAlarmBits);
            Assert.Equal(expected.LatchedAlarmBits, actual.LatchedAlarmBits);
            Assert.Equal(expected.AlarmAudioPausedUntilMs, actual.AlarmAudioPausedUntilMs);
            Assert.Equal(expected.SessionStartUtcSeconds, actual.SessionStartUtcSeconds);
            Assert.Equal(expected.BaselineSbpMmHg, actual.BaselineSbpMmHg);
            Assert.Equal(expected.BaselineDbpMmHg, actual.BaselineDbpMmHg);
            Assert.Equal(expected.BaselineHrBpm, actual.BaselineHrBpm);
            Assert.Equal(expected.BaselineSpo2Percent, actual.BaselineSpo2Percent);
            Assert.Equal(expected.VitalHoldLatched, actual.VitalHoldLatched);
            Assert.Equal(expected.BootCount, actual.BootCount);
            Assert.Equal(expected.VitalLatchedRules, actual.VitalLatchedRules);
        }

        // Proves: PER-004
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void PumpSnapshotCodec_EveryField_RoundTrips(int seed)
        {
            var s = Sample(seed);
            s.DeliveredMicrosteps = 12345;
            s.DeliveredIsExact = false;
            s.VolumeDeliveredNl = 4_319_580;
            s.DeliveryActive = true;
            var buffer = new byte[PumpSnapshotCodec.PayloadBytes];
            int length = PumpSnapshotCodec.Encode(s, buffer, 0);
            var back = new PumpSnapshot();
            Assert.True(PumpSnapshotCodec.TryDecode(buffer, 0, length, PumpSnapshotCodec.CurrentFormatVersion, back, out int missing));
            Assert.Equal(0, missing);
            AssertSame(s, back);
        }

        // Proves: PER-005
        [Fact]
        public void PumpSnapshotCodec_NewerVersionWithAppendedFields_ReadsKnownFieldsAndIgnoresTheRest()
        {
            var s = Sample(4);
            var buffer = new byte[PumpSnapshotCodec.PayloadBytes + 16];
            PumpSnapshotCodec.Encode(s, buffer, 0);
            buffer[PumpSnapshotCodec.PayloadBytes] = 0x55; // a field version 2 appended
            var back = new PumpSnapshot();
            Assert.True(PumpSnapshotCodec.TryDecode(buffer, 0, buffer.Length, 2, back, out int missing));
            Assert.Equal(0, missing);
            Assert.Equal(2, back.FormatVersion);
            AssertSame(s, back);
        }

        // Proves: PER-005
        [Theory]
        [InlineData(PumpSnapshotCodec.FieldProgramPresent, 2)]
        [InlineData(PumpSnapshotCodec.FieldDrugId, 1L << 40)]
        [InlineData(PumpSnapshotCodec.FieldDeliveredMicrosteps, -1)]
        [InlineData(PumpSnapshotCodec.FieldDeliveredIsExact, 7)]
        [InlineData(PumpSnapshotCodec.FieldTotalMicrosteps, -5)]
        [InlineData(PumpSnapshotCodec.FieldDeliveryActive, 3)]
        [InlineData(PumpSnapshotCodec.FieldVitalLatchedRules, -1)]
        public void PumpSnapshotCodec_FieldOutOfRange_IsRejectedAndDefaultsRestored(int field, long value)
        {
            var buffer = new byte[PumpSnapshotCodec.PayloadBytes];
            PumpSnapshotCodec.Encode(Sample(5), buffer, 0);
            LittleEndian.WriteInt64(buffer, field * PumpSnapshotCodec.FieldBytes, value);
            var back = Sample(6);
            Assert.False(PumpSnapshotCodec.TryDecode(buffer, 0, buffer.Length, 1, back, out _));
            Assert.False(back.ProgramPresent);
            Assert.Equal(0, back.DeliveredMicrosteps);
        }

        // Proves: PER-005
        [Theory]
        [InlineData(PumpSnapshotCodec.PayloadBytes - 8)]
        [InlineData(PumpSnapshotCodec.PayloadBytes - 3)]
        [InlineData(0)]
        public void PumpSnapshotCodec_TruncatedCurrentVersion_IsRejected(int length)
        {
            var buffer = new byte[PumpSnapshotCodec.PayloadBytes];
            PumpSnapshotCodec.Encode(Sample(7), buffer, 0);
            Assert.False(PumpSnapshotCodec.TryDecode(buffer, 0, length, PumpSnapshotCodec.CurrentFormatVersion, new PumpSnapshot(), out _));
        }

        // Proves: PER-005
        [Fact]
        public void PumpSnapshotCodec_Version1Payload_ReadsWithPlainRateFieldsDefaulted()
        {
            var buffer = new byte[PumpSnapshotCodec.PayloadBytes];
            var sample = Sample(7);
            sample.ProgramRateNlPerH = 10_000_000;
            PumpSnapshotCodec.Encode(sample, buffer, 0);
            var back = new PumpSnapshot();
            Assert.True(PumpSnapshotCodec.TryDecode(buffer, 0, 25 * PumpSnapshotCodec.FieldBytes, 1, back, out int missing));
            Assert.Equal(3, missing);
            Assert.Equal(0, back.ProgramRateNlPerH);
            Assert.Equal(sample.TotalMicrosteps, back.TotalMicrosteps);
        }

        // Proves: PER-005, INT-501
        [Fact]
        public void PumpSnapshotCodec_Version2Payload_ReadsWithNoLatchedRules()
        {
            var buffer = new byte[PumpSnapshotCodec.PayloadBytes];
            var sample = Sample(9);
            sample.VitalLatchedRules = 1 << 2;
            PumpSnapshotCodec.Encode(sample, buffer, 0);
            var back = new PumpSnapshot();
            Assert.True(PumpSnapshotCodec.TryDecode(buffer, 0, 27 * PumpSnapshotCodec.FieldBytes, 2, back, out int missing));
            Assert.Equal(1, missing);
            Assert.Equal(0, back.VitalLatchedRules);
            Assert.Equal(sample.VitalHoldLatched, back.VitalHoldLatched);
            Assert.False(PumpSnapshotCodec.TryDecode(buffer, 0, 27 * PumpSnapshotCodec.FieldBytes, 3, back, out _));
        }

        // Proves: PER-004
        [Fact]
        public void PumpStateStore_SaveThenReopen_RestoresEverything()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var state = new PumpStateStore(store);
            Assert.False(state.TryLoad());
            var sample = Sample(8);
            state.Current.CopyFrom(sample);
            Assert.True(state.TrySave());

            var reopened = new PumpStateStore(store);
            Assert.True(reopened.TryLoad());
            AssertSame(sample, reopened.Current);
        }

        // Proves: PER-004, PER-002
        [Fact]
        public void PumpStateStore_PowerCutAtEveryByteOfASave_RecoversThePreviousOrTheNewSnapshot()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var first = Sample(9);
            var second = Sample(10);
            var state = new PumpStateStore(store);
            state.Current.CopyFrom(first);
            Assert.True(state.TrySave());
            byte[] image = store.Copy();
            int saveBytes = StoreLayout.RecordOverheadBytes + PumpSnapshotCodec.PayloadBytes;

            // The slot image a complete save leaves, to recognise a "cut" that changed no byte still missing.
            var complete = new PumpStateStore(store);
            Assert.True(complete.TryLoad());
            complete.Current.CopyFrom(second);
            Assert.True(complete.TrySave());
            byte[] completeSlot = store.Raw.AsSpan(StoreLayout.SnapshotAddress + StoreLayout.SnapshotSlotBytes, saveBytes).ToArray();

            int points = 0;
            int coincidences = 0;
            for (int cut = 0; cut <= saveBytes; cut++)
            {
                store.RestoreFrom(image);
                store.Reboot();
                var writer = new PumpStateStore(store);
                Assert.True(writer.TryLoad());
                writer.Current.CopyFrom(second);
                store.CutPowerAfter(cut);
                bool saved = writer.TrySave();
                store.Reboot();
                Assert.Equal(cut == saveBytes, saved);

                var reader = new PumpStateStore(store);
                Assert.True(reader.TryLoad(), "cut " + cut + ": " + reader.LoadReport.Describe());
                bool slotComplete = store.Raw.AsSpan(StoreLayout.SnapshotAddress + StoreLayout.SnapshotSlotBytes, saveBytes).SequenceEqual(completeSlot);
                if (slotComplete && !saved)
                {
                    coincidences++; // the bytes not yet written already held the new values: the record is complete
                }

                AssertSame(slotComplete ? second : first, reader.Current);
                Assert.Equal(slotComplete ? 1 : 0, reader.LoadReport.SelectedSlot);
                points++;
            }

            Assert.True(coincidences <= 2);
            Assert.Equal(saveBytes + 1, points);
        }

        // Proves: PER-003, PER-005
        [Fact]
        public void PumpStateStore_NewestSlotCrcValidButUndecodable_FallsBackToOlderAndNextSaveKeepsIt()
        {
            var store = new PowerCutStore(StoreLayout.RequiredCapacityBytes);
            var state = new PumpStateStore(store);
            var older = Sample(11);
            state.Current.CopyFrom(older);
            Assert.True(state.TrySave());
            // A newer copy whose bytes pass the CRC but whose fields are out of range (e.g. a bad writer).
            var bad = new byte[PumpSnapshotCodec.PayloadBytes];
            PumpSnapshotCodec.Encode(Sample(12), bad, 0);
            LittleEndian.WriteInt64(bad, PumpSnapshotCodec.FieldProgramPresent * 8, 9);
            var raw = new DualSlotRecord(store, StoreLayout.SnapshotAddress, StoreLayout.SnapshotSlotBytes, StoreLayout.SnapshotMagic, 1, 0xFFFF);
            Assert.True(raw.TryWrite(1, bad, 0, bad.Length));

            var reader = new PumpStateStore(store);
            Assert.True(reader.TryLoad());
            Assert.True(reader.DecodeFailed);
            Assert.Equal(0, reader.LoadReport.SelectedSlot);
            Assert.Equal(SlotStatus.Inconsistent, reader.LoadReport.Slot1Status);
            AssertSame(older, reader.Current);

            // The next save must overwrite the bad slot, and cutting it must still leave the good copy.
            store.CutPowerAfter(50);
            Assert.False(reader.TrySave());
            store.Reboot();
            var again = new PumpStateStore(store);
            Assert.True(again.TryLoad());
            AssertSame(older, again.Current);
        }
    }
}
