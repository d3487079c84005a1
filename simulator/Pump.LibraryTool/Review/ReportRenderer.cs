using System.Net;
using System.Text;
using Spectre.Console;

namespace Pump.LibraryTool.Review
{
    /// <summary>Renders a <see cref="ReviewDocument"/> as Markdown, as a printable HTML page, or as terminal tables.</summary>
    internal static class ReportRenderer
    {
        public static string Markdown(ReviewDocument d)
        {
            var s = new StringBuilder();
            s.Append("# ").Append(d.Title).Append("\n\n");
            AppendFactsMd(s, d.Summary);
            foreach (EntrySection e in d.Entries)
            {
                s.Append("\n## ").Append(e.Heading).Append("\n\n");
                AppendFactsMd(s, e.Facts);
                s.Append("\n### Limits\n\n");
                AppendTableMd(s, e.Limits);
                s.Append("\n### Rates this entry allows\n\n");
                AppendTableMd(s, e.Rates);
            }

            s.Append("\nReviewed by: ______________________  Date: ____________  Content CRC approved: ____________\n");
            return s.ToString();
        }

        public static string Html(ReviewDocument d)
        {
            var s = new StringBuilder();
            s.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(d.Title)).Append("</title>\n<style>\n")
                .Append("body{font-family:sans-serif;margin:2em;font-size:11pt}table{border-collapse:collapse;margin:.5em 0 1.5em}")
                .Append("th,td{border:1px solid #888;padding:.2em .5em;vertical-align:top}th{background:#eee}td.n{text-align:right;white-space:nowrap}")
                .Append(".draft{color:#b00;font-weight:bold}.sign{margin-top:3em}@media print{section{page-break-inside:avoid}}\n</style></head><body>\n");
            s.Append("<h1>").Append(E(d.Title)).Append("</h1>\n");
            AppendFactsHtml(s, d.Summary);
            foreach (EntrySection e in d.Entries)
            {
                s.Append("<section><h2>").Append(E(e.Heading)).Append("</h2>\n");
                AppendFactsHtml(s, e.Facts);
                s.Append("<h3>Limits</h3>\n");
                AppendTableHtml(s, e.Limits, 2, 6);
                s.Append("<h3>Rates this entry allows</h3>\n");
                AppendTableHtml(s, e.Rates, 1, 2);
                s.Append("</section>\n");
            }

            s.Append("<p class=\"sign\">Reviewed by: ______________________ &nbsp; Date: ____________ &nbsp; Content CRC approved: ____________</p>\n</body></html>\n");
            return s.ToString();
        }

        public static void Terminal(ReviewDocument d, IAnsiConsole console)
        {
            console.Write(new Rule("[bold]" + Markup.Escape(d.Title) + "[/]").LeftJustified());
            console.Write(Facts(d.Summary));
            foreach (EntrySection e in d.Entries)
            {
                console.Write(new Rule(Markup.Escape(e.Heading)).LeftJustified());
                console.Write(Facts(e.Facts));
                console.Write(Table(e.Limits));
                console.Write(Table(e.Rates));
            }
        }

        private static Table Facts(System.Collections.Generic.List<(string Key, string Value)> facts)
        {
            var t = new Table().Border(TableBorder.Simple).HideHeaders().AddColumn("").AddColumn("");
            foreach ((string k, string v) in facts)
            {
                t.AddRow(Markup.Escape(k), v.StartsWith("DRAFT", System.StringComparison.Ordinal) || v.StartsWith("REFUSED", System.StringComparison.Ordinal)
                    ? "[red bold]" + Markup.Escape(v) + "[/]" : Markup.Escape(v));
            }

            return t;
        }

        private static Table Table(TextTable table)
        {
            var t = new Table().Border(TableBorder.Rounded);
            foreach (string h in table.Header)
            {
                t.AddColumn(Markup.Escape(h));
            }

            foreach (string[] row in table.Rows)
            {
                var cells = new string[row.Length];
                for (int i = 0; i < row.Length; i++)
                {
                    cells[i] = Markup.Escape(row[i]);
                }

                t.AddRow(cells);
            }

            return t;
        }

        private static void AppendFactsMd(StringBuilder s, System.Collections.Generic.List<(string Key, string Value)> facts)
        {
            foreach ((string k, string v) in facts)
            {
                s.Append("- **").Append(k).Append("**: ").Append(Md(v)).Append('\n');
            }
        }

        private static void AppendTableMd(StringBuilder s, TextTable t)
        {
            s.Append("| ").Append(string.Join(" | ", t.Header)).Append(" |\n|");
            foreach (string unused in t.Header)
            {
                s.Append("---|");
            }

            s.Append('\n');
            foreach (string[] row in t.Rows)
            {
                var cells = new string[row.Length];
                for (int i = 0; i < row.Length; i++)
                {
                    cells[i] = Md(row[i]);
                }

                s.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
            }
        }

        private static void AppendFactsHtml(StringBuilder s, System.Collections.Generic.List<(string Key, string Value)> facts)
        {
            s.Append("<table>\n");
            foreach ((string k, string v) in facts)
            {
                string cls = v.StartsWith("DRAFT", System.StringComparison.Ordinal) || v.StartsWith("REFUSED", System.StringComparison.Ordinal) ? " class=\"draft\"" : "";
                s.Append("<tr><th>").Append(E(k)).Append("</th><td").Append(cls).Append('>').Append(E(v)).Append("</td></tr>\n");
            }

            s.Append("</table>\n");
        }

        /// <summary>Columns [firstNumber, lastNumber] are right-aligned numbers.</summary>
        private static void AppendTableHtml(StringBuilder s, TextTable t, int firstNumber, int lastNumber)
        {
            s.Append("<table>\n<tr>");
            foreach (string h in t.Header)
            {
                s.Append("<th>").Append(E(h)).Append("</th>");
            }

            s.Append("</tr>\n");
            foreach (string[] row in t.Rows)
            {
                s.Append("<tr>");
                for (int i = 0; i < row.Length; i++)
                {
                    s.Append(i >= firstNumber && i <= lastNumber ? "<td class=\"n\">" : "<td>").Append(E(row[i])).Append("</td>");
                }

                s.Append("</tr>\n");
            }

            s.Append("</table>\n");
        }

        private static string E(string text)
        {
            return WebUtility.HtmlEncode(text);
        }

        private static string Md(string text)
        {
            return text.Replace("|", "\\|", System.StringComparison.Ordinal);
        }
    }
}
