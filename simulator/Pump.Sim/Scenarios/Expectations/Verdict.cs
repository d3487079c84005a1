namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>One expectation judged against one run: its path in the file, pass or fail, what was expected and what happened.</summary>
    public sealed class Verdict
    {
        public Verdict(string field, bool passed, string expected, string actual)
        {
            Field = field;
            Passed = passed;
            Expected = expected;
            Actual = actual;
        }

        /// <summary>JSON path of the expectation, e.g. "expect.alarms[1]".</summary>
        public string Field { get; }

        public bool Passed { get; }

        public string Expected { get; }

        public string Actual { get; }

        public override string ToString() => Field + ": expected " + Expected + ", actual " + Actual;
    }
}
