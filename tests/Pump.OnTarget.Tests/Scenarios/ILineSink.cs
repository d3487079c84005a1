namespace Pump.OnTarget.Scenarios
{
    /// <summary>Where a scenario writes its trace: the debug console on nanoCLR, a list on .NET.</summary>
    public interface ILineSink
    {
        void Line(string text);
    }
}
