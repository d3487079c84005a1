using System.Linq;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Panel;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// Titration on the rig, as a clinician does it on the panel: Down on the running screen, the new dose rate in
    /// the digit editor, checked at entry, a confirm screen with old and new rate and time left, then OK.
    /// </summary>
    public sealed class TitrationTests
    {
        /// <summary>Opens the titration and commits <paramref name="digits"/> (mg/kg/h as 00.00) in the editor.</summary>
        internal static void EnterRate(PumpRig rig, string digits)
        {
            if (rig.Controller.Panel.Titration.Step == TitrationStep.Closed)
            {
                rig.Press(PanelKey.Down);
            }

            NumberEditor editor = rig.Controller.Panel.Titration.Editor;
            Assert.Equal(TitrationStep.Edit, rig.Controller.Panel.Titration.Step);
            Assert.True(editor.Editing);
            int first = 0;
            while (first < editor.Cursor && editor.DigitAt(first) == digits[first] - '0')
            {
                first++;
            }

            while (editor.Cursor > first)
            {
                rig.Press(PanelKey.Back);
            }

            for (int i = first; i < digits.Length; i++)
            {
                int ups = (digits[i] - '0' - editor.DigitAt(i) + 10) % 10;
                for (int u = 0; u < (ups <= 5 ? ups : 10 - ups); u++)
                {
                    rig.Press(ups <= 5 ? PanelKey.Up : PanelKey.Down);
                }

                rig.Press(PanelKey.Ok);
            }
        }

        /// <summary>Ketamine infusing for a minute at the programmed 0.75 mg/kg/h (52.5 mL/h).</summary>
        internal static PumpRig Infusing()
        {
            PumpRig rig = PumpControllerTests.StartedKetamine();
            rig.Run(60);
            Assert.Equal(750, rig.Controller.Program!.RateUgPerKgPerH);
            return rig;
        }

        // Proves: TIT-002, TIT-003, TIT-004, STM-006
        [Fact]
        public void Titrate_LowerRateConfirmed_RunsAtTheNewRateWithTotalsKeptAndLogsOldAndNew()
        {
            PumpRig rig = Infusing();
            long total = rig.Controller.Program!.TotalMicrosteps;
            EnterRate(rig, "0050");
            Assert.Equal(TitrationStep.Confirm, rig.Controller.Panel.Titration.Step);
            Assert.Equal("CHANGE RATE?", rig.Display.Row(0).TrimEnd());
            Assert.Equal("0.75>0.50 mg/kg/h", rig.Display.Row(1).TrimEnd());
            Assert.Equal("52.5>35.0 mL/h", rig.Display.Row(2).TrimEnd());
            Assert.StartsWith("LEFT ", rig.Display.Row(3));
            // Still at the old rate until the confirm screen's OK.
            Assert.Equal(750, rig.Controller.Program!.RateUgPerKgPerH);

            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Infusing, rig.State);
            InfusionProgram p = rig.Controller.Program!;
            Assert.Equal(500, p.RateUgPerKgPerH);
            Assert.Equal(total, p.TotalMicrosteps);
            Assert.Equal(TitrationStep.Closed, rig.Controller.Panel.Titration.Step);
            var titrated = PumpRigLog.Controller(rig, PumpEvent.RateTitrated);
            Assert.Single(titrated);
            Assert.Equal(750, titrated[0].Arg0);
            Assert.Equal(500, titrated[0].Arg1);
            Assert.Equal(1, PumpRigLog.Transitions(rig, PumpState.Infusing, PumpState.Infusing));

            // Over the next minute it delivers at the new rate: total microsteps per hour, within a step.
            long before = rig.Steps.Counted;
            rig.Run(60);
            long perMinute = total / 60;
            Assert.InRange(rig.Steps.Counted - before, perMinute - 2, perMinute + 1);
        }

        // Proves: TIT-003
        [Fact]
        public void Titrate_LowerRate_CompletesWithTheProgrammedTotalLaterThanProgrammed()
        {
            PumpRig rig = PumpControllerTests.StartedKetamine();
            long startUs = rig.Clock.NowUs;
            rig.Run(600);
            EnterRate(rig, "0050");
            rig.Press(PanelKey.Ok);
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Completed, 3600));
            long total = rig.Controller.Program!.TotalMicrosteps;
            Assert.Equal(total, rig.Controller.Ledger.CountedMicrosteps);
            // 10 min at 0.75 mg/kg/h gives a quarter of the dose; the other three quarters at 0.5 take 45 min: 55 min in all.
            double minutes = (rig.Clock.NowUs - startUs) / 60e6;
            Assert.InRange(minutes, 54.8, 55.3);
        }

        // Proves: TIT-001, TIT-002
        [Fact]
        public void Titrate_BeyondTheHardMaximum_RefusedOnTheEntryScreenNamingTheLimitAndLogged()
        {
            PumpRig rig = Infusing();
            EnterRate(rig, "0160");
            Assert.Equal(TitrationStep.Finding, rig.Controller.Panel.Titration.Step);
            Assert.Equal("HARD LIMIT: REFUSED", rig.Display.Row(0).TrimEnd());
            Assert.Equal("> HARD MAX 1.50", rig.Display.Row(2).TrimEnd());
            rig.Press(PanelKey.Ok);   // OK cannot keep a hard-limited value
            Assert.Equal(TitrationStep.Finding, rig.Controller.Panel.Titration.Step);
            rig.Press(PanelKey.Back); // back to the digits of the value entered
            Assert.Equal(TitrationStep.Edit, rig.Controller.Panel.Titration.Step);
            Assert.Equal(160, rig.Controller.Panel.Titration.Editor.Value);
            Assert.Equal(750, rig.Controller.Program!.RateUgPerKgPerH);
            var refused = PumpRigLog.Controller(rig, PumpEvent.TitrationRefused);
            Assert.Single(refused);
            Assert.Equal((int)LimitKind.RateUgPerKgPerH, refused[0].Arg0);
            Assert.Equal(1_600, refused[0].Arg1);
        }

        // Proves: TIT-001
        [Fact]
        public void Titrate_SlowerThanTheEntrysMaximumDuration_RefusedNamingTheDurationLimit()
        {
            PumpRig rig = Infusing();
            EnterRate(rig, "0020");   // the whole 0.5 mg/kg would take 150 min: beyond the 120 min hard maximum
            Assert.Equal("HARD LIMIT: REFUSED", rig.Display.Row(0).TrimEnd());
            Assert.Equal("> HARD MAX 120min", rig.Display.Row(2).TrimEnd());
            Assert.Equal(750, rig.Controller.Program!.RateUgPerKgPerH);
        }

        // Proves: TIT-001, TIT-004
        [Fact]
        public void Titrate_SoftLimits_EachConfirmedTwiceThenLoggedAsOverridesWithTheChange()
        {
            PumpRig rig = Infusing();
            int overridesBefore = PumpRigLog.Controller(rig, PumpEvent.SoftLimitOverride).Count;
            EnterRate(rig, "0120");
            TitrationScreen t = rig.Controller.Panel.Titration;
            for (int i = 0; i < 2; i++)
            {
                Assert.Equal(TitrationStep.Finding, t.Step);
                Assert.Equal("SOFT LIMIT: CHECK", rig.Display.Row(0).TrimEnd());
                rig.Press(PanelKey.Ok);
                Assert.Equal(TitrationStep.ConfirmOverride, t.Step);
                Assert.Equal("CONFIRM OVERRIDE?", rig.Display.Row(0).TrimEnd());
                rig.Press(PanelKey.Ok);
            }

            Assert.Equal(TitrationStep.Confirm, t.Step);
            Assert.Equal(0, PumpRigLog.Controller(rig, PumpEvent.SoftLimitOverride).Count - overridesBefore);
            rig.Press(PanelKey.Ok);
            Assert.Equal(1_200, rig.Controller.Program!.RateUgPerKgPerH);
            var overrides = PumpRigLog.Controller(rig, PumpEvent.SoftLimitOverride).Skip(overridesBefore).ToList();
            Assert.Equal(2, overrides.Count);
            Assert.Equal((int)LimitKind.RateUgPerKgPerH, overrides[0].Arg0);
            Assert.Equal((int)LimitKind.DurationS, overrides[1].Arg0);
            Assert.Single(PumpRigLog.Controller(rig, PumpEvent.RateTitrated));
        }

        // Proves: TIT-002
        [Theory]
        [InlineData(1)]   // Back on the confirm screen
        [InlineData(2)]   // Back on the first digit
        [InlineData(3)]   // no key for 30 s
        [InlineData(4)]   // Back on a soft finding, then Back to the first digit
        public void Titrate_BackOrTimeout_LeavesTheRunningRateUntouched(int how)
        {
            PumpRig rig = Infusing();
            TitrationScreen t = rig.Controller.Panel.Titration;
            switch (how)
            {
                case 1:
                    EnterRate(rig, "0050");
                    rig.Press(PanelKey.Back);
                    break;
                case 2:
                    rig.Press(PanelKey.Down, PanelKey.Back, PanelKey.Back, PanelKey.Back);
                    break;
                case 3:
                    EnterRate(rig, "0050");
                    rig.Run(TitrationScreen.TimeoutUs / 1e6 + 0.1);
                    break;
                default:
                    EnterRate(rig, "0120");
                    rig.Press(PanelKey.Back);
                    Assert.Equal(TitrationStep.Edit, t.Step);
                    rig.Press(PanelKey.Back, PanelKey.Back, PanelKey.Back, PanelKey.Back);
                    break;
            }

            Assert.Equal(TitrationStep.Closed, t.Step);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.Equal(750, rig.Controller.Program!.RateUgPerKgPerH);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.RateTitrated));
            Assert.StartsWith("INFUSING", rig.Display.Row(0));
        }

        // Proves: TIT-002, STM-012
        [Fact]
        public void Titrate_PauseStopWhileEditing_PausesAtOnceAndDropsTheEdit()
        {
            PumpRig rig = Infusing();
            EnterRate(rig, "0050");
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            Assert.Equal(TitrationStep.Closed, rig.Controller.Panel.Titration.Step);
            Assert.Equal(750, rig.Controller.Program!.RateUgPerKgPerH);
        }

        // Proves: TIT-002
        [Fact]
        public void Titrate_MotorKeepsRunningAtTheOldRateWhileTheClinicianEdits()
        {
            PumpRig rig = Infusing();
            rig.Press(PanelKey.Down);
            long before = rig.Steps.Counted;
            rig.Run(10);
            long total = rig.Controller.Program!.TotalMicrosteps;
            long expected = total * 10 / 2400;
            Assert.InRange(rig.Steps.Counted - before, expected - 2, expected + 2);
            Assert.True(rig.Driver.IsEnabled);
        }

        // Proves: TIT-002, STM-013
        [Fact]
        public void ConfirmTitration_WhenPausedOrWithoutAConfirmedRate_IsRefusedWithItsReason()
        {
            PumpRig rig = Infusing();
            rig.Controller.Commands.Request(PumpTrigger.ConfirmTitration);
            rig.Step();
            Assert.Equal("RATE NOT CONFIRMED", rig.Controller.LastRejection);
            Assert.Equal(750, rig.Controller.Program!.RateUgPerKgPerH);

            rig.Press(PanelKey.PauseStop);
            ProgramResult plan = rig.Controller.Commands.CheckTitration(500)!;
            rig.Controller.Commands.ConfirmTitration(plan);
            rig.Step();
            Assert.Equal(PumpState.Paused, rig.State);
            Assert.Equal("NOT AVAILABLE NOW", rig.Controller.LastRejection);
            Assert.Equal(750, rig.Controller.Program!.RateUgPerKgPerH);
            Assert.False(rig.Controller.Session.Titration.Pending && rig.State != PumpState.Paused);
        }

        // Proves: TIT-005, PER-015, STM-004
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Reset_AfterTitration_RestoresTheTitratedRateStoppedAndNeverResumesByItself(bool watchdog)
        {
            PumpRig before = Infusing();
            EnterRate(before, "0050");
            before.Press(PanelKey.Ok);
            before.Run(30);
            long delivered = before.Controller.Ledger.CountedMicrosteps;

            PumpRig after = SessionResetTests.Reboot(before, watchdog);
            after.Run(2);
            Assert.Equal(PumpState.Paused, after.State);
            Assert.Equal(500, after.Controller.Program!.RateUgPerKgPerH);
            Assert.Equal(before.Controller.Program!.RateMicrosteps, after.Controller.Program!.RateMicrosteps);
            Assert.Equal(before.Controller.Program!.RatePeriodUs, after.Controller.Program!.RatePeriodUs);
            Assert.True(after.Controller.Ledger.CountedMicrosteps >= delivered);
            var restored = PumpRigLog.Controller(after, PumpEvent.TitratedRateRestored);
            Assert.Single(restored);
            Assert.Equal(500, restored[0].Arg0);
            after.Run(30);
            Assert.Equal(PumpState.Paused, after.State);
            Assert.False(after.Driver.IsEnabled);

            // Resumed by the clinician, it runs at the titrated rate; back to the programmed rate is a titration too.
            after.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, after.State);
            Assert.Equal(500, after.Controller.Program!.RateUgPerKgPerH);
            EnterRate(after, "0075");
            after.Press(PanelKey.Ok);
            Assert.Equal(750, after.Controller.Program!.RateUgPerKgPerH);
            Assert.Equal(0, after.Controller.Persistence.State.Current.TitratedRate);
        }

        // Proves: TIT-001, TIT-003, TIT-004
        [Fact]
        public void Titrate_PlainMlPerHourProgram_ChangesTheRateInMlPerHourWithTheVolumeKept()
        {
            var rig = new PumpRig();
            rig.ProgramPlainRate("00100", "0050");   // 10.0 mL/h, 5.0 mL
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            long total = rig.Controller.Program!.TotalMicrosteps;
            rig.Run(10);
            rig.Press(PanelKey.Down);
            Assert.Equal("00[1]0.0 mL/h", rig.Display.Row(1).TrimEnd());   // mL/h in 0.1 steps, the cursor on the tens
            rig.Press(PanelKey.Up, PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);   // tens 1 -> 2: 20.0 mL/h
            Assert.Equal("10.0>20.0 mL/h", rig.Display.Row(1).TrimEnd());
            rig.Press(PanelKey.Ok);
            InfusionProgram p = rig.Controller.Program!;
            Assert.Equal(20_000_000, p.RateNlPerH);
            Assert.Equal(total, p.TotalMicrosteps);
            var titrated = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.RateTitrated));
            Assert.Equal(10_000, titrated.Arg0);   // µL/h
            Assert.Equal(20_000, titrated.Arg1);
        }

        // Proves: TIT-003
        [Fact]
        public void Retarget_CounterUnreadable_LeavesTheMotorStoppedAndSaysSo()
        {
            PumpRig rig = Infusing();
            ProgramResult plan = rig.Controller.Commands.CheckTitration(500)!;
            rig.Steps.CounterBroken = true;
            // The new schedule starts from the exact count: without it the pump must not move (fail safe).
            Assert.False(rig.Controller.Motion.Retarget(plan.Program!, rig.Clock.NowUs));
            Assert.False(rig.Driver.IsEnabled);
            Assert.False(rig.Controller.Motion.Engine.IsRunning);
            Assert.Equal(0, rig.Steps.QueuedSegments);
        }

        // Proves: TIT-003, STM-002, TEC-007
        [Fact]
        public void Titrate_CounterReadFailsAtTheRateChange_FailsafeWithTheMotorStopped()
        {
            PumpRig rig = Infusing();
            EnterRate(rig, "0050");
            // The tick's sensor frame reads the counter (the guard sees a healthy device); the rate change's own read,
            // the count the new schedule would start from, fails.
            rig.Steps.ReadsBeforeAFailure = 1;

            rig.Press(PanelKey.Ok);

            Assert.Null(rig.Steps.ReadsBeforeAFailure);
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.False(rig.Controller.Alarms.IsShown(Pump.Core.Alarms.AlarmCode.CounterFault));   // the frame's read was fine
            Assert.False(rig.Driver.IsEnabled);
            rig.Run(2);
            Assert.Equal(PumpState.Failsafe, rig.State);
        }

        // Proves: TIT-005, PER-004
        [Fact]
        public void Titrate_Confirmed_SnapshotHoldsTheTitratedRateAndTheProgrammedValues()
        {
            PumpRig rig = Infusing();
            long programmedPeriod = rig.Controller.Program!.RatePeriodUs;
            EnterRate(rig, "0050");
            rig.Press(PanelKey.Ok);
            var stored = new PumpPersistence(rig.Store, rig.Clock, rig.Rtc);
            stored.Open();
            PumpSnapshot snap = stored.State.Current;
            Assert.Equal(500, snap.TitratedRate);
            Assert.Equal(2_400_000, snap.DurationMs);      // the programmed duration, to rebuild the program
            Assert.Equal(500, snap.DoseUgPerKg);
            Assert.Equal(rig.Controller.Program!.RateMicrosteps, snap.RateMicrosteps);
            Assert.Equal(InfusionProgram.MicrosecondsPerHour, snap.RatePeriodUs);
            Assert.NotEqual(programmedPeriod, snap.RatePeriodUs);
        }
    }
}
