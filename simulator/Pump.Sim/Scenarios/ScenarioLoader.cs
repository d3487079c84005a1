using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Pump.Hal;
using Pump.Sim.Physics;

namespace Pump.Sim.Scenarios
{
    /// <summary>
    /// Reads a scenario from JSON strictly: every unknown field, wrong type or out-of-range value is a
    /// <see cref="ScenarioException"/> naming the field's path. Missing optional fields take the defaults of
    /// the built-in scenario.
    /// </summary>
    public static class ScenarioLoader
    {
        public static Scenario LoadFile(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ScenarioException("", "cannot read scenario file '" + path + "': " + e.Message);
            }
            Scenario s = Parse(text);
            s.Source = path;
            return s;
        }

        public static Scenario Parse(string json)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException e)
            {
                throw new ScenarioException("", "not valid JSON (line " + (e.LineNumber + 1) + ", byte " + (e.BytePositionInLine + 1) + "): " + FirstSentence(e.Message));
            }
            catch (ArgumentException)
            {
                // A string holding half of a surrogate pair as a character (not an escape) cannot be encoded to UTF-8.
                throw new ScenarioException("", "not valid text: it contains an unpaired UTF-16 surrogate character");
            }
            using (doc)
            {
                RequireWellFormedText(doc.RootElement, "");
                var root = new Obj(doc.RootElement, "");
                var s = new Scenario();
                s.Name = root.String("name", s.Name, nonEmpty: true);
                s.Seed = root.Int("seed", s.Seed, int.MinValue, int.MaxValue);
                s.Syringe = root.String("syringe", s.Syringe, nonEmpty: true);
                if (!SyringeCatalog.TryGet(s.Syringe, out _))
                {
                    throw new ScenarioException("syringe", "unknown syringe '" + s.Syringe + "'; known: " + KnownSyringes());
                }
                SyringeCatalog.TryGet(s.Syringe, out SyringeSpec spec);
                s.FillMl = root.OptionalNumber("fillMl", 0.5, spec.NominalMl);
                s.EndAfterMin = root.Number("endAfterMin", s.EndAfterMin, 0.1, 24 * 60);

                Obj? patient = root.Object("patient");
                if (patient != null)
                {
                    s.Patient.WeightKg = patient.Number("weightKg", s.Patient.WeightKg, 1, 400);
                    s.Patient.Variability = patient.Choice("variability", s.Patient.Variability, "typical", "population");
                    s.Patient.DesaturationRiskPerSession = patient.Number("desaturationRiskPerSession", 0, 0, 1);
                    Obj? b = patient.Object("baseline");
                    if (b != null)
                    {
                        s.Patient.Baseline.Hr = b.Number("hr", s.Patient.Baseline.Hr, 20, 250);
                        s.Patient.Baseline.Sbp = b.Number("sbp", s.Patient.Baseline.Sbp, 50, 300);
                        s.Patient.Baseline.Dbp = b.Number("dbp", s.Patient.Baseline.Dbp, 20, 200);
                        s.Patient.Baseline.Spo2 = b.Number("spo2", s.Patient.Baseline.Spo2, 50, 100);
                        s.Patient.Baseline.Rr = b.Number("rr", s.Patient.Baseline.Rr, 0, 60);
                        b.EnsureNoUnknown();
                        if (s.Patient.Baseline.Dbp >= s.Patient.Baseline.Sbp)
                        {
                            throw new ScenarioException("patient.baseline.dbp", "must be below sbp (" + s.Patient.Baseline.Sbp.ToString(CultureInfo.InvariantCulture) + ")");
                        }
                    }
                    patient.EnsureNoUnknown();
                }

                Obj? program = root.Object("program");
                if (program != null)
                {
                    s.Program.Drug = program.String("drug", s.Program.Drug, nonEmpty: true);
                    s.Program.ConcentrationMgPerMl = program.Number("concentrationMgPerMl", s.Program.ConcentrationMgPerMl, 0.001, 1000);
                    s.Program.DoseMgPerKg = program.Number("doseMgPerKg", s.Program.DoseMgPerKg, 0.001, 100);
                    s.Program.DurationMin = program.Number("durationMin", s.Program.DurationMin, 1, 24 * 60);
                    s.Program.ConfirmSoftLimits = program.Bool("confirmSoftLimits", s.Program.ConfirmSoftLimits);
                    program.EnsureNoUnknown();
                }

                Obj? clinician = root.Object("clinician");
                if (clinician != null)
                {
                    s.Clinician.StartAfterS = clinician.Number("startAfterS", s.Clinician.StartAfterS, 0, 86400);
                    s.Clinician.AcknowledgeAfterS = clinician.OptionalNumber("acknowledgeAfterS", 0, 86400, s.Clinician.AcknowledgeAfterS);
                    s.Clinician.ResumeWhenSafe = clinician.Bool("resumeWhenSafe", s.Clinician.ResumeWhenSafe);
                    s.Clinician.KeyIntervalS = clinician.Number("keyIntervalS", s.Clinician.KeyIntervalS, 0.05, 60);
                    clinician.EnsureNoUnknown();
                }

                Obj? monitor = root.Object("monitor");
                if (monitor != null)
                {
                    s.Monitor.NibpIntervalMin = monitor.Number("nibpIntervalMin", s.Monitor.NibpIntervalMin, 1.0 / 60, 120);
                    s.Monitor.MonitorId = (uint)monitor.Long("monitorId", s.Monitor.MonitorId, 1, uint.MaxValue);
                    monitor.EnsureNoUnknown();
                }

                if (root.Has("events"))
                {
                    JsonElement events = root.Take("events");
                    if (events.ValueKind != JsonValueKind.Array)
                    {
                        throw new ScenarioException("events", "expected an array of events, got " + Describe(events));
                    }
                    int i = 0;
                    foreach (JsonElement e in events.EnumerateArray())
                    {
                        s.Events.Add(ParseEvent(e, "events[" + i + "]", s.EndAfterMin * 60));
                        i++;
                    }
                    s.Events.Sort((a, b) => a.AtS.CompareTo(b.AtS));
                }
                root.EnsureNoUnknown();
                return s;
            }
        }

        private static ScenarioEvent ParseEvent(JsonElement e, string path, double endS)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new ScenarioException(path, "expected an event object, got " + Describe(e));
            }
            var o = new Obj(e, path);
            var ev = new ScenarioEvent { Path = path };
            ev.AtS = o.Number("atS", double.NaN, 0, endS, required: true);
            string type = o.Choice("type", "", "vitals", "release", "linkLoss", "bytes", "wrongMonitor", "probeOff",
                "occlusion", "clampOpen", "motorStall", "runaway", "powerLoss", "key", "desaturation", "driverFault", "sensorFault", "hang");
            if (type.Length == 0)
            {
                throw new ScenarioException(path + ".type", "required");
            }
            ev.Type = Enum.Parse<ScenarioEventType>(type, ignoreCase: true);
            switch (ev.Type)
            {
                case ScenarioEventType.Vitals:
                    ev.Hr = o.OptionalNumber("hr", 0, 300);
                    ev.Sbp = o.OptionalNumber("sbp", 0, 350);
                    ev.Dbp = o.OptionalNumber("dbp", 0, 250);
                    ev.Spo2 = o.OptionalNumber("spo2", 0, 100);
                    ev.Rr = o.OptionalNumber("rr", 0, 100);
                    if (ev.Hr == null && ev.Sbp == null && ev.Dbp == null && ev.Spo2 == null && ev.Rr == null)
                    {
                        throw new ScenarioException(path, "a vitals event needs at least one of hr, sbp, dbp, spo2, rr");
                    }
                    break;
                case ScenarioEventType.Release:
                    break;
                case ScenarioEventType.Bytes:
                    ev.Bytes = ParseHex(o.String("hex", "", nonEmpty: true, required: true), path + ".hex");
                    break;
                case ScenarioEventType.PowerLoss:
                    ev.OffS = o.Number("offS", double.NaN, 0, 86400, required: true);
                    ev.DuringWrite = o.Bool("duringWrite", false);
                    break;
                case ScenarioEventType.Key:
                    string key = o.Choice("key", "", "up", "down", "ok", "back", "start", "pauseStop", "silence");
                    if (key.Length == 0)
                    {
                        throw new ScenarioException(path + ".key", "required");
                    }
                    ev.Key = Enum.Parse<PanelKey>(key, ignoreCase: true);
                    break;
                case ScenarioEventType.Desaturation:
                    ev.DurationS = o.Number("durationS", double.NaN, 0.05, 86400, required: true);
                    ev.Spo2 = o.Number("spo2", double.NaN, 50, 100, required: true);
                    break;
                case ScenarioEventType.SensorFault:
                    ev.DurationS = o.Number("durationS", double.NaN, 0.05, 86400, required: true);
                    ev.Device = o.Choice("device", "", "force", "position", "counter", "clamp", "store", "display", "rtc", "generator");
                    if (ev.Device.Length == 0)
                    {
                        throw new ScenarioException(path + ".device", "required");
                    }
                    break;
                case ScenarioEventType.Runaway:
                    ev.DurationS = o.Number("durationS", double.NaN, 0.05, 86400, required: true);
                    ev.RateMicrostepsPerS = o.OptionalNumber("rateMicrostepsPerS", 1, 100000) ?? 1000;
                    break;
                default:
                    ev.DurationS = o.Number("durationS", double.NaN, 0.05, 86400, required: true);
                    break;
            }
            o.EnsureNoUnknown();
            return ev;
        }

        private static byte[] ParseHex(string hex, string path)
        {
            var clean = new List<byte>();
            int nibbles = 0;
            int cur = 0;
            foreach (char c in hex)
            {
                if (c == ' ' || c == ':' || c == '-')
                {
                    continue;
                }
                int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (v < 0)
                {
                    throw new ScenarioException(path, "'" + c + "' is not a hex digit");
                }
                cur = (cur << 4) | v;
                if (++nibbles % 2 == 0)
                {
                    clean.Add((byte)cur);
                    cur = 0;
                }
            }
            if (nibbles % 2 != 0)
            {
                throw new ScenarioException(path, "odd number of hex digits");
            }
            return clean.ToArray();
        }

        private static string KnownSyringes()
        {
            var ids = new List<string>();
            foreach (SyringeSpec s in SyringeCatalog.Syringes)
            {
                ids.Add(s.Id);
            }
            return string.Join(", ", ids);
        }

        /// <summary>The path of a field inside the object at <paramref name="path"/>, as errors name it ("patient.weightKg").</summary>
        private static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

        /// <summary>
        /// JSON may escape half of a UTF-16 surrogate pair ("\ud800"), which is valid JSON but no .NET string:
        /// reading it throws. Checked once over the whole document, so every later read is safe.
        /// </summary>
        private static void RequireWellFormedText(JsonElement e, string path)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    int index = 0;
                    foreach (JsonProperty p in e.EnumerateObject())
                    {
                        string name;
                        try
                        {
                            name = p.Name;
                        }
                        catch (InvalidOperationException)
                        {
                            throw new ScenarioException(path, $"field name number {index + 1} contains an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF)");
                        }
                        RequireWellFormedText(p.Value, Child(path, name));
                        index++;
                    }
                    break;
                case JsonValueKind.Array:
                    int i = 0;
                    foreach (JsonElement item in e.EnumerateArray())
                    {
                        RequireWellFormedText(item, path + "[" + i++ + "]");
                    }
                    break;
                case JsonValueKind.String:
                    try
                    {
                        e.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        throw new ScenarioException(path, "the string contains an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF)");
                    }
                    break;
            }
        }

        internal static string Describe(JsonElement e)
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

        private static string FirstSentence(string m)
        {
            int i = m.IndexOf(". ", StringComparison.Ordinal);
            return i > 0 ? m.Substring(0, i + 1) : m;
        }

        /// <summary>A JSON object being read, with its path; remembers which fields were consumed.</summary>
        private sealed class Obj
        {
            private readonly JsonElement _e;
            private readonly string _path;
            private readonly HashSet<string> _used = new HashSet<string>(StringComparer.Ordinal);

            public Obj(JsonElement e, string path)
            {
                if (e.ValueKind != JsonValueKind.Object)
                {
                    throw new ScenarioException(path, "expected an object, got " + Describe(e));
                }
                _e = e;
                _path = path;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonProperty p in e.EnumerateObject())
                {
                    if (!seen.Add(p.Name))
                    {
                        throw new ScenarioException(Field(p.Name), "appears twice");
                    }
                }
            }

            private string Field(string name) => Child(_path, name);

            public bool Has(string name) => _e.TryGetProperty(name, out _);

            public JsonElement Take(string name)
            {
                _used.Add(name);
                return _e.GetProperty(name);
            }

            public void EnsureNoUnknown()
            {
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
                        throw new ScenarioException(Field(p.Name), "unknown field" + hint);
                    }
                }
            }

            public Obj? Object(string name)
            {
                _used.Add(name);
                if (!_e.TryGetProperty(name, out JsonElement v))
                {
                    return null;
                }
                return new Obj(v, Field(name));
            }

            public string String(string name, string fallback, bool nonEmpty = false, bool required = false)
            {
                _used.Add(name);
                if (!_e.TryGetProperty(name, out JsonElement v))
                {
                    if (required)
                    {
                        throw new ScenarioException(Field(name), "required");
                    }
                    return fallback;
                }
                if (v.ValueKind != JsonValueKind.String)
                {
                    throw new ScenarioException(Field(name), "expected a string, got " + Describe(v));
                }
                string s = v.GetString() ?? "";
                if (nonEmpty && s.Trim().Length == 0)
                {
                    throw new ScenarioException(Field(name), "must not be empty");
                }
                return s;
            }

            public string Choice(string name, string fallback, params string[] allowed)
            {
                string s = String(name, fallback);
                if (s.Length == 0 && fallback.Length == 0)
                {
                    return s;
                }
                foreach (string a in allowed)
                {
                    if (string.Equals(a, s, StringComparison.Ordinal))
                    {
                        return s;
                    }
                }
                throw new ScenarioException(Field(name), "'" + s + "' is not one of: " + string.Join(", ", allowed));
            }

            public bool Bool(string name, bool fallback)
            {
                _used.Add(name);
                if (!_e.TryGetProperty(name, out JsonElement v))
                {
                    return fallback;
                }
                if (v.ValueKind != JsonValueKind.True && v.ValueKind != JsonValueKind.False)
                {
                    throw new ScenarioException(Field(name), "expected true or false, got " + Describe(v));
                }
                return v.GetBoolean();
            }

            public double Number(string name, double fallback, double min, double max, bool required = false)
            {
                double? v = OptionalNumber(name, min, max);
                if (v == null)
                {
                    if (required)
                    {
                        throw new ScenarioException(Field(name), "required");
                    }
                    return fallback;
                }
                return v.Value;
            }

            public double? OptionalNumber(string name, double min, double max, double? fallback = null)
            {
                _used.Add(name);
                if (!_e.TryGetProperty(name, out JsonElement v))
                {
                    return fallback;
                }
                if (v.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double d) || double.IsNaN(d) || double.IsInfinity(d))
                {
                    throw new ScenarioException(Field(name), "expected a number, got " + Describe(v));
                }
                if (d < min || d > max)
                {
                    throw new ScenarioException(Field(name), d.ToString(CultureInfo.InvariantCulture) + " is out of range ["
                        + min.ToString(CultureInfo.InvariantCulture) + ", " + max.ToString(CultureInfo.InvariantCulture) + "]");
                }
                return d;
            }

            public int Int(string name, int fallback, int min, int max) => (int)Long(name, fallback, min, max);

            public long Long(string name, long fallback, long min, long max)
            {
                _used.Add(name);
                if (!_e.TryGetProperty(name, out JsonElement v))
                {
                    return fallback;
                }
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out long l))
                {
                    throw new ScenarioException(Field(name), "expected a whole number, got " + Describe(v));
                }
                if (l < min || l > max)
                {
                    throw new ScenarioException(Field(name), l.ToString(CultureInfo.InvariantCulture) + " is out of range ["
                        + min.ToString(CultureInfo.InvariantCulture) + ", " + max.ToString(CultureInfo.InvariantCulture) + "]");
                }
                return l;
            }
        }
    }
}
