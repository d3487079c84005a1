using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Pump.Core.Interlock;
using Pump.Sim.Running;
using ScottPlot;

namespace Pump.Sim.Reports
{
    /// <summary>The report's figures, drawn with ScottPlot; time axes in seconds (as the scenario file and the CSV files), alarms as numbered vertical lines, legends beside the data.</summary>
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
            double[] ts = Array.ConvertAll(s, x => x.TimeMs / 1000.0);
            double[] tv = Array.ConvertAll(v, x => x.TimeMs / 1000.0);

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
            Limits(bp, VitalParameter.SystolicMmHg, VitalParameter.DiastolicMmHg);
            Finish(bp, run, "Blood pressure", "mmHg");
            files.Add((Save(bp, dir, "blood-pressure", format), "Blood pressure with the interlock's absolute hold and stop limits (dotted)"));

            var hr = new Plot();
            Line(hr, tv, Array.ConvertAll(v, x => (double)x.HrBpm), "HR", Colors.Purple);
            Limits(hr, VitalParameter.HeartRateBpm);
            Finish(hr, run, "Heart rate", "bpm");
            files.Add((Save(hr, dir, "heart-rate", format), "Heart rate with the interlock's hold and stop limits (dotted)"));

            var spo2 = new Plot();
            Line(spo2, tv, Array.ConvertAll(v, x => (double)x.Spo2Pct), "SpO2", Colors.Teal);
            Limits(spo2, VitalParameter.Spo2Percent);
            Finish(spo2, run, "SpO2", "%");
            files.Add((Save(spo2, dir, "spo2", format), "SpO2 with the interlock's hold and stop limits (dotted)"));

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

        /// <summary>The absolute hold and stop limits of the pump's own interlock rule table for these parameters.</summary>
        private static void Limits(Plot p, params VitalParameter[] parameters)
        {
            foreach (VitalRule r in InterlockProfile.KetaminePsych40().Rules)
            {
                if (Array.IndexOf(parameters, r.Parameter) >= 0 && !r.RelativeToBaseline && r.Level >= InterlockLevel.Hold)
                {
                    var l = p.Add.HorizontalLine(r.Threshold, 1, r.Level == InterlockLevel.Stop ? Colors.DarkRed : Colors.Gray, LinePattern.Dotted);
                    l.LegendText = r.Code;
                }
            }
        }

        /// <summary>The alarms drawn on every figure, numbered as in the report's alarm table; advisories only when there are few.</summary>
        public static List<(int Number, AlarmRecord Alarm)> DrawnAlarms(SimulationRun run)
        {
            int advisories = run.Alarms.Count(a => a.Code == "VitalAdvisory");
            var list = new List<(int, AlarmRecord)>();
            for (int i = 0; i < run.Alarms.Count; i++)
            {
                if (run.Alarms[i].Code != "VitalAdvisory" || advisories <= MaxDrawnAdvisories)
                {
                    list.Add((i + 1, run.Alarms[i]));
                }
            }
            return list;
        }

        public const int MaxDrawnAdvisories = 8;

        private static void Finish(Plot p, SimulationRun run, string title, string yLabel)
        {
            // Numbered labels above the data area: they neither hide the time axis nor each other (the report's table names them).
            foreach ((int number, AlarmRecord a) in DrawnAlarms(run))
            {
                Color c = a.Priority == "high" ? Colors.Red : a.Priority == "medium" ? Colors.Orange : Colors.Gold;
                var l = p.Add.VerticalLine(a.AtMs / 1000.0, 1.5f, c, LinePattern.Dashed);
                l.Text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                l.LabelFontSize = 9;
                l.LabelOppositeAxis = true;
                l.ExcludeFromLegend = true;
            }
            p.Title(title);
            // Room above the data for the alarm numbers, so they never run into the title.
            p.Axes.Top.MinimumSize = 22;
            p.XLabel("time (s)");
            p.YLabel(yLabel);
            p.Axes.SetLimitsX(0, Math.Max(1, run.NowMs / 1000.0));
            p.ShowLegend(Edge.Right);
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
