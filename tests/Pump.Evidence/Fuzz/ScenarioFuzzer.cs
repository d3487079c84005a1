using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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

        /// <summary>Inputs by kind, indexed by <see cref="ScenarioFuzzer.Kind"/>; the seeds themselves are counted in none.</summary>
        public long[] ByKind { get; } = new long[3];
        public long Mutated => ByKind[(int)ScenarioFuzzer.Kind.Mutated];
        public long RandomText => ByKind[(int)ScenarioFuzzer.Kind.RandomText];
        public long TokenSoup => ByKind[(int)ScenarioFuzzer.Kind.TokenSoup];

        /// <summary>
        /// Refusals by top-level field, at most <see cref="MaxFields"/> names: mutated and random inputs invent
        /// field names without end, and an unbounded table would be growth of the harness, not of the loader.
        /// </summary>
        public Dictionary<string, long> RefusedByField { get; } = new Dictionary<string, long>();

        public const int MaxFields = 64;
        public const string OtherFields = "(other fields)";

        public void CountRefusal(string field)
        {
            if (!RefusedByField.ContainsKey(field) && RefusedByField.Count >= MaxFields - 1)
            {
                field = OtherFields;
            }
            RefusedByField[field] = RefusedByField.GetValueOrDefault(field) + 1;
        }
    }

    /// <summary>
    /// Random and mutated scenario files for <see cref="ScenarioLoader.Parse"/>, deterministic from the seed.
    /// Seeds are the shipped scenarios (simulator/scenarios/*.json) and the committed hostile corpus.
    /// Per input (<see cref="Kind"/>): 10 % random text (random bytes of random length, decoded as
    /// <see cref="ScenarioLoader.LoadFile"/> decodes a file), 10 % token soup (JSON tokens, the seeds' string
    /// literals, odd numbers, escapes, comments and small well-formed values in random order), 80 % a seed
    /// mutated textually (flips, cuts, inserted punctuation, truncation) and structurally (a property removed,
    /// retyped, set to an extreme, duplicated or unknown; deep nesting). Oracles: the loader returns a scenario or throws
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

        private static readonly string[] SoupTokens =
        {
            "{", "}", "[", "]", ",", ":", "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "\r\n",
            "true", "false", "null", "NaN", "Infinity", "-Infinity", "undefined",
            "0", "-0", "1", "-1", "01", "1.", ".5", "1e999", "-1e999", "1e-999", "4.9e-324", "1.7976931348623157e308",
            "2147483648", "-2147483649", "9223372036854775808", "0x10", "+1", "-", "1e", "1_000",
            "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\uZZZZ\"", "\"\\x\"", "\"\\\"",
            "\"", "'", "//", "/*", "*/", "// comment\n", "/* comment */", "\u0000", "\uFEFF", "\u00e9", "\ud83d\ude00",
        };

        private static readonly byte[][] ByteOrderMarks =
        {
            new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFF, 0xFE }, new byte[] { 0xFE, 0xFF }, new byte[] { 0xFF, 0xFE, 0x00, 0x00 },
        };

        /// <summary>What kind of input <see cref="Next(out Kind)"/> produced.</summary>
        public enum Kind
        {
            RandomText,
            TokenSoup,
            Mutated,
        }

        private readonly Random _random;
        private readonly IReadOnlyList<string> _seeds;
        private readonly string[] _literals;

        public ScenarioFuzzer(int seed, IReadOnlyList<string> seeds)
        {
            _random = new Random(seed);
            _seeds = seeds;
            _literals = Literals(seeds);
        }

        /// <summary>The seeds' short string literals (field names, syringes, event types), sorted so runs repeat.</summary>
        private static string[] Literals(IReadOnlyList<string> seeds)
        {
            var literals = new SortedSet<string>(StringComparer.Ordinal) { "\"name\"", "\"syringe\"", "\"events\"" };
            foreach (string seed in seeds)
            {
                foreach (Match m in Regex.Matches(seed, @"""(?:[^""\\\r\n]|\\.){0,40}"""))
                {
                    literals.Add(m.Value);
                }
            }
            return literals.ToArray();
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

        public string Next(out Kind kind)
        {
            int choice = _random.Next(10);
            if (choice == 0)
            {
                kind = Kind.RandomText;
                return RandomText();
            }
            if (choice == 1)
            {
                kind = Kind.TokenSoup;
                return TokenSoup();
            }
            kind = Kind.Mutated;
            string seed = _seeds[_random.Next(_seeds.Count)];
            int mutations = 1 + _random.Next(3);
            string text = seed;
            for (int i = 0; i < mutations; i++)
            {
                text = _random.Next(2) == 0 ? MutateText(text) : MutateStructure(text);
            }
            return text;
        }

        /// <summary>Up to 4 KiB of random bytes (sometimes printable only, sometimes behind a byte-order mark), read as a file.</summary>
        public string RandomText()
        {
            var bytes = new byte[_random.Next(1 << _random.Next(13))];
            _random.NextBytes(bytes);
            switch (_random.Next(4))
            {
                case 0:
                    for (int i = 0; i < bytes.Length; i++)
                    {
                        bytes[i] = (byte)(0x20 + bytes[i] % 0x5F); // printable ASCII
                    }
                    break;
                case 1:
                    byte[] bom = ByteOrderMarks[_random.Next(ByteOrderMarks.Length)];
                    Array.Copy(bom, bytes, Math.Min(bom.Length, bytes.Length));
                    break;
            }
            // Decoded exactly as File.ReadAllText decodes a scenario file (UTF-8 unless a byte-order mark says otherwise).
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        /// <summary>Up to 255 JSON-ish pieces in random order: tokens, the seeds' literals, numbers, small well-formed values.</summary>
        public string TokenSoup()
        {
            var b = new StringBuilder();
            if (_random.Next(2) == 0)
            {
                b.Append('{'); // most scenario files start so: get past the root check more often
            }
            int pieces = _random.Next(1 << _random.Next(9));
            for (int i = 0; i < pieces; i++)
            {
                switch (_random.Next(8))
                {
                    case 0:
                    case 1:
                    case 2:
                        b.Append(SoupTokens[_random.Next(SoupTokens.Length)]);
                        break;
                    case 3:
                    case 4:
                        b.Append(_literals[_random.Next(_literals.Length)]);
                        break;
                    case 5:
                        b.Append(RandomNumber());
                        break;
                    case 6:
                        b.Append((char)_random.Next(0x20, 0x7F));
                        break;
                    default:
                        b.Append(RandomValue(depth: 0));
                        break;
                }
                if (_random.Next(4) == 0)
                {
                    b.Append(_random.Next(2) == 0 ? ',' : ':');
                }
            }
            return b.ToString();
        }

        private string RandomNumber()
        {
            switch (_random.Next(4))
            {
                case 0:
                    return _random.Next(-1000, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 1:
                    return ((long)(_random.NextDouble() * long.MaxValue) * (_random.Next(2) * 2 - 1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 2:
                    return (_random.NextDouble() * Math.Pow(10, _random.Next(-12, 12))).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                default:
                    return BitConverter.Int64BitsToDouble(((long)_random.Next() << 32) | (uint)_random.Next()).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        /// <summary>A small well-formed JSON value whose keys are the seeds' literals (reaches the loader's field checks).</summary>
        private string RandomValue(int depth)
        {
            switch (depth >= 3 ? _random.Next(3) : _random.Next(5))
            {
                case 0:
                    return RandomNumber();
                case 1:
                    return _literals[_random.Next(_literals.Length)];
                case 2:
                    return _random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" };
                case 3:
                    var array = new StringBuilder("[");
                    int items = _random.Next(4);
                    for (int i = 0; i < items; i++)
                    {
                        array.Append(i == 0 ? "" : ",").Append(RandomValue(depth + 1));
                    }
                    return array.Append(']').ToString();
                default:
                    var obj = new StringBuilder("{");
                    int members = _random.Next(5);
                    for (int i = 0; i < members; i++)
                    {
                        obj.Append(i == 0 ? "" : ",").Append(_literals[_random.Next(_literals.Length)]).Append(':').Append(RandomValue(depth + 1));
                    }
                    return obj.Append('}').ToString();
            }
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
                totals.CountRefusal(e.Field.Length == 0 ? "(document)" : e.Field.Split('.', '[')[0]);
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

        /// <summary>Checks every seed, then runs <paramref name="inputs"/> random and mutated scenarios.</summary>
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
                string input = fuzzer.Next(out Kind kind);
                totals.ByKind[(int)kind]++;
                Check(input, totals);
            }
            return totals;
        }
    }
}
