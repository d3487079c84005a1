using System;
using System.Diagnostics;
using Pump.Core.Control;
using Pump.Hal;
using Pump.OnTarget.Scenarios;

namespace Pump.OnTarget.Probes
{
    /// <summary>
    /// nanoCLR program: the time of every control tick of a whole ketamine infusion (40 min, 48,000 ticks) on the
    /// bench hardware, with what each tick did (state, store writes, display rows, monitor frame, step segments).
    /// The probe may read the wall clock (DateTime, 100 ns units); the core never does. Durations are kept in
    /// preallocated arrays and printed after the run, so printing cannot disturb the measured ticks. The run is
    /// repeated and each tick's minimum kept: every repetition does the same work tick for tick (the script is
    /// deterministic), and what a shared host adds (preemption, other processes) only ever lengthens a tick.
    /// </summary>
    public static class TickProbe
    {
        private const int MaxTicks = 50000;
        private const int Repetitions = 5;

        public static void Main()
        {
            long[] durations = new long[MaxTicks];
            int[] work = new int[MaxTicks];
            long powerUp = long.MaxValue;
            int count = 0;
            string end = string.Empty;
            for (int r = 0; r < Repetitions; r++)
            {
                count = Run(durations, work, r == 0, ref powerUp, out end);
            }

            Debug.WriteLine("POWERUP " + powerUp.ToString());
            Debug.WriteLine("END " + end + " " + count.ToString() + " " + Repetitions.ToString());
            for (int i = 0; i < count; i++)
            {
                Debug.WriteLine("T " + durations[i].ToString() + " " + work[i].ToString());
            }

            Debug.WriteLine("TICK PROBE COMPLETE");
        }

        private static int Run(long[] durations, int[] work, bool first, ref long powerUp, out string end)
        {
            ScenarioBench bench = ScenarioScript.NewHardware(new Sink());
            bench.PowerUp();
            bench.StepWithoutTick();
            long start = DateTime.UtcNow.Ticks;
            bench.Controller.Tick();
            long powerUpThisRun = DateTime.UtcNow.Ticks - start;
            powerUp = powerUpThisRun < powerUp ? powerUpThisRun : powerUp;
            bench.AfterTick();
            ScenarioScript.ProgramKetamine(bench, "0700", "0050", "040", true);
            bench.Press(PanelKey.Start);

            int count = 0;
            while (count < MaxTicks && bench.State == PumpState.Infusing)
            {
                int writes = bench.Store.Writes;
                int rows = bench.Display.RowWrites;
                int segments = bench.Steps.Enqueued;
                bench.StepWithoutTick();
                long before = DateTime.UtcNow.Ticks;
                bench.Controller.Tick();
                long duration = DateTime.UtcNow.Ticks - before;
                durations[count] = first || duration < durations[count] ? duration : durations[count];
                work[count] = (bench.Store.Writes - writes) | ((bench.Display.RowWrites - rows) << 8) | ((bench.Steps.Enqueued - segments) << 16) | ((bench.FrameSent ? 1 : 0) << 24);
                bench.AfterTick();
                count++;
            }

            end = PumpStates.Name(bench.State);
            return count;
        }

        private sealed class Sink : ILineSink
        {
            public void Line(string text)
            {
            }
        }
    }
}
