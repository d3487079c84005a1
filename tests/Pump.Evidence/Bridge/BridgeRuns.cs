using System;
using System.Linq;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;

namespace Pump.Evidence.Bridge
{
    /// <summary>The result of a scenario run whose monitor reaches the pump through a bridge.</summary>
    public sealed record BridgeRunResult(RunSummary Summary, SimulationRun Run, BridgeChain Chain)
    {
        /// <summary>Median and 99th percentile of the wall-clock trip from the monitor's bytes to the pump's link, µs.</summary>
        public (double Median, double P99) TransitMicroseconds()
        {
            double[] t = Chain.TransitMicroseconds.OrderBy(x => x).ToArray();
            return t.Length == 0 ? (double.NaN, double.NaN) : (t[t.Length / 2], t[Math.Min(t.Length - 1, (int)(t.Length * 0.99))]);
        }
    }

    /// <summary>Runs a scenario with the virtual monitor speaking a real protocol to the bridge (tests and the bench).</summary>
    public static class BridgeRuns
    {
        /// <param name="restartBridgeAtS">When set, the bridge restarts (new boot number) at this simulated second.</param>
        public static BridgeRunResult Run(Scenario scenario, MonitorProtocol protocol, double? restartBridgeAtS = null)
        {
            var run = new SimulationRun(scenario, new RunOptions { Record = false });
            var chain = new BridgeChain(protocol, run.Pairing, run.Pump.MonitorLink);
            run.Monitor.Transport = chain;
            long restartMs = restartBridgeAtS is double s ? (long)(s * 1000) : long.MaxValue;
            var wall = System.Diagnostics.Stopwatch.StartNew();
            while (run.Step())
            {
                if (run.NowMs == restartMs)
                {
                    chain.RestartBridge();
                }
            }
            return new BridgeRunResult(RunSummary.From(run, wall.ElapsedMilliseconds), run, chain);
        }
    }
}
