using System;

namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>
    /// One kind of expectation a scenario's `expect` block may hold (a row of <see cref="ExpectationKinds.All"/>):
    /// its field, the shape of its value, its unit, what it means, and how it is judged against a run.
    /// </summary>
    public sealed class ExpectationKind
    {
        public ExpectationKind(string field, ExpectationShape shape, string unit, string meaning, Func<Expectation, RunFacts, Verdict[]> evaluate,
            double defaultTolerance = 0)
        {
            Field = field;
            Shape = shape;
            Unit = unit;
            Meaning = meaning;
            Evaluate = evaluate;
            DefaultTolerance = defaultTolerance;
        }

        public string Field { get; }

        public ExpectationShape Shape { get; }

        /// <summary>Unit of the value (Range, Check tolerance); "" when none.</summary>
        public string Unit { get; }

        /// <summary>One sentence for the docs and the schema's description.</summary>
        public string Meaning { get; }

        public Func<Expectation, RunFacts, Verdict[]> Evaluate { get; }

        /// <summary>Check shape: the tolerance `true` stands for.</summary>
        public double DefaultTolerance { get; }
    }
}
