using System.Collections.Generic;
using System.Globalization;
using Pump.Core.Library;
using Pump.LibraryTool.Source;

namespace Pump.LibraryTool.Review
{
    /// <summary>A table of text cells with a header row.</summary>
    internal sealed record TextTable(string[] Header, List<string[]> Rows);

    /// <summary>One entry's part of the review: facts, limits side by side, and rate ranges.</summary>
    internal sealed record EntrySection(string Heading, List<(string Key, string Value)> Facts, TextTable Limits, TextTable Rates);

    /// <summary>
    /// The review report's content, independent of its format (Markdown, HTML, terminal): the library's
    /// identity and sign-off, the pump's verdict and content CRC, then every entry with every limit in
    /// clinical units (hard min, soft min, default, soft max, hard max), its rationale and source, and the
    /// rates it allows for the lightest and heaviest patient.
    /// </summary>
    internal sealed class ReviewDocument
    {
        private ReviewDocument(string title, List<(string Key, string Value)> summary, List<EntrySection> entries)
        {
            Title = title;
            Summary = summary;
            Entries = entries;
        }

        public string Title { get; }

        public List<(string Key, string Value)> Summary { get; }

        public List<EntrySection> Entries { get; }

        public static ReviewDocument Build(LibraryFile file)
        {
            LibrarySource source = file.Source!;
            LibraryVerdict verdict = LibraryVerdict.Of(source);
            var summary = new List<(string, string)>
            {
                ("File", System.IO.Path.GetFileName(file.Path) + (file.IsBinary ? " (pump binary)" : " (source)")),
                ("Revision", source.Revision.ToString(CultureInfo.InvariantCulture)),
                ("Entries", source.Entries.Count.ToString(CultureInfo.InvariantCulture)),
                ("Content CRC", verdict.ContentCrc is uint crc ? LibraryVerdict.CrcText(crc) + " (what the reviewer approves)" : "none: the content fails the pump's checks"),
                ("File CRC", file.FileCrc is uint fileCrc ? LibraryVerdict.CrcText(fileCrc) + " (the last 4 bytes of the binary)" : "- (a source file; `build` prints it)"),
                ("Status", Status(source.SignOff)),
                ("Pump's checks", verdict.IsAccepted ? "accepted" : "REFUSED: " + verdict.Result.ShortMessage + " - " + verdict.Result.LongMessage),
            };
            var sections = new List<EntrySection>();
            foreach (SourceEntry e in source.Entries)
            {
                sections.Add(Section(e));
            }

            return new ReviewDocument("Drug library review: revision " + source.Revision.ToString(CultureInfo.InvariantCulture), summary, sections);
        }

        public static string Status(LibrarySignOff? s)
        {
            return s == null
                ? "DRAFT: not signed off"
                : "signed: author " + s.Author + ", reviewer " + s.Reviewer + ", " + SourceWriter.DateText(s.DateYyyymmdd)
                    + ", approved content CRC " + LibraryVerdict.CrcText(s.ApprovedCrc);
        }

        private static EntrySection Section(SourceEntry se)
        {
            DrugEntry e = se.Entry;
            var facts = new List<(string, string)>();
            foreach (EntryField f in SourceFields.Entry)
            {
                facts.Add((f.Name, FieldText(f, f.Get(e))));
            }

            // What the pump derives from the entry (issue 11): a baseline age above 0 switches the vital-sign interlock on.
            facts.Add(("vital-sign interlock", e.RequiresVitalInterlock ? "required (baseline and lease)" : "NOT required (baselineVitalsMaxAge_min is 0)"));
            facts.Add(("session rules", e.HasSessionRules ? "enforced (spacing or sessions per 7 days)" : "none"));
            var limits = new TextTable(["Quantity", "Unit", "Hard min", "Soft min", "Default", "Soft max", "Hard max", "Rationale", "Source"], new List<string[]>());
            foreach (LimitField b in SourceFields.LimitBlocks)
            {
                Limits l = e.GetLimits(b.Kind);
                LimitNote? note = se.Notes[(int)b.Kind];
                limits.Rows.Add([b.Description, b.Unit.Label, Bound(l.HardMin, b.Unit), Bound(l.SoftMin, b.Unit), Default(e, b),
                    Bound(l.SoftMax, b.Unit), Bound(l.HardMax, b.Unit), note?.Rationale ?? "(not in a binary)", note?.Source ?? ""]);
            }

            var rates = new TextTable(["Patient", "Allowed (hard limits)", "Without confirmation (soft limits)"], new List<string[]>());
            if (e.Mode == DoseMode.PlainRate)
            {
                rates.Rows.Add(["any", RateText(RateRange.For(e, 0, true)), RateText(RateRange.For(e, 0, false))]);
            }
            else
            {
                Limits w = e.WeightLimitsG;
                foreach ((string label, long g) in new[] { ("lightest, " + ClinicalUnit.Kg.FormatWithUnit(w.HardMin), w.HardMin), ("heaviest, " + ClinicalUnit.Kg.FormatWithUnit(w.HardMax), w.HardMax) })
                {
                    rates.Rows.Add([label, RateText(RateRange.For(e, g, true)), RateText(RateRange.For(e, g, false))]);
                }
            }

            return new EntrySection("\"" + e.Name + "\" (id " + e.DrugId.ToString(CultureInfo.InvariantCulture) + ")", facts, limits, rates);
        }

        public static string FieldText(EntryField f, object value)
        {
            switch (f.Type)
            {
                case FieldType.Text:
                    return "\"" + (string)value + "\"";
                case FieldType.Flag:
                    return (bool)value ? "yes" : "no";
                case FieldType.DoseMode:
                    return SourceFields.DoseModeText((DoseMode)value);
                case FieldType.Clinical:
                    return f.Unit!.FormatWithUnit((long)value);
                case FieldType.ClinicalList:
                    var list = (long[])value;
                    var items = new string[list.Length];
                    for (int i = 0; i < list.Length; i++)
                    {
                        items[i] = f.Unit!.Format(list[i]);
                    }

                    return list.Length == 0 ? "none" : string.Join(", ", items) + " " + f.Unit!.Label;
                default:
                    return ((long)value).ToString(CultureInfo.InvariantCulture);
            }
        }

        public static string Bound(long stored, ClinicalUnit unit)
        {
            return stored == Limits.Unlimited ? "none" : unit.Format(stored);
        }

        private static string Default(DrugEntry e, LimitField b)
        {
            bool weightBased = e.Mode == DoseMode.WeightBasedTotalOverDuration;
            switch (b.Kind)
            {
                case LimitKind.ConcentrationUgPerMl when weightBased:
                    return b.Unit.Format(e.DefaultConcentrationUgPerMl);
                case LimitKind.DoseUgPerKg when weightBased:
                    return b.Unit.Format(e.DefaultDoseUgPerKg);
                case LimitKind.DurationS when weightBased:
                    return b.Unit.Format(e.DefaultDurationS);
                case LimitKind.RateNlPerH when !weightBased:
                    return b.Unit.Format(e.DefaultRateNlPerH);
                default:
                    return "-";
            }
        }

        private static string RateText((double Low, double High)? range)
        {
            if (range is not (double low, double high))
            {
                return "no rate satisfies every limit";
            }

            var inv = CultureInfo.InvariantCulture;
            // Rounded inwards to 0.01 mL/h, so the range shown is never wider than the limits allow.
            return (System.Math.Ceiling(low / 10_000.0) / 100).ToString("0.##", inv) + " - " + (System.Math.Floor(high / 10_000.0) / 100).ToString("0.##", inv) + " mL/h";
        }
    }
}
