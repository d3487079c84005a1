using System;
using System.Text;
using System.Text.Json.Nodes;

namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>
    /// The `expect` block of scenario.schema.json and the README's table of expectations, generated from
    /// <see cref="ExpectationKinds.All"/> (tests check that the shipped files hold exactly this).
    /// </summary>
    public static class ExpectationDocs
    {
        /// <summary>The schema of the `expect` property.</summary>
        public static JsonObject ExpectSchema()
        {
            var props = new JsonObject();
            foreach (ExpectationKind k in ExpectationKinds.All)
            {
                JsonObject p = k.Shape switch
                {
                    ExpectationShape.Outcome => new JsonObject { ["enum"] = Array(ExpectationKinds.Outcomes) },
                    ExpectationShape.State => new JsonObject { ["enum"] = Array(ExpectationParser.StateNames()) },
                    ExpectationShape.Range => new JsonObject { ["$ref"] = "#/$defs/expectRange" },
                    ExpectationShape.Count => new JsonObject { ["$ref"] = "#/$defs/expectCount" },
                    ExpectationShape.Check => new JsonObject
                    {
                        ["anyOf"] = new JsonArray(new JsonObject { ["const"] = true }, new JsonObject { ["type"] = "number", ["minimum"] = 0 }),
                    },
                    ExpectationShape.Alarms => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/expectAlarm" } },
                    ExpectationShape.AbsentAlarms => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/expectNoAlarm" } },
                    ExpectationShape.Trips => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/expectTrip" } },
                    ExpectationShape.Texts => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 } },
                    _ => throw new InvalidOperationException("unhandled shape " + k.Shape),
                };
                p["description"] = k.Meaning + (k.Shape == ExpectationShape.Check ? " true: tolerance " + ValueRange.F(k.DefaultTolerance) + " " + k.Unit + "; or the tolerance in " + k.Unit + "." : "")
                    + (k.Unit.Length > 0 && k.Shape == ExpectationShape.Range ? " Unit: " + k.Unit + "." : "");
                props[k.Field] = p;
            }
            return new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["minProperties"] = 1,
                ["description"] = "What the run must show (pump-sim test). Unknown or contradictory expectations are errors naming the field.",
                ["properties"] = props,
            };
        }

        /// <summary>The definitions the `expect` block refers to.</summary>
        public static JsonObject Definitions()
        {
            JsonObject Window() => new JsonObject
            {
                ["fromS"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["description"] = "Window start, scenario seconds (default 0)." },
                ["toS"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["description"] = "Window end, scenario seconds (default: the end)." },
            };
            var alarm = Window();
            alarm["code"] = new JsonObject { ["enum"] = Array(ExpectationParser.AlarmCodeNames()) };
            alarm["priority"] = new JsonObject { ["enum"] = Array(ExpectationParser.Priorities) };
            var absent = alarm.DeepClone().AsObject();
            alarm["count"] = new JsonObject { ["$ref"] = "#/$defs/expectCount" };
            var trip = Window();
            trip["cause"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "A trip cause (\"vitals sbp=205\") or its first word (\"vitals\")." };
            trip["maxStopLatencyMs"] = new JsonObject { ["type"] = "number", ["minimum"] = 0 };
            trip["maxStepsAfterTrip"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 };
            return new JsonObject
            {
                ["expectRange"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["minProperties"] = 1,
                    ["description"] = "{min, max} (either may be left out) or {value, tolerance}.",
                    ["properties"] = new JsonObject
                    {
                        ["min"] = new JsonObject { ["type"] = "number" },
                        ["max"] = new JsonObject { ["type"] = "number" },
                        ["value"] = new JsonObject { ["type"] = "number" },
                        ["tolerance"] = new JsonObject { ["type"] = "number", ["minimum"] = 0 },
                    },
                },
                ["expectCount"] = new JsonObject
                {
                    ["anyOf"] = new JsonArray(
                        new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["additionalProperties"] = false,
                            ["minProperties"] = 1,
                            ["properties"] = new JsonObject
                            {
                                ["min"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                                ["max"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                            },
                        }),
                },
                ["expectAlarm"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["required"] = new JsonArray("code"), ["properties"] = alarm },
                ["expectNoAlarm"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["anyOf"] = new JsonArray(new JsonObject { ["required"] = new JsonArray("code") }, new JsonObject { ["required"] = new JsonArray("priority") }),
                    ["properties"] = absent,
                },
                ["expectTrip"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["required"] = new JsonArray("cause"), ["properties"] = trip },
            };
        }

        /// <summary>The README's table: one row per kind.</summary>
        public static string MarkdownTable()
        {
            var b = new StringBuilder();
            b.Append("| Field | Value | Meaning |\n|---|---|---|\n");
            foreach (ExpectationKind k in ExpectationKinds.All)
            {
                string value = k.Shape switch
                {
                    ExpectationShape.Outcome => string.Join(" ", System.Array.ConvertAll(ExpectationKinds.Outcomes, o => "`" + o + "`")),
                    ExpectationShape.State => "a state name (`STOPPED`, `VITALS HOLD`, ...)",
                    ExpectationShape.Range => "range, " + k.Unit,
                    ExpectationShape.Count => "count",
                    ExpectationShape.Check => "`true` (" + ValueRange.F(k.DefaultTolerance) + " " + k.Unit + ") or a tolerance in " + k.Unit,
                    ExpectationShape.Alarms => "[{`code`, `priority`?, `fromS`?, `toS`?, `count`?}]",
                    ExpectationShape.AbsentAlarms => "[{`code`?, `priority`?, `fromS`?, `toS`?}]",
                    ExpectationShape.Trips => "[{`cause`, `fromS`?, `toS`?, `maxStopLatencyMs`?, `maxStepsAfterTrip`?}]",
                    ExpectationShape.Texts => "[strings]",
                    _ => throw new InvalidOperationException("unhandled shape " + k.Shape),
                };
                b.Append("| `").Append(k.Field).Append("` | ").Append(value).Append(" | ").Append(k.Meaning.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
            }
            return b.ToString();
        }

        private static JsonArray Array(string[] values)
        {
            var a = new JsonArray();
            foreach (string v in values)
            {
                a.Add(v);
            }
            return a;
        }
    }
}
