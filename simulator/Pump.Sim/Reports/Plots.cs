using System;
using System.Collections.Generic;
using System.IO;
using Pump.Sim.Running;
using ScottPlot;

namespace Pump.Sim.Reports
{
    /// <summary>The report's figures, drawn with ScottPlot; time axes in minutes, alarms as vertical lines.</summary>
    public static class Plots
    {
        public const int Width = 900;
        public const int Height = 420;

        /// <summary>Writes every figure in <paramref name="format"/> ("png" or "svg"); returns the file names.</summary>
        public static List<(string File, string Caption)> WriteAll(SimulationRun run, string dir, string format)
        {
            var files = new List<(string, string)>();
            VolumeSample[] s = run.Samples.ToArray();
            VitalsSample[] v = run.Vitals.ToArray();
            double[] ts = Array.ConvertAll(s, x => x.TimeMs / 60_000.0);
            double[] tv = Array.ConvertAll(v, x => x.TimeMs / 60_000.0);

            var volume = new Plot();
            Line(volume, ts, Array.ConvertAll(s, x => x.ProgrammedMl), "programmed", Colors.Gray);
            Line(volume, ts, Array.ConvertAll(s, x => x.DeliveredMl), "delivered (virtual syringe)", Colors.Blue);
            Finish(volume, run, "Delivered vs programmed volume", "mL");
            files.Add((Save(volume, dir, "volume", format), "Delivered volume (virtual syringe, every 30 s) against the programme"));

            var rate = new Plot();
            Line(rate, ts, Array.ConvertAll(s, x => x.RateMlPerHour), "measured rate (30 s mean)", Colors.Blue);
            rate.Add.HorizontalLine(run.Programmed.RateMlPerHour, 1, Colors.Gray, LinePattern.Dashed);
            Finish(rate, run, "Rate", "mL/h");
            files.Add((Save(rate, dir, "rate", format), "Rate measured by the virtual balance; dashed: programmed rate"));

            var bp = new Plot();
            Line(bp, tv, Array.ConvertAll(v, x => (double)x.SbpMmHg), "SBP (monitor, last NIBP)", Colors.Red);
            Line(bp, tv, Array.ConvertAll(v, x => (double)x.DbpMmHg), "DBP (monitor, last NIBP)", Colors.DarkOrange);
            Line(bp, tv, Array.ConvertAll(v, x => x.TrueSbpMmHg), "SBP (patient, true)", Colors.Pink);
            Limit(bp, 180, "SBP pause 180");
            Limit(bp, 200, "SBP stop 200");
            Limit(bp, 110, "DBP pause 110");
            Finish(bp, run, "Blood pressure", "mmHg");
            files.Add((Save(bp, dir, "blood-pressure", format), "Blood pressure with the clinical.md §6b pause/stop limits"));

            var hr = new Plot();
            Line(hr, tv, Array.ConvertAll(v, x => (double)x.HrBpm), "HR", Colors.Purple);
            Limit(hr, 120, "HR pause 120");
            Limit(hr, 140, "HR stop 140");
            Limit(hr, 50, "HR low 50");
            Finish(hr, run, "Heart rate", "bpm");
            files.Add((Save(hr, dir, "heart-rate", format), "Heart rate with its limits"));

            var spo2 = new Plot();
            Line(spo2, tv, Array.ConvertAll(v, x => (double)x.Spo2Pct), "SpO2", Colors.Teal);
            Limit(spo2, 92, "SpO2 pause 92");
            Limit(spo2, 90, "SpO2 stop 90");
            Finish(spo2, run, "SpO2", "%");
            files.Add((Save(spo2, dir, "spo2", format), "SpO2 with its limits"));

            var cp = new Plot();
            Line(cp, tv, Array.ConvertAll(v, x => x.CpNgPerMl), "Cp", Colors.Black);
            Line(cp, tv, Array.ConvertAll(v, x => x.CeNgPerMl), "Ce (effect site)", Colors.Gray);
            Finish(cp, run, "Ketamine concentration (virtual patient)", "ng/mL");
            files.Add((Save(cp, dir, "concentration", format), "Plasma and effect-site ketamine concentration"));
            return files;
        }

        private static void Line(Plot p, double[] xs, double[] ys, string label, Color color)
        {
            if (xs.Length == 0)
            {
                return;
            }
            var sc = p.Add.ScatterLine(xs, ys, color);
            sc.LegendText = label;
            sc.LineWidth = 2;
        }

        private static void Limit(Plot p, double y, string label)
        {
            var l = p.Add.HorizontalLine(y, 1, Colors.Gray, LinePattern.Dotted);
            l.LegendText = label;
        }

        private static void Finish(Plot p, SimulationRun run, string title, string yLabel)
        {
            foreach (AlarmRecord a in run.Alarms)
            {
                Color c = a.Priority == "high" ? Colors.Red : a.Priority == "medium" ? Colors.Orange : Colors.Gold;
                var l = p.Add.VerticalLine(a.AtMs / 60_000.0, 1.5f, c, LinePattern.Dashed);
                l.Text = a.Code;
                l.LabelFontSize = 10;
            }
            p.Title(title);
            p.XLabel("time (min)");
            p.YLabel(yLabel);
            p.Axes.SetLimitsX(0, Math.Max(1, run.NowMs / 60_000.0));
            p.ShowLegend(Alignment.UpperLeft);
        }

        private static string Save(Plot p, string dir, string name, string format)
        {
            string file = name + "." + format;
            string path = Path.Combine(dir, file);
            if (format == "svg")
            {
                p.SaveSvg(path, Width, Height);
            }
            else
            {
                p.SavePng(path, Width, Height);
            }
            return file;
        }
    }
}
