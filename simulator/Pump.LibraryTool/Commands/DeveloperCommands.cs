using System;
using System.CommandLine;
using System.IO;
using Pump.LibraryTool.Generation;
using Pump.LibraryTool.Source;

namespace Pump.LibraryTool.Commands
{
    /// <summary>`schema -o FILE` and `generate-shipped SOURCE -o FILE`: regenerate the published schema and the firmware's shipped library.</summary>
    internal static class DeveloperCommands
    {
        public static Command Schema()
        {
            var output = new Option<string>("--out", "-o") { Description = "Where to write the JSON schema.", Required = true };
            var cmd = new Command("schema", "Write the JSON schema of the source format (firmware/Pump.Core/Library/drug-library.schema.json).") { output };
            cmd.SetAction(r =>
            {
                string path = r.GetValue(output)!;
                return CliOutput.TryWrite(path, () => File.WriteAllText(path, SchemaWriter.Write())) ? CliOutput.Ok : CliOutput.UsageError;
            });
            return cmd;
        }

        public static Command GenerateShipped()
        {
            var file = new Argument<string>("SOURCE") { Description = "firmware/Pump.Core/Library/shipped-library.json" };
            var output = new Option<string>("--out", "-o") { Description = "firmware/Pump.Core/Library/ShippedLibraryData.cs", Required = true };
            var cmd = new Command("generate-shipped", "Generate the firmware's shipped library (C#) from its source file.") { file, output };
            cmd.SetAction(r =>
            {
                LibraryFile? lib = CliOutput.Load(r.GetValue(file)!);
                if (lib == null)
                {
                    return CliOutput.Refused;
                }

                LibraryVerdict verdict = LibraryVerdict.Of(lib.Source!);
                if (!verdict.IsAccepted)
                {
                    Console.Error.WriteLine("the pump refuses it: " + verdict.Result.LongMessage);
                    return CliOutput.Refused;
                }

                string path = r.GetValue(output)!;
                return CliOutput.TryWrite(path, () => File.WriteAllText(path, ShippedCodeGenerator.Generate(lib.Source!))) ? CliOutput.Ok : CliOutput.UsageError;
            });
            return cmd;
        }
    }
}
