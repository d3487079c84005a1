using System;
using Pump.Hal.Esp32.Logic;
using Xunit;

namespace Pump.Device.Tests.Logic
{
    public sealed class Ds3231CodecTests
    {
        // Proves: DEV-015
        [Theory]
        [InlineData(2000, 1, 1, 0, 0, 0)]
        [InlineData(2024, 2, 29, 23, 59, 59)]
        [InlineData(2026, 11, 26, 23, 10, 15)]
        [InlineData(2099, 12, 31, 12, 0, 0)]
        [InlineData(2100, 3, 1, 0, 0, 1)]
        public void EncodeThenDecode_UtcDate_RoundTripsAndMatchesDotNet(int y, int mo, int d, int h, int mi, int s)
        {
            long expected = new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero).ToUnixTimeSeconds();
            var regs = new byte[7];
            Assert.True(Ds3231Codec.TryEncode(expected, regs, 0));
            Assert.True(Ds3231Codec.TryDecode(regs, 0, out long decoded));
            Assert.Equal(expected, decoded);
        }

        [Fact]
        public void TryDecode_KnownRegisterDump_IsTheRightInstant()
        {
            // 2026-11-26 23:10:15, Thursday, BCD, 24-hour mode
            var regs = new byte[] { 0x15, 0x10, 0x23, 0x04, 0x26, 0x11, 0x26 };
            Assert.True(Ds3231Codec.TryDecode(regs, 0, out long utc));
            Assert.Equal(new DateTimeOffset(2026, 11, 26, 23, 10, 15, TimeSpan.Zero).ToUnixTimeSeconds(), utc);
        }

