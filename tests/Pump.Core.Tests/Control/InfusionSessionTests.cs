using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Panel;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Supervision;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// A session seen from outside: which confirmed programs it adopts and what that leaves in the log, what its end
    /// leaves in the history and in Idle, and what a reset brings back of it.
    /// </summary>
    public sealed class InfusionSessionTests
    {
        // Proves: PNL-003
        [Fact]
        public void ConfirmedProgram_WithASoftDoseOverride_LogsTheOverrideWithItsValueThenTheProgramWithItsVolume()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok); // new program, drug, no patient id
            rig.EnterDigits("0700");
            rig.ChangeDefaults();
            rig.EnterDigits("0080"); // 0.80 mg/kg > soft max 0.75
            rig.Press(PanelKey.Ok);  // keep it
            rig.EnterField("040");
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok); // syringe, review page 2, soft-limit screen
            int guard = 0;
            while (rig.State == PumpState.Programming && guard++ < 10)
            {
                rig.Press(PanelKey.Ok);
            }

            Assert.Equal(PumpState.Ready, rig.State);
            var entries = PumpRigLog.Entries(rig);
            int confirmed = entries.FindIndex(e => e.Category == 0 && e.Code == PumpEvent.ProgramConfirmed);
            int dose = entries.FindIndex(e => e.Category == 0 && e.Code == PumpEvent.SoftLimitOverride
                && e.Arg0 == (int)LimitKind.DoseUgPerKg);
            Assert.True(dose >= 0, "the dose override is logged");
            Assert.True(confirmed > dose, "overrides are logged before the program they belong to");
            Assert.Equal(800, entries[dose].Arg1);
            Assert.Equal(rig.Controller.Session.Drug!.DrugId, entries[confirmed].Arg0);
            Assert.Equal((int)(rig.Controller.Program!.VolumeNl / 1000), entries[confirmed].Arg1);
            Assert.True(entries[confirmed].Arg1 > 0);
        }

        // Proves: PNL-003
        [Fact]
        public void ConfirmedProgram_InsideEveryLimit_LogsNoOverride()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();

            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.SoftLimitOverride));
            var confirmed = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.ProgramConfirmed));
            Assert.Equal((int)(rig.Controller.Program!.VolumeNl / 1000), confirmed.Arg1);
        }

        // Proves: HIS-001
        [Fact]
        public void Stop_KetamineSession_HistoryFinalisedWithTheDeliveredDoseRoundedDownAndTheInterlockSessionEnded()
        {
            var rig = new PumpRig();
            long startUtc = rig.Rtc.UtcSeconds;
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.True(rig.Controller.Interlock.SessionActive);
            rig.Run(30);

            rig.Press(PanelKey.PauseStop, PanelKey.PauseStop, PanelKey.Ok);

            Assert.Equal(PumpState.Stopped, rig.State);
            var session = new SessionRecord();
            Assert.True(rig.Controller.Persistence.History.TryGetSession(0, session));
            Assert.True(session.Final);
            long deliveredNl = rig.Controller.Session.DeliveredVolumeNl();
            long expectedUg = deliveredNl * rig.Controller.Program!.ConcentrationUgPerMl / 1_000_000;
            Assert.True(expectedUg > 0);
            Assert.Equal(expectedUg, session.DeliveredUg);
            Assert.Equal(expectedUg, rig.Controller.Session.DeliveredDoseUg());
            Assert.InRange(session.StartUtcSeconds, startUtc, startUtc + 60);
            Assert.Equal(session.StartUtcSeconds, rig.Controller.Session.StartUtcSeconds);
            Assert.False(rig.Controller.Interlock.SessionActive);
            Assert.False(rig.Controller.Alarms.IsShown(Pump.Core.Alarms.AlarmCode.InfusionComplete));
        }

        // Proves: HIS-001, PRG-014
        [Fact]
        public void SessionEnded_BackToIdle_NextProgramStartsWithoutTheOldSessionsStartOrPatient()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            Assert.True(rig.Controller.Session.StartUtcSeconds > 0);
            rig.Press(PanelKey.PauseStop, PanelKey.PauseStop, PanelKey.Ok);
            Assert.Equal(PumpState.Stopped, rig.State);
            rig.Press(PanelKey.Ok);
            rig.Run(1);

            Assert.Equal(PumpState.Idle, rig.State);
            Assert.Null(rig.Controller.Program);
            Assert.Equal(-1, rig.Controller.Session.StartUtcSeconds);
            Assert.Equal(PatientId.NotChosen, rig.Controller.Session.PatientIdentity);
            Assert.Equal(0, rig.Controller.Session.DeliveredDoseUg());
            Assert.False(rig.Controller.Session.Restored);
        }

        // Proves: PER-015
        [Fact]
        public void NewPump_BeforeItsFirstTickAndAfterItsSelfTest_NoSessionStartAndNothingRestored()
        {
            var rig = new PumpRig();
            Assert.Equal(-1, rig.Controller.SessionStartUtcSeconds);
            Assert.False(rig.Controller.Session.Restored);

            rig.Run(0.2);

            Assert.Equal(PumpState.Idle, rig.State);
            Assert.Equal(-1, rig.Controller.SessionStartUtcSeconds);
            Assert.False(rig.Controller.Session.Restored);
        }

        // Proves: PER-015, STM-011
        [Fact]
        public void RestoredSession_AfterAPowerLoss_LineShownPrimedAndOnThePatient()
        {
            var before = SessionRestorerTests.PausedSession();

            var after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);

            Assert.Equal(PumpState.Paused, after.State);
            // The line was primed before the reset and is still connected: no re-prime into it, no "prime first".
            Assert.True(after.Controller.LinePrimed);
            Assert.True(after.Controller.PrimedOnce);
            Assert.True(after.Controller.Status.LinePrimed);
        }

        // Proves: TEC-001
        [Fact]
        public void SessionEnded_WithPressureInTheLine_BackInIdleNoPressureShown()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(2);
            rig.Sensors.ForceMilliNewtons += 5_000;   // some line pressure, below every occlusion rule
            rig.Run(2);
            Assert.InRange(rig.Controller.PressureMmHg, 1, OcclusionDetector.LevelMmHg[(int)OcclusionLevel.Low] - 1);
            rig.Press(PanelKey.PauseStop, PanelKey.PauseStop, PanelKey.Ok);
            Assert.Equal(PumpState.Stopped, rig.State);
            rig.Press(PanelKey.Ok);
            rig.Run(1);

            Assert.Equal(PumpState.Idle, rig.State);
            // The syringe's pressure belonged to the ended session: nothing is measured without a program.
            Assert.Equal(0, rig.Controller.PressureMmHg);
        }

        // Proves: TIT-005, PER-015
        [Fact]
        public void Reset_AfterAPlainRateTitration_ComesBackWithTheProgrammedAndTheTitratedRateApart()
        {
            var before = new PumpRig();
            before.ProgramPlainRate("00100", "0050");   // 10.0 mL/h, 5.0 mL
            before.Press(PanelKey.Start);
            before.Run(10);
            before.Press(PanelKey.Down);
            before.Press(PanelKey.Up, PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);   // tens 1 -> 2: 20.0 mL/h
            before.Press(PanelKey.Ok);
            Assert.Equal(20_000_000, before.Controller.Program!.RateNlPerH);
            before.Run(5);
            var stored = new PumpPersistence(before.Store, before.Clock, before.Rtc);
            stored.Open();
            Assert.Equal(10_000_000, stored.State.Current.ProgramRateNlPerH);   // the program as confirmed at review
            Assert.Equal(before.Controller.Program!.RateMicrosteps, stored.State.Current.RateMicrosteps);

            var after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);

            Assert.Equal(PumpState.Paused, after.State);
            Assert.Equal(20_000_000, after.Controller.Program!.RateNlPerH);
            Assert.Equal(10_000_000, after.Controller.Session.Titration.Programmed!.RateNlPerH);
            Assert.Equal(5_000_000, after.Controller.Session.Titration.Programmed!.VolumeNl);
        }

        // Proves: PRG-004, PRG-011
        [Theory]
        [InlineData("rejected, carrying a program")]
        [InlineData("rejected, no program")]
        [InlineData("accepted, beyond the mechanism")]
        public void AdoptConfirmedProgram_RejectedOrBeyondTheMechanism_RefusedNothingAdoptedOrLogged(string offered)
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok); // new program, ketamine, no patient id
            rig.EnterField("0700");
            rig.EnterDoseAndDuration("0050", "040");
            var wizard = rig.Controller.Panel.Wizard;
            InfusionProgram valid = wizard.Result!.Program!;
            ProgramResult result = offered switch
            {
                "rejected, carrying a program" => new ProgramResult(ProgramOutcome.Rejected, valid, new Finding[0], 0),
                "rejected, no program" => new ProgramResult(ProgramOutcome.Rejected, null, new Finding[0], 0),
                _ => new ProgramResult(ProgramOutcome.Accepted, valid, new Finding[0], 0),
            };
            if (offered == "accepted, beyond the mechanism")
            {
                // The same program on a mechanism that can step only a tenth as fast as it needs.
                rig.Settings.MaxMicrostepsPerSecond = valid.RateMicrosteps * 1_000_000 / valid.RatePeriodUs / 10;
            }

            rig.Controller.Commands.AdoptConfirmedProgram(wizard.Drug, wizard.Calibration!, result, PatientId.None);
            rig.Step();

            Assert.Equal(PumpState.Programming, rig.State);
            Assert.Null(rig.Controller.Program);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.ProgramConfirmed));
        }

        // Proves: HIS-004, PNL-003
        [Fact]
        public void ConfirmedProgram_30HoursAfterTheLastKetamineSession_SpacingOverrideLoggedAndTheStartAllowed()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            var history = rig.Controller.Persistence.History;
            Assert.True(history.TryBeginSession(ShippedLibrary.KetaminePsych40Id, rig.Rtc.UtcSeconds - (30 * 3600), 35_000));
            Assert.True(history.TryFinishSession(35_000));

            rig.ProgramKetamine(prime: false);
            Assert.Equal(PanelStep.SoftLimit, rig.Controller.Panel.Step);
            rig.Press(PanelKey.Ok, PanelKey.Ok);            // the spacing finding, confirmed twice
            Assert.Equal(PumpState.Ready, rig.State);
            rig.Press(PanelKey.Ok);                         // prime
            rig.Run(1);
            rig.Press(PanelKey.Ok);                         // primed
            rig.Press(PanelKey.Start);

            Assert.Equal(PumpState.Infusing, rig.State);
            var overrides = PumpRigLog.Controller(rig, PumpEvent.SessionSpacingOverride);
            var logged = Assert.Single(overrides);
            Assert.InRange(logged.Arg0, 30 * 3600, (30 * 3600) + 60);   // seconds since the last session
            var entries = PumpRigLog.Entries(rig);
            Assert.True(entries.FindIndex(e => e.Category == 0 && e.Code == PumpEvent.SessionSpacingOverride)
                < entries.FindIndex(e => e.Category == 0 && e.Code == PumpEvent.ProgramConfirmed),
                "the override is logged before the program it belongs to");
        }
        // Proves: HIS-001, PRG-012
        [Fact]
        public void Start_PlainRateWithTheClockInvalid_StartKeptUnknownAndNoHistoryEntryWithAMadeUpTime()
        {
            var rig = new PumpRig();
            rig.ProgramPlainRate("00100", "0001");   // 10.0 mL/h, 0.1 mL
            rig.Rtc.Valid = false;                 // the fake still offers its last time: it must not be used

            rig.Press(PanelKey.Start);

            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.Equal(-1, rig.Controller.Session.StartUtcSeconds);
            Assert.False(rig.Controller.Interlock.SessionActive); // a drug without the interlock starts none (PRG-012)
            // A drug without session rules runs on; the history keeps no session with a made-up start.
            Assert.Equal(0, rig.Controller.Persistence.History.Count);
        }
        // Proves: PER-015, STM-004, TEC-013
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void RestoredSession_ResumedOrStoppedByTheClinician_NoLongerMarkedRestored(bool resume)
        {
            var before = SessionRestorerTests.PausedSession();
            var after = SessionResetTests.Reboot(before, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Paused, after.State);
            Assert.True(after.Controller.Session.Restored);

            Assert.True(after.Controller.Alarms.IsShown(Pump.Core.Alarms.AlarmCode.PowerRestored));
            if (resume)
            {
                after.Press(PanelKey.Start);
                Assert.Equal(PumpState.Infusing, after.State);
                // Resuming acknowledges what was shown and has gone: POWER WAS LOST has been read (TEC-013).
                Assert.False(after.Controller.Alarms.IsShown(Pump.Core.Alarms.AlarmCode.PowerRestored));
            }
            else
            {
                after.Press(PanelKey.PauseStop, PanelKey.Ok);
                Assert.Equal(PumpState.Stopped, after.State);
            }

            Assert.False(after.Controller.Session.Restored);
        }
        // Proves: PRG-014, PRG-004
        [Theory]
        [InlineData(PatientId.NotChosen, false)]
        [InlineData(-7L, false)]
        [InlineData(PatientId.None, true)]
        public void AdoptConfirmedProgram_PatientId_AdoptedAndLoggedOnlyForAValidIdOrTheExplicitNoId(long patientId, bool adopted)
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok); // new program, ketamine, no patient id
            rig.EnterField("0700");
            rig.EnterDoseAndDuration("0050", "040");
            var wizard = rig.Controller.Panel.Wizard;
            Assert.NotNull(wizard.Result!.Program);

            rig.Controller.Commands.AdoptConfirmedProgram(wizard.Drug, wizard.Calibration!, wizard.Result, patientId);
            rig.Step();

            Assert.Equal(adopted ? PumpState.Ready : PumpState.Programming, rig.State);
            Assert.Equal(adopted, rig.Controller.Program != null);
            Assert.Equal(adopted ? 1 : 0, PumpRigLog.Controller(rig, PumpEvent.ProgramConfirmed).Count);
        }
    }
}
