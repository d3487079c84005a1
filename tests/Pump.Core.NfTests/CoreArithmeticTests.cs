using nanoFramework.TestFramework;
using Pump.Core.Common;
using Pump.Hal;

namespace Pump.Core.NfTests
{
    /// <summary>
    /// The core's integer arithmetic on the real runtime (nanoCLR or the ESP32): the desktop tests
    /// prove the logic on .NET; these prove the interpreter computes the same 64-bit results.
    /// </summary>
    [TestClass]
    public class CoreArithmeticTests
    {
        [TestMethod]
        public void Crc32_CheckString_IsCbf43926()
        {
            byte[] data = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void IntMath_MulDivNearLongRange_Exact()
        {
            // 24 h at 5 kHz in µs-scaled fixed point stays exact.
            Assert.AreEqual(432000000L, IntMath.MulDiv(86400000000L, 5000L, 1000000L));
            Assert.AreEqual(3074457345618258602L, IntMath.MulDiv(long.MaxValue, 1L, 3L));
            Assert.AreEqual(7L, IntMath.CeilDiv(13L, 2L));
        }

        [TestMethod]
        public void StepSegment_DueTimes_RoundUpOnTheAbsoluteSchedule()
        {
            StepSegment segment = new StepSegment(1000000L, 0L, 3000L, 1000L, 3000000L);
            Assert.AreEqual(1003000L, segment.DueUs(1L));
            Assert.AreEqual(1000000L + 9000000L, segment.EndUs);
            StepSegment odd = new StepSegment(0L, 0L, 10L, 3L, 1000L);
            Assert.AreEqual(334L, odd.DueUs(1L));   // ceil(1000/3)
            Assert.AreEqual(667L, odd.DueUs(2L));   // ceil(2000/3)
        }
    }
}
