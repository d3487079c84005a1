using Pump.Hal.Esp32.Logic;
using Xunit;

namespace Pump.Device.Tests.Logic
{
    public sealed class PulseCountExtenderTests
    {
        // Proves: DEV-006
        [Fact]
        public void Update_SixteenBitCounterWrapsManyTimes_TotalStaysMonotonicAndExact()
        {
            var extender = new PulseCountExtender(16, 20000);
            long truth = 0;
            long raw = 65000;
            extender.Rebase(raw);
            for (int poll = 0; poll < 1000; poll++)
            {
                int delta = 7 + (poll * 37 % 19000);
                truth += delta;
                raw = (raw + delta) & 0xFFFF;
                Assert.True(extender.Update(raw));
                Assert.Equal(truth, extender.Total);
            }
        }

        // Proves: DEV-006
        [Fact]
        public void Update_ExtendedCounterGoesBackwards_LatchesFault()
        {
            var extender = new PulseCountExtender(63, 1000);
            Assert.True(extender.Update(100));
            Assert.True(extender.Update(150));
            Assert.False(extender.Update(149));
            Assert.True(extender.IsFaulted);
            Assert.False(extender.Update(151));
            Assert.Equal(50, extender.Total);
        }

        // Proves: DEV-006
        [Fact]
        public void Update_ImpossibleJump_LatchesFault()
        {
            var extender = new PulseCountExtender(63, 1000);
            extender.Rebase(0);
            Assert.True(extender.Update(1000));
            Assert.False(extender.Update(2001));
            Assert.True(extender.IsFaulted);
        }

        // Proves: DEV-006
        [Fact]
        public void Update_NegativeRawOnExtendedCounter_Fault()
        {
            var extender = new PulseCountExtender(63, 1000);
            Assert.False(extender.Update(-1));
        }
    }

    public sealed class ChangeoverSwitchTests
    {
        // Proves: DEV-009
        [Theory]
        [InlineData(false, true, true, true)]    // NO closed (low), NC open (high): actuated
        [InlineData(true, false, true, false)]   // NO open, NC closed: not actuated
        [InlineData(false, false, false, false)] // both low: short
        [InlineData(true, true, false, false)]   // both high: open wire / unplugged
        public void TryDecode_ContactLevels_ValidOnlyWhenExactlyOneContactClosed(bool noHigh, bool ncHigh, bool valid, bool actuated)
        {
            Assert.Equal(valid, ChangeoverSwitch.TryDecode(noHigh, ncHigh, out bool result));
            Assert.Equal(actuated, result);
        }
    }

    public sealed class PotentiometerScaleTests
    {
        private static PotentiometerScale Scale() => new PotentiometerScale(300, 3700, 100000, 4095, 60, 3000);

        // Proves: DEV-010
        [Theory]
        [InlineData(300, 0)]
        [InlineData(3700, 100000)]
        [InlineData(2000, 50000)]
        [InlineData(301, 29)]      // 29.4 µm truncated
        public void TryConvert_InsideSpan_LinearInMicrometres(int counts, int expected)
        {
            Assert.True(Scale().TryConvert(counts, out int travel));
            Assert.Equal(expected, travel);
        }

        // Proves: DEV-010
        [Theory]
        [InlineData(0)]       // wiper open to ground / pot supply lost
        [InlineData(59)]
        [InlineData(4036)]
        [InlineData(4095)]    // wiper shorted to 3.3 V
        [InlineData(150)]     // inside the rails but 4.4 mm before the calibrated zero
        [InlineData(3900)]    // 5.9 mm beyond the calibrated span
        public void TryConvert_RailOrOutOfSpan_Refused(int counts)
        {
            Assert.False(Scale().TryConvert(counts, out _));
        }

        // Proves: DEV-010
        [Fact]
        public void TryConvert_PotWiredInReverse_StillLinear()
        {
            var scale = new PotentiometerScale(3700, 300, 100000, 4095, 60, 3000);
            Assert.True(scale.TryConvert(2000, out int travel));
            Assert.Equal(50000, travel);
        }

        // Proves: DEV-010
        [Fact]
        public void TryConvert_CalibrationSpanTooSmall_RefusesEverything()
        {
            var scale = new PotentiometerScale(2000, 2050, 100000, 4095, 60, 3000);
            Assert.False(scale.IsCalibrationValid);
            Assert.False(scale.TryConvert(2000, out _));
        }
    }

    public sealed class LoadCellScaleTests
    {
        [Theory]
        [InlineData(0x00, 0x00, 0x01, 1)]
        [InlineData(0x7F, 0xFF, 0xFF, 8388607)]
        [InlineData(0xFF, 0xFF, 0xFF, -1)]
        [InlineData(0x80, 0x00, 0x00, -8388608)]
        public void FromBytes_TwentyFourBitTwosComplement_SignExtended(byte b2, byte b1, byte b0, int expected)
        {
            Assert.Equal(expected, LoadCellScale.FromBytes(b2, b1, b0));
        }

        // Proves: DEV-011
        [Fact]
        public void TryConvert_ZeroAndSpan_MapToMilliNewtons()
        {
            var scale = new LoadCellScale(12000, 200000, 49033, 1000);
            Assert.True(scale.TryConvert(12000, out int zero));
            Assert.Equal(0, zero);
            Assert.True(scale.TryConvert(212000, out int span));
            Assert.Equal(49033, span);
            Assert.True(scale.TryConvert(112000, out int half));
            Assert.Equal(24516, half);
        }

        // Proves: DEV-011
        [Theory]
        [InlineData(8388607)]
        [InlineData(-8388608)]
        [InlineData(8387700)]
        public void TryConvert_SaturatedReading_Refused(int raw)
        {
            var scale = new LoadCellScale(0, 200000, 49033, 1000);
            Assert.False(scale.TryConvert(raw, out _));
        }

        // Proves: DEV-011
        [Fact]
        public void TryConvert_UncalibratedSpan_Refused()
        {
            var scale = new LoadCellScale(0, 0, 49033, 1000);
            Assert.False(scale.TryConvert(100, out _));
        }
    }
}
