using System.Globalization;
using CsCheck;
using Pump.Core.Common;
using Xunit;

namespace Pump.Core.Tests.Units
{
    public sealed class FixedPointTests
    {
        // Proves: UNT-007
        [Theory]
        [InlineData(52500000L, 6, 1, "52.5")]
        [InlineData(45000000L, 6, 1, "45.0")]
        [InlineData(1200L, 3, 2, "1.20")]
        [InlineData(1001L, 3, 2, "1.001")]
        [InlineData(750L, 3, 2, "0.75")]
        [InlineData(0L, 3, 1, "0.0")]
        [InlineData(-1500L, 3, 1, "-1.5")]
        [InlineData(7L, 0, 0, "7")]
        [InlineData(5L, 6, 0, "0.000005")]
        [InlineData(long.MinValue, 0, 0, "-9223372036854775808")]
        [InlineData(long.MaxValue, 3, 0, "9223372036854775.807")]
        public void Format_Values_ExactText(long value, int scale, int minDecimals, string expected)
        {
            Assert.Equal(expected, FixedPoint.Format(value, scale, minDecimals));
        }

        // Proves: UNT-007
        [Fact]
        public void Write_TooNarrow_WritesNothingAndReturnsZero()
        {
            char[] buffer = new char[4];
            Assert.Equal(0, FixedPoint.Write(123456, 3, 1, buffer, 0, 4)); // "123.456" needs 7
            Assert.Equal(4, FixedPoint.Write(1230, 3, 1, buffer, 0, 4)); // "1.23"
            Assert.Equal(0, FixedPoint.Write(1, 3, 1, buffer, 2, 4)); // offset + width beyond the buffer
        }

        // Proves: UNT-007
        [Fact]
        public void Format_AnyValue_ParsesBackToTheExactValue()
        {
            Gen.Select(Gen.Long, Gen.Int[0, 9]).Sample((value, scale) =>
            {
                string text = FixedPoint.Format(value, scale, 0);
                decimal parsed = decimal.Parse(text, CultureInfo.InvariantCulture);
                decimal expected = value / (decimal)System.Math.Pow(10, scale);
                Assert.Equal(expected, parsed);
            });
        }
    }
}
