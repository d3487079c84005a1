using System;
using System.CommandLine;
using Pump.LibraryTool.Review;
using Pump.LibraryTool.Source;

namespace Pump.LibraryTool.Commands
{
    /// <summary>`check FILE`: exact unit conversion, then every check the pump makes (LibraryCodec.Check, the pump's own code).</summary>
    internal static class CheckCommand
    {
        public static Command Create()
        {
            var file = new Argument<string>("FILE") { Description = "A library source (.json) or a built library (.bin)." };
            var cmd = new Command("check", "Check a library with the pump's own checks and the exact unit conversion.") { file };
            cmd.SetAction(r => Run(r.GetValue(file)!));
            return cmd;
        }

        private static int Run(string path)
        {
            LibraryFile? file = CliOutput.Load(path);
            if (file == null)
            {
                return CliOutput.Refused;
            }

            LibraryVerdict verdict = LibraryVerdict.Of(file.Source!);
            if (!verdict.IsAccepted)
            {
                Console.Error.WriteLine(path + ": the pump refuses it: " + verdict.Result.ShortMessage);
                Console.Error.WriteLine("  " + verdict.Result.LongMessage);
                return CliOutput.Refused;
            }

            Console.Out.WriteLine(path + ": OK, the pump accepts it. Revision " + file.Source!.Revision + ", "
                + file.Source.Entries.Count + " entries, content CRC " + LibraryVerdict.CrcText(verdict.ContentCrc!.Value) + ".");
            Console.Out.WriteLine("Status: " + ReviewDocument.Status(file.Source.SignOff));
            return CliOutput.Ok;
        }
    }
}
