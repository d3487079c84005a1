using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace Pump.Simulator.Tests.Cli
{
    /// <summary>`pump-sim test`: exit codes, one line per scenario, JUnit XML and the JSON result file.</summary>
    [Collection("Console")]
    public sealed class TestCommandTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "pump-sim-test-" + Guid.NewGuid().ToString("N"));

        public TestCommandTests() => Directory.CreateDirectory(_dir);

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private static (int Code, string Out, string Err) Run(params string[] args)
        {
            TextWriter oldOut = Console.Out, oldErr = Console.Error;
            var o = new StringWriter();
            var e = new StringWriter();
            Console.SetOut(o);
            Console.SetError(e);
            try
            {
                return (Pump.Simulator.Program.Main(args), o.ToString(), e.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }

        private string Shipped(string name, string? replace = null, string? with = null)
        {
            string text = File.ReadAllText(Path.Combine(TestPaths.Scenarios, name));
            if (replace != null)
            {
                Assert.Contains(replace, text);
                text = text.Replace(replace, with, StringComparison.Ordinal);
            }
            string path = Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }

        // Proves: SIM-032
        [Fact]
        public void Test_FolderOfPassingScenarios_Exit0_OneLineEach_JUnitAndJson()
        {
            Shipped("concentration-rejected.json");
            Shipped("soft-limit-not-confirmed.json");
            string junit = Path.Combine(_dir, "out.xml"), json = Path.Combine(_dir, "out.results");

            var (code, stdout, _) = Run("test", _dir, "--junit", junit, "--json", json);

            Assert.Equal(0, code);
            string[] lines = stdout.Split('\n');
            Assert.StartsWith("PASS  " + Path.Combine(_dir, "concentration-rejected.json"), lines[0]);
            Assert.StartsWith("PASS  " + Path.Combine(_dir, "soft-limit-not-confirmed.json"), lines[1]);
            Assert.Contains("2 scenarios: 2 passed, 0 failed, 0 errors", stdout);
            XDocument x = XDocument.Load(junit);
            Assert.Equal(2, x.Descendants("testcase").Count());
            Assert.Empty(x.Descendants("failure"));
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
            Assert.Equal(2, doc.RootElement.GetProperty("passed").GetInt32());
            Assert.Equal("rejected", doc.RootElement.GetProperty("results")[0].GetProperty("summary").GetProperty("outcome").GetString());
        }

        // Proves: SIM-032
        [Fact]
        public void Test_ShippedScenarioWithOneWrongExpectation_Exit1_AndTheFailureGivesExpectedAndActual()
        {
            string file = Shipped("sbp-stop-200.json", "\"value\": 17.2533", "\"value\": 20");
            string junit = Path.Combine(_dir, "out.xml");

            var (code, stdout, _) = Run("test", file, "--junit", junit);

            Assert.Equal(1, code);
            Assert.Contains("FAIL  " + file, stdout);
            Assert.Contains("expect.deliveredMl: expected 19.99 to 20.01 mL, actual 17.2533 mL", stdout);
            XElement failure = XDocument.Load(junit).Descendants("failure").Single();
            Assert.Equal("expect.deliveredMl: expected 19.99 to 20.01 mL, actual 17.2533 mL", failure.Attribute("message")!.Value);
        }

        // Proves: SIM-032
        [Fact]
        public void Test_ScenarioErrorOrNoExpectations_Exit2_WithEveryProblem()
        {
            File.WriteAllText(Path.Combine(_dir, "bad.json"), "{\"patient\": {\"weightKg\": 70.05}, \"expect\": {\"outcome\": \"finished\"}}");
            File.WriteAllText(Path.Combine(_dir, "bare.json"), "{\"endAfterMin\": 1}");
            Shipped("concentration-rejected.json");

            var (code, stdout, _) = Run("test", _dir);

            Assert.Equal(2, code);
            Assert.Contains("ERROR " + Path.Combine(_dir, "bad.json"), stdout);
            Assert.Contains("patient.weightKg: 70.05 kg cannot be entered", stdout);
            Assert.Contains("expect.outcome: 'finished' is not one of", stdout);
            Assert.Contains("declares no expectations", stdout);
            Assert.Contains("3 scenarios: 1 passed, 0 failed, 2 errors", stdout);
        }

        [Fact]
        public void Test_MissingPath_Exit2()
        {
            var (code, _, stderr) = Run("test", Path.Combine(_dir, "nope"));

            Assert.Equal(2, code);
            Assert.Contains("no such file or folder", stderr);
        }
    }
}
