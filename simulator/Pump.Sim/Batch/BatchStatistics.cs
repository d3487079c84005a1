using System.Collections.Generic;
using System.Linq;

namespace Pump.Sim.Batch
{
    /// <summary>The batch result: percentiles over the population, outcome counts, and one record per patient.</summary>
    public sealed class BatchStatistics
    {
        public string Scenario { get; init; } = "";
        public int Sessions { get; init; }
        public long WallMs { get; init; }
        public Percentiles PeakSystolicMmHg { get; init; } = new Percentiles();
        public Percentiles PeakSystolicRiseMmHg { get; init; } = new Percentiles();
        /// <summary>Over the completed sessions (a held or stopped session is meant to deliver less).</summary>
        public Percentiles DeliveredDoseErrorPct { get; init; } = new Percentiles();
        public Percentiles PeakCpNgPerMl { get; init; } = new Percentiles();
        public Dictionary<string, int> Outcomes { get; init; } = new Dictionary<string, int>();
        public int HeldOrStopped { get; init; }
        public int SessionsReachingSbp180 { get; init; }
        public Dictionary<string, int> RejectionReasons { get; init; } = new Dictionary<string, int>();
        public List<BatchPatientRecord> Patients { get; init; } = new List<BatchPatientRecord>();

        public static BatchStatistics From(string scenario, IReadOnlyList<BatchPatientRecord> r, long wallMs)
        {
            return new BatchStatistics
            {
                Scenario = scenario,
                Sessions = r.Count,
                WallMs = wallMs,
                PeakSystolicMmHg = Percentiles.Of(r.Select(x => (double)x.PeakMeasuredSbpMmHg), 0),
                PeakSystolicRiseMmHg = Percentiles.Of(r.Select(x => x.PeakSbpRiseMmHg), 1),
                DeliveredDoseErrorPct = Percentiles.Of(r.Where(x => x.Outcome == "completed").Select(x => x.VolumeErrorPct), 4),
                PeakCpNgPerMl = Percentiles.Of(r.Select(x => x.PeakCpNgPerMl), 1),
                Outcomes = r.GroupBy(x => x.Outcome).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
                HeldOrStopped = r.Count(x => x.Outcome == "held" || x.Outcome == "stopped"),
                SessionsReachingSbp180 = r.Count(x => x.PeakMeasuredSbpMmHg >= 180),
                RejectionReasons = r.Where(x => x.Rejection != null).SelectMany(x => x.Rejection!.Take(1))
                    .GroupBy(x => x).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
                Patients = r.ToList(),
            };
        }
    }
}
