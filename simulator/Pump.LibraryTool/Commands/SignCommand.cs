using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Pump.LibraryTool.Source;

namespace Pump.LibraryTool.Commands
{
    /// <summary>`sign FILE --author A --reviewer B --crc 0x...`: records the four-eyes approval in the source file.</summary>
    internal static class SignCommand
    {
        public static Command Create()
        {
            var file = new Argument<string>("FILE") { Description = "The library source (.json); it is updated in place unless -o is given." };
            var author = new Option<string>("--author") { Description = "Who wrote this revision.", Required = true };
            var reviewer = new Option<string>("--reviewer") { Description = "Who reviewed it (a different person).", Required = true };
            var crc = new Option<string>("--crc") { Description = "The content CRC printed on the report the reviewer approved (0x and 8 hex digits).", Required = true };
            var date = new Option<string?>("--date") { Description = "Date of the review, yyyy-mm-dd (default: today, UTC)." };
            var output = new Option<string?>("--out", "-o") { Description = "Write the signed source here instead of updating FILE." };
            var cmd = new Command("sign", "Record author, reviewer, date and the approved content CRC in the source.") { file, author, reviewer, crc, date, output };
            cmd.SetAction(r => Run(r.GetValue(file)!, r.GetValue(author)!, r.GetValue(reviewer)!, r.GetValue(crc)!, r.GetValue(date), r.GetValue(output)));
            return cmd;
        }

        private static int Run(string path, string author, string reviewer, string crc, string? dateText, string? outPath)
        {
            DateOnly date = DateOnly.FromDateTime(DateTime.UtcNow);
            if (dateText != null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                Console.Error.WriteLine("--date " + dateText + ": write the date as yyyy-mm-dd");
                return CliOutput.UsageError;
            }

            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                Console.Error.WriteLine(path + ": cannot be read: " + e.Message);
                return CliOutput.UsageError;
            }

            string? signed = SourceSigner.Sign(text, author, reviewer, date, crc, out string problem);
            if (signed == null)
            {
                Console.Error.WriteLine(path + ": not signed: " + problem);
                return CliOutput.Refused;
            }

            string target = outPath ?? path;
            if (!CliOutput.TryWrite(target, () => File.WriteAllText(target, signed)))
            {
                return CliOutput.UsageError;
            }

            Console.Out.WriteLine("Signed " + target + ": author " + author + ", reviewer " + reviewer + ", " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                + ", approved content CRC " + crc.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal) + ". Now build it: pump-library build " + target + " -o LIB.bin");
            return CliOutput.Ok;
        }
    }
}
