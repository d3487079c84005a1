using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using Pump.Sim.Running;

namespace Pump.Sim.Reports
{
    /// <summary>samples.csv, vitals.csv and events.jsonl of one run.</summary>
    public static class CsvReports
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public static void WriteSamples(SimulationRun run, string path)
        {
            var sb = new StringBuilder();
            sb.AppendLine("time_s,delivered_ml,plunger_ml,programmed_ml,rate_ml_per_h,line_pressure_kpa");
            foreach (VolumeSample s in run.Samples)
            {
                sb.Append((s.TimeMs / 1000.0).ToString("0.###", Inv)).Append(',')
                  .Append(s.DeliveredMl.ToString("0.######", Inv)).Append(',')
                  .Append(s.PlungerMl.ToString("0.######", Inv)).Append(',')
                  .Append(s.ProgrammedMl.ToString("0.######", Inv)).Append(',')
                  .Append(s.RateMlPerHour.ToString("0.###", Inv)).Append(',')
                  .Append(s.PressureKPa.ToString("0.###", Inv)).AppendLine();
            }
            File.WriteAllText(path, sb.ToString());
        }

        public static void WriteVitals(SimulationRun run, string path)
        {
            var sb = new StringBuilder();
            sb.AppendLine("time_s,hr_bpm,spo2_pct,rr_per_min,sbp_mmhg,dbp_mmhg,new_bp,probe_off,wrong_monitor,link_down,cp_ng_per_ml,ce_ng_per_ml,true_sbp_mmhg");
            foreach (VitalsSample v in run.Vitals)
            {
                sb.Append((v.TimeMs / 1000.0).ToString("0.###", Inv)).Append(',')
                  .Append(v.HrBpm).Append(',').Append(v.Spo2Pct).Append(',').Append(v.RrPerMin).Append(',')
                  .Append(v.SbpMmHg).Append(',').Append(v.DbpMmHg).Append(',')
                  .Append(v.NewBloodPressure ? 1 : 0).Append(',').Append(v.ProbeOff ? 1 : 0).Append(',')
                  .Append(v.WrongMonitor ? 1 : 0).Append(',').Append(v.LinkDown ? 1 : 0).Append(',')
                  .Append(v.CpNgPerMl.ToString("0.##", Inv)).Append(',')
                  .Append(v.CeNgPerMl.ToString("0.##", Inv)).Append(',')
                  .Append(v.TrueSbpMmHg.ToString("0.##", Inv)).AppendLine();
            }
            File.WriteAllText(path, sb.ToString());
        }

        public static void WriteEvents(SimulationRun run, string path)
        {
            using var w = new StreamWriter(path);
            foreach (SimEvent e in run.Events)
            {
                w.WriteLine(JsonSerializer.Serialize(new { atMs = e.AtMs, kind = e.Kind, detail = e.Detail }));
            }
        }
    }
}
