using System;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Persistence;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>Each reason a session cannot be rebuilt exactly is named in the log and never guessed around (PER-015, PER-016).</summary>
    public sealed class SessionRestorerTests
    {
        internal static PumpRig PausedSession()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(20);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            return rig;
        }

        private static void Edit(PumpRig rig, Action<PumpSnapshot> change)
        {
            var editor = new PumpPersistence(rig.Store, rig.Clock, rig.Rtc);
            editor.Open();
            change(editor.State.Current);
            Assert.True(editor.State.TrySave());
        }

        public static TheoryData<string, int> Tamperings => new()
        {
            { "no program", RestoreRefusal.NoProgram },
            { "syringe", RestoreRefusal.SyringeUnknown },
            { "rate", RestoreRefusal.ProgramDiffers },
            { "total", RestoreRefusal.ProgramDiffers },
            { "period", RestoreRefusal.ProgramDiffers },
            { "weight", RestoreRefusal.ProgramDiffers },
            { "baseline", RestoreRefusal.BaselineMissing },
        };

        // Proves: PER-016
        [Theory]
        [MemberData(nameof(Tamperings))]
        public void Reset_RecordCannotBeRebuiltExactly_SessionNotRestoredWithItsReasonNothingLoaded(string what, int reason)
        {
            PumpRig before = PausedSession();
            long deliveredNl = before.Controller.DeliveredVolumeNl();
            Edit(before, s =>
            {
                switch (what)
                {
                    case "no program": s.ProgramPresent = false; break;
                    case "syringe": s.SyringeId = 999; break;
                    case "rate": s.RateMicrosteps += 1; break;
                    case "total": s.TotalMicrosteps += 1; break;
                    case "period": s.RatePeriodUs += 1; break;
                    case "weight": s.WeightG += 1000; break;
                    case "baseline": s.BaselineSbpMmHg = 0; break;
                }
            });

            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Idle, after.State);
            Assert.Null(after.Controller.Program);
            Assert.True(after.Controller.Alarms.IsShown(AlarmCode.SessionNotRestored));
            Assert.False(after.Controller.Alarms.IsShown(AlarmCode.PowerRestored));
            var logged = Assert.Single(PumpRigLog.Controller(after, PumpEvent.SessionNotRestored));
            Assert.Equal(reason, logged.Arg0);
            Assert.True(after.Controller.UnrestoredDeliveredNl >= deliveredNl);
            Assert.Equal(after.Controller.UnrestoredDeliveredNl / 1000, logged.Arg1);
            Assert.Empty(PumpRigLog.Controller(after, PumpEvent.SessionRestored));
            Assert.False(after.Driver.IsEnabled);
        }

        // Proves: PER-016
        [Fact]
        public void Reset_SessionNotRestored_DoseShownIsTheRecordedVolumeAtTheConcentration()
        {
            PumpRig before = PausedSession();
            Edit(before, s => s.SyringeId = 999);
            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            long nl = after.Controller.UnrestoredDeliveredNl;
            Assert.True(nl > 0);
            // Ketamine 1 mg/mL: 1 nL is 1 ng, so the dose in µg is the volume in µL.
            Assert.Equal(nl / 1000, after.Controller.UnrestoredDoseUg);
            Assert.Equal(nl, after.Controller.Status.UnrestoredDeliveredNl);
            Assert.Equal(after.Controller.UnrestoredDoseUg, after.Controller.Status.UnrestoredDoseUg);
        }

        // Proves: PER-015
        [Fact]
        public void Reset_SessionRestored_LoggedWithItsStateAndDeliveredBound()
        {
            PumpRig before = PausedSession();
            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Paused, after.State);
            var logged = Assert.Single(PumpRigLog.Controller(after, PumpEvent.SessionRestored));
            Assert.Equal((int)PumpState.Paused, logged.Arg0);
            Assert.Equal(after.Controller.Persistence.Ledger.ReservedMicrosteps, logged.Arg1);
            Assert.Equal(after.Controller.Persistence.Ledger.ReservedMicrosteps, after.Controller.Ledger.CountedMicrosteps);
            Assert.True(after.Controller.Session.Restored);
        }

        /// <summary>A plain mL/h session (10.0 mL/h, 10.0 mL), paused after 20 s.</summary>
        private static PumpRig PausedPlainRateSession()
        {
            var rig = new PumpRig();
            rig.ProgramPlainRate("00100", "0100");   // 10.0 mL/h, 10.0 mL
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            rig.Run(20);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            return rig;
        }

        /// <summary>
        /// Rewrites the stored snapshot as another firmware could have written it: its version, only its first
        /// fields, and any field changed (the delivered fields too, which a save through the ledger would restamp).
        /// </summary>
        internal static void StoreAs(PumpRig rig, int version, int fieldCount, Action<PumpSnapshot>? change = null)
        {
            var editor = new PumpPersistence(rig.Store, rig.Clock, rig.Rtc);
            editor.Open();
            change?.Invoke(editor.State.Current);
            var payload = new byte[PumpSnapshotCodec.PayloadBytes];
            PumpSnapshotCodec.Encode(editor.State.Current, payload, 0);
            var record = new DualSlotRecord(rig.Store, StoreLayout.SnapshotAddress, StoreLayout.SnapshotSlotBytes,
                StoreLayout.SnapshotMagic, PumpSnapshotCodec.MinReadableVersion, 0xFFFF);
            Assert.True(record.TryWrite(version, payload, 0, fieldCount * PumpSnapshotCodec.FieldBytes));
        }

        // Proves: PER-005, PER-015
        [Fact]
        public void Reset_PlainRateSessionStoredByVersion1_RestoredWithTheEnteredRateAndVolumeRecomputed()
        {
            PumpRig before = PausedPlainRateSession();
            var program = before.Controller.Program!;
            // Version 1 did not store the entered mL/h and mL: they are recomputed from the stored microsteps.
            StoreAs(before, 1, 25);

            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Paused, after.State);
            Assert.Empty(PumpRigLog.Controller(after, PumpEvent.SessionNotRestored));
            var restored = after.Controller.Program!;
            // The motion is exactly the stored one; the mL/h and mL shown are the least that give it (version 2
            // stores the entered values so that they come back exactly), never more than was entered.
            Assert.Equal(program.TotalMicrosteps, restored.TotalMicrosteps);
            Assert.Equal(program.RateMicrosteps, restored.RateMicrosteps);
            Assert.Equal(program.RatePeriodUs, restored.RatePeriodUs);
            Assert.InRange(restored.RateNlPerH, program.RateNlPerH - (program.RateNlPerH / 1000), program.RateNlPerH);
            Assert.InRange(restored.VolumeNl, program.VolumeNl - (program.VolumeNl / 1000), program.VolumeNl);
            Assert.True(after.Controller.Alarms.IsShown(AlarmCode.PowerRestored));
        }

        // Proves: PER-005, PER-016
        [Fact]
        public void Reset_Version1PlainRateRecordWithARateNoProgramHas_SessionNotRestoredProgramDiffers()
        {
            PumpRig before = PausedPlainRateSession();
            // Microsteps per period so large that the rate per hour does not fit: no entered rate can give it.
            StoreAs(before, 1, 25, s => { s.RateMicrosteps = long.MaxValue / 1000; s.RatePeriodUs = 1; });

            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Idle, after.State);
            var logged = Assert.Single(PumpRigLog.Controller(after, PumpEvent.SessionNotRestored));
            Assert.Equal(RestoreRefusal.ProgramDiffers, logged.Arg0);
        }

        // Proves: PER-016
        [Fact]
        public void Reset_PlainRateSessionNotRestored_VolumeShownAndNoDoseInvented()
        {
            PumpRig before = PausedPlainRateSession();
            long deliveredNl = before.Controller.DeliveredVolumeNl();
            Edit(before, s => s.SyringeId = 999);

            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.True(after.Controller.UnrestoredDeliveredNl >= deliveredNl);
            Assert.True(deliveredNl > 0);
            Assert.Equal(0, after.Controller.UnrestoredDoseUg);
            var session = new SessionRecord();
            Assert.True(after.Controller.Persistence.History.TryGetSession(0, session));
            Assert.True(session.Final);
            Assert.Equal(0, session.DeliveredUg);
        }

        // Proves: PER-015, PER-016
        [Fact]
        public void Reset_RecordedVolumeUnknownAndProgramNotRebuilt_NoDoseInventedHistoryNotFinishedWithAGuess()
        {
            PumpRig before = PausedSession();
            // -1: the ledger had no syringe calibration when it was written (the volume is not known).
            StoreAs(before, PumpSnapshotCodec.CurrentFormatVersion, PumpSnapshotCodec.FieldCount, s => { s.VolumeDeliveredNl = -1; s.SyringeId = 999; });

            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.True(after.Controller.Alarms.IsShown(AlarmCode.SessionNotRestored));
            Assert.Equal(-1, after.Controller.UnrestoredDeliveredNl);
            Assert.Equal(0, after.Controller.UnrestoredDoseUg);
            var session = new SessionRecord();
            Assert.True(after.Controller.Persistence.History.TryGetSession(0, session));
            Assert.False(session.Final);
        }

        // Proves: PER-015
        [Fact]
        public void Reset_AudioPauseRecorded_ItsEndLoggedWithTheOldBootsPauseEndInSeconds()
        {
            PumpRig before = PausedSession();
            Edit(before, s => s.AlarmAudioPausedUntilMs = 123_456);

            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            var logged = Assert.Single(PumpRigLog.Controller(after, PumpEvent.AudioPauseEndedByReset));
            Assert.Equal(123, logged.Arg0);
        }

        // Proves: PER-015, STM-004, STM-007
        [Fact]
        public void Reset_RecordMarksAVitalHoldWhateverItsStateCode_HoldRestoredNotAPlainPause()
        {
            PumpRig before = PausedSession();
            Edit(before, s => s.VitalHoldLatched = true);

            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.InterlockHold, after.State);
            Assert.False(after.Driver.IsEnabled);
        }

        // Proves: PER-015, STM-004
        [Fact]
        public void Reset_SessionInAlarm_RestoredIntoAlarmWithItsLatchedAlarm()
        {
            PumpRig before = PumpControllerTests.StartedKetamine();
            before.Run(20);
            before.Sensors.ClampClosed = false;
            before.Step();
            before.Sensors.ClampClosed = true;
            Assert.Equal(PumpState.Alarm, before.State);

            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Alarm, after.State);
            Assert.Equal(1, PumpRigLog.Transitions(after, PumpState.Paused, PumpState.Alarm));
            Assert.Equal(0, PumpRigLog.Transitions(after, PumpState.Paused, PumpState.InterlockHold));
        }

        // Proves: PER-015
        [Fact]
        public void Reset_PlainRateSessionInTheCurrentRecord_RestoredWithExactlyTheEnteredRateAndVolume()
        {
            PumpRig before = PausedPlainRateSession();
            var program = before.Controller.Program!;
            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Paused, after.State);
            var restored = after.Controller.Program!;
            Assert.Equal(10_000_000, restored.RateNlPerH);
            Assert.Equal(10_000_000, restored.VolumeNl);
            Assert.Equal(program.RateMicrosteps, restored.RateMicrosteps);
            Assert.Equal(program.TotalMicrosteps, restored.TotalMicrosteps);
        }

        // Proves: PER-016
        [Fact]
        public void Reset_NothingDeliveredAndProgramNotRebuilt_HistoryEntryFinishedWithZero()
        {
            PumpRig before = PausedSession();
            StoreAs(before, PumpSnapshotCodec.CurrentFormatVersion, PumpSnapshotCodec.FieldCount, s => { s.VolumeDeliveredNl = 0; s.SyringeId = 999; });

            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.Equal(0, after.Controller.UnrestoredDeliveredNl);
            Assert.Equal(0, after.Controller.UnrestoredDoseUg);
            var session = new SessionRecord();
            Assert.True(after.Controller.Persistence.History.TryGetSession(0, session));
            Assert.True(session.Final);
            Assert.Equal(0, session.DeliveredUg);
        }

        // Proves: PER-016, TIT-005
        [Fact]
        public void Reset_RecordedTitratedRateTheLibraryNoLongerAllows_SessionNotRestoredProgramDiffers()
        {
            PumpRig before = PausedSession();
            Edit(before, s => s.TitratedRate = 1_000_000_000);   // far above every rate limit of the entry

            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Idle, after.State);
            Assert.Null(after.Controller.Program);
            var logged = Assert.Single(PumpRigLog.Controller(after, PumpEvent.SessionNotRestored));
            Assert.Equal(RestoreRefusal.ProgramDiffers, logged.Arg0);
        }

        // Proves: PER-013, PER-016
        [Fact]
        public void Reset_ProgramNotRebuiltAndTheStoreCannotCloseTheLedger_StorageFaultAndTheSessionStillReportedLater()
        {
            PumpRig before = PausedSession();
            Edit(before, s => s.SyringeId = 999);
            before.Store.FailFrom = StoreLayout.SnapshotAddress;
            before.Store.FailTo = StoreLayout.SnapshotAddress + (2 * StoreLayout.SnapshotSlotBytes);

            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.True(after.Controller.Alarms.IsShown(AlarmCode.StorageFault));
            Assert.True(after.Controller.Alarms.IsShown(AlarmCode.SessionNotRestored));
            Assert.False(after.Driver.IsEnabled);

            // Nothing was closed: once the store works, the next power-up reports the session again.
            after.Store.FailFrom = -1;
            after.Store.FailTo = -1;
            PumpRig third = SessionResetTests.Reboot(after, watchdog: false);
            third.Run(1);
            Assert.True(third.Controller.Alarms.IsShown(AlarmCode.SessionNotRestored));
        }

        // Proves: STM-004
        [Fact]
        public void PowerUp_NoSessionOpen_NothingFollowsTheSelfTest()
        {
            var rig = new PumpRig();
            rig.Run(1);
            Assert.Equal(PumpState.Idle, rig.State);
            Assert.Single(PumpRigLog.Controller(rig, PumpEvent.Transition));
        }

        // Proves: PER-005, PER-015
        [Fact]
        public void Reset_RecordWithAlarmBitsBeyondTheTable_RestoredAndTheUnknownBitsIgnored()
        {
            PumpRig before = PausedSession();
            StoreAs(before, PumpSnapshotCodec.CurrentFormatVersion, PumpSnapshotCodec.FieldCount,
                s => s.LatchedAlarmBits |= (1L << AlarmCodes.Count) | (1L << 62));

            PumpRig after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Paused, after.State);
            Assert.True(after.Controller.Alarms.IsShown(AlarmCode.PowerRestored));
            Assert.False(after.Controller.Alarms.IsShown(AlarmCode.SoftwareFault));
        }
    }
}
