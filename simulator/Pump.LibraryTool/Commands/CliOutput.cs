using System;
using System.Collections.Generic;
using Pump.LibraryTool.Source;
using Spectre.Console;

namespace Pump.LibraryTool.Commands
{
    /// <summary>Exit codes and console output shared by the commands (the console is looked up per call, so tests can redirect it).</summary>
    internal static class CliOutput
    {
        public const int Ok = 0;

        /// <summary>The input is invalid, or the pump would refuse it.</summary>
        public const int Refused = 1;

        /// <summary>A file could not be written or an option is wrong.</summary>
        public const int UsageError = 2;

        public static IAnsiConsole Console()
        {
            return AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(System.Console.Out),
                Ansi = System.Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
                ColorSystem = System.Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            });
        }

        /// <summary>Loads a source or binary; prints every error to stderr and returns null when it cannot be used.</summary>
        public static LibraryFile? Load(string path)
        {
            LibraryFile file = LibraryFile.Load(path);
            if (file.Source == null)
            {
                Errors(path, file.Errors);
                return null;
            }

            return file;
        }

        public static void Errors(string path, IReadOnlyList<SourceError> errors)
        {
            System.Console.Error.WriteLine(path + ": " + errors.Count + (errors.Count == 1 ? " error" : " errors"));
            foreach (SourceError e in errors)
            {
                System.Console.Error.WriteLine("  error: " + e);
            }
        }

        public static bool TryWrite(string path, Action write)
        {
            try
            {
                write();
                return true;
            }
            catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                System.Console.Error.WriteLine(path + ": cannot be written: " + e.Message);
                return false;
            }
        }
    }
}
