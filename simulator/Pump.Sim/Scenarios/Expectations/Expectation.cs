using System;

namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>One expectation read from a scenario's `expect` block: its kind and the value its shape gives.</summary>
    public sealed class Expectation
    {
        public Expectation(ExpectationKind kind)
        {
            Kind = kind;
        }

        public ExpectationKind Kind { get; }

        /// <summary>"expect." + the kind's field.</summary>
        public string Path => "expect." + Kind.Field;

        /// <summary>Outcome or State.</summary>
        public string Text { get; init; } = "";

        /// <summary>Range or Count.</summary>
        public ValueRange Range { get; init; } = ValueRange.Any;

        /// <summary>Check: the tolerance in the kind's unit.</summary>
        public double Tolerance { get; init; }

        public AlarmExpectation[] Alarms { get; init; } = Array.Empty<AlarmExpectation>();

        public TripExpectation[] Trips { get; init; } = Array.Empty<TripExpectation>();

        public string[] Texts { get; init; } = Array.Empty<string>();

        public Verdict[] Evaluate(RunFacts facts) => Kind.Evaluate(this, facts);
    }
}
