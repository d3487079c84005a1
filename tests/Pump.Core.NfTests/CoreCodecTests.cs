using nanoFramework.TestFramework;
using Pump.Core.Delivery;
using Pump.Core.Interlock;
using Pump.Core.Library;
using Pump.Core.Link;
using Pump.Core.Persistence;

namespace Pump.Core.NfTests
{
    /// <summary>
    /// The core's codecs, parser, schedule and lease on the real runtime: byte-level work (shifts, sign
    /// extension, CRCs, 64-bit fields) where an interpreter difference would corrupt a library, a frame or a record.
    /// </summary>
    [TestClass]
    public class CoreCodecTests
    {
        [TestMethod]
        public void LibraryCodec_ShippedLibrary_RoundTripsAndRefusesDamage()
        {
            DrugLibrary shipped = ShippedLibrary.Build();
            byte[] bytes = LibraryCodec.Encode(shipped)!;
            LibraryLoadResult decoded = LibraryCodec.Decode(bytes, 0, bytes.Length);
            Assert.IsTrue(decoded.IsAccepted && decoded.Library != null);
            DrugLibrary library = decoded.Library!;
            Assert.AreEqual(shipped.Count, library.Count);
            Assert.AreEqual(shipped.Revision, library.Revision);
            Assert.AreEqual(shipped.GetAt(0).DrugId, library.GetAt(0).DrugId);

            bytes[bytes.Length / 2] ^= 0x01;
            Assert.AreEqual((int)LibraryError.CrcMismatch, (int)LibraryCodec.Decode(bytes, 0, bytes.Length).Error);
            Assert.AreEqual((int)LibraryError.TooShort, (int)LibraryCodec.Decode(bytes, 0, 5).Error);
        }

        [TestMethod]
        public void MonitorFrame_EncodedVitals_ParsedBackExactlyAndDamageRejected()
        {
            VitalSigns sent = new VitalSigns();
            sent.MonitorId = 0x4D4F4E31;
            sent.Sequence = 0xFFFFFFF0;
            sent.HeartRateBpm = 72;
            sent.Spo2Percent = 97;
            sent.RespiratoryRatePerMin = 14;
            sent.SystolicMmHg = 128;
            sent.DiastolicMmHg = 80;
            sent.MeanMmHg = 96;
            sent.NibpAgeS = 42;
            sent.NibpReadingNumber = 7;
            sent.AvailableFlags = VitalSigns.AvailKnownMask;
            sent.Boot = 1;
            sent.SourceId = 0x00A0C0FFEE000001UL;
            sent.SetBedLabel("BED 1");
            // Link v2: frames carry an HMAC-SHA-256 tag under the key the pump was paired with.
            byte[] key = new byte[32];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(0xA0 + i);
            }

            LinkKeyStore keys = new LinkKeyStore();
            Assert.AreEqual((int)KeySetResult.Ok, (int)keys.Pair(sent.MonitorId, key, 0, key.Length));
            byte[] frame = new byte[MonitorFrameFormat.MaxFrameLength];
            int length = MonitorFrameEncoder.EncodeVitals(sent, keys.Mac, frame, 0);
            Assert.AreEqual(MonitorFrameFormat.VitalsFrameLength, length);

            BufferLink link = new BufferLink();
            link.Send(frame, length);
            MonitorFrameParser parser = new MonitorFrameParser(keys, MonitorFrameParser.DefaultBadFrameAlarmCount, MonitorFrameParser.DefaultBadFrameWindowMs);
            Assert.AreEqual((int)FrameResult.Accepted, (int)parser.Poll(link, 5000L));
            VitalSigns got = parser.LastAccepted;
            Assert.AreEqual(sent.Sequence, got.Sequence);
            Assert.AreEqual(128, got.SystolicMmHg);
            Assert.AreEqual(42, got.NibpAgeS);
            Assert.AreEqual(5000L - 42000L, got.NibpMeasuredAtMs);

            sent.Sequence++;
            length = MonitorFrameEncoder.EncodeVitals(sent, keys.Mac, frame, 0);
            frame[length - 3] ^= 0x10; // inside the CRC
            link.Send(frame, length);
            Assert.AreEqual((int)FrameResult.BadCrc, (int)parser.Poll(link, 6000L));
            Assert.AreEqual(1, parser.AcceptedCount);
        }

