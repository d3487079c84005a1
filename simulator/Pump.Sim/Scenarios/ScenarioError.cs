namespace Pump.Sim.Scenarios
{
    /// <summary>One problem in a scenario file: the JSON path of the field ("events[2].durationS") and what is wrong.</summary>
    public readonly struct ScenarioError
    {
        public ScenarioError(string field, string problem)
        {
            Field = field;
            Problem = problem;
        }

        public string Field { get; }

        public string Problem { get; }

        public override string ToString() => Field.Length == 0 ? Problem : Field + ": " + Problem;
    }
}
