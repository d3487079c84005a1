using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Pump.Core.Control;
using Pump.Core.Tests.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Panel
{
    /// <summary>hardware-docs/panel.md shows the screens the panel model really draws: each rendered here must be in it.</summary>
    public sealed class PanelGuideTests
    {
        // Proves: PNL-400, PNL-401, PNL-403, PNL-405, PNL-406, PNL-407
        [Fact]
        public void PanelGuide_ScreensOfTheKetamineWalk_AreDrawnInTheGuideExactly()
        {
            var shown = new List<string[]>();
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);
            shown.Add(Screen(rig));                                     // drug and concentration
            rig.Press(PanelKey.Ok);
            shown.Add(Screen(rig));                                     // patient: NO ID offered
            rig.Press(PanelKey.Up, PanelKey.Ok, PanelKey.Down);
            shown.Add(Screen(rig));                                     // an id being entered: A, then 9
            rig.Press(PanelKey.Back, PanelKey.Back);                    // back to NO ID
            rig.Press(PanelKey.Ok, PanelKey.Down, PanelKey.Down, PanelKey.Down);
            shown.Add(Screen(rig));                                     // weight editor on the tens
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);
            shown.Add(Screen(rig));                                     // dose, duration and syringe as pre-filled
            rig.ChangeDefaults();
            shown.Add(Screen(rig));                                     // dose shown
            rig.EnterDigits("0120");
            shown.Add(Screen(rig));                                     // 1.20 mg/kg refused
            rig.Press(PanelKey.Back);
            rig.EnterDigits("0080");
            shown.Add(Screen(rig));                                     // 0.80 mg/kg flagged
            rig.Press(PanelKey.Ok);
            shown.Add(Screen(rig));                                     // duration shown
            rig.Press(PanelKey.Ok);
            shown.Add(Screen(rig));                                     // syringe shown

            var review = new PumpRig();
            review.Run(0.2);
            review.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Up, PanelKey.Up, PanelKey.Ok, PanelKey.Up, PanelKey.Ok, PanelKey.Ok); // id "AA"
            review.EnterDigits("0700");
            review.Press(PanelKey.Ok);                                  // the defaults accepted
            shown.Add(Screen(review));                                  // review page 1
            review.Press(PanelKey.Ok);
            shown.Add(Screen(review));                                  // review page 2

            var run = PumpControllerTests.StartedKetamine();
            run.Run(600);
            var pages = Capture(run, 20);                               // the three infusing pages, from 10 min on
            shown.Add(pages.First(p => p[1].StartsWith("KETAMINE", StringComparison.Ordinal)));
            shown.Add(pages.First(p => p[2].StartsWith("LEFT", StringComparison.Ordinal)));

            Assert.True(pages.Any(p => p[1].StartsWith("NO ID", StringComparison.Ordinal)), string.Join("\n\n", pages.Select(p => string.Join("\n", p))));
            shown.Add(pages.First(p => p[1].StartsWith("NO ID", StringComparison.Ordinal)));

            // Paused and Vitals Hold, every page of their turning second line (PNL-407).
            run.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, run.State);
            shown.AddRange(Capture(run, 32));
            run.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, run.State);
            run.Vitals = null;                                          // the monitor goes silent: the lease lapses
            run.RunUntil(() => run.State == PumpState.InterlockHold, 60);
            run.Run(3);
            shown.AddRange(Capture(run, 32));

            AssertInGuide(shown);
        }

        // Proves: TIT-001, TIT-002, PNL-400
        [Fact]
        public void PanelGuide_TitrationScreens_AreDrawnInTheGuideExactly()
        {
            var run = PumpControllerTests.StartedKetamine();
            run.Run(600);
            var shown = new List<string[]>();
            run.Press(PanelKey.Down);
            shown.Add(Screen(run));                                     // the editor on the running rate
            run.Press(PanelKey.Down, PanelKey.Down);
            shown.Add(Screen(run));                                     // the tenths lowered to 5
            TitrationTests.EnterRate(run, "0050");
            shown.Add(Screen(run));                                     // old > new, time left
            run.Press(PanelKey.Back);
            TitrationTests.EnterRate(run, "0020");
            shown.Add(Screen(run));                                     // beyond the 120 min hard maximum
            run.Press(PanelKey.Back);
            TitrationTests.EnterRate(run, "0120");
            shown.Add(Screen(run));                                     // soft maximum flagged
            run.Press(PanelKey.Ok);
            shown.Add(Screen(run));                                     // its second confirmation
            AssertInGuide(shown);
        }

        private static void AssertInGuide(List<string[]> shown)
        {
            string guide = File.ReadAllText(Path.Combine(RepoRoot(), "hardware-docs", "panel.md"));
            var boxes = Boxes(guide);
            var missing = shown.Where(screen => !boxes.Contains(string.Join("\n", screen)))
                .Select(screen => "|" + string.Join("|\n|", screen) + "|").ToList();
            Assert.True(missing.Count == 0, "panel.md lacks these screens:\n" + string.Join("\n\n", missing));
        }

        /// <summary>The distinct screens shown over the next <paramref name="seconds"/> seconds (rows padded to 20).</summary>
        internal static List<string[]> Capture(PumpRig rig, int seconds)
        {
            var seen = new List<string[]>();
            for (int i = 0; i < seconds * 10; i++)
            {
                rig.Step();
                string[] s = Screen(rig);
                if (!seen.Any(x => x.SequenceEqual(s)))
                {
                    seen.Add(s);
                }
            }

            return seen;
        }

        private static string[] Screen(PumpRig rig)
        {
            return Enumerable.Range(0, 4).Select(r => rig.Display.Row(r).PadRight(20)).ToArray();
        }

        /// <summary>Every 20x4 box drawn in the guide's code blocks (boxes side by side are separated by spaces).</summary>
        internal static HashSet<string> Boxes(string guide)
        {
            var found = new HashSet<string>();
            string[] lines = guide.Replace("\r", "").Split('\n');
            for (int i = 0; i + 3 < lines.Length; i++)
            {
                var cols = Regex.Matches(lines[i], @"\|(.{20})\|").Select(m => m.Index).ToList();
                foreach (int col in cols)
                {
                    var rows = new string[4];
                    bool ok = true;
                    for (int r = 0; r < 4 && ok; r++)
                    {
                        string l = lines[i + r];
                        ok = l.Length >= col + 22 && l[col] == '|' && l[col + 21] == '|';
                        rows[r] = ok ? l.Substring(col + 1, 20) : "";
                    }

                    if (ok)
                    {
                        found.Add(string.Join("\n", rows));
                    }
                }
            }

            return found;
        }

        private static string RepoRoot()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "Pump.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("Pump.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
