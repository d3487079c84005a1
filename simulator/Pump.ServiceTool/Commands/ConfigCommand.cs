using System.CommandLine;
using System.Text.Json;
using System.Collections.Generic;
using Pump.Core.Configuration;
using Pump.Core.Service;
using Pump.ServiceTool.Model;
using Pump.ServiceTool.Protocol;
using Spectre.Console;

namespace Pump.ServiceTool.Commands
{
    /// <summary>`config get` and `config set NAME=VALUE...`: the unit's stored configuration.</summary>
    internal static class ConfigCommand
    {
        public static Command Create(ToolContext tool)
        {
            var json = new Option<bool>("--json") { Description = "Print the configuration as JSON." };
            var get = new Command("get", "Show the stored configuration.") { json };
            get.SetAction(r => tool.Run(r, client =>
            {
                DeviceConfiguration? c = PumpReads.Config(client, out ServiceResponse response);
                if (c == null)
                {
                    return tool.Refused("config get", response);
                }
                if (r.GetValue(json))
                {
                    var d = new Dictionary<string, string>();
                    foreach (var f in ConfigFields.All)
                    {
                        d[f.Name] = f.Get(c);
                    }
                    tool.Io.Out.WriteLine(JsonSerializer.Serialize(d, new JsonSerializerOptions { WriteIndented = true }));
                    return ToolContext.ExitOk;
                }
                var t = new Table().Border(TableBorder.Rounded).AddColumn("Setting").AddColumn("Value").AddColumn("Unit");
                foreach (var f in ConfigFields.All)
                {
                    t.AddRow(f.Name, Markup.Escape(f.Get(c)), Markup.Escape(f.Unit));
                }
                tool.Io.Console.Write(t);
                return ToolContext.ExitOk;
            }));

            var assignments = new Argument<string[]>("NAME=VALUE") { Description = "Settings to change (see `config get`).", Arity = ArgumentArity.OneOrMore };
            var set = new Command("set", "Change settings; the pump checks the whole configuration and keeps the old one if anything is wrong.") { assignments };
            set.SetAction(r => tool.Run(r, client =>
            {
                DeviceConfiguration? c = PumpReads.Config(client, out ServiceResponse response);
                if (c == null && response.Status != ServiceStatus.NoConfiguration)
                {
                    return tool.Refused("config set", response);
                }
                c ??= new DeviceConfiguration();
                foreach (string a in r.GetValue(assignments)!)
                {
                    string? error = ConfigFields.Assign(c, a);
                    if (error != null)
                    {
                        tool.Io.Error.WriteLine("pump-service: " + error);
                        return ToolContext.ExitBadInput;
                    }
                }
                return Write(tool, client, c, "config set");
            }));
            return new Command("config", "Read or change the unit's stored configuration.") { get, set };
        }

        /// <summary>Sends a whole configuration and reports the pump's verdict.</summary>
        public static int Write(ToolContext tool, ServiceClient client, DeviceConfiguration c, string what)
        {
            var bytes = new byte[DeviceConfigurationCodec.PayloadBytes];
            DeviceConfigurationCodec.Encode(c, bytes, 0);
            ServiceResponse answer = client.Send(ServiceCommand.SetConfig, bytes);
            if (!answer.IsOk)
            {
                return tool.Refused(what, answer);
            }
            int ready = answer.Reader().U8();
            tool.Io.Out.WriteLine("configuration stored; " + ConfigProblem.Describe(ready));
            return ToolContext.ExitOk;
        }
    }
}
