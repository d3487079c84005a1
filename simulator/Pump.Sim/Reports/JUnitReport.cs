using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Pump.Sim.Scenarios.Testing;

namespace Pump.Sim.Reports
{
    /// <summary>
    /// JUnit XML of a suite run, as CI servers read it: one testcase per scenario; a failed one carries each unmet
    /// expectation with what was expected and what happened, an error one the reason it could not run.
    /// </summary>
    public static class JUnitReport
    {
        /// <summary>Writes the report as UTF-8 without a byte-order mark.</summary>
        public static void Save(SuiteResult suite, string path)
        {
            var settings = new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true };
            using var w = System.Xml.XmlWriter.Create(path, settings);
            Build(suite).Save(w);
        }

        public static XDocument Build(SuiteResult suite, string suiteName = "pump-sim scenarios")
        {
            var inv = CultureInfo.InvariantCulture;
            var ts = new XElement("testsuite",
                new XAttribute("name", suiteName),
                new XAttribute("tests", suite.Results.Count),
                new XAttribute("failures", suite.Failed),
                new XAttribute("errors", suite.Errors),
                new XAttribute("skipped", 0),
                new XAttribute("time", (suite.WallMs / 1000).ToString("0.000", inv)));
            foreach (ScenarioResult r in suite.Results)
            {
                var tc = new XElement("testcase",
                    new XAttribute("classname", "scenarios"),
                    new XAttribute("name", System.IO.Path.GetFileName(r.File) + ": " + r.Name),
                    new XAttribute("file", r.File),
                    new XAttribute("time", (r.WallMs / 1000).ToString("0.000", inv)));
                if (r.Status == ScenarioStatus.Failed)
                {
                    var failures = r.Failures;
                    tc.Add(new XElement("failure",
                        new XAttribute("message", failures[0] + (failures.Length > 1 ? " (and " + (failures.Length - 1) + " more)" : "")),
                        new XAttribute("type", "expectation"),
                        string.Join("\n", failures.Select(f => f.ToString()))));
                }
                else if (r.Status == ScenarioStatus.Error)
                {
                    string first = (r.Error ?? "").Split('\n')[0].TrimEnd('\r');
                    tc.Add(new XElement("error", new XAttribute("message", first), new XAttribute("type", "scenario"), r.Error ?? ""));
                }
                tc.Add(new XElement("system-out", "seed " + r.Seed + (r.Summary != null ? ", outcome " + r.Summary.Outcome + ", final state " + r.Summary.FinalState : "")
                    + "\n" + string.Join("\n", r.Verdicts.Select(v => (v.Passed ? "pass " : "FAIL ") + v))));
                ts.Add(tc);
            }
            return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", ts));
        }
    }
}
