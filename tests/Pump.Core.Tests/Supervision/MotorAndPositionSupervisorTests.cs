using Pump.Core.Supervision;
using Xunit;

namespace Pump.Core.Tests.Supervision
{
    public sealed class MotorAndPositionSupervisorTests
    {
        private const long S = 1_000_000;

        // Proves: TEC-004
        [Theory]
        [InlineData(100, 100, 100, MotorVerdict.Ok)]
        [InlineData(98, 120, 100, MotorVerdict.Ok)]
        [InlineData(97, 120, 100, MotorVerdict.Stall)]
        [InlineData(121, 120, 100, MotorVerdict.Runaway)]
        public void CheckRunning_CountedAgainstPlan_Verdict(long counted, long commanded, long dueLagged, MotorVerdict expected)
        {
            Assert.Equal(expected, MotorSupervisor.CheckRunning(counted, commanded, dueLagged));
        }

        // Proves: TEC-004
        [Fact]
        public void CheckStopped_AnyPulseAfterStop_Runaway()
        {
            Assert.Equal(MotorVerdict.Ok, MotorSupervisor.CheckStopped(500, 500));
            Assert.Equal(MotorVerdict.Runaway, MotorSupervisor.CheckStopped(501, 500));
        }

        // Proves: TEC-005
        [Fact]
        public void PositionCheck_PulsesWithoutMotion_UnderAfterWindow()
        {
            var p = new PositionSupervisor(microstepsPerMillimetre: 3200);
            p.Rebase(0, 10_000);
            // 3200 microsteps counted = 1 mm expected, but the plunger did not move.
            Assert.Equal(PositionVerdict.Ok, p.Check(3200, 10_000, 0));
            Assert.Equal(PositionVerdict.Ok, p.Check(3200, 10_000, 2 * S));
            Assert.Equal(PositionVerdict.Under, p.Check(3200, 10_000, 3 * S));
        }

        // Proves: TEC-005
        [Fact]
        public void PositionCheck_MotionWithoutPulses_Over()
        {
            var p = new PositionSupervisor(3200);
            p.Rebase(1000, 20_000);
            p.Check(1000, 20_500, 0);
            Assert.Equal(PositionVerdict.Over, p.Check(1000, 20_900, 3 * S));
        }

        // Proves: TEC-005
        [Fact]
        public void PositionCheck_NoiseWithinTolerance_NeverAlarms()
        {
            var p = new PositionSupervisor(3200);
            p.Rebase(0, 0);
            var rng = new System.Random(7);
            for (int i = 0; i < 10_000; i++)
            {
                long counted = i * 32; // 10 um per step of the loop
                int pos = (int)(counted * 1000 / 3200) + rng.Next(-350, 351);
                Assert.Equal(PositionVerdict.Ok, p.Check(counted, pos, i * 50_000L));
            }
        }

        // Proves: TEC-005
        [Fact]
        public void PositionCheck_DeviationThatRecovers_ResetsWindow()
        {
            var p = new PositionSupervisor(3200);
            p.Rebase(0, 0);
            Assert.Equal(PositionVerdict.Ok, p.Check(0, 600, 0));
            Assert.Equal(PositionVerdict.Ok, p.Check(0, 0, 2 * S));
            Assert.Equal(PositionVerdict.Ok, p.Check(0, 600, 2_500_000));
            Assert.Equal(PositionVerdict.Ok, p.Check(0, 600, 5 * S));
            Assert.Equal(PositionVerdict.Over, p.Check(0, 600, 5_500_000));
        }
    }
}
