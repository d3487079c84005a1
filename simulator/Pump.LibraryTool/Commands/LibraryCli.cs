using System.CommandLine;

namespace Pump.LibraryTool.Commands
{
    /// <summary>pump-library: the pharmacist's commands (hardware-docs/drug-library.md).</summary>
    internal static class LibraryCli
    {
        public static RootCommand Build()
        {
            var root = new RootCommand("pump-library: author, check, build, review, compare and sign the syringe pump's drug library.");
            root.Subcommands.Add(CheckCommand.Create());
            root.Subcommands.Add(BuildCommand.Create());
            root.Subcommands.Add(ShowCommand.Create());
            root.Subcommands.Add(DiffCommand.Create());
            root.Subcommands.Add(SignCommand.Create());
            root.Subcommands.Add(DeveloperCommands.Schema());
            root.Subcommands.Add(DeveloperCommands.GenerateShipped());
            return root;
        }
    }
}
