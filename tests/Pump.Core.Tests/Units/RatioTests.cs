using System.Numerics;
using CsCheck;
using Pump.Core.Units;
using Xunit;

namespace Pump.Core.Tests.Units
{
    public sealed class RatioTests
    {
        // Proves: UNT-004
        // Proves: UNT-006
        [Fact]
        public void TryMulDiv_AnyOperandsInRange_ExactFloorAndCeilOrFalse()
        {
            Gen.Select(Gen.Long[0, long.MaxValue], Gen.Long[0, Ratio.MaxOperand], Gen.Long[1, Ratio.MaxOperand]).Sample((a, n, d) =>
            {
                BigInteger product = (BigInteger)a * n;
                BigInteger floor = product / d;
                BigInteger ceil = (product + d - 1) / d;
                bool ok = Ratio.TryMulDivFloor(a, n, d, out long f);
                Assert.Equal(floor <= long.MaxValue, ok);
                if (ok)
                {
                    Assert.Equal(floor, (BigInteger)f);
                }

                bool okCeil = Ratio.TryMulDivCeil(a, n, d, out long c);
                Assert.Equal(ceil <= long.MaxValue, okCeil);
                if (okCeil)
                {
                    Assert.Equal(ceil, (BigInteger)c);
                }
            });
        }

        // Proves: UNT-006
        [Theory]
        [InlineData(-1L, 1L, 1L)]
        [InlineData(1L, -1L, 1L)]
        [InlineData(1L, 1L, 0L)]
        [InlineData(1L, 1L << 54, 1L)]
        [InlineData(1L, 1L, 1L << 54)]
        [InlineData(long.MaxValue, 2L, 1L)]
        public void TryMulDivFloor_OutOfRange_ReturnsFalse(long a, long n, long d)
        {
            Assert.False(Ratio.TryMulDivFloor(a, n, d, out long r));
            Assert.Equal(0, r);
        }

        [Fact]
        public void Gcd_KnownValues()
        {
            Assert.Equal(6, Ratio.Gcd(48, 18));
            Assert.Equal(7, Ratio.Gcd(0, 7));
            Assert.Equal(0, Ratio.Gcd(0, 0));
        }
    }
}
