using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Pump.Sim.Physics;
using Pump.Sim.Scenarios;

namespace Pump.Evidence.Fuzz
{
    /// <summary>Totals of a scenario-loader fuzz run.</summary>
    public sealed class ScenarioFuzzTotals
    {
        public long Inputs { get; set; }
        public long Accepted { get; set; }
        public long Refused { get; set; }
        public Dictionary<string, long> RefusedByField { get; } = new Dictionary<string, long>();
    }

    /// <summary>
    /// Mutated scenario files for <see cref="ScenarioLoader.Parse"/>. Seeds are the shipped scenarios
    /// (simulator/scenarios/*.json) and the committed hostile corpus. Mutations are textual (flips, cuts,
    /// inserted punctuation, truncation) and structural (a property removed, retyped, set to an extreme,
    /// duplicated or unknown; deep nesting). Oracles: the loader returns a scenario or throws
    /// <see cref="ScenarioException"/> with a field and a problem; nothing else escapes; an accepted scenario
    /// has a known syringe, finite values and times inside the documented ranges.
    /// </summary>
    public sealed class ScenarioFuzzer
    {
        private static readonly string[] Punctuation = { "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "-", "e999", "1e-999", "\u0000", "//", "/*" };

        private static readonly JsonNode?[] Extremes =
        {
            null, JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1e308), JsonValue.Create(-1e308), JsonValue.Create(long.MaxValue),
            JsonValue.Create(0.000001), JsonValue.Create(2147483648L), JsonValue.Create(""), JsonValue.Create("x"), JsonValue.Create(true),
            new JsonArray(), new JsonObject(), JsonValue.Create(new string('a', 10_000)),
        };

        private readonly Random _random;
        private readonly IReadOnlyList<string> _seeds;

        public ScenarioFuzzer(int seed, IReadOnlyList<string> seeds)
        {
            _random = new Random(seed);
            _seeds = seeds;
        }

        public static IReadOnlyList<string> LoadSeeds(string repositoryRoot)
        {
            var files = Directory.EnumerateFiles(Path.Combine(repositoryRoot, "simulator", "scenarios"), "*.json")
                .Where(f => !f.EndsWith("schema.json", StringComparison.Ordinal))
                .Concat(Directory.EnumerateFiles(Path.Combine(repositoryRoot, ScenarioCorpusDirectory), "*.json"))
                .OrderBy(f => f, StringComparer.Ordinal);
            return files.Select(File.ReadAllText).ToList();
        }

        public const string ScenarioCorpusDirectory = "tests/Pump.Evidence.Tests/Fuzz/Corpus/scenario";

        public string Next()
        {
            string seed = _seeds[_random.Next(_seeds.Count)];
            int mutations = 1 + _random.Next(3);
            string text = seed;
            for (int i = 0; i < mutations; i++)
            {
                text = _random.Next(2) == 0 ? MutateText(text) : MutateStructure(text);
            }
            return text;
        }

        private string MutateText(string text)
        {
            var b = new StringBuilder(text);
            int at = b.Length == 0 ? 0 : _random.Next(b.Length);
            switch (_random.Next(6))
            {
                case 0 when b.Length > 0:
                    b[at] = (char)(b[at] ^ (1 << _random.Next(7)));
                    break;
                case 1 when b.Length > 0:
                    b.Remove(at, Math.Min(b.Length - at, 1 + _random.Next(20)));
                    break;
                case 2:
                    b.Insert(at, Punctuation[_random.Next(Punctuation.Length)]);
                    break;
                case 3:
                    b.Length = at; // truncate
                    break;
                case 4 when b.Length > 0:
                    int len = Math.Min(b.Length - at, 1 + _random.Next(60));
                    b.Insert(at, b.ToString(at, len)); // duplicate a span
                    break;
                default:
                    b.Insert(at, new string('[', 1 + _random.Next(2000))); // deep nesting
                    break;
            }
            return b.ToString();
        }

        private string MutateStructure(string text)
        {
            try
            {
                return MutateStructureOrThrow(text);
            }
            catch (Exception e) when (e is ArgumentException || e is InvalidOperationException || e is System.Text.Json.JsonException)
            {
                // JsonNode materialises lazily (duplicate keys, depth): such seeds get a textual mutation instead.
                return MutateText(text);
            }
        }

