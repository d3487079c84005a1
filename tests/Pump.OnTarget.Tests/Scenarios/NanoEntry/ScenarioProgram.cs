using System.Diagnostics;
using Pump.OnTarget.Scenarios;

namespace Pump.OnTarget.NanoEntry
{
    /// <summary>nanoCLR entry point of the differential scenarios (compiled with DEBUG so Debug.WriteLine prints).</summary>
    public static class ScenarioProgram
    {
        public static void Main()
        {
            ScenarioScript.RunAll(new DebugSink());
        }

        private sealed class DebugSink : ILineSink
        {
            public void Line(string text)
            {
                Debug.WriteLine(text);
            }
        }
    }
}
