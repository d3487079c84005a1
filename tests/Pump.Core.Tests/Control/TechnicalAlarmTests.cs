using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    public sealed class TechnicalAlarmTests
    {
        // Proves: TEC-002
        [Fact]
        public void Infusing_SyringeHoldsLessThanLeadTimeAndProgramNeedsMore_NearEmptyLowPriority()
        {
            var rig = new PumpRig();
            // Only 3 mL left in the syringe at the start: at 52.5 mL/h that is ~3.4 min (< 5 min lead).
            rig.StartPositionUm = 120_000 - 3 * 1_000_000 / 556;
            rig.Sensors.PositionUm = rig.StartPositionUm;
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start, PanelKey.Ok);   // start; "TOO LITTLE DRUG" confirmed
            rig.Run(1);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));
            Assert.Equal(AlarmPriority.Low, AlarmTable.For(AlarmCode.NearEmpty).Priority);
            Assert.Equal(PumpState.Infusing, rig.State);
        }

        // Proves: TEC-003
        [Fact]
        public void Infusing_PlungerReachesEmpty_StopsWithHighAlarm()
        {
            var rig = new PumpRig();
            rig.StartPositionUm = 120_000 - 1 * 1_000_000 / 556;
            rig.Sensors.PositionUm = rig.StartPositionUm;
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start, PanelKey.Ok);   // start; "TOO LITTLE DRUG" confirmed
            Assert.True(rig.RunUntil(() => rig.State != PumpState.Infusing, 120));
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.SyringeEmpty));
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: TEC-005
        [Fact]
        public void Infusing_PlungerAheadOfPulses_OverInfusionFailsafe()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.DriftUmPerSecond = 200;
            Assert.True(rig.RunUntil(() => rig.State != PumpState.Infusing, 10));
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.OverInfusion));
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: TEC-005, TEC-004
        [Fact]
        public void Paused_PlungerMovesWithoutPulses_RunawayFailsafe()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Press(PanelKey.PauseStop);
            rig.Run(2);
            rig.DriftUmPerSecond = 300;
            Assert.True(rig.RunUntil(() => rig.State != PumpState.Paused, 10));
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.MotorRunaway));
        }

        // Proves: TEC-007
        [Fact]
        public void Infusing_ForceSensorLost_StopsDelivery()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Sensors.ForceBroken = true;
            rig.Step();
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.ForceSensorFault));
        }

        // Proves: TEC-007
        [Fact]
        public void Infusing_DriverFault_StopsDelivery()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Driver.IsFaulted = true;
            rig.Step();
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: TEC-007, STM-003
        [Fact]
        public void Infusing_DriverFaultAndClampOpenInTheSameTick_StopsDeliveryWithBothShown()
        {
            // Two technical-stop conditions at once must stop as surely as one: the stop is whether any is present.
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Driver.IsFaulted = true;
            rig.Sensors.ClampClosed = false;
            rig.Step();
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.False(rig.Driver.IsEnabled);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.DriverFault));
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.SyringeNotSecured));
        }

        // Proves: TEC-007, TEC-004
        [Fact]
        public void Infusing_CounterUnreadable_Failsafe()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Steps.CounterBroken = true;
            rig.Step();
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: TEC-008
        [Fact]
        public void Paused_TwoMinutes_CallbackReminder()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            rig.Run(119);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.CallbackPaused));
            rig.Run(1.5);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.CallbackPaused));
            Assert.Equal(AlarmPriority.Medium, AlarmTable.For(AlarmCode.CallbackPaused).Priority);
        }

        // Proves: TEC-008
        [Fact]
        public void Programming_LeftOneMinute_LowReminder()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);
            rig.Run(59);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.CallbackProgramming));
            rig.Run(1.5);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.CallbackProgramming));
        }

        // Proves: TEC-010
        [Fact]
        public void Tick_DriverThrows_MotorOffFailsafeAndNoWatchdogKick()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(2);
            var throwing = new ThrowingPosition();
            var hw = new PumpHardware(rig.Clock, rig.Steps, rig.Steps, rig.Driver, rig.Sensors, throwing, rig.Sensors, rig.Link, rig.Display, rig.Keypad, rig.Annunciator, rig.Store, rig.Watchdog, rig.Rtc);
            var pump = new PumpController(hw, rig.Settings, Pump.Core.Library.ShippedLibrary.Build());
            pump.Tick();
            Assert.Equal(PumpState.Failsafe, pump.State);
            int kicks = rig.Watchdog.Kicks;
            pump.Tick();
            Assert.Equal(kicks, rig.Watchdog.Kicks);
            Assert.False(rig.Driver.IsEnabled);
            Assert.True(pump.Alarms.IsShown(AlarmCode.SoftwareFault));
        }

        // Proves: TEC-011
        [Fact]
        public void Infusing_ReservationCannotBePersisted_StopsWithStorageFault()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Store.CutAfterBytes = rig.Store.BytesWritten; // every further write fails
            long counted = rig.Controller.Ledger.CountedMicrosteps;
            Assert.True(rig.RunUntil(() => rig.State != PumpState.Infusing, 30));
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.StorageFault));
            Assert.True(rig.Controller.Ledger.CountedMicrosteps <= rig.Controller.Persistence.Ledger.ReservedMicrosteps);
            Assert.True(rig.Controller.Ledger.CountedMicrosteps > counted);
        }

        // Proves: TEC-012
        [Fact]
        public void Completed_ExtraPulses_DoseLimitFailsafe()
        {
            var rig = PumpControllerTests.StartedKetamine();
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Completed, 41 * 60));
            rig.Steps.RunawayPulses = 10;
            rig.Step();
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.DoseLimitReached));
        }

        private sealed class ThrowingPosition : IPlungerPositionSensor
        {
            public bool TryReadPosition(out int travelMicrometres) => throw new System.InvalidOperationException("driver bug");
        }
    }
}
