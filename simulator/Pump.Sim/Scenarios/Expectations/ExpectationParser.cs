using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Sim.Running;

namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>
    /// Reads a scenario's `expect` block by the table of <see cref="ExpectationKinds"/>: every field, type and range is
    /// checked like the rest of the scenario, and expectations that contradict each other (or the scenario) are
    /// errors naming the field.
    /// </summary>
    internal static class ExpectationParser
    {
        public static readonly string[] Priorities = { "high", "medium", "low" };

        /// <summary>Which final states each outcome can end in (RunSummary.From's mapping).</summary>
        private static readonly (string Outcome, string[] States)[] OutcomeStates =
        {
            ("completed", new[] { "COMPLETED" }),
            ("held", new[] { "VITALS HOLD", "PAUSED" }),
            ("stopped", new[] { "STOPPED", "PROGRAMMING", "READY", "SELF-TEST", "IDLE" }),
            ("rejected", new[] { "PROGRAMMING", "READY", "IDLE" }),
            ("alarm", new[] { "ALARM", "FAILSAFE" }),
            ("running", new[] { "INFUSING", "PRIMING" }),
            ("not-started", new[] { "PROGRAMMING", "READY", "SELF-TEST", "IDLE" }),
        };

        public static string[] StateNames()
        {
            var names = new List<string>();
            foreach (PumpState s in Enum.GetValues<PumpState>())
            {
                string n = PumpStates.Name(s);
                if (n != "UNKNOWN" && !names.Contains(n))
                {
                    names.Add(n);
                }
            }
            return names.ToArray();
        }

        public static string[] AlarmCodeNames()
        {
            var names = new List<string>();
            for (int i = 1; i < AlarmCodes.Count; i++)
            {
                names.Add(AlarmNames.Code((AlarmCode)i));
            }
            return names.ToArray();
        }

        public static List<Expectation> Parse(JsonFields expect, Scenario scenario)
        {
            var list = new List<Expectation>();
            List<ScenarioError> errors = expect.Errors;
            int errorsBefore = errors.Count;
            double endS = scenario.EndAfterMin * 60;
            foreach (ExpectationKind kind in ExpectationKinds.All)
            {
                if (!expect.TryTake(kind.Field, out JsonElement v))
                {
                    continue;
                }
                string path = expect.Field(kind.Field);
                int before = errors.Count;
                Expectation? e = kind.Shape switch
                {
                    ExpectationShape.Outcome => Choice(kind, v, path, ExpectationKinds.Outcomes, errors),
                    ExpectationShape.State => Choice(kind, v, path, StateNames(), errors),
                    ExpectationShape.Range => new Expectation(kind) { Range = Range(v, path, errors) },
                    ExpectationShape.Count => new Expectation(kind) { Range = Count(v, path, errors) },
                    ExpectationShape.Check => Check(kind, v, path, errors),
                    ExpectationShape.Alarms => new Expectation(kind) { Alarms = Alarms(v, path, endS, withCount: true, errors) },
                    ExpectationShape.AbsentAlarms => new Expectation(kind) { Alarms = Alarms(v, path, endS, withCount: false, errors) },
                    ExpectationShape.Trips => new Expectation(kind) { Trips = Trips(v, path, endS, errors) },
                    ExpectationShape.Texts => new Expectation(kind) { Texts = Texts(v, path, errors) },
                    _ => throw new InvalidOperationException("unhandled shape " + kind.Shape),
                };
                if (e != null && errors.Count == before)
                {
                    list.Add(e);
                }
            }
            expect.EnsureNoUnknown();
            if (list.Count == 0 && errors.Count == errorsBefore)
            {
                expect.Fail(expect.Path, "an expect block must hold at least one expectation");
            }
            ExpectationConsistency.Check(list, ProgrammedInfusion.From(scenario), OutcomeStates, errors);
            return list;
        }

        private static Expectation? Choice(ExpectationKind kind, JsonElement v, string path, string[] allowed, List<ScenarioError> errors)
        {
            if (v.ValueKind != JsonValueKind.String)
            {
                errors.Add(new ScenarioError(path, "expected a string, got " + JsonFields.Describe(v)));
                return null;
            }
            string s = v.GetString() ?? "";
            if (Array.IndexOf(allowed, s) < 0)
            {
                errors.Add(new ScenarioError(path, "'" + s + "' is not one of: " + string.Join(", ", allowed)));
                return null;
            }
            return new Expectation(kind) { Text = s };
        }

        private static Expectation? Check(ExpectationKind kind, JsonElement v, string path, List<ScenarioError> errors)
        {
            if (v.ValueKind == JsonValueKind.True)
            {
                return new Expectation(kind) { Tolerance = kind.DefaultTolerance };
            }
            if (v.ValueKind == JsonValueKind.False)
            {
                errors.Add(new ScenarioError(path, "false expects nothing: omit the field, or give true or a tolerance in " + kind.Unit));
                return null;
            }
            double? t = JsonFields.CheckNumber(v, path, 0, 1e6, errors);
            return t == null ? null : new Expectation(kind) { Tolerance = t.Value };
        }

        internal static ValueRange Range(JsonElement v, string path, List<ScenarioError> errors)
        {
            var o = new JsonFields(v, path, errors);
            double? min = o.OptionalNumber("min", -1e12, 1e12);
            double? max = o.OptionalNumber("max", -1e12, 1e12);
            double? value = o.OptionalNumber("value", -1e12, 1e12);
            double? tol = o.OptionalNumber("tolerance", 0, 1e12);
            o.EnsureNoUnknown();
            if (value != null || tol != null)
            {
                if (min != null || max != null)
                {
                    o.Fail(path, "give either min/max or value/tolerance, not both");
                }
                if (value == null)
                {
                    o.Fail(JsonFields.Child(path, "value"), "required with tolerance");
                    return ValueRange.Any;
                }
                double t = tol ?? 0;
                return new ValueRange(value.Value - t, value.Value + t);
            }
            if (min == null && max == null && v.ValueKind == JsonValueKind.Object)
            {
                o.Fail(path, "needs min, max, or value (with tolerance)");
            }
            return Ordered(min ?? double.NegativeInfinity, max ?? double.PositiveInfinity, path, errors);
        }

        internal static ValueRange Count(JsonElement v, string path, List<ScenarioError> errors)
        {
            if (v.ValueKind == JsonValueKind.Number)
            {
                long? n = JsonFields.CheckLong(v, path, 0, int.MaxValue, errors);
                return n == null ? ValueRange.Any : ValueRange.Exactly(n.Value);
            }
            var o = new JsonFields(v, path, errors);
            long min = o.Long("min", 0, 0, int.MaxValue);
            double max = o.Has("max") ? o.Long("max", int.MaxValue, 0, int.MaxValue) : double.PositiveInfinity;
            o.EnsureNoUnknown();
            if (v.ValueKind == JsonValueKind.Object && !o.Has("min") && !o.Has("max"))
            {
                o.Fail(path, "needs min or max (or a whole number)");
            }
            return Ordered(min, max, path, errors);
        }

        private static ValueRange Ordered(double min, double max, string path, List<ScenarioError> errors)
        {
            if (min > max)
            {
                errors.Add(new ScenarioError(path, "contradictory: min " + ValueRange.F(min) + " is above max " + ValueRange.F(max)));
            }
            return new ValueRange(min, max);
        }

        private static AlarmExpectation[] Alarms(JsonElement v, string path, double endS, bool withCount, List<ScenarioError> errors)
        {
            var list = new List<AlarmExpectation>();
            foreach ((JsonElement item, string p) in Items(v, path, errors))
            {
                var o = new JsonFields(item, p, errors);
                string code = o.Choice("code", "", withCount, AlarmCodeNames());
                string? priority = o.Has("priority") ? o.Choice("priority", "", false, Priorities) : null;
                if (!withCount && !o.Has("code") && !o.Has("priority"))
                {
                    o.Fail(p, "needs a code, a priority, or both");
                }
                (double from, double to) = Window(o, endS);
                ValueRange count = withCount && o.TryTake("count", out JsonElement c) ? Count(c, o.Field("count"), errors) : new ValueRange(1, double.PositiveInfinity);
                o.EnsureNoUnknown();
                if (code.Length > 0 && !string.IsNullOrEmpty(priority))
                {
                    string declared = AlarmNames.Priority(AlarmTable.For(Enum.Parse<AlarmCode>(code)).Priority);
                    if (declared != priority)
                    {
                        o.Fail(o.Field("priority"), "contradictory: " + code + " is declared " + declared + " priority in the alarm table");
                    }
                }
                list.Add(new AlarmExpectation { Path = p, Code = code, Priority = string.IsNullOrEmpty(priority) ? null : priority, FromS = from, ToS = to, Count = count });
            }
            return list.ToArray();
        }

        private static TripExpectation[] Trips(JsonElement v, string path, double endS, List<ScenarioError> errors)
        {
            var list = new List<TripExpectation>();
            foreach ((JsonElement item, string p) in Items(v, path, errors))
            {
                var o = new JsonFields(item, p, errors);
                string cause = o.String("cause", "", nonEmpty: true, required: true);
                (double from, double to) = Window(o, endS);
                double latency = o.Number("maxStopLatencyMs", double.PositiveInfinity, 0, 86_400_000);
                long steps = o.Long("maxStepsAfterTrip", long.MaxValue, 0, long.MaxValue);
                o.EnsureNoUnknown();
                list.Add(new TripExpectation { Path = p, Cause = cause, FromS = from, ToS = to, MaxStopLatencyMs = latency, MaxStepsAfterTrip = steps });
            }
            return list.ToArray();
        }

        private static string[] Texts(JsonElement v, string path, List<ScenarioError> errors)
        {
            var list = new List<string>();
            foreach ((JsonElement item, string p) in Items(v, path, errors))
            {
                if (item.ValueKind != JsonValueKind.String || (item.GetString() ?? "").Trim().Length == 0)
                {
                    errors.Add(new ScenarioError(p, "expected a non-empty string, got " + JsonFields.Describe(item)));
                    continue;
                }
                list.Add(item.GetString()!);
            }
            return list.ToArray();
        }

        private static (double From, double To) Window(JsonFields o, double endS)
        {
            double from = o.Number("fromS", 0, 0, endS);
            double to = o.Number("toS", double.PositiveInfinity, 0, endS);
            if (from > to)
            {
                o.Fail(o.Field("toS"), "contradictory: toS " + to.ToString(CultureInfo.InvariantCulture) + " is before fromS " + from.ToString(CultureInfo.InvariantCulture));
            }
            return (from, to);
        }

        private static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement v, string path, List<ScenarioError> errors)
        {
            if (v.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new ScenarioError(path, "expected an array, got " + JsonFields.Describe(v)));
                yield break;
            }
            int i = 0;
            foreach (JsonElement item in v.EnumerateArray())
            {
                yield return (item, path + "[" + i++ + "]");
            }
        }
    }
}
