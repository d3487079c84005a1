using System;

namespace Pump.Sim.Scenarios
{
    /// <summary>A scenario file that cannot be used, with the offending field's path (e.g. "events[2].durationS").</summary>
    public sealed class ScenarioException : Exception
    {
        public ScenarioException(string field, string problem)
            : base(field.Length == 0 ? problem : field + ": " + problem)
        {
            Field = field;
            Problem = problem;
        }

        public string Field { get; }

        public string Problem { get; }
    }
}