        [Fact]
        public void TryDecode_TwelveHourMode_ConvertedTo24Hours()
        {
            var regs = new byte[] { 0x00, 0x00, 0x40 | 0x20 | 0x11, 0x04, 0x26, 0x11, 0x26 }; // 11 PM
            Assert.True(Ds3231Codec.TryDecode(regs, 0, out long utc));
            Assert.Equal(new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), utc);
        }

        // Proves: DEV-015
        [Theory]
        [InlineData(0x5A, 0x00, 0x00, 0x01, 0x01, 0x26)]   // BCD digit > 9
        [InlineData(0x60, 0x00, 0x00, 0x01, 0x01, 0x26)]   // 60 s
        [InlineData(0x00, 0x00, 0x24, 0x01, 0x01, 0x26)]   // 24 h
        [InlineData(0x00, 0x00, 0x00, 0x00, 0x01, 0x26)]   // day 0
        [InlineData(0x00, 0x00, 0x00, 0x30, 0x02, 0x26)]   // 30 February
        [InlineData(0x00, 0x00, 0x00, 0x29, 0x02, 0x25)]   // 29 February 2025
        [InlineData(0x00, 0x00, 0x00, 0x01, 0x13, 0x26)]   // month 13
        public void TryDecode_CorruptedRegisters_Refused(byte s, byte m, byte h, byte d, byte mo, byte y)
        {
            Assert.False(Ds3231Codec.TryDecode(new byte[] { s, m, h, 0x01, d, mo, y }, 0, out _));
        }

        [Fact]
        public void TryEncode_Before2000_Refused()
        {
            Assert.False(Ds3231Codec.TryEncode(946684799, new byte[7], 0));
        }
    }

    public sealed class Hd44780CodecTests
    {
        [Fact]
        public void Encode_DataByte_TwoNibblesEachStrobedWithBacklightAndRs()
        {
            var buffer = new byte[4];
            Assert.Equal(4, Hd44780Codec.Encode(0x41, true, buffer, 0));   // 'A'
            Assert.Equal(new byte[] { 0x4D, 0x49, 0x1D, 0x19 }, buffer);    // high nibble 4, low nibble 1; E=0x04, BL=0x08, RS=0x01
        }

        [Fact]
        public void Encode_Command_RegisterSelectLow()
        {
            var buffer = new byte[4];
            Hd44780Codec.Encode(0x80, false, buffer, 0);
            Assert.Equal(new byte[] { 0x8C, 0x88, 0x0C, 0x08 }, buffer);
        }

        [Theory]
        [InlineData(0, 0x80)]
        [InlineData(1, 0xC0)]
        [InlineData(2, 0x94)]
        [InlineData(3, 0xD4)]
        public void SetAddressCommand_Row_Lcd2004RowStarts(int row, int command)
        {
            Assert.Equal((byte)command, Hd44780Codec.SetAddressCommand(row));
        }

        [Fact]
        public void EncodeRow_ShortAndNonAsciiText_PaddedAndReplaced()
        {
            var buffer = new byte[21 * 4];
            int count = Hd44780Codec.EncodeRow(1, "Dose µg".ToCharArray(), 20, buffer);
            Assert.Equal(84, count);
            Assert.Equal((byte)'D', Decode(buffer, 1));   // display byte 0 is the row address
            Assert.Equal((byte)'?', Decode(buffer, 6));
            Assert.Equal((byte)'g', Decode(buffer, 7));
            Assert.Equal((byte)' ', Decode(buffer, 8));
            Assert.Equal((byte)' ', Decode(buffer, 20));
        }

        private static byte Decode(byte[] buffer, int displayByte)
        {
            int at = displayByte * 4;
            return (byte)((buffer[at + 1] & 0xF0) | (buffer[at + 3] >> 4));
        }
    }

    public sealed class ControlLoopTimingTests
    {
        // Proves: DEV-014
        [Fact]
        public void Advance_VaryingTickDurations_DeadlinesStayOnTheGridWithoutDrift()
        {
            var loop = new ControlLoopTiming(1_000_000, 50);
            var random = new Random(7);
            long now = 1_000_000;
            for (int i = 1; i <= 100_000; i++)
            {
                now += random.Next(2_000, 45_000);       // tick work
                loop.Advance(now);
                Assert.Equal(1_000_000 + (i * 50_000L), loop.DeadlineUs);
                now = loop.DeadlineUs + random.Next(0, 3_000);   // sleep + spin ends a little after the deadline
                loop.TickStarted(now);
            }

            Assert.Equal(0, loop.SkippedTicks);
        }

        // Proves: DEV-014
        [Fact]
        public void Advance_TickOverrunsSeveralPeriods_MissedDeadlinesSkippedAndCounted()
        {
            var loop = new ControlLoopTiming(0, 50);
            loop.Advance(180_000);   // tick took 180 ms: deadlines 50 and 100 ms missed
            Assert.Equal(150_000, loop.DeadlineUs);
            Assert.Equal(2, loop.SkippedTicks);
            Assert.True(loop.IsDue(180_000));
            Assert.Equal(0, loop.SleepMs(180_000));
        }

        // Proves: DEV-014
        [Fact]
        public void Advance_TickOverrunsLessThanAPeriod_NextTickRunsAtOnceWithoutSkipping()
        {
            var loop = new ControlLoopTiming(0, 50);
            loop.Advance(70_000);
            Assert.Equal(50_000, loop.DeadlineUs);
            Assert.Equal(0, loop.SkippedTicks);
            Assert.True(loop.IsDue(70_000));
        }

        // Proves: DEV-014
        [Theory]
        [InlineData(0, 40)]           // 50 ms left → sleep 40 (may end 10 ms late), spin the rest
        [InlineData(5_000, 30)]
        [InlineData(20_000, 20)]
        [InlineData(25_000, 10)]
        [InlineData(31_000, 0)]       // 19 ms left: spin only
        [InlineData(45_000, 0)]
        public void SleepMs_RemainingTime_WholeRtosTicksWithOneTickMargin(long nowUs, int expectedMs)
        {
            var loop = new ControlLoopTiming(0, 50);
            loop.Advance(0);
            int sleep = loop.SleepMs(nowUs);
            Assert.Equal(expectedMs, sleep);
            Assert.Equal(0, sleep % ControlLoopTiming.RtosTickMs);
            Assert.True(nowUs + (sleep + ControlLoopTiming.RtosTickMs) * 1000L <= loop.DeadlineUs || sleep == 0);
        }
    }

    public sealed class WatchdogTestMarkerTests
    {
        // Proves: DEV-008
        [Fact]
        public void Encode_Armed_ReadsBackArmed()
        {
            var buffer = new byte[WatchdogTestMarker.Length];
            WatchdogTestMarker.Encode(true, buffer);
            Assert.True(WatchdogTestMarker.IsArmed(buffer, buffer.Length));
            WatchdogTestMarker.Encode(false, buffer);
            Assert.False(WatchdogTestMarker.IsArmed(buffer, buffer.Length));
        }

        // Proves: DEV-008
        [Fact]
        public void IsArmed_AnySingleBitFlippedOrErasedFlash_NotArmed()
        {
            var buffer = new byte[WatchdogTestMarker.Length];
            for (int bit = 0; bit < 6 * 8; bit++)
            {
                WatchdogTestMarker.Encode(true, buffer);
                buffer[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.False(WatchdogTestMarker.IsArmed(buffer, buffer.Length), "bit " + bit);
            }

            Assert.False(WatchdogTestMarker.IsArmed(new byte[8], 8));
            Assert.False(WatchdogTestMarker.IsArmed(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, 8));
        }
    }
}
