using Pump.Sim.Physics;
using Xunit;

namespace Pump.Simulator.Tests.Physics
{
    public class LinePressureModelTests
    {
        // 52.5 mL/h = 14583 nL/s, in 50 ms steps.
        private const double NlPer50Ms = 52.5e6 / 3600 / 20;

        [Fact]
        public void Advance_ConstantFlow_SettlesAtFlowTimesResistance_AndConservesVolume()
        {
            var line = new LinePressureModel(555.3);
            for (int i = 0; i < 200; i++)
            {
                line.Advance(NlPer50Ms, 50_000);
            }
            double expected = NlPer50Ms * 20 * line.ResistanceKPaSecondsPerNanoLitre;
            Assert.InRange(line.PressureKPa, expected * 0.999, expected * 1.001);
            double pushed = NlPer50Ms * 200;
            Assert.Equal(pushed, line.DeliveredNanoLitres + (line.ComplianceNanoLitresPerKPa * line.PressureKPa), 6);
        }

        // Proves: SIM-004
        [Fact]
        public void Advance_Occluded_ForceRisesPast50NewtonsWithinSeconds_AndNothingIsDelivered()
        {
            var line = new LinePressureModel(555.3);
            line.Advance(NlPer50Ms, 50_000);
            double before = line.DeliveredNanoLitres;
            line.Occluded = true;
            int ticks = 0;
            while (line.PlungerForceMilliNewtons < 50_000 && ticks < 20 * 60)
            {
                line.Advance(NlPer50Ms, 50_000);
                ticks++;
            }
            Assert.InRange(ticks * 0.05, 1, 30);
            Assert.True(line.DeliveredNanoLitres - before < NlPer50Ms * 2);
        }

        [Fact]
        public void Advance_OcclusionReleased_PressureBleedsOffAndTheBolusIsDelivered()
        {
            var line = new LinePressureModel(555.3) { Occluded = true };
            for (int i = 0; i < 100; i++)
            {
                line.Advance(NlPer50Ms, 50_000);
            }
            line.Occluded = false;
            for (int i = 0; i < 100; i++)
            {
                line.Advance(0, 50_000);
            }
            Assert.True(line.PressureKPa < 0.01);
            Assert.Equal(NlPer50Ms * 100, line.DeliveredNanoLitres, 3);
        }

        [Fact]
        public void PlungerForce_FrictionOpposesTheMotion_AddsAdvancingSubtractsBackingOffNoneAtRest()
        {
            var line = new LinePressureModel(555.3) { Occluded = true };
            line.Advance(NlPer50Ms, 50_000);
            double pressureForce = line.PressureKPa * 555.3;
            Assert.Equal(pressureForce + line.SlidingFrictionMilliNewtons, line.PlungerForceMilliNewtons, 6);

            line.Advance(-NlPer50Ms / 1000, 50_000);
            pressureForce = line.PressureKPa * 555.3;
            Assert.Equal(-1, line.PlungerDirection);
            Assert.Equal(pressureForce - line.SlidingFrictionMilliNewtons, line.PlungerForceMilliNewtons, 6);

            line.Advance(0, 50_000);
            Assert.False(line.PlungerMoving);
            Assert.Equal(line.PressureKPa * 555.3, line.PlungerForceMilliNewtons, 6);
        }
    }
}
