using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Pump.Hal;
using Pump.Sim.Physics;
using Pump.Sim.Scenarios.Expectations;

namespace Pump.Sim.Scenarios
{
    /// <summary>
    /// Reads a scenario from JSON strictly: every unknown field, wrong type, out-of-range value, value the pump's
    /// panel cannot take, and contradictory expectation is reported, all of them at once, as a
    /// <see cref="ScenarioException"/> naming each field's path. Missing optional fields take the defaults of the
    /// built-in scenario.
    /// </summary>
    public static class ScenarioLoader
    {
        private static readonly string[] EventTypes =
        {
            "vitals", "release", "linkLoss", "bytes", "wrongMonitor", "probeOff", "occlusion", "clampOpen", "motorStall", "runaway",
            "powerLoss", "key", "desaturation", "driverFault", "sensorFault", "hang",
        };

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
                var errors = new List<ScenarioError>();
                RequireWellFormedText(doc.RootElement, "", errors);
                if (errors.Count > 0)
                {
                    // Text that is no .NET string cannot be read further.
                    throw new ScenarioException(errors);
                }
                Scenario s = Read(new JsonFields(doc.RootElement, "", errors));
                if (errors.Count > 0)
                {
                    throw new ScenarioException(errors);
                }
                return s;
            }
        }

        private static Scenario Read(JsonFields root)
        {
            List<ScenarioError> errors = root.Errors;
            var s = new Scenario();
            s.Name = root.String("name", s.Name, nonEmpty: true);
            s.Seed = root.Int("seed", s.Seed, int.MinValue, int.MaxValue);
            s.Syringe = root.String("syringe", s.Syringe, nonEmpty: true);
            double maxFill = 1000;
            if (SyringeCatalog.TryGet(s.Syringe, out SyringeSpec spec))
            {
                maxFill = spec.NominalMl;
            }
            else
            {
                root.Fail("syringe", "unknown syringe '" + s.Syringe + "'; known: " + KnownSyringes());
            }
            s.FillMl = root.OptionalNumber("fillMl", 0.5, maxFill);
            s.EndAfterMin = root.Number("endAfterMin", s.EndAfterMin, 0.1, 24 * 60);

            JsonFields? patient = root.Object("patient");
            if (patient != null)
            {
                s.Patient.WeightKg = Panel(patient, "weightKg", s.Patient.WeightKg, 1, 400);
                s.Patient.Id = patient.String("id", "");
                if (Pump.Core.Programming.PatientId.Pack(s.Patient.Id.ToCharArray(), s.Patient.Id.Length) <= 0 && s.Patient.Id.Length > 0)
                {
                    patient.Fail("patient.id", "'" + s.Patient.Id + "' cannot be entered on the pump's panel: 1 to "
                        + Pump.Core.Programming.PatientId.MaxLength + " characters A-Z and 0-9");
                    s.Patient.Id = "";
                }
                s.Patient.Variability = patient.Choice("variability", s.Patient.Variability, false, "typical", "population");
                s.Patient.DesaturationRiskPerSession = patient.Number("desaturationRiskPerSession", 0, 0, 1);
                JsonFields? b = patient.Object("baseline");
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
                        b.Fail("patient.baseline.dbp", "must be below sbp (" + s.Patient.Baseline.Sbp.ToString(CultureInfo.InvariantCulture) + ")");
                    }
                }
                patient.EnsureNoUnknown();
            }

            JsonFields? program = root.Object("program");
            if (program != null)
            {
                s.Program.Drug = program.String("drug", s.Program.Drug, nonEmpty: true);
                s.Program.ConcentrationMgPerMl = program.Number("concentrationMgPerMl", s.Program.ConcentrationMgPerMl, 0.001, 1000);
                s.Program.DoseMgPerKg = Panel(program, "doseMgPerKg", s.Program.DoseMgPerKg, 0.001, 100);
                s.Program.DurationMin = Panel(program, "durationMin", s.Program.DurationMin, 1, 24 * 60);
                s.Program.ConfirmSoftLimits = program.Bool("confirmSoftLimits", s.Program.ConfirmSoftLimits);
                program.EnsureNoUnknown();
            }

            JsonFields? clinician = root.Object("clinician");
            if (clinician != null)
            {
                s.Clinician.StartAfterS = clinician.Number("startAfterS", s.Clinician.StartAfterS, 0, 86400);
                s.Clinician.AcknowledgeAfterS = clinician.OptionalNumber("acknowledgeAfterS", 0, 86400, s.Clinician.AcknowledgeAfterS);
                s.Clinician.ResumeWhenSafe = clinician.Bool("resumeWhenSafe", s.Clinician.ResumeWhenSafe);
                s.Clinician.KeyIntervalS = clinician.Number("keyIntervalS", s.Clinician.KeyIntervalS, 0.05, 60);
                JsonFields? titration = clinician.Object("titration");
                if (titration != null)
                {
                    var t = new TitrationSpec();
                    t.DissociationAbove = titration.Number("dissociationAbove", t.DissociationAbove, 0, 1);
                    t.LowerToMgPerKgPerH = Panel(titration, "lowerToMgPerKgPerH", t.LowerToMgPerKgPerH, 0.01, 99.99);
                    t.RaiseBack = titration.Bool("raiseBack", t.RaiseBack);
                    t.RaiseBackBelow = titration.OptionalNumber("raiseBackBelow", 0, 1);
                    t.SettledForMin = titration.Number("settledForMin", t.SettledForMin, 0.5, 120);
                    t.SettledBand = titration.Number("settledBand", t.SettledBand, 0.001, 0.5);
                    t.ConfirmSoftLimits = titration.Bool("confirmSoftLimits", t.ConfirmSoftLimits);
                    titration.EnsureNoUnknown();
                    s.Clinician.Titration = t;
                }

                clinician.EnsureNoUnknown();
            }

            JsonFields? monitor = root.Object("monitor");
            if (monitor != null)
            {
                s.Monitor.NibpIntervalMin = monitor.Number("nibpIntervalMin", s.Monitor.NibpIntervalMin, 1.0 / 60, 120);
                s.Monitor.MonitorId = (uint)monitor.Long("monitorId", s.Monitor.MonitorId, 1, uint.MaxValue);
                monitor.EnsureNoUnknown();
            }

            if (root.TryTake("events", out JsonElement events))
            {
                if (events.ValueKind != JsonValueKind.Array)
                {
                    root.Fail("events", "expected an array of events, got " + JsonFields.Describe(events));
                }
                else
                {
                    int i = 0;
                    foreach (JsonElement e in events.EnumerateArray())
                    {
                        ScenarioEvent? ev = ParseEvent(new JsonFields(e, "events[" + i + "]", errors), s.EndAfterMin * 60);
                        if (ev != null)
                        {
                            s.Events.Add(ev);
                        }
                        i++;
                    }
                    s.Events.Sort((a, b) => a.AtS.CompareTo(b.AtS));
                }
            }

            JsonFields? expect = root.Object("expect");
            if (expect != null)
            {
                s.Expectations = ExpectationParser.Parse(expect, s);
            }
            root.EnsureNoUnknown();
            return s;
        }

        /// <summary>A programme number the clinician types on the panel: in range, and a value the panel's editor can show.</summary>
        private static double Panel(JsonFields o, string name, double fallback, double min, double max)
        {
            int before = o.Errors.Count;
            double v = o.Number(name, fallback, min, max);
            if (o.Errors.Count == before && o.Has(name))
            {
                PanelEntry.Check(PanelEntry.For(o.Field(name)), v, o.Errors);
            }
            return v;
        }

        private static ScenarioEvent? ParseEvent(JsonFields o, double endS)
        {
            if (!o.IsObject)
            {
                return null; // already reported
            }
            string path = o.Path;
            var ev = new ScenarioEvent { Path = path };
            ev.AtS = o.Number("atS", double.NaN, 0, endS, required: true);
            string type = o.Choice("type", "", true, EventTypes);
            if (type.Length == 0)
            {
                return null; // which other fields belong depends on the type
            }
            ev.Type = Enum.Parse<ScenarioEventType>(type, ignoreCase: true);
            switch (ev.Type)
            {
                case ScenarioEventType.Vitals:
                    int before = o.Errors.Count;
                    ev.Hr = o.OptionalNumber("hr", 0, 300);
                    ev.Sbp = o.OptionalNumber("sbp", 0, 350);
                    ev.Dbp = o.OptionalNumber("dbp", 0, 250);
                    ev.Spo2 = o.OptionalNumber("spo2", 0, 100);
                    ev.Rr = o.OptionalNumber("rr", 0, 100);
                    if (ev.Hr == null && ev.Sbp == null && ev.Dbp == null && ev.Spo2 == null && ev.Rr == null && o.Errors.Count == before)
                    {
                        o.Fail(path, "a vitals event needs at least one of hr, sbp, dbp, spo2, rr");
                    }
                    break;
                case ScenarioEventType.Release:
                    break;
                case ScenarioEventType.Bytes:
                    ev.Bytes = ParseHex(o.String("hex", "", nonEmpty: true, required: true), o.Field("hex"), o);
                    break;
                case ScenarioEventType.PowerLoss:
                    ev.OffS = o.Number("offS", double.NaN, 0, 86400, required: true);
                    ev.DuringWrite = o.Bool("duringWrite", false);
                    break;
                case ScenarioEventType.Key:
                    string key = o.Choice("key", "", true, "up", "down", "ok", "back", "start", "pauseStop", "silence");
                    if (key.Length > 0)
                    {
                        ev.Key = Enum.Parse<PanelKey>(key, ignoreCase: true);
                    }
                    break;
                case ScenarioEventType.Desaturation:
                    ev.DurationS = o.Number("durationS", double.NaN, 0.05, 86400, required: true);
                    ev.Spo2 = o.Number("spo2", double.NaN, 50, 100, required: true);
                    break;
                case ScenarioEventType.SensorFault:
                    ev.DurationS = o.Number("durationS", double.NaN, 0.05, 86400, required: true);
                    ev.Device = o.Choice("device", "", true, "force", "position", "counter", "clamp", "store", "display", "rtc", "generator");
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

        private static byte[] ParseHex(string hex, string path, JsonFields o)
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
                    o.Fail(path, "'" + c + "' is not a hex digit");
                    return Array.Empty<byte>();
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
                o.Fail(path, "odd number of hex digits");
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

        /// <summary>
        /// JSON may escape half of a UTF-16 surrogate pair ("\ud800"), which is valid JSON but no .NET string:
        /// reading it throws. Checked once over the whole document, so every later read is safe.
        /// </summary>
        private static void RequireWellFormedText(JsonElement e, string path, List<ScenarioError> errors)
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
                            errors.Add(new ScenarioError(path, $"field name number {index + 1} contains an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF)"));
                            index++;
                            continue;
                        }
                        RequireWellFormedText(p.Value, JsonFields.Child(path, name), errors);
                        index++;
                    }
                    break;
                case JsonValueKind.Array:
                    int i = 0;
                    foreach (JsonElement item in e.EnumerateArray())
                    {
                        RequireWellFormedText(item, path + "[" + i++ + "]", errors);
                    }
                    break;
                case JsonValueKind.String:
                    try
                    {
                        e.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        errors.Add(new ScenarioError(path, "the string contains an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF)"));
                    }
                    break;
            }
        }

        private static string FirstSentence(string m)
        {
            int i = m.IndexOf(". ", StringComparison.Ordinal);
            return i > 0 ? m.Substring(0, i + 1) : m;
        }
    }
}
