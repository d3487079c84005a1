using System;
using System.IO;
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
        }
    }
}
