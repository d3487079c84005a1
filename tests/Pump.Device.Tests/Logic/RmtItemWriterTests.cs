using Pump.Hal.Esp32.Logic;
using Xunit;

namespace Pump.Device.Tests.Logic
{
    public sealed class RmtItemWriterTests
    {
        // Proves: DEV-005
        [Fact]
        public void Append_LongLowSymbol_SplitsIntoNonZeroHalvesThatSumExactly()
        {
            var writer = new RmtItemWriter(new byte[64 * 4]);
            writer.Reset();
            Assert.True(writer.Append(false, 100000));
            Assert.True(writer.Append(true, 10));
            Assert.True(writer.Finish(false));

            var play = RmtDecoding.Play(writer.Buffer, 0);
            Assert.All(play.Halves, h => Assert.InRange(h, 1, RmtItemWriter.MaxHalfTicks));
            Assert.Equal(new long[] { 100000 }, play.RisingEdgesUs.ToArray());
            Assert.Equal(100011, play.DurationUs);   // + the 1-tick closing half
            Assert.Equal(6, play.Halves.Count);   // 4 low + 1 high + 1 closing
        }

        // Proves: DEV-005
        [Fact]
        public void Append_SymbolOfExactlyOneMaxHalf_UsesOneHalf()
        {
            var writer = new RmtItemWriter(new byte[8]);
            writer.Reset();
            writer.Append(false, RmtItemWriter.MaxHalfTicks);
            writer.Append(true, 1);
            Assert.Equal(1, writer.ItemCount);
            RmtItemWriter.ReadHalf(writer.Buffer, 0, out bool level0, out int ticks0);
            RmtItemWriter.ReadHalf(writer.Buffer, 1, out bool level1, out int ticks1);
            Assert.False(level0);
            Assert.Equal(32767, ticks0);
            Assert.True(level1);
            Assert.Equal(1, ticks1);
        }

        [Fact]
        public void Encode_ItemLayout_MatchesEsp32Rmt32Item()
        {
            var writer = new RmtItemWriter(new byte[4]);
            writer.Reset();
            writer.Append(true, 0x1234);
            writer.Append(false, 0x0056);
            // duration0 bits 0-14, level0 bit 15, duration1 bits 16-30, level1 bit 31 (little-endian)
            Assert.Equal(new byte[] { 0x34, 0x92, 0x56, 0x00 }, writer.Buffer);
        }

        // Proves: DEV-005
        [Fact]
        public void Append_MoreThanCapacity_ReportsOverflowInsteadOfTruncating()
        {
            var writer = new RmtItemWriter(new byte[2 * 4]);
            writer.Reset();
            Assert.True(writer.Append(false, 3 * 32767L));
            Assert.False(writer.Append(false, 2 * 32767L));
            Assert.True(writer.Overflowed);
        }

        // Proves: DEV-005
        [Fact]
        public void Reset_AfterLongBurst_LeavesZeroTerminatorAfterShorterBurst()
        {
            var writer = new RmtItemWriter(new byte[16 * 4]);
            writer.Reset();
            for (int i = 0; i < 10; i++)
            {
                writer.Append(true, 10);
                writer.Append(false, 100);
            }

            writer.Reset();
            writer.Append(true, 10);
            writer.Append(false, 100);
            var play = RmtDecoding.Play(writer.Buffer, 0);
            Assert.Single(play.RisingEdgesUs);
            Assert.Equal(110, play.DurationUs);
        }
    }
}
