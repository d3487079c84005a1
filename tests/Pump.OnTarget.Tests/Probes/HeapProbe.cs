using System.Diagnostics;
using Pump.Core.Control;
using Pump.Hal;
using Pump.OnTarget.Scenarios;
using NativeGc = nanoFramework.Runtime.Native.GC;

namespace Pump.OnTarget.Probes
{
    /// <summary>
    /// nanoCLR program: the managed heap the core holds at each stage of a ketamine infusion, as free heap after a
    /// full collection (GC.Run). Run on nanoclr32, whose 12-byte heap blocks match the ESP32's. The bench hardware
    /// (its 256 KB store array stands in for flash) is built before the first reading, so it is not counted.
    /// </summary>
    public static class HeapProbe
    {
        public static void Main()
        {
            Sink sink = new Sink();
            ScenarioBench bench = ScenarioScript.NewHardware(sink);
            long before = Free();
            Debug.WriteLine("HEAP free-before-core " + before.ToString());
            bench.PowerUp();
            Report("controller", before);
            bench.RunTicks(4);
            Report("self-test", before);
            ScenarioScript.ProgramKetamine(bench, "0700", "0050", "040", true);
            Report("programmed", before);
            bench.Press(PanelKey.Start);
            bench.RunSeconds(60);
            Report("infusing-60s", before);
            long infusing = Free();
            bench.RunSeconds(600);
            long later = Free();
            Debug.WriteLine("HEAP infusing-600s-more " + (before - later).ToString() + " retained-growth " + (infusing - later).ToString());
            Debug.WriteLine("HEAP state " + PumpStates.Name(bench.State));
            Debug.WriteLine("HEAP PROBE COMPLETE");
        }

        private static long Free()
        {
            return (long)NativeGc.Run(true);
        }

        private static void Report(string stage, long before)
        {
            Debug.WriteLine("HEAP " + stage + " " + (before - Free()).ToString());
        }

        private sealed class Sink : ILineSink
        {
            public void Line(string text)
            {
            }
        }
    }
}
