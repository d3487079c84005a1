using System;
using System.Collections.Generic;
using System.Globalization;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Pump.Core.Supervision;
using Pump.Sim.Running;

namespace Pump.Sim.Reports
{
    /// <summary>
    /// Records each alarm's cause at the moment the run logs it, reading the controller's public state (the
    /// interlock's active rule and latest accepted vital signs, the lease's cause) and the alarm table.
    /// Attach before the run; it only reads.
    /// </summary>
    public sealed class AlarmCauseRecorder
    {
        private readonly SimulationRun _run;

        private AlarmCauseRecorder(SimulationRun run)
        {
            _run = run;
            run.EventLogged += OnEvent;
        }

        public List<AlarmCause> Causes { get; } = new List<AlarmCause>();

        public static AlarmCauseRecorder Attach(SimulationRun run) => new AlarmCauseRecorder(run);

        private void OnEvent(SimEvent e)
        {
            if (e.Kind != "alarm")
            {
                return;
            }
            int space = e.Detail.IndexOf(" (", StringComparison.Ordinal);
            string code = space < 0 ? e.Detail : e.Detail.Substring(0, space);
            if (!Enum.TryParse(code, out AlarmCode alarm))
            {
                return;
            }
            AlarmRule rule = AlarmTable.For(alarm);
            string ruleText = rule.Condition, value = "", limit = "";
            PumpController? pump = _run.Controller.Pump;
            InterlockLevel level = alarm switch
            {
                AlarmCode.VitalAdvisory => InterlockLevel.Advisory,
                AlarmCode.VitalHold => InterlockLevel.Hold,
                AlarmCode.VitalStop => InterlockLevel.Stop,
                _ => InterlockLevel.None,
            };
            if (pump != null && level != InterlockLevel.None && pump.Interlock.Verdict.ActiveRule is VitalRule v && v.Level == level)
            {
                (ruleText, value, limit) = Describe(v, pump.Interlock.Verdict);
            }
            else if (pump != null && alarm == AlarmCode.VitalsLeaseLost)
            {
                ruleText = "lease lost: " + InterlockMessages.ForLease(pump.Interlock.Verdict.LeaseCause);
                value = LastTrigger(e.AtMs);
            }
            else if (pump != null && alarm == AlarmCode.Occlusion)
            {
                int threshold = OcclusionDetector.LevelMmHg[(int)pump.Settings.OcclusionLevel];
                value = "line pressure " + pump.PressureMmHg.ToString(CultureInfo.InvariantCulture) + " mmHg (the pump's estimate from plunger force)"
                    + Prefix("; after ", LastTrigger(e.AtMs));
                limit = threshold.ToString(CultureInfo.InvariantCulture) + " mmHg (" + pump.Settings.OcclusionLevel.ToString().ToLowerInvariant()
                    + " level), or a rise of " + OcclusionDetector.RiseLimitMmHg.ToString(CultureInfo.InvariantCulture) + " mmHg";
            }
            else
            {
                value = LastTrigger(e.AtMs);
            }
            Causes.Add(new AlarmCause
            {
                AtMs = e.AtMs, Code = code, Priority = AlarmNames.Priority(rule.Priority), Message = rule.Message, Rule = ruleText, Value = value, Limit = limit,
            });
        }

        /// <summary>The rule as a condition ("SBP_STOP_200: SBP ≥ 200 mmHg"), the latest value and the limit it was judged against.</summary>
        public static (string Rule, string Value, string Limit) Describe(VitalRule r, InterlockVerdict verdict)
        {
            var inv = CultureInfo.InvariantCulture;
            (string name, string unit) = r.Parameter switch
            {
                VitalParameter.SystolicMmHg => ("SBP", "mmHg"),
                VitalParameter.DiastolicMmHg => ("DBP", "mmHg"),
                VitalParameter.HeartRateBpm => ("HR", "bpm"),
                VitalParameter.Spo2Percent => ("SpO2", "%"),
                VitalParameter.RespiratoryRatePerMin => ("RR", "/min"),
                VitalParameter.NibpAgeMs => ("NIBP age", "ms"),
                VitalParameter.Spo2LostMs => ("SpO2 lost", "ms"),
                _ => ("link silent", "ms"),
            };
            string op = r.Comparison switch
            {
                RuleComparison.AtLeast => "≥",
                RuleComparison.Above => ">",
                RuleComparison.Below => "<",
                _ => "≤",
            };
            string rule = r.Code + ": " + name + (r.RelativeToBaseline ? " rise " : " ") + op + " " + r.Threshold.ToString(inv) + " " + unit
                + (r.ReadingsRequired > 1 ? " on " + r.ReadingsRequired + " readings" : "")
                + (r.SustainMs > 0 ? " for " + (r.SustainMs / 1000).ToString(inv) + " s" : "");
            VitalSigns latest = verdict.LatestVitals ?? new VitalSigns();
            VitalBaseline b = verdict.Baseline ?? new VitalBaseline();
            (int current, int baseline) = r.Parameter switch
            {
                VitalParameter.SystolicMmHg => (latest.SystolicMmHg, b.SystolicMmHg),
                VitalParameter.DiastolicMmHg => (latest.DiastolicMmHg, b.DiastolicMmHg),
                VitalParameter.HeartRateBpm => (latest.HeartRateBpm, b.HeartRateBpm),
                VitalParameter.Spo2Percent => (latest.Spo2Percent, b.Spo2Percent),
                VitalParameter.RespiratoryRatePerMin => (latest.RespiratoryRatePerMin, b.RespiratoryRatePerMin),
                _ => (int.MinValue, 0),
            };
            if (current == int.MinValue)
            {
                return (rule, "", r.Threshold.ToString(inv) + " " + unit);
            }
            if (r.RelativeToBaseline && b.Valid)
            {
                return (rule, current.ToString(inv) + " " + unit + " (baseline " + baseline.ToString(inv) + ")",
                    (baseline + r.Threshold).ToString(inv) + " " + unit);
            }
            return (rule, current.ToString(inv) + " " + unit, r.Threshold.ToString(inv) + " " + unit);
        }

        private static string Prefix(string prefix, string text) => text.Length == 0 ? "" : prefix + text;

        private string LastTrigger(long atMs)
        {
            for (int i = _run.Trips.Count - 1; i >= 0; i--)
            {
                InterlockTrip t = _run.Trips[i];
                if (t.AtMs <= atMs && atMs - t.AtMs <= 120_000)
                {
                    return t.Cause + " at " + (t.AtMs / 1000.0).ToString("0.##", CultureInfo.InvariantCulture) + " s";
                }
            }
            return "";
        }
    }
}
