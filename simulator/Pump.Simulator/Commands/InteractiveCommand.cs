using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Pump.Hal;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pump.Simulator.Commands
{
    /// <summary>
    /// `interactive`: the pump's panel in the terminal. The 20×4 display, lamps, live vitals and alarms are
    /// redrawn ~10 times a second while the simulation runs at the chosen speed; keys on the keyboard are the
    /// panel keys. The virtual clinician is switched off unless --clinician is given: you are the clinician, so
    /// you connect the primed line to the patient yourself (c) and the patient then receives what the pump
    /// delivers; number keys inject the scenario faults through the same path as a scenario file (practice).
    /// </summary>
    internal static class InteractiveCommand
    {
        public static Command Create()
        {
            var scenario = Common.ScenarioOption();
            var speed = new Option<double>("--speed") { Description = "Simulated time per wall time (1 = real time).", DefaultValueFactory = _ => 1 };
            var clinician = new Option<bool>("--clinician") { Description = "Let the virtual clinician operate the panel too." };
            var maxWall = new Option<double>("--max-wall-s") { Description = "Quit after this many wall seconds (0 = never).", DefaultValueFactory = _ => 0 };
            var cmd = new Command("interactive", "Operate the virtual pump's panel from the terminal.") { scenario, speed, clinician, maxWall };
            cmd.SetAction(r =>
            {
                Scenario? s = Common.Load(r.GetValue(scenario));
                if (s == null)
                {
                    return Common.ExitScenarioError;
                }
                if (!r.GetValue(clinician))
                {
                    s.Clinician.StartAfterS = s.EndAfterMin * 60 + 1;
                    s.Clinician.AcknowledgeAfterS = null;
                    s.Clinician.ResumeWhenSafe = false;
                }
                double sp = Math.Max(0.1, r.GetValue(speed));
                double maxWallS = r.GetValue(maxWall);
                var run = new SimulationRun(s);
                var wall = Stopwatch.StartNew();
                var sinceRebase = Stopwatch.StartNew();
                long simBaseMs = 0;
                bool quit = false;
                bool sbpRaised = false;
                string lastKey = "";
                AnsiConsole.Live(Render(run, sp, lastKey)).AutoClear(false).Start(ctx =>
                {
                    while (!quit && !run.Finished)
                    {
                        long targetMs = simBaseMs + (long)(sinceRebase.Elapsed.TotalMilliseconds * sp);
                        while (run.NowMs < targetMs && !run.Finished)
                        {
                            run.Step();
                        }
                        while (!Console.IsInputRedirected && Console.KeyAvailable)
                        {
                            ConsoleKeyInfo k = Console.ReadKey(intercept: true);
                            PanelKey? key = Map(k);
                            if (k.Key == ConsoleKey.Q)
                            {
                                quit = true;
                            }
                            else if (k.KeyChar == '+')
                            {
                                sp = Math.Min(100_000, sp * 2);
                                simBaseMs = run.NowMs;
                                sinceRebase.Restart();
                            }
                            else if (k.KeyChar == '-')
                            {
                                sp = Math.Max(0.1, sp / 2);
                                simBaseMs = run.NowMs;
                                sinceRebase.Restart();
                            }
                            else if (k.KeyChar == 'c')
                            {
                                if (run.LineOnPatient)
                                {
                                    run.DisconnectLineByHand();
                                }
                                else
                                {
                                    run.ConnectLineByHand();
                                }
                                lastKey = run.LineOnPatient ? "line connected" : "line disconnected";
                            }
                            else if (Practice(k.KeyChar, s, ref sbpRaised) is ScenarioEvent fault)
                            {
                                fault.Path = "keyboard " + k.KeyChar;
                                run.InjectNow(fault);
                                lastKey = fault.Type.ToString();
                            }
                            else if (key is PanelKey pk)
                            {
                                run.Pump.Keypad.Press(pk);
                                lastKey = pk.ToString();
                            }
                        }
                        if (maxWallS > 0 && wall.Elapsed.TotalSeconds >= maxWallS)
                        {
                            quit = true;
                        }
                        ctx.UpdateTarget(Render(run, sp, lastKey));
                        Thread.Sleep(100);
                    }
                });
                RunSummary summary = RunSummary.From(run, (long)wall.Elapsed.TotalMilliseconds);
                RunCommand.PrintReadable(summary, null);
                return Common.ExitOk;
            });
            return cmd;
        }

        /// <summary>
        /// The practice keys: 1 occlusion (60 s), 2 monitor link loss (30 s), 3 clamp opened (10 s), 4 systolic rise
        /// of 45 mmHg (again: released), 5 desaturation towards 88 % (90 s), 6 power loss (5 s off).
        /// </summary>
        internal static ScenarioEvent? Practice(char key, Scenario s, ref bool sbpRaised)
        {
            switch (key)
            {
                case '1': return new ScenarioEvent { Type = ScenarioEventType.Occlusion, DurationS = 60 };
                case '2': return new ScenarioEvent { Type = ScenarioEventType.LinkLoss, DurationS = 30 };
                case '3': return new ScenarioEvent { Type = ScenarioEventType.ClampOpen, DurationS = 10 };
                case '4':
                    sbpRaised = !sbpRaised;
                    return sbpRaised
                        ? new ScenarioEvent { Type = ScenarioEventType.Vitals, Sbp = s.Patient.Baseline.Sbp + 45, Dbp = s.Patient.Baseline.Dbp + 15 }
                        : new ScenarioEvent { Type = ScenarioEventType.Release };
                case '5': return new ScenarioEvent { Type = ScenarioEventType.Desaturation, Spo2 = 88, DurationS = 90 };
                case '6': return new ScenarioEvent { Type = ScenarioEventType.PowerLoss, OffS = 5 };
                default: return null;
            }
        }

        private static PanelKey? Map(ConsoleKeyInfo k)
        {
            switch (k.Key)
            {
                case ConsoleKey.UpArrow: return PanelKey.Up;
                case ConsoleKey.DownArrow: return PanelKey.Down;
                case ConsoleKey.Enter: return PanelKey.Ok;
                case ConsoleKey.Backspace:
                case ConsoleKey.Escape: return PanelKey.Back;
                case ConsoleKey.S: return PanelKey.Start;
                case ConsoleKey.P: return PanelKey.PauseStop;
                case ConsoleKey.M: return PanelKey.Silence;
                default: return null;
            }
        }

        private static IRenderable Render(SimulationRun run, double speed, string lastKey)
        {
            var inv = CultureInfo.InvariantCulture;
            var d = run.Pump.Display;
            var lcd = new Table().Border(TableBorder.Heavy).HideHeaders().AddColumn("");
            for (int row = 0; row < d.Rows; row++)
            {
                lcd.AddRow(new Text(d.RowText(row), new Style(Color.Black, Color.Green)));
            }
            var a = run.Pump.Annunciator;
            string lamp = a.Light switch
            {
                AlarmLight.HighFlashing => "[white on red] HIGH [/]",
                AlarmLight.MediumFlashing => "[black on yellow] MEDIUM [/]",
                AlarmLight.LowSteady => "[black on cyan] LOW [/]",
                _ => "[grey]no alarm[/]",
            };
            string running = a.Running ? "[green]INFUSING[/]" : "[grey]not infusing[/]";
            var pump = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
            pump.AddRow("Lamps", lamp + "  " + running + (a.AudioPaused ? "  [yellow]audio paused[/]" : "") + "  sound: " + a.Sound);
            pump.AddRow("Delivered", run.DeliveredMl.ToString("0.000", inv) + " of " + run.Programmed.VolumeMl.ToString("0.0", inv) + " mL");
            pump.AddRow("Line", run.LineOnPatient ? "[green]connected to the patient[/]" : "[yellow]not connected (c connects it after priming)[/]");
            pump.AddRow("Line pressure", run.Pump.Line.PressureKPa.ToString("0.0", inv) + " kPa");
            pump.AddRow("State", Markup.Escape(run.Observation.State ?? "unknown"));
            pump.AddRow("Time", TimeSpan.FromMilliseconds(run.NowMs).ToString(@"hh\:mm\:ss", inv) + "  at " + speed.ToString("0.#", inv) + "×");

            var m = run.Monitor.Last;
            var vit = new Table().Border(TableBorder.Rounded).Title("Monitor").AddColumn("HR").AddColumn("SpO2").AddColumn("RR").AddColumn("NIBP").AddColumn("Cp");
            vit.AddRow(m.HrBpm.ToString(inv), m.ProbeOff ? "[red]probe off[/]" : m.Spo2Pct + " %", m.RrPerMin.ToString(inv),
                run.Monitor.LastSbpMmHg + "/" + run.Monitor.LastDbpMmHg, run.Patient.CpNgPerMl.ToString("0", inv) + " ng/mL");

            var log = string.Join("\n", run.Events.Skip(Math.Max(0, run.Events.Count - 8))
                .Select(e => Markup.Escape((e.AtMs / 1000.0).ToString("0.0", inv).PadLeft(8) + " s " + e.Kind + ": " + e.Detail)));
            var help = "[grey]↑ ↓ Enter=Ok Esc/Backspace=Back s=Start p=Pause/Stop m=Silence  c=connect/disconnect line"
                + "  1 occlusion 2 link loss 3 clamp open 4 SBP rise 5 desaturation 6 power loss  +/- speed  q quit[/]"
                + (lastKey.Length > 0 ? "   last key: " + lastKey : "");
            return new Rows(
                new Columns(new Panel(lcd).Header("Pump display"), pump),
                vit,
                new Panel(new Markup(log.Length == 0 ? "[grey]no events yet[/]" : log)).Header("Events").Expand(),
                new Markup(help));
        }
    }
}
