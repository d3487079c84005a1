using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>The bounded back-off after an occlusion (TEC-001, STM-002): never dose, bounded in volume, stopped when blind.</summary>
    public sealed class PressureReliefTests
    {
        private static PumpRig OccludedIntoAlarm(out long countedAtStop)
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(30);
            rig.Occluded = true;
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Alarm, 120));
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.Occlusion));
            Assert.True(rig.Controller.ReliefActive);
            Assert.Equal(MotorDirection.Reverse, rig.Driver.Direction);
            countedAtStop = rig.Controller.Ledger.CountedMicrosteps;
            return rig;
        }

        // Proves: TEC-001
        [Fact]
        public void Relief_AfterOcclusion_BackOffIsNotDoseAndIsLoggedWithItsSteps()
        {
            PumpRig rig = OccludedIntoAlarm(out long countedAtStop);
            Assert.True(rig.RunUntil(() => !rig.Controller.ReliefActive, 10));
            rig.Run(1);
            Assert.True(rig.Controller.LastReliefMicrosteps > 0);
            Assert.Equal(countedAtStop, rig.Controller.Ledger.CountedMicrosteps);
            Assert.Equal(MotorDirection.Forward, rig.Driver.Direction);
            Assert.False(rig.Driver.IsEnabled);
            var logged = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.PressureRelieved));
            Assert.Equal(rig.Controller.LastReliefMicrosteps, logged.Arg0);
            // Still stopped, counted from the delivered total: the back-off is not a runaway either.
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.MotorRunaway));
        }

        // Proves: TEC-001
        [Fact]
        public void Relief_PressureNeverFalls_StopsAtTheReliefVolume()
        {
            PumpRig rig = OccludedIntoAlarm(out long countedAtStop);
            rig.OcclusionMilliNewtonsPerMicrostep = 0;   // the pressure stays where it is
            Assert.True(rig.RunUntil(() => !rig.Controller.ReliefActive, 30));
            Assert.True(rig.Controller.Calibration!.TryNlToMicrosteps(rig.Settings.ReliefMaxNl, out long maxSteps));
            Assert.Equal(maxSteps, rig.Controller.LastReliefMicrosteps);
            Assert.True(rig.Controller.PressureMmHg > rig.Settings.ReliefTargetMmHg);
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(countedAtStop, rig.Controller.Ledger.CountedMicrosteps);
        }

        // Proves: TEC-001, STM-002
        [Fact]
        public void Relief_ClampOpensDuringBackOff_StopsAtOnce()
        {
            PumpRig rig = OccludedIntoAlarm(out _);
            rig.OcclusionMilliNewtonsPerMicrostep = 0;
            rig.Step();
            Assert.True(rig.Controller.ReliefActive);
            rig.Sensors.ClampClosed = false;
            rig.Step();
            Assert.False(rig.Controller.ReliefActive);
            Assert.False(rig.Driver.IsEnabled);
            Assert.True(rig.Controller.Calibration!.TryNlToMicrosteps(rig.Settings.ReliefMaxNl, out long maxSteps));
            Assert.True(rig.Controller.LastReliefMicrosteps < maxSteps);
        }

        // Proves: TEC-001, TEC-007
        [Fact]
        public void Relief_ForceSensorLostDuringBackOff_StopsAtOnce()
        {
            PumpRig rig = OccludedIntoAlarm(out _);
            rig.OcclusionMilliNewtonsPerMicrostep = 0;
            rig.Step();
            rig.Sensors.ForceBroken = true;
            rig.Step();
            Assert.False(rig.Controller.ReliefActive);
            Assert.False(rig.Driver.IsEnabled);
        }
    }
}
