using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pump.ServiceTool.Model;
using Pump.ServiceTool.Protocol;

namespace Pump.ServiceTool.Commands
{
    /// <summary>`log export --format json|csv` and `records export`: the event log and the infusion records read out.</summary>
    internal static class ExportCommands
    {
        private static readonly JsonSerializerOptions Json = new()
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };

        public static Command Log(ToolContext tool)
        {
            var format = new Option<string>("--format") { Description = "json or csv.", DefaultValueFactory = _ => "json" };
            format.AcceptOnlyFromAmong("json", "csv");
            var output = new Option<FileInfo?>("--out", "-o") { Description = "Write here instead of stdout." };
            var export = new Command("export", "Export every retained event-log entry, oldest first.") { format, output };
            export.SetAction(r => tool.Run(r, client =>
            {
                List<LogEntry> entries = PumpReads.Log(client, out ServiceResponse? refusal);
                if (refusal != null)
                {
                    return tool.Refused("log export", refusal);
                }
                string text = r.GetValue(format) == "csv" ? Csv(entries) : JsonSerializer.Serialize(entries, Json);
                return Write(tool, r.GetValue(output), text, entries.Count + " log entries");
            }));
            return new Command("log", "The pump's event log.") { export };
        }

        public static Command Records(ToolContext tool)
        {
            var output = new Option<FileInfo?>("--out", "-o") { Description = "Write here instead of stdout." };
            var export = new Command("export", "Export each infusion's record (JSON), rebuilt from the event log and session history.") { output };
            export.SetAction(r => tool.Run(r, client =>
            {
                List<LogEntry> entries = PumpReads.Log(client, out ServiceResponse? refusal);
                if (refusal != null)
                {
                    return tool.Refused("records export", refusal);
                }
                List<SessionEntry> sessions = PumpReads.Sessions(client, out refusal);
                if (refusal != null)
                {
                    return tool.Refused("records export", refusal);
                }
                List<InfusionRecord> records = InfusionRecords.Build(entries, sessions);
                return Write(tool, r.GetValue(output), JsonSerializer.Serialize(records, Json), records.Count + " infusion records");
            }));
            return new Command("records", "The pump's infusion records.") { export };
        }

        private static int Write(ToolContext tool, FileInfo? file, string text, string what)
        {
            if (file == null)
            {
                tool.Io.Out.WriteLine(text);
                return ToolContext.ExitOk;
            }
            try
            {
                File.WriteAllText(file.FullName, text);
            }
            catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
            {
                tool.Io.Error.WriteLine("pump-service: cannot write " + file.FullName + ": " + e.Message);
                return ToolContext.ExitBadInput;
            }
            tool.Io.Error.WriteLine(what + " written to " + file.FullName);
            return ToolContext.ExitOk;
        }

        private static string Csv(List<LogEntry> entries)
        {
            var inv = CultureInfo.InvariantCulture;
            var sb = new StringBuilder("sequence,boot,utc_seconds,monotonic_ms,code,name,priority,category,arg0,arg1\n");
            foreach (LogEntry e in entries)
            {
                sb.Append(e.Sequence.ToString(inv)).Append(',').Append(e.BootCount.ToString(inv)).Append(',')
                  .Append(e.UtcSeconds?.ToString(inv) ?? "").Append(',').Append(e.MonotonicMs.ToString(inv)).Append(',')
                  .Append(e.Code.ToString(inv)).Append(',').Append(e.Name).Append(',').Append(e.Priority.ToString(inv)).Append(',')
                  .Append(e.Category.ToString(inv)).Append(',').Append(e.Arg0.ToString(inv)).Append(',').Append(e.Arg1.ToString(inv)).Append('\n');
            }
            return sb.ToString();
        }
    }
}
