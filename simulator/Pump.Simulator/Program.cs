using System;
using System.CommandLine;
using Pump.Simulator.Commands;

namespace Pump.Simulator
{
    /// <summary>pump-sim: runs the pump's core on virtual hardware (simulator/README.md).</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var root = new RootCommand("Syringe-pump simulator: the pump's core on virtual hardware, with a virtual patient and monitor.");
            root.Subcommands.Add(RunCommand.Create());
            root.Subcommands.Add(BatchCommand.Create());
            root.Subcommands.Add(InteractiveCommand.Create());
            root.Subcommands.Add(BenchCommand.Create());
            root.Subcommands.Add(TestCommand.Create());
            root.Subcommands.Add(ServeCommand.Create());
            root.Subcommands.Add(MonitorCommand.Create());
            if (args.Length == 0)
            {
                args = new[] { "run" };
            }
            return root.Parse(args).Invoke();
        }
    }
}
