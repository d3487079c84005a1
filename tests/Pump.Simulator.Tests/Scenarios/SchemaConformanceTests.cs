using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Pump.Simulator.Tests.Scenarios
{
    /// <summary>
    /// The shipped scenarios against scenario.schema.json, structurally: every field they use is declared
    /// (objects are closed), each event matches the variant of its type and carries that variant's required
    /// fields, enums and $defs references are followed, and a value matches one branch of an anyOf.
    /// (A full JSON-Schema validator is not a dependency of the project.)
    /// </summary>
    public class SchemaConformanceTests
    {
        // Proves: SIM-021, SIM-022
        [Fact]
        public void ShippedScenarios_UseOnlyFieldsTheSchemaDeclares()
        {
            using JsonDocument schemaDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Scenarios, "scenario.schema.json")));
            JsonElement schema = schemaDoc.RootElement;
            foreach (string file in Directory.GetFiles(TestPaths.Scenarios, "*.json").Where(f => !f.EndsWith(".schema.json")))
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file));
                string? problem = Check(doc.RootElement, schema, schema, Path.GetFileName(file));
                Assert.True(problem == null, problem);
            }
        }

        [Theory]
        [InlineData("{\"expect\": {\"holds\": {\"min\": 1, \"most\": 2}}}", "most")]
        [InlineData("{\"expect\": {\"noAlarms\": [{\"code\": \"Occlusion\", \"count\": 1}]}}", "count is not in the schema")]
        [InlineData("{\"expect\": {\"noAlarms\": [{\"fromS\": 1}]}}", "matches no branch of anyOf")]
        [InlineData("{\"expect\": {\"alarms\": [{\"priority\": \"high\"}]}}", "lacks required code")]
        public void Checker_RefusesWhatTheSchemaDoesNotAllow(string json, string problem)
        {
            using JsonDocument schemaDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Scenarios, "scenario.schema.json")));
            using JsonDocument doc = JsonDocument.Parse(json);
            Assert.Contains(problem, Check(doc.RootElement, schemaDoc.RootElement, schemaDoc.RootElement, "x"));
        }

        /// <summary>Null when <paramref name="value"/> conforms, else the first problem with its path.</summary>
        private static string? Check(JsonElement value, JsonElement schema, JsonElement root, string path)
        {
            if (schema.TryGetProperty("$ref", out JsonElement r))
            {
                string name = r.GetString()!.Substring("#/$defs/".Length);
                return Check(value, root.GetProperty("$defs").GetProperty(name), root, path);
            }
            if (schema.TryGetProperty("anyOf", out JsonElement any))
            {
                string?[] problems = any.EnumerateArray().Select(b => Check(value, b, root, path)).ToArray();
                if (!problems.Any(p => p == null))
                {
                    return path + " matches no branch of anyOf: " + string.Join("; ", problems);
                }
            }
            if (schema.TryGetProperty("oneOf", out JsonElement variants))
            {
                string type = value.GetProperty("type").GetString()!;
                JsonElement variant = variants.EnumerateArray().Single(v => v.GetProperty("properties").GetProperty("type").GetProperty("const").GetString() == type);
                return Check(value, variant, root, path + "(" + type + ")");
            }
            if (schema.TryGetProperty("const", out JsonElement c))
            {
                return value.GetRawText() == c.GetRawText() ? null : path + " is not " + c.GetRawText();
            }
            if (schema.TryGetProperty("type", out JsonElement t))
            {
                string[] types = t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()!).ToArray() : new[] { t.GetString()! };
                bool ok = types.Any(type => type switch
                {
                    "object" => value.ValueKind == JsonValueKind.Object,
                    "array" => value.ValueKind == JsonValueKind.Array,
                    "string" => value.ValueKind == JsonValueKind.String,
                    "number" => value.ValueKind == JsonValueKind.Number,
                    "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
                    "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                    "null" => value.ValueKind == JsonValueKind.Null,
                    _ => true,
                });
                if (!ok)
                {
                    return path + " is not of type " + string.Join(" or ", types);
                }
            }
            if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out JsonElement req))
            {
                foreach (JsonElement q in req.EnumerateArray())
                {
                    if (!value.TryGetProperty(q.GetString()!, out _))
                    {
                        return path + " lacks required " + q.GetString();
                    }
                }
            }
            if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out JsonElement props))
            {
                if (!schema.TryGetProperty("additionalProperties", out JsonElement ap) || ap.ValueKind != JsonValueKind.False)
                {
                    return path + ": schema object is not closed";
                }
                foreach (JsonProperty p in value.EnumerateObject())
                {
                    if (!props.TryGetProperty(p.Name, out JsonElement sub))
                    {
                        return path + "." + p.Name + " is not in the schema";
                    }
                    string? problem = Check(p.Value, sub, root, path + "." + p.Name);
                    if (problem != null)
                    {
                        return problem;
                    }
                }
            }
            else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out JsonElement items))
            {
                int i = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    string? problem = Check(item, items, root, path + "[" + i++ + "]");
                    if (problem != null)
                    {
                        return problem;
                    }
                }
            }
            else if (schema.TryGetProperty("enum", out JsonElement allowed) && !allowed.EnumerateArray().Any(a => a.GetRawText() == value.GetRawText()))
            {
                return path + " = " + value.GetRawText() + " is not in the schema's enum";
            }
            return null;
        }
    }
}
