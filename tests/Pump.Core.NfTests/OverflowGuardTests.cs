using nanoFramework.TestFramework;
using Pump.Core.Common;
using Pump.Core.Delivery;
using Pump.Core.Persistence;

namespace Pump.Core.NfTests
{
    /// <summary>
    /// The explicit overflow guards on the real runtime (NFR-005). nanoCLR executes checked arithmetic as plain
    /// arithmetic, so before these guards each case below returned a wrapped number on the device (MulDiv(2^62, 4, 1)
    /// was 0) while the desktop threw: every test here failed on nanoCLR then.
    /// </summary>
    [TestClass]
    public class OverflowGuardTests
    {
        [TestMethod]
        public void IntMath_MulDivBeyondLong_RefusedNotWrapped()
        {
            long result;
            Assert.IsTrue(!IntMath.TryMulDiv(1L << 62, 4L, 1L, out result));
            Assert.AreEqual(0L, result);
            Assert.IsTrue(Refused(1L << 62, 4L, 1L));
            // The remainder product r * b overflows though the result would fit: refused too.
            Assert.IsTrue(Refused((1L << 40) - 1L, 1L << 30, 1L << 40));
            Assert.AreEqual((1L << 62) - 1L, IntMath.MulDiv((1L << 62) - 1L, 2L, 2L));
        }

        [TestMethod]
        public void IntMath_TryMultiplyAndTryAdd_ExactAtTheEdgeOfLong()
        {
            long value;
            Assert.IsTrue(IntMath.TryMultiply(3037000499L, 3037000499L, out value));
            Assert.AreEqual(9223372030926249001L, value);
            Assert.IsTrue(!IntMath.TryMultiply(3037000500L, 3037000500L, out value));
            Assert.IsTrue(IntMath.TryMultiply(long.MaxValue, 1L, out value));
            Assert.IsTrue(!IntMath.TryMultiply(long.MaxValue, 2L, out value));
            Assert.IsTrue(!IntMath.TryMultiply(-1L, 2L, out value));
            Assert.IsTrue(IntMath.TryAdd(long.MaxValue - 1L, 1L, out value));
            Assert.AreEqual(long.MaxValue, value);
            Assert.IsTrue(!IntMath.TryAdd(long.MaxValue, 1L, out value));
            Assert.IsTrue(!IntMath.TryAdd(-5L, 1L, out value));
        }

        [TestMethod]
        public void StepSchedule_DueTimeBeyondLong_RefusedNotWrapped()
        {
            StepSchedule schedule = new StepSchedule(0L, 1L, long.MaxValue / 2L);
            bool refused = false;
            try
            {
                schedule.DueUs(3L);
            }
            catch (ArithmeticOverflowException)
            {
                refused = true;
            }

            Assert.IsTrue(refused);

            StepSchedule late = new StepSchedule(long.MaxValue - 10L, 1L, 100L);
            refused = false;
            try
            {
                late.DueUs(1L);
            }
            catch (ArithmeticOverflowException)
            {
                refused = true;
            }

            Assert.IsTrue(refused);
            Assert.AreEqual(long.MaxValue - 10L, late.DueUs(0L));
        }

        [TestMethod]
        public void DeliveryLedger_WindowBeyondLong_RefusedNotWrapped()
        {
            bool refused = false;
            try
            {
                PersistentDeliveryLedger.WindowMicrosteps(long.MaxValue / 1000L, 2L, 1L);
            }
            catch (ArithmeticOverflowException)
            {
                refused = true;
            }

            Assert.IsTrue(refused);
            Assert.AreEqual(334L, PersistentDeliveryLedger.WindowMicrosteps(1000L, 1L, 3000L));
        }

        [TestMethod]
        public void DeliveryLedger_CoverWithWindowBeyondLong_ReservesUpToTheCap()
        {
            PumpPersistence persistence = Boot();
            Assert.IsTrue(persistence.Ledger.TryBeginDelivery());
            // commandedEnd + window does not fit in a long: the reservation saturates at the cap, it never wraps
            // negative (which left only the commanded end reserved on nanoCLR).
            Assert.IsTrue(persistence.Ledger.TryCover(100L, long.MaxValue, 50L, 100000L));
            Assert.AreEqual(100000L, persistence.Ledger.ReservedMicrosteps);
        }

        [TestMethod]
        public void DeliveryLedger_VolumeBeyondLong_RefusedNotWrapped()
        {
            PumpPersistence persistence = Boot();
            Assert.IsTrue(persistence.Ledger.SetVolumeCalibration(long.MaxValue / 4L, 1L));
            Assert.IsTrue(persistence.Ledger.TryBeginDelivery());
            bool refused = false;
            try
            {
                persistence.Ledger.TryReserveUpTo(8L);
            }
            catch (ArithmeticOverflowException)
            {
                refused = true;
            }

            Assert.IsTrue(refused);
            Assert.AreEqual(0L, persistence.Ledger.ReservedMicrosteps);
        }

        [TestMethod]
        public void SnapshotCodec_ConcentrationBeyondInt_Refused()
        {
            PumpSnapshot snapshot = new PumpSnapshot();
            snapshot.ConcentrationUgPerMl = (1L << 32) + 1000L;   // (int) of it is a plausible 1000 µg/mL
            byte[] buffer = new byte[PumpSnapshotCodec.PayloadBytes];
            int length = PumpSnapshotCodec.Encode(snapshot, buffer, 0);
            PumpSnapshot decoded = new PumpSnapshot();
            int missing;
            Assert.IsTrue(!PumpSnapshotCodec.TryDecode(buffer, 0, length, PumpSnapshotCodec.CurrentFormatVersion, decoded, out missing));
            snapshot.ConcentrationUgPerMl = 1000L;
            length = PumpSnapshotCodec.Encode(snapshot, buffer, 0);
            Assert.IsTrue(PumpSnapshotCodec.TryDecode(buffer, 0, length, PumpSnapshotCodec.CurrentFormatVersion, decoded, out missing));
            Assert.AreEqual(1000L, decoded.ConcentrationUgPerMl);
        }

        private static bool Refused(long a, long b, long c)
        {
            try
            {
                IntMath.MulDiv(a, b, c);
                return false;
            }
            catch (ArithmeticOverflowException)
            {
                return true;
            }
        }

        private static PumpPersistence Boot()
        {
            FixedClock clock = new FixedClock();
            PumpPersistence persistence = new PumpPersistence(new ArrayStore(StoreLayout.Esp32ConfigPartitionBytes), clock, clock);
            persistence.Open();
            return persistence;
        }
    }
}
