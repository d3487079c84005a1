using System;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Persistence;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>The power-up self-test's checks, one at a time, and what power-up logs (STM-004, DEV-018, PER-012, PER-015).</summary>
    public sealed class PowerUpSequenceTests
    {
        public static TheoryData<string> FailingChecks => new() { "counter", "position", "force", "driver", "display", "watchdog" };

        private static void Break(PumpRig rig, string check)
        {
            switch (check)
            {
                case "counter": rig.Steps.CounterBroken = true; break;
                case "position": rig.Sensors.PositionBroken = true; break;
                case "force": rig.Sensors.ForceBroken = true; break;
                case "driver": rig.Driver.IsFaulted = true; break;
                case "display": rig.Display.IsHealthy = false; break;
                case "watchdog": rig.Watchdog.IsArmed = false; break;
                default: throw new ArgumentException(check);
            }
        }

        // Proves: STM-004, DEV-018
        [Theory]
        [MemberData(nameof(FailingChecks))]
        public void PowerUp_OneCheckFails_FailsafeDriverOffNothingDelivered(string check)
        {
            var rig = new PumpRig();
            Break(rig, check);
            rig.Run(1);
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(0, rig.Steps.Counted);
            Assert.Equal(1, PumpRigLog.Transitions(rig, PumpState.SelfTest, PumpState.Failsafe));
        }

        // Proves: STM-004
        [Fact]
        public void PowerUp_SnapshotSavedInFailsafe_FailsafeAgainEvenWithHealthyHardware()
        {
            var rig = new PumpRig();
            rig.Sensors.ForceBroken = true;
            rig.Run(1);
            Assert.Equal(PumpState.Failsafe, rig.State);
            var rebooted = new PumpRig(rig.Store, startUs: 2_000_000);
            rebooted.Run(1);
            Assert.Equal(PumpState.Failsafe, rebooted.State);
        }

        // Proves: PER-012
        [Fact]
        public void PowerUp_Logged_WithWhetherASessionWasOpenAndWhatItDelivered()
        {
            var fresh = new PumpRig();
            fresh.Run(0.5);
            var first = Assert.Single(PumpRigLog.Controller(fresh, PumpEvent.PowerOn));
            Assert.Equal(0, first.Arg0);
            Assert.Equal(0, first.Arg1);

            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(60);
            long deliveredUl = rig.Controller.DeliveredVolumeNl() / 1000;
            PumpRig after = SessionResetTests.Reboot(rig, watchdog: false);
            after.Run(1);
            var logged = PumpRigLog.Controller(after, PumpEvent.PowerOn);
            var last = logged[logged.Count - 1];
            Assert.Equal(1, last.Arg0);
            Assert.InRange(last.Arg1, deliveredUl, deliveredUl + 200);   // the persisted upper bound: window plus look-ahead
        }

        // Proves: PER-015, ALM-003
        [Fact]
        public void PowerUp_AudioPausedWhenTheSessionWasLastSaved_PauseEndsLoggedAndAlarmsSoundAgain()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Rtc.Valid = false;              // SET CLOCK: an alarm to silence while delivery goes on
            rig.Step();
            rig.Controller.Commands.SilenceAlarms(rig.Clock.NowUs);
            rig.Step();
            Assert.True(rig.Controller.Alarms.AudioPaused);
            rig.Press(PanelKey.PauseStop);      // a transition saves the session with the pause
            Assert.Equal(PumpState.Paused, rig.State);
            Assert.True(rig.Controller.Alarms.AudioPaused);

            PumpRig after = SessionResetTests.Reboot(rig, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Paused, after.State);
            Assert.Single(PumpRigLog.Controller(after, PumpEvent.AudioPauseEndedByReset));
            Assert.False(after.Controller.Alarms.AudioPaused);
            Assert.NotEqual(AlarmSound.Silent, after.Annunciator.Sound);
        }

        // Proves: PER-015, ALM-003
        [Fact]
        public void PowerUp_SilencePressedAfterTheLastStateChange_PauseEndLoggedAtPowerUp()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Rtc.Valid = false;              // SET CLOCK: an alarm to silence while delivery goes on
            rig.Step();
            rig.Controller.Commands.SilenceAlarms(rig.Clock.NowUs);
            rig.Run(1);                         // no transition after the Silence
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.True(rig.Controller.Alarms.AudioPaused);

            PumpRig after = SessionResetTests.Reboot(rig, watchdog: false);
            after.Run(1);

            var logged = Assert.Single(PumpRigLog.Controller(after, PumpEvent.AudioPauseEndedByReset));
            Assert.True(logged.Arg0 > 0);
            Assert.False(after.Controller.Alarms.AudioPaused);
        }

        // Proves: PER-015
        [Fact]
        public void Silence_PressedEveryTickForFiveSeconds_WritesTheSnapshotNoMoreThanOnePress()
        {
            int once = SnapshotWritesAfterSilence(everyTick: false);
            int stuck = SnapshotWritesAfterSilence(everyTick: true);
            Assert.True(once > 0);
            Assert.Equal(once, stuck);   // the pause's end moved 5 s: under the re-save step, so no write more
        }

        private static int SnapshotWritesAfterSilence(bool everyTick)
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Rtc.Valid = false;              // SET CLOCK: an alarm to silence while delivery goes on
            rig.Step();
            int before = rig.Store.WritesInto(StoreLayout.SnapshotAddress, StoreLayout.SessionHistoryAddress);
            rig.Controller.Commands.SilenceAlarms(rig.Clock.NowUs);
            for (int i = 0; i < 100; i++)       // 5 s of ticks
            {
                if (everyTick)
                {
                    rig.Controller.Commands.SilenceAlarms(rig.Clock.NowUs);
                }

                rig.Step();
            }

            Assert.True(rig.Controller.Alarms.AudioPaused);
            return rig.Store.WritesInto(StoreLayout.SnapshotAddress, StoreLayout.SessionHistoryAddress) - before;
        }

        // Proves: PER-015, ALM-003
        [Fact]
        public void PowerUp_PauseExpiredBeforeTheReset_NoPauseEndLogged()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Rtc.Valid = false;
            rig.Step();
            rig.Controller.Commands.SilenceAlarms(rig.Clock.NowUs);
            rig.Run(1);
            Assert.True(rig.Controller.Alarms.AudioPaused);
            rig.Run(125);                       // the two-minute pause re-arms by itself
            Assert.False(rig.Controller.Alarms.AudioPaused);

            PumpRig after = SessionResetTests.Reboot(rig, watchdog: false);
            after.Run(1);

            Assert.Empty(PumpRigLog.Controller(after, PumpEvent.AudioPauseEndedByReset));
        }

        // Proves: PER-015
        [Fact]
        public void PowerUp_NoAudioPauseBeforeTheReset_NothingLoggedAboutIt()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            PumpRig after = SessionResetTests.Reboot(rig, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Paused, after.State);
            Assert.Empty(PumpRigLog.Controller(after, PumpEvent.AudioPauseEndedByReset));
        }

        // Proves: PER-012, LIB-008
        [Fact]
        public void PowerUp_LibraryInUse_LoggedWithItsRevisionAndEntryCount()
        {
            var library = new Pump.Core.Library.DrugLibrary(7, new[] { Pump.Core.Library.ShippedLibrary.NoDrug() });
            var rig = new PumpRig(library: library);
            rig.Run(0.5);
            var logged = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.LibraryLoaded));
            Assert.Equal(7, logged.Arg0);
            Assert.Equal(1, logged.Arg1);
        }

        // Proves: DEV-018, PER-013
        [Fact]
        public void PowerUp_StoreRefusesEveryWrite_FailsafeNothingDelivered()
        {
            var rig = new PumpRig();
            rig.Store.FailFrom = 0;                       // a worn flash: the store fits, but no write lands
            rig.Store.FailTo = rig.Store.CapacityBytes;
            rig.Run(1);
            Assert.True(rig.Controller.Persistence.StoreFits);
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(0, rig.Steps.Counted);
        }

        // Proves: DEV-018, PER-012
        [Fact]
        public void PowerUp_StoreSmallerThanTheLayout_FailsafeNothingDelivered()
        {
            // A mis-sized flash partition (64 KiB where the layout needs 80): every write inside it works, but the
            // event log does not fit.
            var rig = new PumpRig(new FakeStore(64 * 1024));
            rig.Run(1);
            Assert.False(rig.Controller.Persistence.StoreFits);
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(0, rig.Steps.Counted);
        }

        // Proves: PER-012
        [Fact]
        public void PowerUp_RecordedDeliveryBeyondTheLogField_PowerOnLoggedWithTheFieldsLargestValue()
        {
            // The snapshot decoder bounds the delivered volume only from below (-1 = unknown): a record claiming
            // 3,000 L must not wrap the log's 32-bit µL argument into a small or negative number.
            PumpRig before = SessionRestorerTests.PausedSession();
            SessionRestorerTests.StoreAs(before, PumpSnapshotCodec.CurrentFormatVersion, PumpSnapshotCodec.FieldCount,
                s => s.VolumeDeliveredNl = 3_000_000_000_000L);
            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            var logged = PumpRigLog.Controller(after, PumpEvent.PowerOn);
            var last = logged[logged.Count - 1];
            Assert.Equal(1, last.Arg0);
            Assert.Equal(int.MaxValue, last.Arg1);
        }
    }
}
