using System;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pump.Core.Service;
using Pump.ServiceTool.Model;
using Spectre.Console;

namespace Pump.ServiceTool.Commands
{
    /// <summary>`info`: firmware, serial, calibration, library in force, clock and store health.</summary>
    internal static class InfoCommand
    {
        public static Command Create(ToolContext tool)
        {
            var json = new Option<bool>("--json") { Description = "Print the details as JSON." };
            var cmd = new Command("info", "Show the pump's firmware, serial, calibration, drug library, clock and store health.") { json };
            cmd.SetAction(r => tool.Run(r, client =>
            {
                var response = client.Send(ServiceCommand.GetInfo);
                if (!response.IsOk)
                {
                    return tool.Refused("info", response);
                }
                PumpInfo info = PumpInfo.Parse(response);
                if (r.GetValue(json))
                {
                    tool.Io.Out.WriteLine(JsonSerializer.Serialize(info, new JsonSerializerOptions { WriteIndented = true }));
                    return ToolContext.ExitOk;
                }
                var t = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
                t.AddRow("Firmware", Markup.Escape(info.FirmwareVersion + " (" + info.SourceCommit + ")"));
                t.AddRow("Serial", Markup.Escape(info.Serial.Length > 0 ? info.Serial : "-"));
                t.AddRow("Configuration", Markup.Escape(info.ConfigText));
                t.AddRow("Ready to infuse", Markup.Escape(info.ReadyText));
                t.AddRow("Calibrated", info.CalibrationUtcSeconds > 0 ? Utc(info.CalibrationUtcSeconds) : "never");
                t.AddRow("Paired monitor", info.PairedMonitorId == 0 ? "none" : info.PairedMonitorId.ToString(CultureInfo.InvariantCulture));
                t.AddRow("Monitor-link key", Markup.Escape(info.LinkKeyProblemCode == 0
                    ? "stored for monitor " + info.LinkKeyMonitorId + ", key check " + LinkKeyCommand.KeyCheckText(info.LinkKeyCheck)
                    : info.LinkKeyText + (info.LinkKeyCheck != 0 ? " (stored key check " + LinkKeyCommand.KeyCheckText(info.LinkKeyCheck) + ")" : "")));
                t.AddRow("Drug library", "revision " + info.LibraryRevision + ", CRC-32 " + info.LibraryCrc.ToString("X8", CultureInfo.InvariantCulture)
                    + (info.LibraryFromStore ? ", installed" : ", shipped with the firmware"));
                t.AddRow("Clock", info.ClockValid ? Utc(info.ClockUtcSeconds) + " UTC" : "not set");
                t.AddRow("Store", Markup.Escape(info.StoreHealth()));
                t.AddRow("Event log", "newest entry " + info.LogNewestSequence + ", write failures " + info.LogWriteFailures + ", boot " + info.BootCount);
                tool.Io.Console.Write(t);
                return ToolContext.ExitOk;
            }));
            return cmd;
        }

        public static string Utc(long seconds) =>
            DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
