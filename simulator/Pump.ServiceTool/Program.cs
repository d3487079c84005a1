using System.CommandLine;
using Pump.ServiceTool.Commands;

namespace Pump.ServiceTool
{
    /// <summary>pump-service: commissions and services a pump over its service link (hardware-docs/service-link.md).</summary>
    public static class Program
    {
        public static int Main(string[] args) => Run(args, ToolIo.Standard());

        /// <summary>Runs one command with the given input and output (tests pass their own).</summary>
        public static int Run(string[] args, ToolIo io)
        {
            var tool = new ToolContext(io);
            var root = new RootCommand("pump-service: commission and service a syringe pump (or the simulator's `serve`) over its service link.")
            {
                tool.Connect,
                tool.TimeoutS,
            };
            root.Subcommands.Add(InfoCommand.Create(tool));
            root.Subcommands.Add(ConfigCommand.Create(tool));
            root.Subcommands.Add(CalibrateCommand.Create(tool));
            root.Subcommands.Add(ClockCommand.Create(tool));
            root.Subcommands.Add(LinkKeyCommand.Create(tool));
            root.Subcommands.Add(LibraryCommand.Create(tool));
            root.Subcommands.Add(ExportCommands.Log(tool));
            root.Subcommands.Add(ExportCommands.Records(tool));
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = io.Out, Error = io.Error });
        }
    }
}
