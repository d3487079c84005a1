using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using Pump.Sim.Running;

namespace Pump.Sim.Reports
{
    /// <summary>report.html: the summary, the figures and the event log of one run, self-contained but for the images.</summary>
    public static class HtmlReport
    {
        public static void Write(SimulationRun run, RunSummary summary, IReadOnlyList<(string File, string Caption)> figures, string path)
        {
            var inv = CultureInfo.InvariantCulture;
            var h = new StringBuilder();
            h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pump simulation: ")
             .Append(E(summary.Scenario)).Append("</title><style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}"
             + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}"
             + ".ok{color:#060}.bad{color:#a00}pre{background:#f6f6f6;padding:1em;overflow:auto;max-height:30em}</style></head><body>");
            h.Append("<h1>").Append(E(summary.Scenario)).Append("</h1>");
            h.Append("<p>Seed ").Append(summary.Seed).Append(", scenario source ").Append(E(run.Scenario.Source))
             .Append(". Simulated ").Append((summary.SimulatedMs / 60000.0).ToString("0.##", inv)).Append(" min in ")
             .Append(summary.WallMs).Append(" ms of wall time.</p>");
            string cls = summary.Outcome == "completed" ? "ok" : "bad";
            h.Append("<h2>Outcome: <span class=\"").Append(cls).Append("\">").Append(E(summary.Outcome)).Append("</span></h2>");
            h.Append("<table>");
            Row(h, "Final state (" + summary.OutcomeSource + ")", summary.FinalState);
            Row(h, "Programmed", summary.Programmed.VolumeMl.ToString("0.###", inv) + " mL = " + summary.Programmed.DoseMg.ToString("0.###", inv)
                + " mg at " + summary.Programmed.RateMlPerHour.ToString("0.###", inv) + " mL/h over " + summary.Programmed.DurationMin.ToString(inv) + " min");
            Row(h, "Delivered (virtual syringe)", summary.Delivered.VolumeMl.ToString("0.####", inv) + " mL = " + summary.Delivered.DoseMg.ToString("0.###", inv)
                + " mg (error " + summary.Delivered.VolumeErrorPct.ToString("0.###", inv) + " %)");
            Row(h, "Pump's ledger", summary.Delivered.LedgerVolumeMl is double l ? l.ToString("0.####", inv) + " mL" : "not exposed by the controller");
            Row(h, "Peak measured SBP", summary.Patient.PeakMeasuredSbpMmHg + " mmHg (baseline " + summary.Patient.BaselineSbpMmHg.ToString("0", inv) + ")");
            Row(h, "Peak plasma ketamine", summary.Patient.PeakCpNgPerMl.ToString("0", inv) + " ng/mL");
            Row(h, "Alarms", summary.Alarms.Count.ToString(inv));
            Row(h, "Interlock trips", summary.InterlockTrips.Count.ToString(inv));
            Row(h, "Triggers the pump delivered through", summary.TriggersWithoutStop.Count.ToString(inv));
            h.Append("</table>");
            if (summary.InterlockTrips.Count + summary.TriggersWithoutStop.Count > 0)
            {
                h.Append("<h2>Interlock trips</h2><table><tr><th>at (s)</th><th>cause</th><th>stop latency (ms)</th><th>steps after</th></tr>");
                foreach (var t in summary.InterlockTrips)
                {
                    h.Append("<tr><td>").Append((t.AtMs / 1000.0).ToString("0.##", inv)).Append("</td><td>").Append(E(t.Cause)).Append("</td><td>")
                     .Append(t.StopLatencyMs?.ToString("0.###", inv)).Append("</td><td>").Append(t.StepsAfterTrip).Append("</td></tr>");
                }
                foreach (var t in summary.TriggersWithoutStop)
                {
                    h.Append("<tr><td>").Append((t.AtMs / 1000.0).ToString("0.##", inv)).Append("</td><td>").Append(E(t.Cause))
                     .Append("</td><td>kept delivering</td><td>").Append(t.StepsAfterTrip).Append("</td></tr>");
                }
                h.Append("</table>");
            }
            if (summary.Alarms.Count > 0)
            {
                h.Append("<h2>Alarms</h2><table><tr><th>at (s)</th><th>code</th><th>priority</th></tr>");
                foreach (var a in summary.Alarms)
                {
                    h.Append("<tr><td>").Append((a.AtMs / 1000.0).ToString("0.##", inv)).Append("</td><td>").Append(E(a.Code))
                     .Append("</td><td>").Append(E(a.Priority)).Append("</td></tr>");
                }
                h.Append("</table>");
            }
            h.Append("<h2>Figures</h2>");
            foreach ((string file, string caption) in figures)
            {
                h.Append("<figure><img src=\"").Append(E(file)).Append("\" alt=\"").Append(E(caption)).Append("\" width=\"900\"><figcaption>")
                 .Append(E(caption)).Append("</figcaption></figure>");
            }
            h.Append("<h2>Data</h2><ul><li><a href=\"samples.csv\">samples.csv</a> (delivered volume every 30 s)</li>"
                + "<li><a href=\"vitals.csv\">vitals.csv</a> (every monitor reading)</li><li><a href=\"events.jsonl\">events.jsonl</a></li>"
                + "<li><a href=\"summary.json\">summary.json</a></li></ul>");
            h.Append("<h2>Event log</h2><pre>");
            foreach (SimEvent e in run.Events)
            {
                h.Append((e.AtMs / 1000.0).ToString("0.00", inv).PadLeft(9)).Append(" s  ").Append(E(e.Kind).PadRight(10)).Append(' ').Append(E(e.Detail)).Append('\n');
            }
            h.Append("</pre></body></html>");
            File.WriteAllText(path, h.ToString());
        }

        private static void Row(StringBuilder h, string k, string v)
        {
            h.Append("<tr><th>").Append(E(k)).Append("</th><td>").Append(E(v)).Append("</td></tr>");
        }

        private static string E(string s) => WebUtility.HtmlEncode(s);
    }
}
