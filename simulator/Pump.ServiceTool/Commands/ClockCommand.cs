using System;
using System.CommandLine;
using System.Globalization;
using Pump.Core.Service;

namespace Pump.ServiceTool.Commands
{
    /// <summary>`clock set [--utc TIME]`: sets the pump's calendar clock (default: this computer's UTC time).</summary>
    internal static class ClockCommand
    {
        public static Command Create(ToolContext tool)
        {
            var utc = new Option<string?>("--utc") { Description = "ISO 8601 time, e.g. 2026-12-03T09:00:00Z (default: now)." };
            var set = new Command("set", "Set the pump's calendar clock.") { utc };
            set.SetAction(r =>
            {
                string? text = r.GetValue(utc);
                DateTimeOffset when = DateTimeOffset.UtcNow;
                if (text != null && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when))
                {
                    tool.Io.Error.WriteLine("pump-service: --utc '" + text + "' is not a time (use e.g. 2026-12-03T09:00:00Z)");
                    return ToolContext.ExitBadInput;
                }
                return tool.Run(r, client =>
                {
                    var response = client.Send(ServiceCommand.SetClock, BitConverter.GetBytes(when.ToUnixTimeSeconds()));
                    if (!response.IsOk)
                    {
                        return tool.Refused("clock set", response);
                    }
                    tool.Io.Out.WriteLine("pump clock set: " + InfoCommand.Utc(response.Reader().I64()) + " UTC");
                    return ToolContext.ExitOk;
                });
            });
            return new Command("clock", "The pump's calendar clock.") { set };
        }
    }
}
