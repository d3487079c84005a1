using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Pump.Sim.Running;
using Pump.Sim.Scenarios.Expectations;

namespace Pump.Sim.Reports
{
    /// <summary>
    /// report.html, the record of one run: what was run (programme, library, firmware, scenario, seed), the verdict
    /// on each expectation, the outcome, every alarm with its message and cause, the trips, the figures and the event
    /// log. Every time is in seconds from the start of the run; self-contained but for the images.
    /// </summary>
    public static class HtmlReport
    {
        public static void Write(SimulationRun run, RunSummary summary, IReadOnlyList<(string File, string Caption)> figures, string path,
            IReadOnlyList<Verdict>? verdicts = null, IReadOnlyList<AlarmCause>? causes = null)
        {
            var inv = CultureInfo.InvariantCulture;
            var h = new StringBuilder();
            h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pump simulation: ")
             .Append(E(summary.Scenario)).Append("</title><style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}"
             + "table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;vertical-align:top}"
             + ".ok{color:#060}.bad{color:#a00}pre{background:#f6f6f6;padding:1em;overflow:auto;max-height:30em}</style></head><body>");
            h.Append("<h1>").Append(E(summary.Scenario)).Append("</h1>");
            h.Append("<p>Times are seconds from the start of the run (t = 0 at power-up), as in the scenario file and the CSV files. Simulated ")
             .Append(Sec(summary.SimulatedMs)).Append(" s in ").Append(summary.WallMs).Append(" ms of wall time.</p>");

            h.Append("<h2>What was run</h2><table>");
            foreach ((string k, string v) in RunIdentity.Rows(run, summary))
            {
                Row(h, k, v);
            }
            h.Append("</table>");

            if (verdicts != null && verdicts.Count > 0)
            {
                int met = verdicts.Count(v => v.Passed);
                h.Append("<h2>Expectations: <span class=\"").Append(met == verdicts.Count ? "ok" : "bad").Append("\">").Append(met).Append(" of ")
                 .Append(verdicts.Count).Append(" met</span></h2><table><tr><th>expectation</th><th>verdict</th><th>expected</th><th>actual</th></tr>");
                foreach (Verdict v in verdicts)
                {
                    h.Append("<tr><td>").Append(E(v.Field)).Append("</td><td class=\"").Append(v.Passed ? "ok\">met" : "bad\">NOT MET").Append("</td><td>")
                     .Append(E(v.Expected)).Append("</td><td>").Append(E(v.Actual)).Append("</td></tr>");
                }
                h.Append("</table>");
            }

            string cls = summary.Outcome == "completed" ? "ok" : "bad";
            h.Append("<h2>Outcome: <span class=\"").Append(cls).Append("\">").Append(E(summary.Outcome)).Append("</span></h2>");
            h.Append("<table>");
            Row(h, "Final state (" + summary.OutcomeSource + ")", summary.FinalState);
            if (summary.Rejection != null)
            {
                Row(h, "Rejected because", string.Join("; ", summary.Rejection));
            }
            Row(h, "Delivered (virtual syringe)", summary.Delivered.VolumeMl.ToString("0.####", inv) + " mL = " + summary.Delivered.DoseMg.ToString("0.###", inv)
                + " mg (error " + summary.Delivered.VolumeErrorPct.ToString("0.###", inv) + " %)");
            Row(h, "Pump's ledger", summary.Delivered.LedgerVolumeMl is double l ? l.ToString("0.####", inv) + " mL" : "not kept (no programme was accepted)");
            Row(h, "Peak line pressure", summary.Delivered.PeakLinePressureKPa.ToString("0.##", inv) + " kPa");
            Row(h, "Peak measured SBP", summary.Patient.PeakMeasuredSbpMmHg + " mmHg (baseline " + summary.Patient.BaselineSbpMmHg.ToString("0", inv) + ")");
            Row(h, "Peak plasma ketamine", summary.Patient.PeakCpNgPerMl.ToString("0", inv) + " ng/mL");
            Row(h, "Controller boots", summary.ControllerBoots.ToString(inv));
            h.Append("</table>");

            if (summary.Alarms.Count > 0)
            {
                h.Append("<h2>Alarms</h2><p>Numbered as on the figures (advisories are drawn only when there are few).</p><table><tr><th>#</th><th>t (s)</th>"
                    + "<th>code</th><th>priority</th><th>message</th><th>rule</th><th>value</th><th>limit</th></tr>");
                for (int i = 0; i < summary.Alarms.Count; i++)
                {
                    var a = summary.Alarms[i];
                    AlarmCause? c = causes?.FirstOrDefault(x => x.AtMs == a.AtMs && x.Code == a.Code);
                    h.Append("<tr><td>").Append(i + 1).Append("</td><td>").Append(Sec(a.AtMs)).Append("</td><td>").Append(E(a.Code)).Append("</td><td>")
                     .Append(E(a.Priority)).Append("</td><td>").Append(E(c?.Message ?? "")).Append("</td><td>").Append(E(c?.Rule ?? "")).Append("</td><td>")
                     .Append(E(c?.Value ?? "")).Append("</td><td>").Append(E(c?.Limit ?? "")).Append("</td></tr>");
                }
                h.Append("</table>");
            }
            if (summary.InterlockTrips.Count + summary.TriggersWithoutStop.Count > 0)
            {
                h.Append("<h2>Interlock trips</h2><p>Stop latency: from the trigger's arrival at the pump to the last forward STEP pulse.</p>"
                    + "<table><tr><th>t (s)</th><th>cause</th><th>stop latency (ms)</th><th>steps after</th></tr>");
                foreach (var t in summary.InterlockTrips)
                {
                    h.Append("<tr><td>").Append(Sec(t.AtMs)).Append("</td><td>").Append(E(t.Cause)).Append("</td><td>")
                     .Append(t.StopLatencyMs?.ToString("0.###", inv)).Append("</td><td>").Append(t.StepsAfterTrip).Append("</td></tr>");
                }
                foreach (var t in summary.TriggersWithoutStop)
                {
                    h.Append("<tr><td>").Append(Sec(t.AtMs)).Append("</td><td>").Append(E(t.Cause))
                     .Append("</td><td>kept delivering</td><td>").Append(t.StepsAfterTrip).Append("</td></tr>");
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
            h.Append("<h2>Event log</h2><pre>     t (s)  kind       detail\n");
            foreach (SimEvent e in run.Events)
            {
                h.Append((e.AtMs / 1000.0).ToString("0.00", inv).PadLeft(10)).Append("  ").Append(E(e.Kind).PadRight(10)).Append(' ').Append(E(e.Detail)).Append('\n');
            }
            h.Append("</pre></body></html>");
            File.WriteAllText(path, h.ToString());
        }

        private static string Sec(long ms) => (ms / 1000.0).ToString("0.##", CultureInfo.InvariantCulture);

        private static void Row(StringBuilder h, string k, string v)
        {
            h.Append("<tr><th>").Append(E(k)).Append("</th><td>").Append(E(v)).Append("</td></tr>");
        }

        private static string E(string s) => WebUtility.HtmlEncode(s);
    }
}
