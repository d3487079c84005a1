using System;
using System.Collections.Generic;
using Pump.Sim.Patient;
using Pump.Sim.Physics;
using Pump.Sim.Scenarios;

namespace Pump.Sim.Monitor
{
    /// <summary>
    /// The scenario's patient and monitor without a simulated pump (`pump-sim monitor`): once per simulated second
    /// the virtual monitor takes a reading and hands it to a transport (link v2 to a bench pump, PCD-01 or IntelliVue
    /// to a bridge). The scenario's vital-sign events (vitals, release, probe off, wrong monitor) apply on schedule;
    /// the bench pump's infusion does not feed back into this patient, so drug effects are not modelled here.
    /// </summary>
    public sealed class StandaloneMonitor
    {
        private readonly List<ScenarioEvent> _events;
        private readonly long _endMs;
        private int _next;

        public StandaloneMonitor(Scenario scenario, IReadingTransport transport)
        {
            var b = scenario.Patient.Baseline;
            Patient = new VirtualPatient(PatientParameters.Typical(scenario.Patient.WeightKg, new Baseline(b.Hr, b.Sbp, b.Dbp, b.Spo2, b.Rr)));
            Monitor = new VirtualMonitor(Patient, new Hardware.SimMonitorLink(new Hardware.PowerRail()),
                new CoreFrameEncoder(MonitorPairing.Simulated(scenario.Monitor.MonitorId)), new Gaussian(new Random(scenario.Seed)),
                (long)Math.Round(scenario.Monitor.NibpIntervalMin * 60_000), scenario.Monitor.MonitorId)
            {
                Transport = transport,
            };
            _events = new List<ScenarioEvent>(scenario.Events);
            _events.Sort((a, c) => a.AtS.CompareTo(c.AtS));
            _endMs = (long)(scenario.EndAfterMin * 60_000);
        }

        public VirtualPatient Patient { get; }

        public VirtualMonitor Monitor { get; }

        public long NowMs { get; private set; }

        public bool Finished => NowMs >= _endMs;

        /// <summary>Advances one second and sends one reading; returns the scenario events applied (for the console).</summary>
        public List<string> Step()
        {
            var applied = new List<string>();
            NowMs += 1000;
            Patient.Advance(1.0, 0, NowMs);
            while (_next < _events.Count && _events[_next].AtS * 1000 <= NowMs)
            {
                ScenarioEvent e = _events[_next++];
                switch (e.Type)
                {
                    case ScenarioEventType.Vitals:
                        if (e.Hr is double hr) { Monitor.ForcedHr = hr; }
                        if (e.Sbp is double sbp) { Monitor.ForcedSbp = sbp; }
                        if (e.Dbp is double dbp) { Monitor.ForcedDbp = dbp; }
                        if (e.Spo2 is double spo2) { Monitor.ForcedSpo2 = spo2; }
                        if (e.Rr is double rr) { Monitor.ForcedRr = rr; }
                        applied.Add("vitals forced");
                        break;
                    case ScenarioEventType.Release:
                        Monitor.ReleaseForced();
                        applied.Add("forced vitals released");
                        break;
                    case ScenarioEventType.ProbeOff:
                        Monitor.ProbeOff = true;
                        applied.Add("SpO2 probe off");
                        break;
                    case ScenarioEventType.WrongMonitor:
                        Monitor.WrongMonitor = true;
                        applied.Add("frames as another monitor");
                        break;
                    default:
                        applied.Add(e.Type + " is a pump-side event: not applied by a monitor");
                        break;
                }
            }
            Monitor.SendReading(NowMs);
            return applied;
        }
    }
}