        [TestMethod]
        public void VitalSignLease_FreshFrame_HeldUntilTheLinkTimeoutThenLost()
        {
            VitalSignLease lease = new VitalSignLease(5000, 600, true);
            Assert.AreEqual((int)LeaseCause.NeverGranted, (int)lease.Cause(0L));
            VitalSigns frame = new VitalSigns();
            frame.HeartRateBpm = 72;
            frame.Spo2Percent = 97;
            frame.RespiratoryRatePerMin = 14;
            frame.SystolicMmHg = 128;
            frame.DiastolicMmHg = 80;
            frame.AvailableFlags = VitalSigns.AvailKnownMask;
            frame.ReceivedAtMs = 10000L;
            frame.NibpAgeS = 1;
            Assert.AreEqual((int)LeaseCause.None, (int)lease.Renew(frame, 10000L, true));
            Assert.IsTrue(lease.IsHeld(14999L));
            Assert.IsTrue(!lease.IsHeld(15000L));
            Assert.AreEqual((int)LeaseCause.LinkLost, (int)lease.Cause(15000L));
            Assert.AreEqual((int)LeaseCause.OutsideLimits, (int)lease.Renew(frame, 10001L, false));
            Assert.IsTrue(!lease.IsHeld(10001L));
        }

        [TestMethod]
        public void StepSchedule_StepsDueByAndDueUs_AreInverse()
        {
            StepSchedule schedule = new StepSchedule(1000000L, 7L, 3000000L);
            for (long step = 1; step < 200; step += 13)
            {
                long due = schedule.DueUs(step);
                Assert.AreEqual(step, schedule.StepsDueBy(due));
                Assert.AreEqual(step - 1, schedule.StepsDueBy(due - 1));
            }

            Assert.AreEqual(0L, schedule.StepsDueBy(0L));
            // 24 h at 1e8 microsteps per second stays exact.
            StepSchedule fast = new StepSchedule(0L, 100000000L, 1000000L);
            Assert.AreEqual(8640000000000L, fast.StepsDueBy(86400000000L));
        }

        [TestMethod]
        public void SnapshotCodec_EveryField_RoundTripsIncludingSignedAndLarge()
        {
            PumpSnapshot s = new PumpSnapshot();
            s.PumpStateCode = 6;
            s.ProgramPresent = true;
            s.DrugId = 2;
            s.ConcentrationUgPerMl = 1000L;
            s.TotalMicrosteps = 202197L;
            s.RateMicrosteps = 3000000000L;
            s.RatePeriodUs = 3600000000000L;
            s.DeliveredMicrosteps = 123456789012L;
            s.VolumeDeliveredNl = -1L;
            s.LatchedAlarmBits = long.MinValue;
            s.SessionStartUtcSeconds = 1790000000L;
            s.BootCount = 4294967296L;
            byte[] buffer = new byte[PumpSnapshotCodec.PayloadBytes];
            int length = PumpSnapshotCodec.Encode(s, buffer, 0);
            Assert.AreEqual(PumpSnapshotCodec.PayloadBytes, length);
            PumpSnapshot d = new PumpSnapshot();
            int missing;
            Assert.IsTrue(PumpSnapshotCodec.TryDecode(buffer, 0, length, PumpSnapshotCodec.CurrentFormatVersion, d, out missing));
            Assert.AreEqual(0, missing);
            Assert.AreEqual(6, d.PumpStateCode);
            Assert.IsTrue(d.ProgramPresent);
            Assert.AreEqual(3000000000L, d.RateMicrosteps);
            Assert.AreEqual(3600000000000L, d.RatePeriodUs);
            Assert.AreEqual(123456789012L, d.DeliveredMicrosteps);
            Assert.AreEqual(-1L, d.VolumeDeliveredNl);
            Assert.AreEqual(long.MinValue, d.LatchedAlarmBits);
            Assert.AreEqual(4294967296L, d.BootCount);
        }
    }
}
