using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Pump.LibraryTool.Source
{
    /// <summary>
    /// Reads typed values out of a parsed source (objects with exactly the expected fields, whole numbers,
    /// exact clinical numbers, text) and collects every problem as a <see cref="SourceError"/> instead of throwing.
    /// </summary>
    internal sealed class FieldReader
    {
        private readonly List<SourceError> _errors = new();

        public IReadOnlyList<SourceError> Errors => _errors;

        public int ErrorCount => _errors.Count;

        /// <summary>The object's properties by name; unknown, duplicate and missing ones are errors.</summary>
        public Dictionary<string, JsonElement> Fields(JsonElement obj, string where, string[] allowed, string[] required, string path = "")
        {
            var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            string prefix = path.Length == 0 ? "" : path + ".";
            if (obj.ValueKind != JsonValueKind.Object)
            {
                Error(where, (path.Length == 0 ? "value" : path) + " must be an object");
                return result;
            }

            foreach (JsonProperty p in obj.EnumerateObject())
            {
                string name = p.Name;
                if (Array.IndexOf(allowed, name) < 0)
                {
                    Error(where, prefix + name + ": unknown field (expected " + string.Join(", ", allowed) + ")");
                }
                else if (!result.TryAdd(name, p.Value))
                {
                    Error(where, prefix + name + ": given twice");
                }
            }

            foreach (string name in required)
            {
                if (!result.ContainsKey(name))
                {
                    Error(where, prefix + name + ": missing");
                }
            }

            return result;
        }

        public long ReadWhole(JsonElement value, string where, string field, long max)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long v) && v >= 0 && v <= max)
            {
                return v;
            }

            Error(where, field + " = " + value.GetRawText() + ": must be a whole number 0.." + max);
            return 0;
        }

        public long? ReadClinical(JsonElement value, string where, string field, ClinicalUnit unit, long maxStored, string orNull = "")
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                Error(where, field + " = " + value.GetRawText() + ": must be a number in " + unit.Label + orNull);
                return null;
            }

            string? problem = ExactNumber.TryToStored(value.GetRawText(), unit, maxStored, out long stored);
            if (problem != null)
            {
                Error(where, field + " = " + problem);
                return null;
            }

            return stored;
        }

        public string? ReadText(JsonElement value, string where, string field)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                return Text(value);
            }

            Error(where, field + " = " + value.GetRawText() + ": must be text in double quotes");
            return null;
        }

        /// <summary>
        /// Where a property name or string escapes an unpaired surrogate ("\\ud800": valid JSON, but no .NET
        /// string, and System.Text.Json throws when it meets one), or null. Checked once before anything is read.
        /// </summary>
        public static string? UnpairedSurrogateAt(JsonElement value, string path)
        {
            try
            {
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        value.GetString();
                        return null;
                    case JsonValueKind.Array:
                        int i = 0;
                        foreach (JsonElement item in value.EnumerateArray())
                        {
                            string? inner = UnpairedSurrogateAt(item, path + "[" + i++ + "]");
                            if (inner != null)
                            {
                                return inner;
                            }
                        }

                        return null;
                    case JsonValueKind.Object:
                        foreach (JsonProperty p in value.EnumerateObject())
                        {
                            string name = p.Name;
                            string? inner = UnpairedSurrogateAt(p.Value, path.Length == 0 ? name : path + "." + name);
                            if (inner != null)
                            {
                                return inner;
                            }
                        }

                        return null;
                    default:
                        return null;
                }
            }
            catch (InvalidOperationException)
            {
                return path.Length == 0 ? "a field name at the top level" : path;
            }
        }

        /// <summary>The string's value, or null when it is not a string (unpaired surrogates were refused before).</summary>
        public static string? Text(JsonElement value)
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }

        public void RequireText(string? text, string where, string field, string what)
        {
            if (text != null && text.Trim().Length == 0)
            {
                Error(where, field + " is empty: " + what);
            }
        }

        public void Error(string where, string problem)
        {
            _errors.Add(new SourceError(where, problem));
        }
    }
}
