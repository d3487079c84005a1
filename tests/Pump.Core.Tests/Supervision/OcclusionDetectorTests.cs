using Pump.Core.Supervision;
using Xunit;

namespace Pump.Core.Tests.Supervision
{
    public sealed class OcclusionDetectorTests
    {
        // 60 mL syringe, 26.6 mm inner diameter: area = pi * 13.3^2 mm^2 = 555.7 mm^2.
        private const long AreaUm2 = 555_720_000;
        private const long S = 1_000_000;

        private static int ForceFor(int mmHg) => (int)(mmHg * 133.322 * AreaUm2 / 1e9);

        // Proves: TEC-001
        [Fact]
        public void PressureFromForce_500mmHgOn60mLPlunger_Is37Newtons()
        {
            var d = new OcclusionDetector(AreaUm2, OcclusionLevel.Medium);
            Assert.Equal(37_044, ForceFor(500));
            Assert.InRange(d.PressureFromForce(ForceFor(500)), 499, 500);
        }

        // Proves: TEC-001
        [Theory]
        [InlineData(OcclusionLevel.Low, 300)]
        [InlineData(OcclusionLevel.Medium, 500)]
        [InlineData(OcclusionLevel.High, 750)]
        public void Sample_PressureAtLevelAboveFriction_Occluded(OcclusionLevel level, int mmHg)
        {
            var d = new OcclusionDetector(AreaUm2, level);
            int friction = 8_000;
            Assert.False(d.Sample(friction, 0));
            // Slow rise (below the rate-of-rise limit) to just under, then at the level.
            long t = 0;
            for (int p = 0; p < mmHg - 5; p += 5)
            {
                t += S;
                Assert.False(d.Sample(friction + ForceFor(p), t), $"false alarm at {p} mmHg");
            }

            t += S;
            Assert.True(d.Sample(friction + ForceFor(mmHg + 1), t));
        }

        // Proves: TEC-001
        [Fact]
        public void Sample_FastRiseBelowLevel_OccludedByRateOfRise()
        {
            var d = new OcclusionDetector(AreaUm2, OcclusionLevel.High);
            d.Sample(5_000, 0);
            Assert.False(d.Sample(5_000 + ForceFor(40), 1 * S));
            Assert.True(d.Sample(5_000 + ForceFor(200), 5 * S));
            Assert.True(d.PressureMmHg < 750);
        }

        // Proves: TEC-001
        [Fact]
        public void Restart_AfterOcclusion_ForgetsBaseline()
        {
            var d = new OcclusionDetector(AreaUm2, OcclusionLevel.Low);
            d.Sample(1_000, 0);
            Assert.True(d.Sample(1_000 + ForceFor(400), 20 * S));
            d.Restart();
            Assert.False(d.Sample(1_000 + ForceFor(400), 21 * S));
            Assert.Equal(0, d.PressureMmHg);
        }
    }
}
