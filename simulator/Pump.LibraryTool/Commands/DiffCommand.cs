using System;
using System.Collections.Generic;
using System.CommandLine;
using Pump.LibraryTool.Review;
using Pump.LibraryTool.Source;
using Spectre.Console;

namespace Pump.LibraryTool.Commands
{
    /// <summary>`diff OLD NEW [--md]`: what changed, limit by limit, in clinical units. Exit 0 whether or not anything changed.</summary>
    internal static class DiffCommand
    {
        public static Command Create()
        {
            var old = new Argument<string>("OLD") { Description = "The previous revision (.json or .bin)." };
            var now = new Argument<string>("NEW") { Description = "The new revision (.json or .bin)." };
            var md = new Option<bool>("--md") { Description = "A Markdown table." };
            var cmd = new Command("diff", "Show what changed between two revisions, limit by limit, in clinical units.") { old, now, md };
            cmd.SetAction(r => Run(r.GetValue(old)!, r.GetValue(now)!, r.GetValue(md)));
            return cmd;
        }

        private static int Run(string oldPath, string newPath, bool md)
        {
            LibraryFile? a = CliOutput.Load(oldPath);
            LibraryFile? b = CliOutput.Load(newPath);
            if (a == null || b == null)
            {
                return CliOutput.Refused;
            }

            List<LibraryChange> changes = LibraryDiff.Compare(a.Source!, b.Source!);
            if (md)
            {
                Console.Out.WriteLine("| Entry | Field | Old | New |\n|---|---|---|---|");
                foreach (LibraryChange c in changes)
                {
                    Console.Out.WriteLine("| " + Cell(c.Entry) + " | " + Cell(c.Field) + " | " + Cell(c.Old) + " | " + Cell(c.New) + " |");
                }
            }
            else
            {
                var t = new Table().Border(TableBorder.Rounded).AddColumn("Entry").AddColumn("Field").AddColumn("Old").AddColumn("New");
                foreach (LibraryChange c in changes)
                {
                    t.AddRow(Markup.Escape(c.Entry), Markup.Escape(c.Field), Markup.Escape(c.Old), Markup.Escape(c.New));
                }

                CliOutput.Console().Write(t);
            }

            Console.Out.WriteLine(changes.Count == 0 ? "No differences." : changes.Count + (changes.Count == 1 ? " difference." : " differences."));
            return CliOutput.Ok;
        }

        private static string Cell(string text)
        {
            return text.Replace("|", "\\|", StringComparison.Ordinal);
        }
    }
}
