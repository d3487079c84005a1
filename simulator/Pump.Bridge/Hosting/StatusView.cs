using System;
using System.Globalization;
using System.Linq;
using Pump.Bridge.Forwarding;
using Pump.Core.Link;
using Spectre.Console;

namespace Pump.Bridge.Hosting
{
    /// <summary>The console status view: what the bridge forwards now, with each value's age, and the latest log lines.</summary>
    public static class StatusView
    {
        public static Table Render(BridgeForwarder f, BridgeLog log, string source, string output, uint boot)
        {
            var inv = CultureInfo.InvariantCulture;
            var t = new Table().Border(TableBorder.Rounded).Title("monitor-bridge").AddColumn("").AddColumn("");
            string color = f.State == BridgeState.Forwarding ? "green" : "red";
            t.AddRow("State", $"[{color}]{f.State}[/]: {Markup.Escape(f.StateReason)}");
            t.AddRow("Source → output", Markup.Escape($"{source} → {output}, boot {boot}"));
            var r = f.Latest;
            t.AddRow("Monitor", r == null ? "-" : Markup.Escape($"{r.SourceId:X16} bed '{r.BedLabel}' patient '{r.PatientId}'"));
            VitalSigns v = f.LastSent;
            t.AddRow("HR", v.HeartRateAvailable ? $"{v.HeartRateBpm} bpm, {v.HeartRateAgeMs / 1000.0:0.0} s old" : "not sent");
            t.AddRow("SpO2", v.Spo2Usable ? $"{v.Spo2Percent} %, {v.Spo2AgeMs / 1000.0:0.0} s old" : "not sent");
            t.AddRow("RR", v.RespiratoryRateAvailable ? $"{v.RespiratoryRatePerMin} /min, {v.RespiratoryRateAgeMs / 1000.0:0.0} s old" : "not sent");
            t.AddRow("NIBP", v.NibpUsable ? $"{v.SystolicMmHg}/{v.DiastolicMmHg} mmHg, {v.NibpAgeMs / 1000.0:0} s old" : "not sent");
            t.AddRow("Frames / reports", string.Format(inv, "{0} sent, {1} reports accepted, {2} refused", f.FramesSent, f.ReportsAccepted, f.ReportsRefused));
            t.AddRow("Log", Markup.Escape(string.Join("\n", log.Recent().TakeLast(8))));
            return t;
        }
    }
}