        private string MutateStructureOrThrow(string text)
        {
            JsonNode? root;
            try
            {
                root = JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (Exception)
            {
                return MutateText(text);
            }
            if (root == null)
            {
                return text;
            }
            var containers = new List<JsonNode>();
            Collect(root, containers);
            JsonNode target = containers[_random.Next(containers.Count)];
            if (target is JsonObject obj && obj.Count > 0)
            {
                string key = obj.ElementAt(_random.Next(obj.Count)).Key;
                switch (_random.Next(4))
                {
                    case 0:
                        obj.Remove(key);
                        break;
                    case 1:
                        obj[key] = Extremes[_random.Next(Extremes.Length)]?.DeepClone();
                        break;
                    case 2:
                        obj["unknown" + _random.Next(100)] = JsonValue.Create(1);
                        break;
                    default:
                        obj[key] = JsonValue.Create(-(_random.NextDouble() * Math.Pow(10, _random.Next(12))));
                        break;
                }
            }
            else if (target is JsonArray array)
            {
                if (array.Count > 0 && _random.Next(2) == 0)
                {
                    array.RemoveAt(_random.Next(array.Count));
                }
                else
                {
                    array.Add(array.Count > 0 && _random.Next(2) == 0 ? array[_random.Next(array.Count)]?.DeepClone() : Extremes[_random.Next(Extremes.Length)]?.DeepClone());
                }
            }
            return root.ToJsonString();
        }

        private static void Collect(JsonNode node, List<JsonNode> into)
        {
            if (node is JsonObject o)
            {
                into.Add(o);
                foreach (var kv in o)
                {
                    if (kv.Value != null) Collect(kv.Value, into);
                }
            }
            else if (node is JsonArray a)
            {
                into.Add(a);
                foreach (JsonNode? child in a)
                {
                    if (child != null) Collect(child, into);
                }
            }
        }

        /// <summary>Parses one input and checks the oracles; throws <see cref="FuzzFailure"/>.</summary>
        public static void Check(string input, ScenarioFuzzTotals totals)
        {
            Scenario scenario;
            try
            {
                scenario = ScenarioLoader.Parse(input);
            }
            catch (ScenarioException e)
            {
                if (string.IsNullOrWhiteSpace(e.Problem))
                {
                    throw new FuzzFailure("refused without saying why", Encoding.UTF8.GetBytes(input));
                }
                totals.Inputs++;
                totals.Refused++;
                string field = e.Field.Length == 0 ? "(document)" : e.Field.Split('.', '[')[0];
                totals.RefusedByField[field] = totals.RefusedByField.GetValueOrDefault(field) + 1;
                return;
            }
            catch (Exception e)
            {
                throw new FuzzFailure($"{e.GetType().Name} escaped the scenario loader: {e.Message}", Encoding.UTF8.GetBytes(input), e);
            }
            totals.Inputs++;
            totals.Accepted++;
            string? problem = Implausible(scenario);
            if (problem != null)
            {
                throw new FuzzFailure("accepted a scenario with " + problem, Encoding.UTF8.GetBytes(input));
            }
        }

        private static string? Implausible(Scenario s)
        {
            if (string.IsNullOrEmpty(s.Name)) return "an empty name";
            if (!SyringeCatalog.TryGet(s.Syringe, out SyringeSpec spec)) return "an unknown syringe";
            if (s.FillMl is double fill && (!double.IsFinite(fill) || fill <= 0 || fill > spec.NominalMl)) return "a fill outside the syringe";
            if (!double.IsFinite(s.EndAfterMin) || s.EndAfterMin < 0.1 || s.EndAfterMin > 24 * 60) return "a run length outside 0.1 min..24 h";
            if (!double.IsFinite(s.Patient.WeightKg) || s.Patient.WeightKg <= 0) return "a non-positive weight";
            if (!double.IsFinite(s.Program.DoseMgPerKg) || !double.IsFinite(s.Program.DurationMin) || !double.IsFinite(s.Program.ConcentrationMgPerMl)) return "a non-finite program";
            if (s.Monitor.MonitorId == 0) return "monitor id 0";
            foreach (ScenarioEvent e in s.Events)
            {
                if (!double.IsFinite(e.AtS) || e.AtS < 0) return $"an event time {e.AtS}";
                if (e.DurationS is double d && (!double.IsFinite(d) || d < 0)) return $"an event duration {d}";
            }
            return null;
        }

        /// <summary>Runs <paramref name="inputs"/> mutated scenarios.</summary>
        public static ScenarioFuzzTotals Run(int seed, long inputs, IReadOnlyList<string> seeds, Action<long>? progress = null)
        {
            var fuzzer = new ScenarioFuzzer(seed, seeds);
            var totals = new ScenarioFuzzTotals();
            foreach (string s in seeds)
            {
                Check(s, totals);
            }
            for (long i = 0; i < inputs; i++)
            {
                if (i % 1000 == 0)
                {
                    progress?.Invoke(i);
                }
                Check(fuzzer.Next(), totals);
            }
            return totals;
        }
    }
}
