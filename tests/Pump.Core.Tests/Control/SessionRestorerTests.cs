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
        private static PumpRig PausedSession()
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
    }
}
