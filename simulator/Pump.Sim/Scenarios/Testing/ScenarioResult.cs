using System;
using System.Linq;
using Pump.Sim.Running;
using Pump.Sim.Scenarios.Expectations;

namespace Pump.Sim.Scenarios.Testing
{
    public enum ScenarioStatus
    {
        Passed,
        /// <summary>At least one expectation is not met.</summary>
        Failed,
        /// <summary>The scenario could not be run: a loader error, no expectations, or an exception.</summary>
        Error,
    }

    /// <summary>One scenario file run by <see cref="ScenarioSuite"/>: its verdicts, or why it could not be run.</summary>
    public sealed class ScenarioResult
    {
        public string File { get; init; } = "";
        public string Name { get; init; } = "";
        public int Seed { get; init; }
        public ScenarioStatus Status { get; init; }
        public Verdict[] Verdicts { get; init; } = Array.Empty<Verdict>();
        /// <summary>Why it is an error (every loader problem, one per line).</summary>
        public string? Error { get; init; }
        public RunSummary? Summary { get; init; }
        public long SimulatedMs { get; init; }
        public double WallMs { get; init; }
        /// <summary>CPU time of the thread that ran it; null where the platform does not say.</summary>
        public double? CpuMs { get; init; }

        public Verdict[] Failures => Verdicts.Where(v => !v.Passed).ToArray();
    }
}
