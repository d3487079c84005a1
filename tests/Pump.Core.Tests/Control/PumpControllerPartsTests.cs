using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// The coordinator from outside: what it does before its first tick, the values the panel and the simulator read
    /// from it (each the value of the part that owns it), and the requests it refuses with a reason.
    /// </summary>
    public sealed class PumpControllerPartsTests
    {
        // Proves: STM-002
        [Fact]
        public void Construction_DriverLeftEnabledAndStepsQueued_BothStoppedBeforeTheFirstTick()
        {
            var rig = new PumpRig();
            rig.Driver.Enable();
            Assert.True(rig.Steps.TryEnqueue(new Pump.Hal.StepSegment(rig.Clock.NowUs, 0, 100, 1000, 1_000_000)));
            int stops = rig.Steps.StopCount;
            var pump = new PumpController(rig.Hardware, rig.Settings, ShippedLibrary.Build());
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(stops + 1, rig.Steps.StopCount);
            Assert.Equal(PumpState.SelfTest, pump.State);
            Assert.Equal("", pump.LastRejection);
            Assert.Equal(-1, pump.LastRejectionUs);
            Assert.False(pump.RecentRejection(0, long.MaxValue, out _));
        }

        // Proves: PNL-007, PRG-014, PER-015
        [Fact]
        public void Shorthands_DuringASession_EachReportsThePartThatOwnsIt()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(10);
            PumpController pump = rig.Controller;
            Assert.Same(pump.Session.Drug, pump.Drug);
            Assert.NotNull(pump.Drug);
            Assert.Equal(pump.Session.PatientIdentity, pump.PatientId);
            Assert.True(pump.InterlockRequired);
            Assert.Equal(pump.Session.InterlockRequired, pump.InterlockRequired);
            Assert.True(pump.PrimedOnce);
            Assert.Equal(pump.Session.Line.PrimedOnce, pump.PrimedOnce);
            Assert.True(pump.SessionStartUtcSeconds > 0);
            Assert.Equal(pump.Session.StartUtcSeconds, pump.SessionStartUtcSeconds);
            Assert.True(pump.DeliveredDoseUg() > 0);
            Assert.Equal(pump.Session.DeliveredDoseUg(), pump.DeliveredDoseUg());
            Assert.Equal(pump.Sensors.ForceMilliNewtons, pump.ForceMilliNewtons);
            Assert.Equal(rig.Sensors.ForceMilliNewtons, pump.ForceMilliNewtons);
            Assert.Same(pump.Motion.Ledger, pump.Ledger);
            Assert.Equal(PumpState.Infusing, pump.Status.State);
            Assert.True(pump.Table.RuleCount > 0);
            Assert.Equal(-1, pump.Restorer.UnrestoredDeliveredNl);
            Assert.Equal(-1, pump.UnrestoredDeliveredNl);
        }

        // Proves: PER-016, PNL-010
        [Fact]
        public void Shorthands_AfterASessionThatCouldNotBeRestored_ReportTheRecordedBound()
        {
            var before = PumpControllerTests.StartedKetamine();
            before.Run(20);
            before.Press(PanelKey.PauseStop);
            var editor = new PumpPersistence(before.Store, before.Clock, before.Rtc);
            editor.Open();
            editor.State.Current.SyringeId = 999;
            Assert.True(editor.State.TrySave());
            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.True(after.Controller.UnrestoredDeliveredNl > 0);
            Assert.Equal(after.Controller.Restorer.UnrestoredDeliveredNl, after.Controller.UnrestoredDeliveredNl);
            Assert.True(after.Controller.UnrestoredDoseUg > 0);
            Assert.Equal(after.Controller.Restorer.UnrestoredDoseUg, after.Controller.UnrestoredDoseUg);
            Assert.Null(after.Controller.Drug);
        }

        // Proves: STM-013, PNL-004
        [Fact]
        public void Request_NotAvailableInTheState_RefusedWithTheTablesReason()
        {
            var rig = new PumpRig();
            rig.Run(0.5);
            Assert.Equal(PumpState.Idle, rig.State);
            Assert.Equal("", rig.Controller.LastRejection);
            long idleSinceUs = rig.Controller.StateEnteredUs;
            Assert.True(idleSinceUs > 0 && idleSinceUs < rig.Clock.NowUs);
            Assert.True(rig.Controller.Request(PumpTrigger.RequestStart));
            rig.Step();
            Assert.Equal(PumpState.Idle, rig.State);
            Assert.Equal("NOT AVAILABLE NOW", rig.Controller.LastRejection);
            Assert.Equal(rig.Clock.NowUs, rig.Controller.LastRejectionUs);
            Assert.Equal(idleSinceUs, rig.Controller.StateEnteredUs);     // a refusal is no state change
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Programming, rig.State);
            Assert.Equal(rig.Clock.NowUs, rig.Controller.StateEnteredUs);
        }

        // Proves: LIB-008, LIB-007
        [Fact]
        public void InstallLibrary_NotIdle_RefusedWithAPanelLineAndALogMessage()
        {
            var rig = PumpControllerTests.StartedKetamine();
            var result = rig.Controller.InstallLibrary(new byte[16], 0, 16);
            Assert.Equal(LibraryError.PumpNotIdle, result.Error);
            Assert.Equal("PUMP NOT IDLE", result.ShortMessage);
            Assert.Contains("idle", result.LongMessage);
        }

        // Proves: PER-006, STM-002
        [Fact]
        public void Pause_WhileInfusing_TheExactCountIsPersisted()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(10);
            Assert.False(rig.Controller.Persistence.Ledger.IsExact);
            rig.Press(PanelKey.PauseStop);
            Assert.True(rig.Controller.Persistence.Ledger.IsExact);
            Assert.Equal(rig.Controller.Ledger.CountedMicrosteps, rig.Controller.Persistence.Ledger.ReservedMicrosteps);
        }

        // Proves: TEC-008
        [Fact]
        public void Programming_AKeyPressed_TheReminderCountsFromThatKey()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Programming, rig.State);
            rig.Run(40);
            rig.Press(PanelKey.Down);
            rig.Run(40);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.CallbackProgramming));
            rig.Run(21);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.CallbackProgramming));
        }

        // Proves: STM-011, STM-002
        [Fact]
        public void Priming_VolumeReachedInATick_ReadyWithTheDriverOffInThatSameTick()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Priming, rig.State);
            Assert.True(rig.Controller.Calibration!.TryNlToMicrosteps(rig.Settings.PrimeMaxNl, out long primeSteps));

            // The tick whose counter reading reaches the priming volume ends priming: not one tick later.
            Assert.True(rig.RunUntil(() => rig.Steps.Counted >= primeSteps, 60));
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(1, PumpRigLog.Transitions(rig, PumpState.Priming, PumpState.Ready));
        }

        // Proves: STM-015
        [Fact]
        public void Tick_ExceptionWithARequestWaiting_TheRequestIsDroppedNotAnsweredInFailsafe()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(2);
            int refusedBefore = PumpRigLog.Controller(rig, PumpEvent.RequestRejected).Count;
            long lastRefusalUs = rig.Controller.LastRejectionUs;
            Assert.True(rig.Controller.Request(PumpTrigger.RequestPause));
            rig.Sensors.ThrowOnForceRead = true;
            rig.Step();
            Assert.Equal(PumpState.Failsafe, rig.State);
            rig.Sensors.ThrowOnForceRead = false;
            rig.Run(1);

            // A request made to the pump before it failed is not carried into Failsafe (nor refused there as new).
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.Equal(lastRefusalUs, rig.Controller.LastRejectionUs);
            Assert.Equal(refusedBefore, PumpRigLog.Controller(rig, PumpEvent.RequestRejected).Count);
        }

        // Proves: PNL-004
        [Fact]
        public void Request_RefusedInTheFirstTickWithTheClockAtZero_TheRefusalIsShown()
        {
            var rig = new PumpRig(startUs: -PumpRig.TickUs);   // a monotonic clock that starts at 0 at boot
            Assert.True(rig.Controller.Request(PumpTrigger.RequestStart));
            rig.Step();
            Assert.Equal(0, rig.Clock.NowUs);
            Assert.Equal(0, rig.Controller.LastRejectionUs);
            Assert.True(rig.Controller.RecentRejection(rig.Clock.NowUs, 1_000_000, out string reason));
            Assert.NotEqual("", reason);
        }

        // Proves: INT-012, SEC-003
        [Fact]
        public void Resume_FramesStillFromAnotherMonitor_RefusedNamingTheWrongMonitor()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.SendAsMonitor = PumpRig.MonitorId + 1;
            Assert.True(rig.RunUntil(() => rig.State == PumpState.InterlockHold, 5));
            rig.Run(2);
            Assert.True(rig.Controller.Commands.Resume());
            rig.Step();
            Assert.Equal(PumpState.InterlockHold, rig.State);
            Assert.Equal("WRONG MONITOR", rig.Controller.LastRejection);
        }
    }
}
