using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Pump.Simulator.Tests.Cli
{
    /// <summary>The pump-sim entry point, in process (console redirected).</summary>
    [Collection("Console")]
    public class CommandLineTests
    {
        private static (int Code, string Out, string Err) Run(params string[] args)
        {
            TextWriter oldOut = Console.Out, oldErr = Console.Error;
            var o = new StringWriter();
            var e = new StringWriter();
            Console.SetOut(o);
            Console.SetError(e);
            try
            {
                int code = Pump.Simulator.Program.Main(args);
                return (code, o.ToString(), e.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }

        // Proves: SIM-031
        [Fact]
        public void Run_Json_StdoutIsOnlyTheJsonSummary()
        {
            string file = Path.Combine(TestPaths.Scenarios, "programming-abandoned.json");
            var (code, stdout, _) = Run("run", "--scenario", file, "--json");
            Assert.Equal(0, code);
            using JsonDocument doc = JsonDocument.Parse(stdout);
            Assert.Equal(600_000, doc.RootElement.GetProperty("simulatedMs").GetInt64());
        }

        // Proves: SIM-035
        [Fact]
        public void Run_ExpectationNotMet_ExitCode1AndTheUnmetExpectationIsNamed()
        {
            string shipped = File.ReadAllText(Path.Combine(TestPaths.Scenarios, "programming-abandoned.json"));
            string file = Path.Combine(Path.GetTempPath(), "unmet-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, shipped.Replace("\"finalState\": \"PROGRAMMING\"", "\"finalState\": \"IDLE\""));
            try
            {
                var (code, stdout, _) = Run("run", "--scenario", file);
                Assert.Equal(1, code);
                Assert.Contains("expect.finalState", stdout);
                var (shippedCode, _, _) = Run("run", "--scenario", Path.Combine(TestPaths.Scenarios, "programming-abandoned.json"), "--json");
                Assert.Equal(0, shippedCode);
            }
            finally
            {
                File.Delete(file);
            }
        }

        // Proves: SIM-020
        [Fact]
        public void Run_BadScenario_ExitCode2AndTheFieldOnStderr()
        {
            string file = Path.Combine(Path.GetTempPath(), "bad-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, "{\"events\": [{\"atS\": 5, \"type\": \"occlusion\"}]}");
            try
            {
                var (code, stdout, stderr) = Run("run", "--scenario", file, "--json");
                Assert.Equal(2, code);
                Assert.Equal("", stdout);
                Assert.Contains("events[0].durationS: required", stderr);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void Batch_SeedRange_Parses_AndBadRangeIsRefused()
        {
            Assert.True(Pump.Simulator.Commands.BatchCommand.TryParseRange("1..20", out int a, out int b));
            Assert.Equal((1, 20), (a, b));
            Assert.False(Pump.Simulator.Commands.BatchCommand.TryParseRange("20..1", out _, out _));
            Assert.False(Pump.Simulator.Commands.BatchCommand.TryParseRange("1-20", out _, out _));
        }

        [Fact]
        public void Batch_Json_ReportsPercentilesOverThePopulation()
        {
            string file = Path.Combine(TestPaths.Scenarios, "programming-abandoned.json");
            var (code, stdout, _) = Run("batch", "--scenario", file, "--seeds", "1..6", "--json");
            Assert.Equal(0, code);
            using JsonDocument doc = JsonDocument.Parse(stdout);
            Assert.Equal(6, doc.RootElement.GetProperty("sessions").GetInt32());
            Assert.True(doc.RootElement.GetProperty("peakSystolicMmHg").GetProperty("p50").GetDouble() > 80);
            JsonElement patients = doc.RootElement.GetProperty("patients");
            Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, patients.EnumerateArray().Select(p => p.GetProperty("seed").GetInt32()).ToArray());
            Assert.All(patients.EnumerateArray(), p => Assert.Equal("not-started", p.GetProperty("outcome").GetString()));
            Assert.EndsWith("--seed 3 --population", patients[2].GetProperty("reproduce").GetString());
        }

        // Proves: SIM-033
        [Fact]
        public void Batch_PatientN_IsReproducedExactlyByRunWithSeedN()
        {
            string file = Path.Combine(TestPaths.Scenarios, "population-typical.json");
            var (code, stdout, _) = Run("batch", "--scenario", file, "--seeds", "2..3", "--json");
            Assert.Equal(0, code);
            using JsonDocument batch = JsonDocument.Parse(stdout);
            JsonElement patient = batch.RootElement.GetProperty("patients")[0];
            Assert.Equal(2, patient.GetProperty("seed").GetInt32());
            Assert.Equal("stopped", patient.GetProperty("outcome").GetString());
            JsonElement stop = Assert.Single(patient.GetProperty("stops").EnumerateArray());
            Assert.Equal("DBP_STOP_120: DBP ≥ 120 mmHg", stop.GetProperty("rule").GetString());
            Assert.Equal("122 mmHg", stop.GetProperty("value").GetString());

            var (runCode, runOut, _) = Run("run", "--scenario", file, "--seed", "2", "--json");

            // The scenario expects the typical patient's completed session; patient 2 was stopped, so run says so (SIM-035).
            Assert.Equal(1, runCode);
            using JsonDocument run = JsonDocument.Parse(runOut);
            JsonElement r = run.RootElement;
            Assert.Equal(patient.GetProperty("outcome").GetString(), r.GetProperty("outcome").GetString());
            Assert.Equal(patient.GetProperty("deliveredMl").GetDouble(), Math.Round(r.GetProperty("delivered").GetProperty("volumeMl").GetDouble(), 3));
            Assert.Equal(patient.GetProperty("peakMeasuredSbpMmHg").GetInt32(), r.GetProperty("patient").GetProperty("peakMeasuredSbpMmHg").GetInt32());
            Assert.Equal(patient.GetProperty("peakCpNgPerMl").GetDouble(), r.GetProperty("patient").GetProperty("peakCpNgPerMl").GetDouble());
            Assert.Equal(patient.GetProperty("patient").GetProperty("baselineSbpMmHg").GetDouble(), r.GetProperty("patient").GetProperty("baselineSbpMmHg").GetDouble());
        }

        // Proves: SIM-033
        [Fact]
        public void Batch_Csv_OneRowPerPatientWithTheDrawnParameters()
        {
            string file = Path.Combine(TestPaths.Scenarios, "programming-abandoned.json");
            var (code, stdout, _) = Run("batch", "--scenario", file, "--seeds", "1..3", "--csv");

            Assert.Equal(0, code);
            string[] lines = stdout.TrimEnd('\n').Split('\n');
            Assert.Equal(4, lines.Length);
            Assert.Equal(Pump.Sim.Batch.BatchCsv.Header, lines[0]);
            Assert.StartsWith("1,70,", lines[1]);
            Assert.Contains(",not-started,PROGRAMMING,", lines[3]);
        }

        [Fact]
        public void Batch_JsonAndCsvTogether_Refused()
        {
            string file = Path.Combine(TestPaths.Scenarios, "programming-abandoned.json");
            Assert.Equal(2, Run("batch", "--scenario", file, "--seeds", "1..2", "--json", "--csv").Code);
        }
    }
}
