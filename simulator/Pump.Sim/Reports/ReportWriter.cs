using System.Collections.Generic;
using System.IO;
using Pump.Sim.Running;
using Pump.Sim.Scenarios.Expectations;

namespace Pump.Sim.Reports
{
    /// <summary>Writes the whole --out directory of one run.</summary>
    public static class ReportWriter
    {
        /// <summary>Writes every file and returns the path of report.html.</summary>
        public static string Write(SimulationRun run, RunSummary summary, string dir, string plotFormat = "png",
            IReadOnlyList<Verdict>? verdicts = null, IReadOnlyList<AlarmCause>? causes = null)
        {
            Directory.CreateDirectory(dir);
            summary.ReportDirectory = Path.GetFullPath(dir);
            CsvReports.WriteSamples(run, Path.Combine(dir, "samples.csv"));
            CsvReports.WriteVitals(run, Path.Combine(dir, "vitals.csv"));
            CsvReports.WriteEvents(run, Path.Combine(dir, "events.jsonl"));
            var figures = Plots.WriteAll(run, dir, plotFormat);
            File.WriteAllText(Path.Combine(dir, "summary.json"), summary.ToJson());
            string html = Path.Combine(dir, "report.html");
            HtmlReport.Write(run, summary, figures, html, verdicts, causes);
            return Path.GetFullPath(html);
        }
    }
}
