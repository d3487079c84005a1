using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Pump.Evidence.Traceability
{
    /// <summary>One requirement from hardware-docs/requirements.md.</summary>
    public sealed record Requirement(string Id, string Section, string Statement, bool Withdrawn);

    /// <summary>A test method that cites requirement IDs (in a `// Proves:` comment or in its name).</summary>
    public sealed record TestCitation(string File, string Method, IReadOnlyList<string> Ids);

    /// <summary>
    /// Requirement → tests matrix. Requirements are the `- **ID** — statement` lines of requirements.md;
    /// citations are `// Proves: ID, ID` comments above a test method, and IDs in test method names
    /// (`STM001_...` or `STM_001_...`), across every .cs file under tests/ (bin and obj excluded).
    /// </summary>
    public sealed class TraceabilityMatrix
    {
        private static readonly Regex RequirementLine = new Regex(@"^- \*\*([A-Z]{3}-\d{3})\*\*\s*[—-]+\s*(.*)$", RegexOptions.Compiled);
        private static readonly Regex SectionLine = new Regex(@"^## ([A-Z]{3})\b", RegexOptions.Compiled);
        private static readonly Regex ProvesComment = new Regex(@"^\s*//\s*Proves:\s*(.+)$", RegexOptions.Compiled);
        private static readonly Regex IdInText = new Regex(@"\b([A-Z]{3}-\d{3})\b", RegexOptions.Compiled);
        private static readonly Regex MethodLine = new Regex(@"^\s*(?:public|internal|private|protected)?\s*(?:static\s+)?(?:async\s+)?(?:void|Task)\s+(\w+)\s*\(", RegexOptions.Compiled);
        private static readonly Regex IdInName = new Regex(@"(?<![A-Za-z])([A-Z]{3})_?(\d{3})(?!\d)", RegexOptions.Compiled);

        private TraceabilityMatrix(IReadOnlyList<Requirement> requirements, IReadOnlyList<TestCitation> citations)
        {
            Requirements = requirements;
            Citations = citations;
        }

        public IReadOnlyList<Requirement> Requirements { get; }
        public IReadOnlyList<TestCitation> Citations { get; }

        public static TraceabilityMatrix FromRepository(string root)
        {
            var requirements = ParseRequirements(File.ReadAllLines(Path.Combine(root, "hardware-docs", "requirements.md")));
            var citations = new List<TestCitation>();
            string tests = Path.Combine(root, "tests");
            foreach (string file in Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(f)).OrderBy(f => f, StringComparer.Ordinal))
            {
                string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                citations.AddRange(ParseCitations(relative, File.ReadAllLines(file)));
            }
            return new TraceabilityMatrix(requirements, citations);
        }

        private static bool IsBuildOutput(string path)
        {
            string normalized = path.Replace('\\', '/');
            return normalized.Contains("/bin/") || normalized.Contains("/obj/");
        }

        public static IReadOnlyList<Requirement> ParseRequirements(IEnumerable<string> lines)
        {
            var found = new List<Requirement>();
            string section = "";
            foreach (string line in lines)
            {
                Match s = SectionLine.Match(line);
                if (s.Success)
                {
                    section = s.Groups[1].Value;
                    continue;
                }
                Match r = RequirementLine.Match(line);
                if (r.Success)
                {
                    string statement = r.Groups[2].Value.Trim();
                    bool withdrawn = statement.StartsWith("*Withdrawn", StringComparison.OrdinalIgnoreCase)
                        || statement.StartsWith("Withdrawn", StringComparison.OrdinalIgnoreCase);
                    found.Add(new Requirement(r.Groups[1].Value, section, statement, withdrawn));
                }
            }
            return found;
        }

        /// <summary>Citations in one source file: each `// Proves:` block belongs to the next test method.</summary>
        public static IReadOnlyList<TestCitation> ParseCitations(string file, IReadOnlyList<string> lines)
        {
            var found = new List<TestCitation>();
            var pending = new List<string>();
            foreach (string line in lines)
            {
                Match proves = ProvesComment.Match(line);
                if (proves.Success)
                {
                    pending.AddRange(IdInText.Matches(proves.Groups[1].Value).Select(m => m.Groups[1].Value));
                    continue;
                }
                Match method = MethodLine.Match(line);
                if (method.Success)
                {
                    string name = method.Groups[1].Value;
                    var ids = new List<string>(pending);
                    ids.AddRange(IdInName.Matches(name).Select(m => m.Groups[1].Value + "-" + m.Groups[2].Value));
                    if (ids.Count > 0)
                    {
                        found.Add(new TestCitation(file, name, ids.Distinct().ToList()));
                    }
                    pending.Clear();
                }
            }
            return found;
        }

        public IReadOnlyList<TestCitation> TestsOf(string id) => Citations.Where(c => c.Ids.Contains(id)).ToList();

        /// <summary>Active requirements that no test cites.</summary>
        public IReadOnlyList<Requirement> Untested() =>
            Requirements.Where(r => !r.Withdrawn && TestsOf(r.Id).Count == 0).ToList();

        /// <summary>Citations of IDs that are not requirements (or are withdrawn).</summary>
        public IReadOnlyList<(TestCitation Test, string Id)> UnknownCitations()
        {
            var active = new HashSet<string>(Requirements.Where(r => !r.Withdrawn).Select(r => r.Id));
            return Citations.SelectMany(c => c.Ids.Where(id => !active.Contains(id)).Select(id => (c, id))).ToList();
        }

        public string Describe(IEnumerable<Requirement> requirements) =>
            string.Join("\n", requirements.Select(r => $"  {r.Id} — {Shorten(r.Statement, 110)}"));

        public string ToMarkdown()
        {
            var text = new StringBuilder();
            text.AppendLine("# Traceability matrix (generated)");
            text.AppendLine();
            text.AppendLine("Requirement → tests, from `hardware-docs/requirements.md` and the `// Proves: ID` comments and IDs in test");
            text.AppendLine("names across `tests/**`. Do not edit by hand; regenerate with");
            text.AppendLine("`dotnet run --project tests/Pump.Evidence -- traceability`.");
            text.AppendLine();
            var untested = Untested();
            var unknown = UnknownCitations();
            int active = Requirements.Count(r => !r.Withdrawn);
            text.AppendLine($"{active} requirements, {active - untested.Count} with at least one test, {untested.Count} without; "
                + $"{Citations.Count} citing test methods; {unknown.Count} citation(s) of unknown IDs.");
            text.AppendLine();
            foreach (var section in Requirements.GroupBy(r => r.Section))
            {
                text.AppendLine($"## {section.Key}");
                text.AppendLine();
                text.AppendLine("| Requirement | Tests |");
                text.AppendLine("|---|---|");
                foreach (Requirement r in section)
                {
                    var tests = TestsOf(r.Id);
                    string cell = r.Withdrawn ? "withdrawn"
                        : tests.Count == 0 ? "**NO TEST**"
                        : string.Join("<br>", tests.Select(t => $"`{t.Method}` ({t.File})"));
                    text.AppendLine($"| **{r.Id}** {Escape(Shorten(r.Statement, 140))} | {cell} |");
                }
                text.AppendLine();
            }
            if (unknown.Count > 0)
            {
                text.AppendLine("## Citations of unknown IDs");
                text.AppendLine();
                foreach (var (test, id) in unknown)
                {
                    text.AppendLine($"- `{id}` in `{test.Method}` ({test.File})");
                }
                text.AppendLine();
            }
            return text.ToString().Replace("\r\n", "\n");
        }

        private static string Escape(string text) => text.Replace("|", "\\|");

        private static string Shorten(string text, int max)
        {
            int rationale = text.IndexOf(" *", StringComparison.Ordinal);
            string statement = rationale > 0 ? text.Substring(0, rationale) : text;
            return statement.Length <= max ? statement : statement.Substring(0, max - 1) + "…";
        }
    }
}
