using System.Globalization;
using System.Linq;
using System.Text;

namespace Pump.Sim.Batch
{
    /// <summary>The batch as CSV: one row per patient; holds, stops and alarm counts as "; "-separated cells.</summary>
    public static class BatchCsv
    {
        public const string Header = "seed,weightKg,ageYears,sex,hypertensive,onSsri,clearanceLPerMin,v1L,ke0PerMin,ec50NgPerMl,emaxSbpMmHg,emaxDbpMmHg,emaxHrBpm,"
            + "baselineSbpMmHg,baselineDbpMmHg,baselineHrBpm,baselineSpo2Pct,baselineRrPerMin,outcome,finalState,deliveredMl,ledgerMl,volumeErrorPct,"
            + "peakMeasuredSbpMmHg,peakSbpRiseMmHg,peakCpNgPerMl,peakLinePressureKPa,holds,stops,alarmCounts,rejection";

        public static string Build(BatchStatistics stats)
        {
            var inv = CultureInfo.InvariantCulture;
            var b = new StringBuilder(Header).Append('\n');
            foreach (BatchPatientRecord r in stats.Patients)
            {
                var p = r.Patient;
                object?[] cells =
                {
                    r.Seed, p.WeightKg, p.AgeYears, p.Sex, p.Hypertensive, p.OnSsri, p.ClearanceLPerMin, p.V1L, p.Ke0PerMin, p.Ec50NgPerMl,
                    p.EmaxSbpMmHg, p.EmaxDbpMmHg, p.EmaxHrBpm, p.BaselineSbpMmHg, p.BaselineDbpMmHg, p.BaselineHrBpm, p.BaselineSpo2Pct, p.BaselineRrPerMin,
                    r.Outcome, r.FinalState, r.DeliveredMl, r.LedgerMl, r.VolumeErrorPct, r.PeakMeasuredSbpMmHg, r.PeakSbpRiseMmHg, r.PeakCpNgPerMl,
                    r.PeakLinePressureKPa,
                    string.Join("; ", r.Holds.Select(Describe)),
                    string.Join("; ", r.Stops.Select(Describe)),
                    string.Join("; ", r.AlarmCounts.Select(kv => kv.Key + "=" + kv.Value)),
                    r.Rejection == null ? "" : string.Join("; ", r.Rejection),
                };
                b.Append(string.Join(",", cells.Select(c => Cell(c, inv)))).Append('\n');
            }
            return b.ToString();
        }

        private static string Describe(BatchPatientRecord.Interruption i) =>
            i.State + " at " + i.AtS.ToString(CultureInfo.InvariantCulture) + " s (" + i.Trigger + (i.Alarm != null ? ", " + i.Alarm : "") + (i.Rule != null ? ", " + i.Rule : "")
            + (i.Value != null ? ", value " + i.Value : "") + (i.Cause != null ? ", after " + i.Cause : "") + ")";

        private static string Cell(object? c, CultureInfo inv)
        {
            string s = c switch
            {
                null => "",
                bool v => v ? "true" : "false",
                double d => d.ToString(inv),
                System.IFormattable f => f.ToString(null, inv),
                _ => c.ToString() ?? "",
            };
            return s.IndexOfAny(new[] { ',', '"', '\n', ';' }) >= 0 ? "\"" + s.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"" : s;
        }
    }
}
