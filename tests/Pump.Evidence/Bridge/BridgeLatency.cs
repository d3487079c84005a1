using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Pump.Core.Control;
using Pump.Evidence.Docs;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;

namespace Pump.Evidence.Bridge
{
    /// <summary>One protocol's latency figures.</summary>
    public sealed record BridgeLatencyFigure(MonitorProtocol Protocol, double StopLatencyMs, long StepsAfterTrip, double TransitMedianUs, double TransitP99Us, int Frames);

    /// <summary>
    /// `bridge-latency`: a hold-level blood pressure (sbp-hold-then-resume.json) through each protocol and the bridge.
    /// Reports the simulated time from the monitor's reading to the pump's last step (goal: one monitor update plus
    /// one control tick) and the wall-clock time each reading takes from the monitor's bytes to the pump's link on
    /// loopback. The running bridge host sends each report's frame at once, as this chain does.
    /// </summary>
    public static class BridgeLatency
    {
        public static List<BridgeLatencyFigure> Measure()
        {
            var figures = new List<BridgeLatencyFigure>();
            foreach (MonitorProtocol p in new[] { MonitorProtocol.Pcd01, MonitorProtocol.IntelliVue })
            {
                Scenario s = ScenarioLoader.LoadFile(RepositoryPaths.InRepository("simulator/scenarios/sbp-hold-then-resume.json"));
                BridgeRunResult r = BridgeRuns.Run(s, p);
                RunSummary.TripBlock? trip = r.Summary.InterlockTrips.FirstOrDefault(t => t.Cause.Contains("sbp", StringComparison.OrdinalIgnoreCase));
                var (median, p99) = r.TransitMicroseconds();
                figures.Add(new BridgeLatencyFigure(p, trip?.StopLatencyMs ?? double.NaN, trip?.StepsAfterTrip ?? -1, median, p99, r.Chain.TransitMicroseconds.Count));
                r.Chain.Dispose();
            }
            return figures;
        }

        public static string Format(List<BridgeLatencyFigure> figures)
        {
            var inv = CultureInfo.InvariantCulture;
            var lines = new List<string>
            {
                $"goal: reading to last step within one monitor update (1000 ms) plus one tick ({PumpController.TickPeriodMs} ms)",
                "protocol    reading->last step (sim)  steps after  transit median / p99 (wall, loopback)  frames",
            };
            foreach (BridgeLatencyFigure f in figures)
            {
                lines.Add(string.Format(inv, "{0,-11} {1,10:0.0} ms {2,17} {3,14:0} / {4:0} us {5,22}", f.Protocol, f.StopLatencyMs, f.StepsAfterTrip, f.TransitMedianUs, f.TransitP99Us, f.Frames));
            }
            return string.Join(Environment.NewLine, lines);
        }
    }
}
