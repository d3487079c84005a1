using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pump.Sim.Scenarios.Expectations;
using Xunit;

namespace Pump.Simulator.Tests.Scenarios
{
    /// <summary>
    /// The schema's `expect` block and simulator/README.md's table of expectations are generated from the one table
    /// of expectation kinds. Run with PUMP_REGENERATE=1 to rewrite both after changing the table.
    /// </summary>
    public class ExpectationDocsTests
    {
        private const string TableBegin = "<!-- expect-table:begin (generated from ExpectationKinds; PUMP_REGENERATE=1 dotnet test --filter ExpectationDocsTests) -->\n";
        private const string TableEnd = "<!-- expect-table:end -->";

        private static bool Regenerate => Environment.GetEnvironmentVariable("PUMP_REGENERATE") == "1";

        // Proves: SIM-022
        [Fact]
        public void Schema_ExpectBlock_IsGeneratedFromTheTableOfKinds()
        {
            string path = Path.Combine(TestPaths.Scenarios, "scenario.schema.json");
            JsonObject schema = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            JsonObject expect = ExpectationDocs.ExpectSchema();
            JsonObject defs = ExpectationDocs.Definitions();
            if (Regenerate)
            {
                schema["properties"]!["expect"] = expect;
                schema["$defs"] = defs;
                File.WriteAllText(path, schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
                return;
            }
            Assert.True(JsonNode.DeepEquals(expect, schema["properties"]?["expect"]), "scenario.schema.json's expect block differs from ExpectationKinds; regenerate (see the class comment)");
            Assert.True(JsonNode.DeepEquals(defs, schema["$defs"]), "scenario.schema.json's $defs differ from ExpectationKinds; regenerate");
        }

        // Proves: SIM-022
        [Fact]
        public void Readme_ExpectationTable_IsGeneratedFromTheTableOfKinds()
        {
            string path = Path.Combine(TestPaths.RepositoryRoot, "simulator", "README.md");
            string text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            int begin = text.IndexOf(TableBegin, StringComparison.Ordinal);
            int end = text.IndexOf(TableEnd, StringComparison.Ordinal);
            Assert.True(begin >= 0 && end > begin, "simulator/README.md lacks the expect-table markers");
            string generated = ExpectationDocs.MarkdownTable();
            if (Regenerate)
            {
                File.WriteAllText(path, text.Substring(0, begin + TableBegin.Length) + generated + text.Substring(end));
                return;
            }
            Assert.Equal(generated, text.Substring(begin + TableBegin.Length, end - begin - TableBegin.Length));
        }

        [Fact]
        public void KindTable_FieldsAreUniqueAndEveryShapeIsUsed()
        {
            Assert.NotEmpty(ExpectationKinds.All);
            Assert.Equal(ExpectationKinds.All.Length, new System.Collections.Generic.HashSet<string>(Array.ConvertAll(ExpectationKinds.All, k => k.Field)).Count);
            foreach (ExpectationShape shape in Enum.GetValues<ExpectationShape>())
            {
                Assert.Contains(ExpectationKinds.All, k => k.Shape == shape);
            }
        }
    }
}
