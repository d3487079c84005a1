using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Pump.Simulator.Tests.Scenarios
{
    /// <summary>
    /// The shipped scenarios against scenario.schema.json, structurally: every field they use is declared
    /// (objects are closed), each event matches the variant of its type and carries that variant's required
    /// fields. (A full JSON-Schema validator is not a dependency of the project.)
    /// </summary>
    public class SchemaConformanceTests
    {
        // Proves: SIM-021
        [Fact]
        public void ShippedScenarios_UseOnlyFieldsTheSchemaDeclares()
        {
            using JsonDocument schemaDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Scenarios, "scenario.schema.json")));
            JsonElement schema = schemaDoc.RootElement;
            foreach (string file in Directory.GetFiles(TestPaths.Scenarios, "*.json").Where(f => !f.EndsWith(".schema.json")))
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file));
                Check(doc.RootElement, schema, Path.GetFileName(file));
            }
        }

        private static void Check(JsonElement value, JsonElement schema, string path)
        {
            if (schema.TryGetProperty("oneOf", out JsonElement variants))
            {
                string type = value.GetProperty("type").GetString()!;
                JsonElement variant = variants.EnumerateArray().Single(v => v.GetProperty("properties").GetProperty("type").GetProperty("const").GetString() == type);
                Check(value, variant, path + "(" + type + ")");
                return;
            }
            if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out JsonElement props))
            {
                Assert.True(schema.TryGetProperty("additionalProperties", out JsonElement ap) && ap.ValueKind == JsonValueKind.False, path + ": schema object is not closed");
                foreach (JsonProperty p in value.EnumerateObject())
                {
                    Assert.True(props.TryGetProperty(p.Name, out JsonElement sub), path + "." + p.Name + " is not in the schema");
                    Check(p.Value, sub, path + "." + p.Name);
                }
                if (schema.TryGetProperty("required", out JsonElement req))
                {
                    foreach (JsonElement r in req.EnumerateArray())
                    {
                        Assert.True(value.TryGetProperty(r.GetString()!, out _), path + " lacks required " + r.GetString());
                    }
                }
            }
            else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out JsonElement items))
            {
                int i = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    Check(item, items, path + "[" + i++ + "]");
                }
            }
            else if (schema.TryGetProperty("enum", out JsonElement allowed))
            {
                Assert.Contains(value.GetRawText(), allowed.EnumerateArray().Select(a => a.GetRawText()));
            }
        }
    }
}
