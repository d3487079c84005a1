using System;
using System.Collections.Generic;
using System.Linq;
using Pump.Sim.Patient;
using Pump.Sim.Reports;
using Pump.Sim.Running;
using Pump.Sim.Scenarios.Expectations;

namespace Pump.Sim.Batch
{
    /// <summary>
    /// One patient of a batch: the seed and how to reproduce it alone, the drawn parameters, the outcome, the peaks,
    /// and every hold and stop with its cause. Numbers are rounded to what they can mean.
    /// </summary>
    public sealed class BatchPatientRecord
    {
        public int Seed { get; init; }
        /// <summary>The `run` command that reproduces this patient exactly.</summary>
        public string Reproduce { get; init; } = "";
        public DrawnPatient Patient { get; init; } = new DrawnPatient();
        public string Outcome { get; init; } = "";
        public string FinalState { get; init; } = "";
        public double DeliveredMl { get; init; }
        public double? LedgerMl { get; init; }
        public double VolumeErrorPct { get; init; }
        public int PeakMeasuredSbpMmHg { get; init; }
        public double PeakSbpRiseMmHg { get; init; }
        public double PeakCpNgPerMl { get; init; }
        public double PeakLinePressureKPa { get; init; }
        public List<Interruption> Holds { get; init; } = new List<Interruption>();
        public List<Interruption> Stops { get; init; } = new List<Interruption>();
        public Dictionary<string, int> AlarmCounts { get; init; } = new Dictionary<string, int>();
        public string[]? Rejection { get; init; }

        public sealed class DrawnPatient
        {
            public double WeightKg { get; init; }
            public double AgeYears { get; init; }
            public string Sex { get; init; } = "";
            public bool Hypertensive { get; init; }
            public bool OnSsri { get; init; }
            public double ClearanceLPerMin { get; init; }
            public double V1L { get; init; }
            public double Ke0PerMin { get; init; }
            public double Ec50NgPerMl { get; init; }
            public double EmaxSbpMmHg { get; init; }
            public double EmaxDbpMmHg { get; init; }
            public double EmaxHrBpm { get; init; }
            public double BaselineSbpMmHg { get; init; }
            public double BaselineDbpMmHg { get; init; }
            public double BaselineHrBpm { get; init; }
            public double BaselineSpo2Pct { get; init; }
            public double BaselineRrPerMin { get; init; }
        }

        /// <summary>A hold (VITALS HOLD, PAUSED) or stop (STOPPED, ALARM, FAILSAFE): when, into which state, the pump's trigger, and the alarm and trigger behind it.</summary>
        public sealed class Interruption
        {
            public double AtS { get; init; }
            public string State { get; init; } = "";
            public string Trigger { get; init; } = "";
            /// <summary>The high-priority alarm raised with it, if any.</summary>
            public string? Alarm { get; init; }
            /// <summary>The last fault or reading that reached the pump before it (a trip's cause), if any.</summary>
            public string? Cause { get; init; }
            /// <summary>The rule behind the alarm (vital-sign rule with its limit, or the alarm table's condition).</summary>
            public string? Rule { get; init; }
            /// <summary>The value the rule judged, when known.</summary>
            public string? Value { get; init; }
        }

        private static readonly string[] StopStates = { "STOPPED", "ALARM", "FAILSAFE" };

        public static BatchPatientRecord From(SimulationRun run, RunSummary s, string reproduce, IReadOnlyList<AlarmCause> causes)
        {
            PatientParameters p = run.Patient.Parameters;
            var record = new BatchPatientRecord
            {
                Seed = run.Seed,
                Reproduce = reproduce,
                Patient = new DrawnPatient
                {
                    WeightKg = R(p.WeightKg, 1),
                    AgeYears = R(p.AgeYears, 1),
                    Sex = p.Female ? "female" : "male",
                    Hypertensive = p.Hypertensive,
                    OnSsri = p.OnSsri,
                    ClearanceLPerMin = R(p.ClearanceLitresPerMin, 3),
                    V1L = R(p.V1Litres, 1),
                    Ke0PerMin = R(p.Ke0PerMin, 3),
                    Ec50NgPerMl = R(p.Ec50NgPerMl, 1),
                    EmaxSbpMmHg = R(p.EmaxSbpMmHg, 1),
                    EmaxDbpMmHg = R(p.EmaxDbpMmHg, 1),
                    EmaxHrBpm = R(p.EmaxHrBpm, 1),
                    BaselineSbpMmHg = R(p.BaselineSbpMmHg, 1),
                    BaselineDbpMmHg = R(p.BaselineDbpMmHg, 1),
                    BaselineHrBpm = R(p.BaselineHrBpm, 1),
                    BaselineSpo2Pct = R(p.BaselineSpo2Pct, 1),
                    BaselineRrPerMin = R(p.BaselineRrPerMin, 1),
                },
                Outcome = s.Outcome,
                FinalState = s.FinalState,
                DeliveredMl = R(s.Delivered.VolumeMl, 3),
                LedgerMl = s.Delivered.LedgerVolumeMl is double l ? R(l, 3) : null,
                VolumeErrorPct = R(s.Delivered.VolumeErrorPct, 3),
                PeakMeasuredSbpMmHg = s.Patient.PeakMeasuredSbpMmHg,
                PeakSbpRiseMmHg = R(s.Patient.PeakMeasuredSbpMmHg - s.Patient.BaselineSbpMmHg, 1),
                PeakCpNgPerMl = R(s.Patient.PeakCpNgPerMl, 1),
                PeakLinePressureKPa = R(s.Delivered.PeakLinePressureKPa, 1),
                AlarmCounts = s.Alarms.GroupBy(a => a.Code).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
                Rejection = s.Rejection,
            };
            foreach (SimEvent e in run.Events)
            {
                if (e.Kind != "state" || !RunFacts.TryParseTransition(e.Detail, out string from, out string to) || from == to)
                {
                    continue;
                }
                bool hold = Array.IndexOf(RunFacts.HeldStates, to) >= 0 && Array.IndexOf(RunFacts.HeldStates, from) < 0;
                bool stop = Array.IndexOf(StopStates, to) >= 0;
                if (!hold && !stop)
                {
                    continue;
                }
                int paren = e.Detail.LastIndexOf('(');
                string? alarm = s.Alarms.Where(a => a.Priority == "high" && Math.Abs(a.AtMs - e.AtMs) <= 1000).Select(a => a.Code).FirstOrDefault();
                AlarmCause? why = alarm == null ? null : causes.FirstOrDefault(c => c.Code == alarm && Math.Abs(c.AtMs - e.AtMs) <= 1000);
                var i = new Interruption
                {
                    Rule = why?.Rule,
                    Value = string.IsNullOrEmpty(why?.Value) ? null : why!.Value,
                    AtS = R(e.AtMs / 1000.0, 2),
                    State = to,
                    Trigger = paren < 0 ? "" : e.Detail.Substring(paren + 1).TrimEnd(')'),
                    Alarm = alarm,
                    Cause = run.Trips.Where(t => t.AtMs <= e.AtMs).Select(t => t.Cause).LastOrDefault(),
                };
                (hold ? record.Holds : record.Stops).Add(i);
            }
            return record;
        }

        private static double R(double v, int digits) => Math.Round(v, digits, MidpointRounding.AwayFromZero);
    }
}
