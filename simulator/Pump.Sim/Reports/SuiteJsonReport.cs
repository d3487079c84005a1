using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Pump.Sim.Running;
using Pump.Sim.Scenarios.Testing;

namespace Pump.Sim.Reports
{
    /// <summary>The JSON result file of a suite run: totals, and per scenario its status, verdicts and run summary.</summary>
    public static class SuiteJsonReport
    {
        public static string Build(SuiteResult suite)
        {
            var doc = new Document
            {
                Scenarios = suite.Results.Count,
                Passed = suite.Passed,
                Failed = suite.Failed,
                Errors = suite.Errors,
                ExitCode = suite.ExitCode,
                Workers = suite.Workers,
                WallMs = System.Math.Round(suite.WallMs, 1),
                CpuMs = suite.CpuMs,
                Results = suite.Results.Select(r => new Entry
                {
                    File = r.File,
                    Name = r.Name,
                    Seed = r.Seed,
                    Status = r.Status.ToString().ToLowerInvariant(),
                    Error = r.Error,
                    Verdicts = r.Verdicts.Select(v => new VerdictEntry { Field = v.Field, Passed = v.Passed, Expected = v.Expected, Actual = v.Actual }).ToList(),
                    WallMs = System.Math.Round(r.WallMs, 1),
                    CpuMs = r.CpuMs,
                    Summary = r.Summary,
                }).ToList(),
            };
            return JsonSerializer.Serialize(doc, RunSummary.JsonOptions);
        }

        public sealed class Document
        {
            public int Scenarios { get; init; }
            public int Passed { get; init; }
            public int Failed { get; init; }
            public int Errors { get; init; }
            public int ExitCode { get; init; }
            public int Workers { get; init; }
            public double WallMs { get; init; }
            public double? CpuMs { get; init; }
            public List<Entry> Results { get; init; } = new List<Entry>();
        }

        public sealed class Entry
        {
            public string File { get; init; } = "";
            public string Name { get; init; } = "";
            public int Seed { get; init; }
            public string Status { get; init; } = "";
            public string? Error { get; init; }
            public List<VerdictEntry> Verdicts { get; init; } = new List<VerdictEntry>();
            public double WallMs { get; init; }
            public double? CpuMs { get; init; }
            public RunSummary? Summary { get; init; }
        }

        public sealed class VerdictEntry
        {
            public string Field { get; init; } = "";
            public bool Passed { get; init; }
            public string Expected { get; init; } = "";
            public string Actual { get; init; } = "";
        }
    }
}
