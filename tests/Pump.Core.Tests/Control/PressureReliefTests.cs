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
            Assert.True(rig.Driver.IsEnabled);
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

        // Proves: TEC-001, TEC-004
        [Fact]
        public void Relief_APulseCompletesAsItStops_CountedAsBackOffNotAsDoseAndNoRunaway()
        {
            PumpRig rig = OccludedIntoAlarm(out long countedAtStop);
            long rawAtAlarm = rig.Steps.Counted;
            rig.OcclusionMilliNewtonsPerMicrostep = 0;
            rig.Steps.PulseInProgressAtStop = true;
            rig.Run(0.5);
            Assert.True(rig.Controller.ReliefActive);
            rig.Sensors.ForceMilliNewtons = 6_000;     // the occlusion clears: relieved, with back-off steps still queued
            rig.Step();
            Assert.False(rig.Controller.ReliefActive);
            long backedOff = rig.Steps.Counted - rawAtAlarm;
            Assert.Equal(backedOff, rig.Controller.LastReliefMicrosteps);   // the pulse that finished as it stopped too
            rig.Run(2);
            Assert.Equal(rawAtAlarm + backedOff, rig.Steps.Counted);
            Assert.Equal(countedAtStop, rig.Controller.Ledger.CountedMicrosteps);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.MotorRunaway));
            Assert.Equal(PumpState.Alarm, rig.State);
        }

        /// <summary>
        /// After a relief to its full volume (the plunger backed off about 0.9 mm), the plunger creeps forward without
        /// pulses by 100 µm more than the position tolerance: from the backed-off position that is motion without pulses.
        /// </summary>
        // Proves: TEC-005, TEC-001
        [Theory]
        [InlineData(false)]
        [InlineData(true)]    // the position sensor was lost during the back-off and came back after it
        public void Relief_ThenThePlungerMovesWithoutPulses_CaughtFromTheBackedOffPosition(bool positionLostDuringBackOff)
        {
            PumpRig rig = OccludedIntoAlarm(out _);
            rig.OcclusionMilliNewtonsPerMicrostep = 0;
            rig.Step();
            rig.Sensors.PositionBroken = positionLostDuringBackOff;
            Assert.True(rig.RunUntil(() => !rig.Controller.ReliefActive, 30));
            Assert.True(rig.Controller.LastReliefMicrosteps * 1000 / 3200 > 2 * Pump.Core.Supervision.PositionSupervisor.ToleranceMicrometres);
            rig.Run(1);
            rig.Sensors.PositionBroken = false;
            rig.Run(5);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.MotorRunaway));

            rig.DriftUmPerSecond = 100;
            rig.Run((Pump.Core.Supervision.PositionSupervisor.ToleranceMicrometres + 100) / 100.0);
            rig.DriftUmPerSecond = 0;
            Assert.True(rig.RunUntil(() => rig.Controller.Alarms.IsShown(AlarmCode.MotorRunaway), 5));
        }

        // Proves: TEC-001
        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        public void Relief_NoReliefVolumeConfigured_NoBackOffAndNothingLogged(long reliefMaxNl)
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Settings.ReliefMaxNl = reliefMaxNl;
            rig.Run(30);
            rig.Occluded = true;
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Alarm, 120));
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.Occlusion));
            Assert.False(rig.Controller.ReliefActive);
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(MotorDirection.Forward, rig.Driver.Direction);
            rig.Run(1);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.PressureRelieved));
            Assert.Equal(PumpState.Alarm, rig.State);
        }

        // Proves: TEC-001, STM-002
        [Fact]
        public void Relief_GeneratorRefusesTheBackOff_DriverOffForwardAgainAndStillInAlarm()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Steps.Refuses = _ => rig.Driver.Direction == MotorDirection.Reverse;
            rig.Run(30);
            rig.Occluded = true;
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Alarm, 120));
            Assert.False(rig.Controller.ReliefActive);
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(MotorDirection.Forward, rig.Driver.Direction);
            rig.Run(1);
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.False(rig.Controller.ReliefActive);
            Assert.Equal(0, rig.Controller.LastReliefMicrosteps);
        }

        // Proves: TEC-001, STM-002
        [Fact]
        public void Relief_SessionEndedDuringBackOff_StoppedHardwareFirstLoggedAndForwardAgain()
        {
            PumpRig rig = OccludedIntoAlarm(out long countedAtStop);
            rig.OcclusionMilliNewtonsPerMicrostep = 0;
            rig.Step();
            Assert.True(rig.Controller.ReliefActive);
            int stopsLogged = PumpRigLog.Controller(rig, PumpEvent.DeliveryStopped).Count;
            Assert.True(rig.Controller.Request(PumpTrigger.RequestStop));
            rig.Step();
            Assert.Equal(PumpState.Stopped, rig.State);
            Assert.False(rig.Controller.ReliefActive);
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(MotorDirection.Forward, rig.Driver.Direction);
            Assert.Equal(stopsLogged + 1, PumpRigLog.Controller(rig, PumpEvent.DeliveryStopped).Count);
            Assert.Single(PumpRigLog.Controller(rig, PumpEvent.PressureRelieved));
            Assert.Equal(countedAtStop, rig.Controller.Ledger.CountedMicrosteps);
        }

        // Proves: TEC-001
        [Fact]
        public void Relief_PressureExactlyAtTheTarget_Ends()
        {
            PumpRig rig = OccludedIntoAlarm(out _);
            rig.OcclusionMilliNewtonsPerMicrostep = 0;
            var occlusion = rig.Controller.Session.Occlusion!;
            int target = rig.Settings.ReliefTargetMmHg;
            int delta = 0;
            while (occlusion.PressureFromForce(delta) < target)
            {
                delta++;
            }

            Assert.Equal(target, occlusion.PressureFromForce(delta));
            rig.Sensors.ForceMilliNewtons = 6_000 + delta + 200;     // a few mmHg above the target: backing off goes on
            rig.Step();
            Assert.True(rig.Controller.ReliefActive);
            rig.Sensors.ForceMilliNewtons = 6_000 + delta;
            rig.Step();
            Assert.Equal(target, rig.Controller.PressureMmHg);
            Assert.False(rig.Controller.ReliefActive);
            Assert.False(rig.Driver.IsEnabled);
        }
    }
}
