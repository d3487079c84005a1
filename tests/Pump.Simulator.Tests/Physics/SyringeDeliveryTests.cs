using System;
using Pump.Core.Units;
using Pump.Sim.Hardware;
using Pump.Sim.Physics;
using Xunit;
using SimSyringe = Pump.Sim.Physics.SyringeSpec;

namespace Pump.Simulator.Tests.Physics
{
    public class SyringeDeliveryTests
    {
        private static long MicrostepsFor(SimSyringe s, long volumeNl)
        {
            Assert.True(SyringeTable.TryFind(s.CoreId, out Pump.Core.Units.SyringeSpec? core));
            Assert.True(SyringeCalibration.TryCreate(core!, Pump.Core.Units.Mechanism.Reference, out SyringeCalibration? cal));
            Assert.True(cal!.TryNlToMicrosteps(volumeNl, out long steps));
            return steps;
        }

        // Proves: SIM-004
        [Theory]
        [InlineData("BD60", 35_000_000L, 40)]
        [InlineData("BD20", 15_000_000L, 20)]
        [InlineData("TERUMO60", 50_000_000L, 60)]
        public void VirtualSyringe_CoreCalibratedSchedule_DeliversTheVolumeWithin0point1Percent(string id, long volumeNl, int minutes)
        {
            Assert.True(SyringeCatalog.TryGet(id, out SimSyringe s));
            var pump = new VirtualPump(s, s.NominalMl, seed: 1);
            long steps = MicrostepsFor(s, volumeNl);
            long durationUs = minutes * 60_000_000L;
            var driver = new OpenLoopDriver(pump, steps, durationUs, anchorUs: 50_000);
            long now = 0;
            while (now < durationUs + 120_000_000L)
            {
                now += 50_000;
                pump.AdvanceTo(now);
                driver.Tick(now);
            }
            Assert.Equal(steps, pump.StepGenerator.TotalPulses);
            double deliveredNl = pump.Line.DeliveredNanoLitres;
            Assert.InRange(Math.Abs(deliveredNl - volumeNl) / volumeNl, 0, 0.001);
            // The last pulse falls on the programmed end (within one timer tick).
            Assert.InRange(pump.StepGenerator.LastPulseUs, 50_000 + durationUs - 1, 50_000 + durationUs);
        }

        // Proves: SIM-004
        [Fact]
        public void Mechanism_Stall_PulsesWithoutMotion()
        {
            Assert.True(SyringeCatalog.TryGet("BD60", out SimSyringe s));
            var pump = new VirtualPump(s, 60, seed: 1);
            var driver = new OpenLoopDriver(pump, 100_000, 600_000_000, 0);
            pump.Mechanism.Stalled = true;
            for (long now = 50_000; now <= 10_000_000; now += 50_000)
            {
                pump.AdvanceTo(now);
                driver.Tick(now);
            }
            Assert.True(pump.StepGenerator.TotalPulses > 1000);
            Assert.Equal(0, pump.Mechanism.PositionMicrosteps);
            Assert.Equal(pump.StepGenerator.TotalPulses, pump.Mechanism.LostPulses);
        }

        // Proves: SIM-004
        [Fact]
        public void Mechanism_Runaway_MotionWithoutPulsesUntilTheDriverIsDisabled()
        {
            Assert.True(SyringeCatalog.TryGet("BD60", out SimSyringe s));
            var pump = new VirtualPump(s, 60, seed: 1);
            pump.MotorDriver.Enable();
            pump.Mechanism.RunawayMicrostepsPerSecond = 1000;
            pump.AdvanceTo(2_000_000);
            Assert.Equal(0, pump.StepGenerator.TotalPulses);
            Assert.Equal(2000, pump.Mechanism.PositionMicrosteps);
            pump.MotorDriver.Disable();
            pump.AdvanceTo(4_000_000);
            Assert.Equal(2000, pump.Mechanism.PositionMicrosteps);
        }

        [Fact]
        public void PositionSensor_ReadsTravelWithNoise_AndFailsWhenFaulted()
        {
            Assert.True(SyringeCatalog.TryGet("BD60", out SimSyringe s));
            var pump = new VirtualPump(s, 30, seed: 3);
            double sum = 0;
            for (int i = 0; i < 400; i++)
            {
                Assert.True(pump.PlungerPosition.TryReadPosition(out int um));
                sum += um;
            }
            Assert.InRange(sum / 400, pump.Mechanism.InitialTravelMicrometres - 5, pump.Mechanism.InitialTravelMicrometres + 5);
            pump.PlungerPosition.Failed = true;
            Assert.False(pump.PlungerPosition.TryReadPosition(out _));
        }

        [Fact]
        public void SyringeCatalog_HoldsEveryCoreTableEntry_WithItsDiameter()
        {
            Assert.Equal(SyringeTable.Count, SyringeCatalog.Syringes.Count);
            for (int i = 0; i < SyringeTable.Count; i++)
            {
                Assert.True(SyringeCatalog.TryGet(SyringeTable.GetAt(i).DisplayName, out SimSyringe s));
                Assert.Equal(SyringeTable.GetAt(i).InnerDiameterUm / 1000.0, s.InnerDiameterMm, 9);
            }
        }
    }
}
