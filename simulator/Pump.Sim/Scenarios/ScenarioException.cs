using System;
using System.Collections.Generic;

namespace Pump.Sim.Scenarios
{
    /// <summary>
    /// A scenario file that cannot be used: every problem found in it, each with its field's JSON path
    /// (e.g. "events[2].durationS"), one per line. <see cref="Field"/> and <see cref="Problem"/> are the first.
    /// </summary>
    public sealed class ScenarioException : Exception
    {
        public ScenarioException(string field, string problem)
            : this(new[] { new ScenarioError(field, problem) })
        {
        }

        public ScenarioException(IReadOnlyList<ScenarioError> errors)
            : base(Describe(errors))
        {
            Errors = errors;
            Field = errors[0].Field;
            Problem = errors[0].Problem;
        }

        public IReadOnlyList<ScenarioError> Errors { get; }

        public string Field { get; }

        public string Problem { get; }

        private static string Describe(IReadOnlyList<ScenarioError> errors)
        {
            if (errors.Count == 0)
            {
                throw new ArgumentException("a scenario exception needs at least one error", nameof(errors));
            }
            return string.Join(Environment.NewLine, errors);
        }
    }
}
