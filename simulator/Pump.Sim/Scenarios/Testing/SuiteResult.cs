using System.Collections.Generic;
using System.Linq;

namespace Pump.Sim.Scenarios.Testing
{
    /// <summary>All results of one suite run, in file order, with its wall and CPU time.</summary>
    public sealed class SuiteResult
    {
        public SuiteResult(IReadOnlyList<ScenarioResult> results, double wallMs, int workers)
        {
            Results = results;
            WallMs = wallMs;
            Workers = workers;
        }

        public IReadOnlyList<ScenarioResult> Results { get; }

        public double WallMs { get; }

        public int Workers { get; }

        public int Passed => Results.Count(r => r.Status == ScenarioStatus.Passed);

        public int Failed => Results.Count(r => r.Status == ScenarioStatus.Failed);

        public int Errors => Results.Count(r => r.Status == ScenarioStatus.Error);

        /// <summary>Sum of the scenarios' thread CPU time, or null when the platform does not say.</summary>
        public double? CpuMs => Results.All(r => r.CpuMs != null || r.Status == ScenarioStatus.Error) ? Results.Sum(r => r.CpuMs ?? 0) : null;

        /// <summary>0 when every scenario passed, 1 when an expectation failed, 2 when a scenario could not be run.</summary>
        public int ExitCode => Errors > 0 || Results.Count == 0 ? 2 : Failed > 0 ? 1 : 0;
    }
}
