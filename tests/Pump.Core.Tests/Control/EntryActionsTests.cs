using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Programming;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// What the pump does on arriving in a state, seen from outside: only an occlusion backs the plunger off, a
    /// priming that cannot run ends at once, and a rate change changes the rate and nothing else (TEC-001,
    /// STM-002, STM-011, TIT-003, ALM-005).
    /// </summary>
    public sealed class EntryActionsTests
    {
        // Proves: TEC-001, STM-002
        [Fact]
        public void Alarm_FromInfusingWithoutAnOcclusion_PlungerNotBackedOff()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Sensors.PlungerEngaged = false;   // a technical stop that is not an occlusion
            rig.Step();
            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.False(rig.Controller.ReliefActive);
            long position = rig.MechanicalMicrosteps;
            rig.Run(2);
            Assert.Equal(position, rig.MechanicalMicrosteps);
            Assert.Equal(0, rig.Controller.LastReliefMicrosteps);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.PressureRelieved));
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: STM-011, STM-002
        [Fact]
        public void Reprime_PumpCannotDriveThePrimingRate_BackInReadyAtOnceNothingMoved()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();                 // primed once
            long primed = rig.Steps.Counted;
            rig.Settings.PrimeRateNlPerH = 0;      // no priming rate the mechanism can drive
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);   // re-prime, line disconnected (two confirmations)
            rig.Step();
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal(2, PumpRigLog.Transitions(rig, PumpState.Ready, PumpState.Priming));   // the re-prime did begin
            Assert.Equal(2, PumpRigLog.Transitions(rig, PumpState.Priming, PumpState.Ready));
            Assert.False(rig.Controller.LinePrimed);    // nothing was primed this time: prime again before starting
            Assert.Equal(primed, rig.Steps.Counted);
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: TIT-003, ALM-005
        [Fact]
        public void Titrate_WithALatchedAlarmWhoseCauseHasGone_AlarmStaysShownUntilAcknowledged()
        {
            var rig = new PumpRig();
            rig.Watchdog.LastResetWasWatchdog = true;          // WATCHDOG RESET: latched, shown until acknowledged
            rig.ProgramKetamine(prime: false);
            Assert.True(rig.Controller.Commands.Request(PumpTrigger.RequestPrime));   // not OK: that would acknowledge it
            rig.Run(1);
            rig.Press(PanelKey.Ok, PanelKey.Start);            // primed, start
            rig.Run(10);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.WatchdogReset));
            Assert.True(rig.Controller.Alarms.CanAcknowledge);

            ProgramResult plan = rig.Controller.Commands.CheckTitration(500)!;
            Assert.True(rig.Controller.Commands.ConfirmTitration(plan));
            rig.Step();
            Assert.Equal(500, rig.Controller.Program!.RateUgPerKgPerH);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.WatchdogReset));
        }

        // Proves: TEC-009
        [Fact]
        public void Stop_EndedByTheClinicianBeforeTheProgramsEnd_NoInfusionComplete()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Press(PanelKey.PauseStop, PanelKey.PauseStop, PanelKey.Ok);   // pause, end, confirmed
            Assert.Equal(PumpState.Stopped, rig.State);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.InfusionComplete));
        }
    }
}
