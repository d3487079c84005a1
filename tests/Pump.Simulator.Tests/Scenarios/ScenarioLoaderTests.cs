using System.IO;
using System.Linq;
using Pump.Hal;
using Pump.Sim.Scenarios;
using Xunit;

namespace Pump.Simulator.Tests.Scenarios
{
    public class ScenarioLoaderTests
    {
        private static ScenarioException Fails(string json) => Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json));

        // Proves: SIM-020
        [Theory]
        [InlineData("{\"nmae\": \"x\"}", "nmae", "unknown field")]
        [InlineData("{\"patient\": {\"weightKG\": 70}}", "patient.weightKG", "did you mean 'weightKg'")]
        [InlineData("{\"patient\": {\"baseline\": {\"sbp\": \"high\"}}}", "patient.baseline.sbp", "expected a number")]
        [InlineData("{\"program\": {\"doseMgPerKg\": -1}}", "program.doseMgPerKg", "out of range")]
        [InlineData("{\"syringe\": \"BD65\"}", "syringe", "unknown syringe")]
        [InlineData("{\"patient\": {\"id\": \"jd-4711\"}}", "patient.id", "cannot be entered on the pump's panel")]
        [InlineData("{\"patient\": {\"id\": \"ABCDEFGHI\"}}", "patient.id", "1 to 8 characters")]
        [InlineData("{\"events\": [{\"atS\": 10, \"type\": \"linkLoss\"}]}", "events[0].durationS", "required")]
        [InlineData("{\"events\": [{\"atS\": 10, \"type\": \"explode\"}]}", "events[0].type", "is not one of")]
        // Found by the scenario fuzzer: null for a required number.
        [InlineData("{\"events\": [{\"atS\": 10, \"type\": \"motorStall\", \"durationS\": null}]}", "events[0].durationS", "required (got null)")]
        [InlineData("{\"events\": [{\"atS\": null, \"type\": \"release\"}]}", "events[0].atS", "required (got null)")]
        [InlineData("{\"events\": [{\"atS\": 10, \"type\": \"vitals\", \"hr\": null}]}", "events[0]", "at least one of")]
        [InlineData("{\"events\": [{\"atS\": 10, \"type\": \"bytes\", \"hex\": \"A5 5G\"}]}", "events[0].hex", "not a hex digit")]
        [InlineData("{\"events\": [{\"atS\": 10, \"type\": \"key\", \"key\": \"Launch\"}]}", "events[0].key", "is not one of")]
        [InlineData("{\"events\": [{\"atS\": 10, \"type\": \"vitals\"}]}", "events[0]", "at least one of")]
        [InlineData("{\"events\": [{\"atS\": 10, \"type\": \"occlusion\", \"durationS\": 5, \"offS\": 3}]}", "events[0].offS", "unknown field")]
        [InlineData("{\"endAfterMin\": 10, \"events\": [{\"atS\": 601, \"type\": \"release\"}]}", "events[0].atS", "out of range")]
        [InlineData("{\"seed\": 1.5}", "seed", "whole number")]
        [InlineData("{\"clinician\": {\"resumeWhenSafe\": \"yes\"}}", "clinician.resumeWhenSafe", "true or false")]
        [InlineData("{\"name\": \"a\", \"name\": \"b\"}", "name", "appears twice")]
        [InlineData("[1, 2]", "", "expected an object")]
        // Valid JSON that is no .NET string: half of a UTF-16 surrogate pair (found by the scenario fuzzer).
        [InlineData("{\"name\": \"\\ud800\"}", "name", "unpaired UTF-16 surrogate")]
        [InlineData("\"\\udc00\\ud800\"", "", "unpaired UTF-16 surrogate")]
        [InlineData("{\"events\": [{\"\\ud800\": 1}]}", "events[0]", "field name number 1 contains an unpaired")]
        public void Parse_BadScenario_ErrorNamesTheField(string json, string field, string problem)
        {
            ScenarioException e = Fails(json);
            Assert.Equal(field, e.Field);
            Assert.Contains(problem, e.Message);
            if (field.Length > 0)
            {
                Assert.StartsWith(field + ":", e.Message);
            }
        }

        // Proves: SIM-020
        [Fact]
        public void Parse_UnpairedSurrogateCharacter_RefusedAsInvalidText()
        {
            string json = "{\"name\": \"" + (char)0xD800 + "\"}";

            ScenarioException e = Fails(json);

            Assert.Contains("unpaired UTF-16 surrogate character", e.Message);
        }

        // Proves: SIM-020
        [Fact]
        public void Parse_NotJson_ErrorGivesTheLine()
        {
            ScenarioException e = Fails("{\n\"name\": \"x\",\n oops }");
            Assert.Contains("line 3", e.Message);
        }

        [Fact]
        public void Parse_FullScenario_ReadsEveryField()
        {
            Scenario s = ScenarioLoader.Parse(@"{
              ""name"": ""t"", ""seed"": 9, ""syringe"": ""BD50"", ""endAfterMin"": 50,
              ""patient"": { ""weightKg"": 82, ""baseline"": { ""hr"": 80, ""sbp"": 140, ""dbp"": 85, ""spo2"": 96, ""rr"": 16 } },
              ""program"": { ""drug"": ""ketamine"", ""concentrationMgPerMl"": 2, ""doseMgPerKg"": 0.75, ""durationMin"": 45, ""confirmSoftLimits"": true },
              ""clinician"": { ""acknowledgeAfterS"": 20, ""resumeWhenSafe"": true },
              ""events"": [
                { ""atS"": 600, ""type"": ""vitals"", ""sbp"": 195 },
                { ""atS"": 60, ""type"": ""key"", ""key"": ""pauseStop"" },
                { ""atS"": 700, ""type"": ""bytes"", ""hex"": ""A5 5A 01"" },
                { ""atS"": 800, ""type"": ""powerLoss"", ""offS"": 30 }
              ]
            }");
            Assert.Equal(9, s.Seed);
            Assert.Equal(82, s.Patient.WeightKg);
            Assert.Equal(140, s.Patient.Baseline.Sbp);
            Assert.True(s.Program.ConfirmSoftLimits);
            Assert.Equal(20, s.Clinician.AcknowledgeAfterS);
            Assert.Equal(4, s.Events.Count);
            Assert.Equal(ScenarioEventType.Key, s.Events[0].Type); // sorted by time
            Assert.Equal(PanelKey.PauseStop, s.Events[0].Key);
            Assert.Equal(195, s.Events[1].Sbp);
            Assert.Equal(new byte[] { 0xA5, 0x5A, 0x01 }, s.Events[2].Bytes);
            Assert.Equal(30, s.Events[3].OffS);
        }

        // Proves: SIM-021
        [Fact]
        public void ShippedScenarios_AllLoad_AndTogetherCoverEveryEventType()
        {
            string[] files = Directory.GetFiles(TestPaths.Scenarios, "*.json").Where(f => !f.EndsWith(".schema.json")).ToArray();
            Assert.True(files.Length >= 10, "scenario folder has " + files.Length + " files");
            var types = new System.Collections.Generic.HashSet<ScenarioEventType>();
            foreach (string f in files)
            {
                Scenario s = ScenarioLoader.LoadFile(f);
                foreach (ScenarioEvent e in s.Events)
                {
                    types.Add(e.Type);
                }
            }
            foreach (ScenarioEventType t in System.Enum.GetValues<ScenarioEventType>())
            {
                Assert.Contains(t, types);
            }
        }

        // Proves: SIM-021
        [Fact]
        public void Schema_NamesEveryEventTypeTheLoaderAccepts()
        {
            string schema = File.ReadAllText(Path.Combine(TestPaths.Scenarios, "scenario.schema.json"));
            foreach (ScenarioEventType t in System.Enum.GetValues<ScenarioEventType>())
            {
                string name = char.ToLowerInvariant(t.ToString()[0]) + t.ToString().Substring(1);
                Assert.Contains("\"" + name + "\"", schema);
            }
        }
    }
}
