using System;
using System.CommandLine;
using System.IO;
using Pump.Core.Library;
using Pump.LibraryTool.Review;
using Pump.LibraryTool.Source;

namespace Pump.LibraryTool.Commands
{
    /// <summary>`build FILE -o LIB.bin`: the exact bytes the pump stores (LibraryCodec.Encode), decoded back by the pump's decoder before they are written.</summary>
    internal static class BuildCommand
    {
        public static Command Create()
        {
            var file = new Argument<string>("FILE") { Description = "The library source (.json)." };
            var output = new Option<string>("--out", "-o") { Description = "Where to write the library binary.", Required = true };
            var draft = new Option<bool>("--draft") { Description = "Build an unsigned library; the pump shows it as DRAFT LIB." };
            var cmd = new Command("build", "Build the bytes the pump stores, with revision, CRC and sign-off.") { file, output, draft };
            cmd.SetAction(r => Run(r.GetValue(file)!, r.GetValue(output)!, r.GetValue(draft)));
            return cmd;
        }

        private static int Run(string path, string outPath, bool draft)
        {
            LibraryFile? file = CliOutput.Load(path);
            if (file == null)
            {
                return CliOutput.Refused;
            }

            LibrarySource source = file.Source!;
            if (source.SignOff == null && !draft)
            {
                Console.Error.WriteLine(path + ": not signed off. Review it (pump-library show), sign it (pump-library sign), "
                    + "or build a draft with --draft (the pump then shows DRAFT LIB).");
                return CliOutput.Refused;
            }

            LibraryVerdict verdict = LibraryVerdict.Of(source);
            byte[]? bytes = LibraryCodec.Encode(source.ToLibrary());
            if (!verdict.IsAccepted || bytes == null)
            {
                Console.Error.WriteLine(path + ": the pump refuses it: " + verdict.Result.ShortMessage);
                Console.Error.WriteLine("  " + verdict.Result.LongMessage);
                return CliOutput.Refused;
            }

            LibraryLoadResult decoded = LibraryCodec.Decode(bytes, 0, bytes.Length);
            if (!decoded.IsAccepted)
            {
                Console.Error.WriteLine("internal error: the pump's decoder refuses the built bytes: " + decoded.LongMessage);
                return CliOutput.Refused;
            }

            if (!CliOutput.TryWrite(outPath, () => File.WriteAllBytes(outPath, bytes)))
            {
                return CliOutput.UsageError;
            }

            uint fileCrc = BitConverter.ToUInt32(bytes, bytes.Length - LibraryCodec.CrcBytes);
            Console.Out.WriteLine("Wrote " + outPath + ": " + bytes.Length + " bytes, format " + LibraryCodec.FormatVersion + ", revision " + source.Revision
                + ", content CRC " + LibraryVerdict.CrcText(verdict.ContentCrc!.Value) + ", file CRC " + LibraryVerdict.CrcText(fileCrc) + ".");
            Console.Out.WriteLine("Status: " + ReviewDocument.Status(source.SignOff));
            return CliOutput.Ok;
        }
    }
}
