using System.Linq;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Panel;
using Pump.Core.Tests.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Panel
{
    /// <summary>
    /// The panel draws only when something shown changed (NFR-008): in the same tick for each at-once cause, and once
    /// per <see cref="RedrawSchedule.RefreshUs"/> for the running figures. Each test watches the display itself.
    /// </summary>
    public sealed class RedrawScheduleTests
    {
        private static RedrawSchedule Redraw(PumpRig rig) => rig.Controller.Panel.Redraw;

        /// <summary>What a drawing now would show (the buffer is drawn again on the next redraw anyway).</summary>
        private static string Fresh(PumpRig rig)
        {
            rig.Controller.Panel.Render(rig.Clock.NowUs);
            ScreenBuffer s = rig.Controller.Screen;
            return string.Join("\n", s.RowText(0), s.RowText(1), s.RowText(2), s.RowText(3));
        }

        private static string Digitless(string text) => new(text.Select(c => char.IsDigit(c) ? '#' : c).ToArray());

        private static long Period(PumpRig rig) => rig.Clock.NowUs / RedrawSchedule.RefreshUs;

        /// <summary>Ketamine started, paused, and left until the callback reminder (TEC-008) is raised: no key, no new state.</summary>
        private static PumpRig PausedUntilTheCallback()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Press(PanelKey.PauseStop);
            Assert.True(rig.RunUntil(() => rig.Controller.Alarms.IsShown(AlarmCode.CallbackPaused), 125));
            return rig;
        }

        // Proves: NFR-008
        [Fact]
        public void Refresh_IdleAndNothingChanges_DrawsOncePerSecond()
        {
            var rig = new PumpRig();
            rig.Run(3);
            int before = Redraw(rig).Redraws;
            int writes = rig.Display.Writes;
            rig.Run(10);
            Assert.Equal(10, Redraw(rig).Redraws - before);
            Assert.Equal(RedrawCause.Cadence, Redraw(rig).LastCause);
            Assert.Equal(writes, rig.Display.Writes);   // nothing changed, so no row was sent either
        }

        // Proves: NFR-008, PNL-007
        [Fact]
        public void Refresh_Infusing_RunningFiguresAdvanceOncePerSecondAndAreExactAtEachSecond()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(2);
            int before = Redraw(rig).Redraws;
            long givenAtStart = rig.Controller.Status.DeliveredDoseUg;
            for (int tick = 0; tick < 20 * 20; tick++)
            {
                long period = Period(rig);
                rig.Step();
                if (Period(rig) != period)
                {
                    Assert.Equal(RedrawCause.Cadence, Redraw(rig).LastCause);
                    Assert.Equal(Fresh(rig), rig.Display.Text);
                }
            }

            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.Equal(20, Redraw(rig).Redraws - before);
            Assert.True(rig.Controller.Status.DeliveredDoseUg > givenAtStart + 200, "20 s at 35 mg over 40 min give 0.29 mg");
        }

        // Proves: NFR-008, PNL-403
        [Fact]
        public void Refresh_WholeSession_ShownScreenDiffersFromAFreshDrawingOnlyInFiguresOfTheCurrentSecond()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start);
            int ticks = 0;
            void Watch(double seconds)
            {
                for (long i = 0; i < (long)(seconds * 20); i++)
                {
                    long period = Period(rig);
                    rig.Step();
                    ticks++;
                    string fresh = Fresh(rig);
                    if (Period(rig) != period)
                    {
                        Assert.Equal(fresh, rig.Display.Text);
                    }
                    else
                    {
                        Assert.True(Digitless(fresh) == Digitless(rig.Display.Text), $"at {rig.Clock.NowUs} us ({rig.State}):\n{rig.Display.Text}\n---\n{fresh}");
                    }
                }
            }

            Watch(20);
            rig.Keypad.Press(PanelKey.Up);               // the rate-change screens open, then time out
            Watch(35);
            rig.Vitals = PumpRig.Typical(sbp: 190);      // a relative rise: hold
            rig.NewNibpReading();
            Watch(10);
            Assert.Equal(PumpState.InterlockHold, rig.State);
            rig.Vitals = PumpRig.Typical();
            rig.NewNibpReading();
            Watch(5);
            rig.Keypad.Press(PanelKey.Ok);
            Watch(2);
            rig.Keypad.Press(PanelKey.Start);
            Watch(10);
            rig.Keypad.Press(PanelKey.PauseStop);
            Watch(5);
            rig.Keypad.Press(PanelKey.PauseStop);
            Watch(3);
            rig.Keypad.Press(PanelKey.Ok);
            Watch(3);
            Assert.Equal(PumpState.Stopped, rig.State);
            Assert.True(ticks > 1800);
        }

        // Proves: NFR-008, PNL-002
        [Fact]
        public void Refresh_KeyPressed_DrawsInThatTick()
        {
            var rig = new PumpRig();
            rig.Run(2.5);
            rig.Press(PanelKey.Down);
            Assert.Equal(RedrawCause.Key, Redraw(rig).LastCause);
            Assert.StartsWith("ALARM HISTORY", rig.Display.Row(0));
        }

        // Proves: NFR-008, PNL-007
        [Fact]
        public void Refresh_StateEnteredWithoutAKey_DrawsInThatTick()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(2.5);
            rig.Vitals = PumpRig.Typical(sbp: 205);
            rig.NewNibpReading();
            Assert.True(rig.RunUntil(() => rig.State != PumpState.Infusing, 5));
            Assert.Equal(RedrawCause.State, Redraw(rig).LastCause);
            Assert.StartsWith(PumpStates.Name(rig.State), rig.Display.Row(0));
            Assert.Equal(Fresh(rig), rig.Display.Text);
        }

        // Proves: NFR-008, TEC-008
        [Fact]
        public void Refresh_AlarmRaisedWithoutAStateChange_DrawsInThatTick()
        {
            var rig = PausedUntilTheCallback();
            Assert.Equal(PumpState.Paused, rig.State);
            Assert.Equal(RedrawCause.Alarm, Redraw(rig).LastCause);
            Assert.Contains(AlarmTable.For(AlarmCode.CallbackPaused).Message, rig.Display.Text);
        }

        // Proves: NFR-008, ALM-006
        [Fact]
        public void Refresh_AlarmClearedByItsCause_DrawsInThatTick()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(2.5);
            rig.Vitals = PumpRig.Typical(spo2: 93);
            Assert.True(rig.RunUntil(() => rig.Controller.Alarms.IsShown(AlarmCode.VitalAdvisory), 40));
            Assert.Equal(PumpState.Infusing, rig.State);
            string shown = rig.Display.Row(3);
            rig.Vitals = PumpRig.Typical();
            Assert.True(rig.RunUntil(() => !rig.Controller.Alarms.IsShown(AlarmCode.VitalAdvisory), 40));
            Assert.Contains(Redraw(rig).LastCause, new[] { RedrawCause.Alarm, RedrawCause.Vitals });
            Assert.NotEqual(shown, rig.Display.Row(3));
            Assert.Equal(Fresh(rig), rig.Display.Text);
        }

        // Proves: NFR-008, ALM-003
        [Fact]
        public void Refresh_AlarmSilenced_DrawsInThatTick()
        {
            var rig = PausedUntilTheCallback();
            rig.Run(0.3);
            int before = Redraw(rig).Redraws;
            int revision = rig.Controller.Alarms.Revision;
            rig.Press(PanelKey.Silence);
            Assert.True(rig.Controller.Alarms.AudioPaused);
            Assert.NotEqual(revision, rig.Controller.Alarms.Revision);
            Assert.Equal(before + 1, Redraw(rig).Redraws);
        }

        // Proves: NFR-008, PNL-004
        [Fact]
        public void Refresh_RefusalShownForItsTime_LeavesTheBottomLineInTheTickItEnds()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(prime: false);
            rig.Press(PanelKey.Start);
            Assert.StartsWith("! ", rig.Display.Row(3));
            bool ended = false;
            for (int i = 0; i < 120; i++)
            {
                rig.Step();
                bool recent = rig.Controller.RecentRejection(rig.Clock.NowUs, PanelModel.RejectionShownUs, out _);
                Assert.Equal(recent, rig.Display.Row(3).StartsWith("! ", System.StringComparison.Ordinal));
                if (!recent && !ended)
                {
                    ended = true;
                    Assert.Equal(RedrawCause.Refusal, Redraw(rig).LastCause);
                }
            }

            Assert.True(ended);
        }

        // Proves: NFR-008, TIT-002
        [Fact]
        public void Refresh_RateChangeScreenTimesOut_ClosesOnTheDisplayInThatTick()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(1.3);
            rig.Press(PanelKey.Up);
            Assert.StartsWith("NEW DOSE RATE", rig.Display.Row(0));
            Assert.True(rig.RunUntil(() => rig.Controller.Panel.Titration.Step == TitrationStep.Closed, 31));
            Assert.Equal(RedrawCause.ScreenClosed, Redraw(rig).LastCause);
            Assert.StartsWith("INFUSING", rig.Display.Row(0));
        }

        // Proves: NFR-008, LIB-012
        [Fact]
        public void Refresh_LibraryInstalled_ShowsItsRevisionInTheNextTick()
        {
            var rig = new PumpRig();
            rig.Run(2.3);
            DrugLibrary shipped = ShippedLibrary.Build();
            var entries = Enumerable.Range(0, shipped.Count).Select(shipped.GetAt).ToArray();
            byte[] bytes = LibraryCodec.Encode(new DrugLibrary(9, entries))!;
            Assert.True(rig.Controller.InstallLibrary(bytes, 0, bytes.Length).IsAccepted);
            rig.Step();
            Assert.Equal(RedrawCause.Library, Redraw(rig).LastCause);
            Assert.Contains("LIBRARY REV 9", rig.Display.Row(2));
        }

        // Proves: NFR-008, TEC-007
        [Fact]
        public void Refresh_DisplayBackAfterAFault_RewritesEveryRowInThatTick()
        {
            var rig = new PumpRig();
            rig.Run(2.3);
            rig.Display.Dead = true;
            rig.Press(PanelKey.Down);                     // the history opens while nobody can see it
            rig.Run(1.5);
            Assert.StartsWith("IDLE", rig.Display.Row(0));
            int writes = rig.Display.Writes;
            rig.Run(1);
            Assert.True(rig.Display.Writes > writes, "rows are sent again while the display is away, so a port can recover on a write");
            rig.Display.Dead = false;
            rig.Step();
            Assert.Equal(RedrawCause.DisplayBack, Redraw(rig).LastCause);
            Assert.Equal(Fresh(rig), rig.Display.Text);
            Assert.StartsWith("ALARM HISTORY", rig.Display.Row(0));
        }

        // Proves: NFR-008, PNL-007
        [Fact]
        public void Refresh_VitalsAppear_DrawsInThatTick()
        {
            var rig = new PumpRig { Vitals = null };
            rig.ProgramKetamine();
            rig.Run(2.2);
            Assert.False(rig.Controller.Status.VitalsShown);
            rig.Vitals = PumpRig.Typical();
            int before;
            do
            {
                before = Redraw(rig).Redraws;
                rig.Step();
            }
            while (!rig.Controller.Status.VitalsShown && rig.Clock.NowUs < 10_000_000);
            Assert.True(rig.Controller.Status.VitalsShown);
            Assert.Equal(before + 1, Redraw(rig).Redraws);
            Assert.Contains(Redraw(rig).LastCause, new[] { RedrawCause.Vitals, RedrawCause.Alarm });
            Assert.Equal(Fresh(rig), rig.Display.Text);
        }
    }
}
