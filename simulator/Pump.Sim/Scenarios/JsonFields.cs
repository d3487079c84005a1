using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Pump.Sim.Scenarios
{
    /// <summary>
    /// One JSON object of a scenario being read, with its path. Every read is checked (type, range, required);
    /// a problem is added to the shared error list and the fallback is returned, so one pass finds every error of
    /// a file. Remembers which fields were read, so <see cref="EnsureNoUnknown"/> can name the rest.
    /// </summary>
    internal sealed class JsonFields
    {
        private readonly JsonElement _e;
        private readonly bool _valid;
        private readonly HashSet<string> _used = new HashSet<string>(StringComparer.Ordinal);

        public JsonFields(JsonElement e, string path, List<ScenarioError> errors)
        {
            Path = path;
            Errors = errors;
            _e = e;
            _valid = e.ValueKind == JsonValueKind.Object;
            if (!_valid)
            {
                Fail(path, "expected an object, got " + Describe(e));
                return;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty p in e.EnumerateObject())
            {
                if (!seen.Add(p.Name))
                {
                    Fail(Field(p.Name), "appears twice");
                }
            }
        }

        public string Path { get; }

        /// <summary>False when the value was not an object (already reported); every read then gives its fallback.</summary>
        public bool IsObject => _valid;

        public List<ScenarioError> Errors { get; }

        /// <summary>The path of a field inside the object at <paramref name="path"/>, as errors name it ("patient.weightKg").</summary>
        public static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

        public string Field(string name) => Child(Path, name);

        public void Fail(string field, string problem) => Errors.Add(new ScenarioError(field, problem));

        public bool Has(string name) => _valid && _e.TryGetProperty(name, out _);

        /// <summary>The raw value of a field (marked as read), or false when absent.</summary>
        public bool TryTake(string name, out JsonElement value)
        {
            _used.Add(name);
            if (_valid && _e.TryGetProperty(name, out value))
            {
                return true;
            }
            value = default;
            return false;
        }

        public void EnsureNoUnknown()
        {
            if (!_valid)
            {
                return;
            }
            foreach (JsonProperty p in _e.EnumerateObject())
            {
                if (!_used.Contains(p.Name))
                {
                    string hint = "";
                    foreach (string u in _used)
                    {
                        if (string.Equals(u, p.Name, StringComparison.OrdinalIgnoreCase))
                        {
                            hint = " (did you mean '" + u + "'?)";
                        }
                    }
                    Fail(Field(p.Name), "unknown field" + hint);
                }
            }
        }

        public JsonFields? Object(string name)
        {
            if (!TryTake(name, out JsonElement v))
            {
                return null;
            }
            var o = new JsonFields(v, Field(name), Errors);
            return o._valid ? o : null;
        }

        public string String(string name, string fallback, bool nonEmpty = false, bool required = false)
        {
            if (!TryTake(name, out JsonElement v))
            {
                if (required)
                {
                    Fail(Field(name), "required");
                }
                return fallback;
            }
            if (v.ValueKind != JsonValueKind.String)
            {
                Fail(Field(name), "expected a string, got " + Describe(v));
                return fallback;
            }
            string s = v.GetString() ?? "";
            if (nonEmpty && s.Trim().Length == 0)
            {
                Fail(Field(name), "must not be empty");
                return fallback;
            }
            return s;
        }

        /// <summary>One of <paramref name="allowed"/>; the fallback when absent or wrong (the problem is reported).</summary>
        public string Choice(string name, string fallback, bool required, params string[] allowed)
        {
            if (!TryTake(name, out JsonElement v))
            {
                if (required)
                {
                    Fail(Field(name), "required");
                }
                return fallback;
            }
            if (v.ValueKind != JsonValueKind.String)
            {
                Fail(Field(name), "expected a string, got " + Describe(v));
                return fallback;
            }
            string s = v.GetString() ?? "";
            foreach (string a in allowed)
            {
                if (string.Equals(a, s, StringComparison.Ordinal))
                {
                    return s;
                }
            }
            Fail(Field(name), "'" + s + "' is not one of: " + string.Join(", ", allowed));
            return fallback;
        }

        public bool Bool(string name, bool fallback)
        {
            if (!TryTake(name, out JsonElement v))
            {
                return fallback;
            }
            if (v.ValueKind != JsonValueKind.True && v.ValueKind != JsonValueKind.False)
            {
                Fail(Field(name), "expected true or false, got " + Describe(v));
                return fallback;
            }
            return v.GetBoolean();
        }

        public double Number(string name, double fallback, double min, double max, bool required = false)
        {
            int before = Errors.Count;
            double? v = OptionalNumber(name, min, max);
            if (v == null)
            {
                // Absent or null; a wrong value has already been reported.
                if (required && Errors.Count == before)
                {
                    Fail(Field(name), Has(name) ? "required (got null)" : "required");
                }
                return fallback;
            }
            return v.Value;
        }

        public double? OptionalNumber(string name, double min, double max, double? fallback = null)
        {
            if (!TryTake(name, out JsonElement v))
            {
                return fallback;
            }
            return CheckNumber(v, Field(name), min, max, Errors);
        }

        /// <summary>A finite number within [min, max], or null (null JSON, or a problem added to the errors).</summary>
        public static double? CheckNumber(JsonElement v, string field, double min, double max, List<ScenarioError> errors)
        {
            if (v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double d) || double.IsNaN(d) || double.IsInfinity(d))
            {
                errors.Add(new ScenarioError(field, "expected a number, got " + Describe(v)));
                return null;
            }
            if (d < min || d > max)
            {
                errors.Add(new ScenarioError(field, d.ToString(CultureInfo.InvariantCulture) + " is out of range ["
                    + min.ToString(CultureInfo.InvariantCulture) + ", " + max.ToString(CultureInfo.InvariantCulture) + "]"));
                return null;
            }
            return d;
        }

        public int Int(string name, int fallback, int min, int max) => (int)Long(name, fallback, min, max);

        public long Long(string name, long fallback, long min, long max)
        {
            if (!TryTake(name, out JsonElement v))
            {
                return fallback;
            }
            return CheckLong(v, Field(name), min, max, Errors) ?? fallback;
        }

        /// <summary>A whole number within [min, max], or null with a problem added to the errors.</summary>
        public static long? CheckLong(JsonElement v, string field, long min, long max, List<ScenarioError> errors)
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out long l))
            {
                errors.Add(new ScenarioError(field, "expected a whole number, got " + Describe(v)));
                return null;
            }
            if (l < min || l > max)
            {
                errors.Add(new ScenarioError(field, l.ToString(CultureInfo.InvariantCulture) + " is out of range ["
                    + min.ToString(CultureInfo.InvariantCulture) + ", " + max.ToString(CultureInfo.InvariantCulture) + "]"));
                return null;
            }
            return l;
        }

        public static string Describe(JsonElement e)
        {
            return e.ValueKind switch
            {
                JsonValueKind.String => "the string \"" + e.GetString() + "\"",
                JsonValueKind.Number => "the number " + e.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
                JsonValueKind.Null => "null",
                JsonValueKind.Array => "an array",
                JsonValueKind.Object => "an object",
                _ => e.ValueKind.ToString(),
            };
        }
    }
}
