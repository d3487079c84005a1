using Pump.Core.Control;
using Pump.Core.Panel;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Panel
{
    [Collection(AllocationCollection.Name)]
    public sealed class PanelTests
    {
        // Proves: PNL-400
        [Fact]
        public void NumberEditor_ShownDefault_OneOkAccepts()
        {
            var e = new NumberEditor();
            e.Begin(50, 4, 2, 0);
            Assert.False(e.Editing);
            Assert.Equal(EditResult.Committed, e.Press(PanelKey.Ok));
            Assert.Equal(50, e.Value);
        }

        // Proves: PNL-002
        [Fact]
        public void NumberEditor_EmptyField_OpensAtFirstDigitAndCommitsOnOkOfLastDigit()
        {
            var e = new NumberEditor();
            e.Begin(0, 4, 1, 1);
            Assert.True(e.Editing);
            Assert.Equal(1, e.Cursor);
            for (int i = 0; i < 3; i++)
            {
                e.Press(PanelKey.Down);
            }

            Assert.Equal(EditResult.Editing, e.Press(PanelKey.Ok));
            Assert.Equal(EditResult.Editing, e.Press(PanelKey.Ok));
            Assert.Equal(700, e.Value);
            Assert.Equal(EditResult.Committed, e.Press(PanelKey.Ok));
        }

        // Proves: PNL-002
        [Fact]
        public void NumberEditor_ChangeThenBackOnFirstDigit_RestoresShownValue()
        {
            var e = new NumberEditor();
            e.Begin(50, 4, 2, 0);
            Assert.Equal(EditResult.Editing, e.Press(PanelKey.Down));
            Assert.True(e.Editing);
            Assert.NotEqual(50, e.Value);
            Assert.Equal(EditResult.Editing, e.Press(PanelKey.Back));
            Assert.False(e.Editing);
            Assert.Equal(50, e.Value);
            Assert.Equal(EditResult.Cancelled, e.Press(PanelKey.Back));
        }

        // Proves: PNL-002
        [Fact]
        public void NumberEditor_ShownValue_StrayKeysDoNotCommitOrChange()
        {
            var e = new NumberEditor();
            e.Begin(40, 3, 0, 0);
            Assert.Equal(EditResult.Editing, e.Press(PanelKey.Start));
            Assert.Equal(EditResult.Editing, e.Press(PanelKey.PauseStop));
            Assert.Equal(40, e.Value);
            e.Press(PanelKey.Up);
            Assert.Equal(140, e.Value);
            Assert.True(e.Editing);
        }

        // Proves: PNL-400, PNL-405, PNL-406
        [Fact]
        public void DefaultKetamine_IdleToInfusing_Takes15PressesWithNoIdAndTwoReviewPages()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);                                      // Idle: new program
            Assert.Equal("KETAMINE PSYCH 40min", rig.Display.Row(1).TrimEnd());
            Assert.StartsWith("1 mg/mL", rig.Display.Row(2));
            rig.Press(PanelKey.Ok);                                      // ketamine 1 mg/mL
            Assert.Equal("PATIENT ID", rig.Display.Row(0).TrimEnd());
            Assert.Equal("NO ID", rig.Display.Row(1).TrimEnd());
            rig.Press(PanelKey.Ok);                                      // no id, chosen explicitly
            Assert.Equal("0[0]0.0 kg", rig.Display.Row(1).TrimEnd());    // no weight default: the editor opens on the tens
            rig.Press(PanelKey.Down, PanelKey.Down, PanelKey.Down);      // 0[7]0.0
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);            // ones, tenths, commit 70.0 kg
            Assert.Equal("DOSE 0.50 mg/kg", rig.Display.Row(0).TrimEnd());
            Assert.Equal("OVER 40 min", rig.Display.Row(1).TrimEnd());
            Assert.Equal("SYR BD PLASTIPAK 60", rig.Display.Row(2).TrimEnd());
            Assert.Equal("OK:ALL 3 UP/DN:EDIT", rig.Display.Row(3).TrimEnd());
            rig.Press(PanelKey.Ok);                                      // library dose and duration, BD 60 mL
            Assert.Equal("KETAMINE PSYCH 40min", rig.Display.Row(0).TrimEnd());
            Assert.Equal("70.0kg 0.50mg/kg", rig.Display.Row(2).TrimEnd());
            Assert.Equal("PAGE 1/2 OK:NEXT", rig.Display.Row(3).TrimEnd());
            rig.Press(PanelKey.Ok);                                      // review page 1
            Assert.StartsWith("RATE 52.5 mL/h", rig.Display.Row(0));
            Assert.Equal("PAGE 2/2 OK:ACCEPT", rig.Display.Row(3).TrimEnd());
            rig.Press(PanelKey.Ok);                                      // review accepted
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("OK:PRIME  BACK:EDIT", rig.Display.Row(2).TrimEnd());
            rig.Press(PanelKey.Ok);                                      // prime
            rig.Run(1);
            Assert.Equal("PRIMING", rig.Display.Row(0).TrimEnd());
            rig.Press(PanelKey.Ok);                                      // primed
            Assert.Equal("START:INFUSE OK:PRM", rig.Display.Row(2).TrimEnd());
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.Equal(500, rig.Controller.Program!.DoseUgPerKg);
            Assert.Equal(40 * 60, rig.Controller.Program!.DurationS);
            // One OK for the pre-filled dose, duration and syringe (was three); the trade-off is in panel.md.
            Assert.Equal(15, rig.Keypad.Pressed);
        }

        // Proves: PNL-003, PNL-401
        [Fact]
        public void Review_DoseAboveSoftMax_FlaggedAtEntryThenTwoPressesPerFindingAndLogged()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok); // new program, drug, no patient id
            rig.EnterDigits("0700");
            rig.ChangeDefaults();
            rig.EnterDigits("0080"); // 0.80 mg/kg > soft max 0.75
            Assert.Equal(PanelStep.EntryFinding, rig.Controller.Panel.Step);
            Assert.Equal("SOFT LIMIT: CHECK", rig.Display.Row(0).TrimEnd());
            Assert.Equal("> SOFT MAX 0.75mg/kg", rig.Display.Row(2).TrimEnd());
            rig.Press(PanelKey.Ok);  // keep it
            Assert.Equal(PanelStep.Duration, rig.Controller.Panel.Step);
            rig.EnterField("040");
            rig.Press(PanelKey.Ok, PanelKey.Ok);  // syringe -> review, page 2
            Assert.Contains("OK:SOFT LIMITS", rig.Display.Row(3));
            rig.Press(PanelKey.Ok);  // -> soft limit screen
            Assert.Equal(PanelStep.SoftLimit, rig.Controller.Panel.Step);
            Assert.Equal(PumpState.Programming, rig.State);
            rig.Press(PanelKey.Ok);  // override?
            Assert.Contains("CONFIRM OVERRIDE?", rig.Display.Row(0));
            Assert.Equal(PumpState.Programming, rig.State);
            int guard = 0;
            while (rig.State == PumpState.Programming && guard++ < 10)
            {
                rig.Press(PanelKey.Ok);
            }

            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal(800, rig.Controller.Program!.DoseUgPerKg);
            Assert.True(CountLogged(rig, PumpEvent.SoftLimitOverride) >= 1);
        }

        // Proves: PNL-003, PNL-401
        [Fact]
        public void Entry_DoseAboveHardMax_RefusedOnDoseScreenAndBackReopensDose()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok); // new program, drug, no patient id
            rig.EnterDigits("0700");
            rig.ChangeDefaults();
            rig.EnterDigits("0120"); // 1.20 mg/kg > hard max 1.00
            Assert.Equal("HARD LIMIT: REFUSED", rig.Display.Row(0).TrimEnd());
            Assert.Equal("DOSE 1.20mg/kg", rig.Display.Row(1).TrimEnd());
            Assert.Equal("> HARD MAX 1.00mg/kg", rig.Display.Row(2).TrimEnd());
            for (int i = 0; i < 5; i++)
            {
                rig.Press(PanelKey.Ok);
                rig.Press(PanelKey.Start);
            }

            Assert.Equal(PanelStep.EntryFinding, rig.Controller.Panel.Step);
            Assert.Null(rig.Controller.Program);
            rig.Press(PanelKey.Back);
            Assert.Equal(PanelStep.Dose, rig.Controller.Panel.Step);
            Assert.True(rig.Controller.Panel.Editor.Editing);
            Assert.Equal(120, rig.Controller.Panel.Editor.Value);
        }

        // Proves: PNL-003, HIS-004
        [Fact]
        public void SecondSession_30HoursLater_SpacingNeedsConfirmationThenStarts()
        {
            var rig = Pump.Core.Tests.Control.PumpControllerTests.StartedKetamine();
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Completed, 41 * 60));
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Idle, rig.State);
            rig.Rtc.UtcSeconds += 30 * 3600;
            rig.StartPositionUm = rig.Sensors.PositionUm - 40_000; // a fresh syringe
            rig.ProgramKetamine(prime: false);
            Assert.Equal(PumpState.Programming, rig.State);
            Assert.Equal(PanelStep.SoftLimit, rig.Controller.Panel.Step);
            Assert.Contains("SESSION SPACING", rig.Display.Row(1));
            rig.Press(PanelKey.Ok, PanelKey.Ok);
            Assert.Equal(PumpState.Ready, rig.State);
        }

        // Proves: PNL-003, HIS-003
        [Fact]
        public void SecondSession_10HoursLater_RefusedAtReview()
        {
            var rig = Pump.Core.Tests.Control.PumpControllerTests.StartedKetamine();
            Assert.True(rig.RunUntil(() => rig.State == PumpState.Completed, 41 * 60));
            rig.Press(PanelKey.Ok);
            rig.Rtc.UtcSeconds += 10 * 3600;
            rig.ProgramKetamine(prime: false);
            Assert.Equal(PumpState.Programming, rig.State);
            Assert.Contains("REJECTED: SESSIONS", rig.Display.Row(0));
            rig.Press(PanelKey.Ok, PanelKey.Ok);
            Assert.Equal(PumpState.Programming, rig.State);
        }

        // Proves: PRG-011
        [Fact]
        public void Review_10mLSyringeAt1200mLPerHour_RejectedBeyondPumpMax()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);    rig.ChooseDrug("NO DRUG");
            rig.EnterDigits("12000");               // 1200.0 mL/h
            rig.EnterDigits("0050");                // 5.0 mL
            // BD 60 is the default syringe; step down the list to the BD 10 mL.
            while (!rig.Display.Row(1).StartsWith("BD PLASTIPAK 10", System.StringComparison.Ordinal))
            {
                rig.Press(PanelKey.Up);
            }

            rig.Press(PanelKey.Ok);
            Assert.Contains("REJECTED: PUMP MAX", rig.Display.Row(0));
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Programming, rig.State);
        }

        // Proves: ALM-007
        [Fact]
        public void Idle_DownKey_ShowsAlarmHistoryNewestFirst()
        {
            var rig = Pump.Core.Tests.Control.PumpControllerTests.StartedKetamine();
            rig.Sensors.ClampClosed = false;
            rig.Step();
            rig.Sensors.ClampClosed = true;
            rig.Step();
            rig.Press(PanelKey.Ok);                       // acknowledge, clear alarm -> Paused
            rig.Press(PanelKey.PauseStop, PanelKey.Ok);    // end session -> Stopped
            rig.Press(PanelKey.Ok);                        // -> Idle
            Assert.Equal(PumpState.Idle, rig.State);
            rig.Run(65);
            rig.Press(PanelKey.Down);
            Assert.StartsWith("ALARM HISTORY 1/", rig.Display.Row(0));
            int guard = 0;
            while (!rig.Display.Row(1).StartsWith("SYRINGE NOT SECURED", System.StringComparison.Ordinal) && guard++ < 20)
            {
                rig.Press(PanelKey.Down);
            }

            Assert.StartsWith("SYRINGE NOT SECURED", rig.Display.Row(1));
            Assert.Matches("(RAISED|CLEARED) 1:0[0-9] AGO", rig.Display.Row(2));
            rig.Press(PanelKey.Back);
            Assert.StartsWith("IDLE", rig.Display.Row(0));
        }

        // Proves: PNL-005
        [Fact]
        public void Paused_EndSession_NeedsStopThenOkAndBackCancels()
        {
            var rig = Pump.Core.Tests.Control.PumpControllerTests.StartedKetamine();
            rig.Run(2);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);
            rig.Press(PanelKey.PauseStop);
            Assert.Contains("END SESSION?", rig.Display.Row(0));
            rig.Press(PanelKey.Back);
            Assert.Equal(PumpState.Paused, rig.State);
            rig.Press(PanelKey.PauseStop, PanelKey.Ok);
            Assert.Equal(PumpState.Stopped, rig.State);
        }

        // Proves: PNL-006
        [Fact]
        public void ScreenBuffer_OnlyChangedRowsFlushedAndTextClipped()
        {
            var screen = new ScreenBuffer();
            var display = new FakeDisplay();
            screen.Put(0, 15, "TOO LONG FOR THE ROW");
            screen.Flush(display);
            Assert.Equal(4, display.Writes);
            Assert.Equal("               TOO L", display.Row(0));
            screen.Put(1, 0, "X");
            screen.Flush(display);
            Assert.Equal(5, display.Writes);
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            screen.PutFixed(2, 0, 52_500, 3, 1);
            screen.Flush(display);
            Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.StartsWith("52.5", display.Row(2));
        }

        // Proves: PNL-007, PNL-403
        [Fact]
        public void Infusing_Screen_ShowsRateVolumeDoseTimeLeftAndVitals()
        {
            var rig = Pump.Core.Tests.Control.PumpControllerTests.StartedKetamine();
            rig.Run(600);
            var pages = PanelGuideTests.Capture(rig, 7);
            Assert.All(pages, p => Assert.StartsWith("INFUSING 52.5mL/h", p[0]));
            Assert.All(pages, p => Assert.StartsWith("128/80 HR72 S97", p[3]));
            Assert.Contains(pages, p => p[1].TrimEnd() == "KETAMINE 1mg/mL" && System.Text.RegularExpressions.Regex.IsMatch(p[2], @"^0\.75mg/kg/h \d+\.\dmg"));
            Assert.Contains(pages, p => System.Text.RegularExpressions.Regex.IsMatch(p[1], @"^\d+\.\d/35\.0mL \d+\.\dmg") && p[2].StartsWith("LEFT 2", System.StringComparison.Ordinal));
        }

        private static int CountLogged(PumpRig rig, int code)
        {
            var log = rig.Controller.Persistence.Log;
            var page = new Pump.Core.Persistence.EventLogEntry[64];
            for (int i = 0; i < page.Length; i++)
            {
                page[i] = new Pump.Core.Persistence.EventLogEntry();
            }

            int n = log.ReadNewestFirst(log.NewestSequence, page, 0, page.Length, out _);
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                if (page[i].Code == code)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
