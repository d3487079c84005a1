using Pump.Hal.Esp32.Logic;
using Xunit;

namespace Pump.Device.Tests.Logic
{
    public sealed class LinkReadPolicyTests
    {
        // Proves: DEV-017
        [Theory]
        [InlineData(0, 64, 0)]
        [InlineData(-1, 64, 0)]
        [InlineData(10, 64, 10)]
        [InlineData(500, 64, 64)]
        [InlineData(10, 0, 0)]
        public void BytesToTake_WaitingAndRequested_NeverMoreThanWaiting(int waiting, int requested, int expected)
        {
            Assert.Equal(expected, LinkReadPolicy.BytesToTake(waiting, requested));
        }

        // Proves: DEV-017
        [Fact]
        public void ShouldTryReopen_AfterFailure_OnlyEveryNthRead()
        {
            var policy = new LinkReadPolicy(20);
            Assert.False(policy.ShouldTryReopen());
            policy.Failed();
            int attempts = 0;
            for (int i = 0; i < 100; i++)
            {
                if (policy.ShouldTryReopen())
                {
                    attempts++;
                }
            }

            Assert.Equal(5, attempts);
            policy.Opened();
            Assert.False(policy.IsFailed);
            Assert.False(policy.ShouldTryReopen());
        }
    }

    public sealed class DisplayHealthTests
    {
        // Proves: DEV-019
        [Fact]
        public void WriteFailed_ThreeInARow_UnhealthyAndNeedsInitialise()
        {
            var health = new DisplayHealth(3, true);
            health.WriteFailed();
            health.WriteFailed();
            Assert.True(health.IsHealthy);
            Assert.False(health.NeedsInitialise);
            health.WriteFailed();
            Assert.False(health.IsHealthy);
            Assert.True(health.NeedsInitialise);
        }

        // Proves: DEV-019
        [Fact]
        public void WriteSucceeded_BetweenFailures_ResetsTheCount()
        {
            var health = new DisplayHealth(3, true);
            health.WriteFailed();
            health.WriteFailed();
            health.WriteSucceeded();
            health.WriteFailed();
            health.WriteFailed();
            Assert.True(health.IsHealthy);
        }

        // Proves: DEV-019
        [Fact]
        public void Construct_InitialisationFailed_StartsUnhealthyUntilAWriteSucceeds()
        {
            var health = new DisplayHealth(3, false);
            Assert.False(health.IsHealthy);
            Assert.True(health.NeedsInitialise);
            health.Initialised();
            health.WriteSucceeded();
            Assert.True(health.IsHealthy);
            Assert.False(health.NeedsInitialise);
        }
    }

    public sealed class SelfTestVerdictTests
    {
        // Proves: DEV-018
        [Fact]
        public void FirstFailure_AllReadableAndCalibrated_Passes()
        {
            Assert.Null(SelfTestVerdict.FirstFailure(true, true, true, true, true));
        }

        // Proves: DEV-018
        [Theory]
        [InlineData(false, true, true, true, true, "NOT CALIBRATED")]
        [InlineData(false, false, false, false, false, "NOT CALIBRATED")]
        [InlineData(true, false, true, true, true, "SYRINGE SWITCHES")]
        [InlineData(true, true, false, true, true, "STEP COUNTER")]
        [InlineData(true, true, true, false, true, "FORCE SENSOR")]
        [InlineData(true, true, true, true, false, "PLUNGER POSITION")]
        [InlineData(true, true, true, false, false, "FORCE SENSOR")]
        public void FirstFailure_AnyCheckFails_NamesTheFirstInFixedOrder(bool calibrated, bool switches, bool counter, bool force, bool position, string expected)
        {
            Assert.Equal(expected, SelfTestVerdict.FirstFailure(calibrated, switches, counter, force, position));
        }
    }
}
