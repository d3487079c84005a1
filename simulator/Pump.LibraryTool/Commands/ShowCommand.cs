using System;
using System.CommandLine;
using System.IO;
using Pump.LibraryTool.Review;
using Pump.LibraryTool.Source;

namespace Pump.LibraryTool.Commands
{
    /// <summary>`show FILE [--md|--html] [-o OUT]`: the review report a second pharmacist reads and signs.</summary>
    internal static class ShowCommand
    {
        public static Command Create()
        {
            var file = new Argument<string>("FILE") { Description = "A library source (.json) or a built library (.bin)." };
            var md = new Option<bool>("--md") { Description = "Markdown." };
            var html = new Option<bool>("--html") { Description = "A printable HTML page (print it to PDF from the browser)." };
            var output = new Option<string?>("--out", "-o") { Description = "Write the report here instead of to the terminal." };
            var cmd = new Command("show", "Print the review report: every limit side by side in clinical units, rate ranges, CRC.") { file, md, html, output };
            cmd.SetAction(r => Run(r.GetValue(file)!, r.GetValue(md), r.GetValue(html), r.GetValue(output)));
            return cmd;
        }

        private static int Run(string path, bool md, bool html, string? outPath)
        {
            if (md && html)
            {
                Console.Error.WriteLine("choose one of --md and --html");
                return CliOutput.UsageError;
            }

            LibraryFile? file = CliOutput.Load(path);
            if (file == null)
            {
                return CliOutput.Refused;
            }

            ReviewDocument doc = ReviewDocument.Build(file);
            if (!md && !html && outPath == null)
            {
                ReportRenderer.Terminal(doc, CliOutput.Console());
                return CliOutput.Ok;
            }

            string text = html ? ReportRenderer.Html(doc) : ReportRenderer.Markdown(doc);
            if (outPath == null)
            {
                Console.Out.Write(text);
                return CliOutput.Ok;
            }

            if (!CliOutput.TryWrite(outPath, () => File.WriteAllText(outPath, text)))
            {
                return CliOutput.UsageError;
            }

            Console.Out.WriteLine("Wrote " + outPath);
            return CliOutput.Ok;
        }
    }
}
