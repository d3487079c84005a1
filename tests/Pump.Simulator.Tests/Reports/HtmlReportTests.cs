using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using Pump.Core.Library;
using Pump.Sim.Reports;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Pump.Sim.Scenarios.Expectations;
using Xunit;

namespace Pump.Simulator.Tests.Reports
{
    /// <summary>report.html is a record of the run: what ran, the verdicts, each alarm with its cause, one time unit, nothing outside the repository.</summary>
    public sealed class HtmlReportTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "pump-sim-report-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_dir))
            {
                Directory.Delete(_dir, true);
            }
        }

        private string Report(string file)
        {
            Scenario s = ScenarioLoader.LoadFile(Path.Combine(TestPaths.Scenarios, file));
            var run = new SimulationRun(s);
            AlarmCauseRecorder causes = AlarmCauseRecorder.Attach(run);
            run.Run();
            RunSummary summary = RunSummary.From(run, 1);
            RunFacts facts = RunFacts.From(run, summary);
            string html = ReportWriter.Write(run, summary, _dir, "png", s.Expectations.SelectMany(e => e.Evaluate(facts)).ToList(), causes.Causes);
            return WebUtility.HtmlDecode(File.ReadAllText(html));
        }

        // Proves: SIM-034
        [Fact]
        public void Report_SbpStop_NamesWhatRanTheVerdictsAndTheAlarmsCause()
        {
            string html = Report("sbp-stop-200.json");

            Assert.Contains("<th>Drug</th><td>ketamine, 1 mg/mL</td>", html);
            Assert.Contains("<th>Patient weight</th><td>70 kg</td>", html);
            Assert.Contains("<th>Dose</th><td>0.5 mg/kg = 35 mg = 35 mL</td>", html);
            Assert.Contains("2400 s (40 min on the panel) at 52.5 mL/h", html);
            Assert.Contains("(BD60, 60 mL, filled 60 mL)", html);
            Assert.Contains("revision " + ShippedLibrary.Revision + ", CRC-32 0x", html);
            Assert.Matches("commit [0-9a-f]{7,40}|commit unknown", html);
            Assert.Contains("<th>Seed</th><td>1 (typical patient)</td>", html);
            Assert.Contains("Expectations: <span class=\"ok\">13 of 13 met</span>", html);
            // The stop alarm with its message and cause: the rule, the value that crossed it and the limit.
            Assert.Contains("<td>VitalStop</td><td>high</td><td>VITALS: STOPPED</td><td>SBP_STOP_200: SBP ≥ 200 mmHg</td><td>205 mmHg</td><td>200 mmHg</td>", html);
        }

        // Proves: SIM-034
        [Fact]
        public void Report_OneTimeUnit_AndNoDocumentOutsideTheRepository()
        {
            string html = Report("occlusion.json");

            Assert.DoesNotContain("(min)", html);
            Assert.Contains("<th>t (s)</th>", html);
            Assert.DoesNotMatch(new Regex(@"[\w-]+\.md\b"), html);
            Assert.DoesNotContain("§", html);
            Assert.Contains("<td>Occlusion</td><td>high</td><td>OCCLUSION</td><td>plunger force above the selected pressure level", html);
            Assert.Matches(@"<td>line pressure \d+ mmHg \(the pump's estimate from plunger force\); after occlusion at 900 s</td><td>500 mmHg \(medium level\), or a rise of 150 mmHg</td>", html);
        }
    }
}
