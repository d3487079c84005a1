using Pump.Core.Library;
using Xunit;

namespace Pump.Core.Tests.Library
{
    public sealed class LimitsTests
    {
        // 10 <= hard, 20 <= soft <= 30, hard <= 40
        private static readonly Limits Band = new Limits(10, 20, 30, 40);

        // Proves: PRG-004
        [Theory]
        [InlineData(9, LimitCheck.BelowHardMin)]
        [InlineData(10, LimitCheck.BelowSoftMin)]
        [InlineData(19, LimitCheck.BelowSoftMin)]
        [InlineData(20, LimitCheck.Within)]
        [InlineData(30, LimitCheck.Within)]
        [InlineData(31, LimitCheck.AboveSoftMax)]
        [InlineData(40, LimitCheck.AboveSoftMax)]
        [InlineData(41, LimitCheck.AboveHardMax)]
        [InlineData(long.MinValue, LimitCheck.BelowHardMin)]
        [InlineData(long.MaxValue, LimitCheck.AboveHardMax)]
        public void Check_EachSideOfEveryBound_ReportsTheBoundCrossed(long value, LimitCheck expected)
        {
            Assert.Equal(expected, Band.Check(value));
        }

        // Proves: PRG-004
        [Theory]
        [InlineData(LimitCheck.BelowHardMin, 10)]
        [InlineData(LimitCheck.BelowSoftMin, 20)]
        [InlineData(LimitCheck.AboveSoftMax, 30)]
        [InlineData(LimitCheck.AboveHardMax, 40)]
        [InlineData(LimitCheck.Within, 0)]
        public void BoundFor_EachResult_IsTheLimitItNames(LimitCheck check, long expected)
        {
            Assert.Equal(expected, Band.BoundFor(check));
        }

        // Proves: LIB-003
        [Theory]
        [InlineData(0, 0, 0, 0, true)]
        [InlineData(5, 5, 5, 5, true)]
        [InlineData(0, 1, 2, Limits.Unlimited, true)]
        [InlineData(-1, 0, 1, 2, false)]
        [InlineData(2, 1, 3, 4, false)]
        [InlineData(1, 3, 2, 4, false)]
        [InlineData(1, 2, 5, 4, false)]
        public void IsConsistent_OrderedNonNegativeBounds_Only(long hardMin, long softMin, long softMax, long hardMax, bool expected)
        {
            Assert.Equal(expected, new Limits(hardMin, softMin, softMax, hardMax).IsConsistent());
        }

        // Proves: LIB-002
        [Fact]
        public void NotUsed_EveryBoundZero_OnlyZeroIsWithin()
        {
            Assert.Equal(LimitCheck.Within, Limits.NotUsed.Check(0));
            Assert.Equal(LimitCheck.AboveHardMax, Limits.NotUsed.Check(1));
            Assert.True(Limits.NotUsed.IsConsistent());
        }
    }
}
