using System;
using System.Collections.Generic;
using System.Linq;
using Pump.OnTarget.Scenarios;
using Pump.OnTarget.Tests.Toolchain;
using Xunit;
using Xunit.Abstractions;

namespace Pump.OnTarget.Tests.Differential
{
    /// <summary>
    /// The same scenario script (Scenarios/ScenarioScript.cs) drives the core on nanoCLR and on .NET; the traces
    /// must match line by line. A difference means the interpreter computes something the desktop tests never see
    /// (integer widths, overflow, string formatting, struct copies).
    /// </summary>
    [Collection(NanoCollection.Name)]
    public sealed class ScenarioDifferentialTests
    {
        private readonly NanoBuild _build;
        private readonly ITestOutputHelper _output;

        public ScenarioDifferentialTests(NanoBuild build, ITestOutputHelper output)
        {
            _build = build;
            _output = output;
        }

        // Proves: NFR-003
        [OnTargetFact]
        public void Scenarios_NanoClrAndDotNet_TracesIdentical()
        {
            var run = _build.Run(_build.Scenarios.LoadOrder, TimeSpan.FromMinutes(3));
            Assert.False(run.TimedOut, "nanoCLR did not finish the scenarios within 3 minutes");
            var nano = run.Lines.SkipWhile(l => l != "Ready.").Skip(1).TakeWhile(l => l != "Done.").ToList();
            var dotnet = DotNetTrace();
            _output.WriteLine($"{dotnet.Count} trace lines on .NET, {nano.Count} on nanoCLR");
            Assert.True(nano.Contains(ScenarioScript.EndMarker), "The nanoCLR run did not finish the script:\n" + string.Join("\n", run.Lines.TakeLast(30)));
            for (int i = 0; i < Math.Min(nano.Count, dotnet.Count); i++)
            {
                Assert.True(nano[i] == dotnet[i], $"Line {i + 1} differs:\n  .NET:    {dotnet[i]}\n  nanoCLR: {nano[i]}");
            }

            Assert.Equal(dotnet.Count, nano.Count);
        }

        /// <summary>The script itself is checked on .NET (toolchain or not): each scenario reaches what it is about.</summary>
        [Fact]
        public void Scenarios_OnDotNet_EachReachesItsPoint()
        {
            string trace = string.Join("\n", DotNetTrace());
            Assert.Contains("programmed t=", trace, StringComparison.Ordinal);
            Assert.Contains("|RATE 52.5 mL/h      |", trace, StringComparison.Ordinal);
            Assert.Contains("completed=yes", trace, StringComparison.Ordinal);
            Assert.Contains(" PAUSED ", trace, StringComparison.Ordinal);
            Assert.Contains("resumed t=", trace, StringComparison.Ordinal);
            Assert.Contains(" STOPPED ", trace, StringComparison.Ordinal);
            Assert.Contains(" VITALS HOLD ", trace, StringComparison.Ordinal);
            Assert.Contains("|OCCLUSION           |", trace, StringComparison.Ordinal);
            Assert.Contains("rejection=PRIME LINE FIRST", trace, StringComparison.Ordinal);
            Assert.Contains("rejection=MONITOR DATA OLD", trace, StringComparison.Ordinal);
            Assert.Contains("rejection=SBP TOO HIGH", trace, StringComparison.Ordinal);
            Assert.Contains("|REJECTED: HARD LIMIT|", trace, StringComparison.Ordinal);
            Assert.Contains("corrupt library accepted=no", trace, StringComparison.Ordinal);
            Assert.Contains("truncated library accepted=no", trace, StringComparison.Ordinal);
            Assert.Contains("|POWER WAS LOST      |", trace, StringComparison.Ordinal);
            Assert.Matches(@"still paused t=\d+ms PAUSED .* motor=0 ", trace);
            Assert.EndsWith(ScenarioScript.EndMarker, trace, StringComparison.Ordinal);
        }

        private static List<string> DotNetTrace()
        {
            var sink = new ListSink();
            ScenarioScript.RunAll(sink);
            return sink.Lines;
        }

        private sealed class ListSink : ILineSink
        {
            public List<string> Lines { get; } = new();

            public void Line(string text) => Lines.Add(text);
        }
    }
}
