using System.Collections.Generic;
using System.Globalization;
using Pump.Core.Library;
using Pump.LibraryTool.Source;

namespace Pump.LibraryTool.Review
{
    /// <summary>One difference between two revisions: which entry, which field, the old and new value in clinical units.</summary>
    internal sealed record LibraryChange(string Entry, string Field, string Old, string New);

    /// <summary>
    /// What changed between two libraries, field by field and limit by limit in clinical units, walking
    /// <see cref="SourceFields"/>. Entries are matched by drug id; rationale and source are compared when
    /// both sides are source files (a binary carries none).
    /// </summary>
    internal static class LibraryDiff
    {
        private const string Absent = "(absent)";

        public static List<LibraryChange> Compare(LibrarySource old, LibrarySource now)
        {
            var changes = new List<LibraryChange>();
            Add(changes, "library", SourceFields.Revision, old.Revision.ToString(CultureInfo.InvariantCulture), now.Revision.ToString(CultureInfo.InvariantCulture));
            Add(changes, "library", SourceFields.SignOff, ReviewDocument.Status(old.SignOff), ReviewDocument.Status(now.SignOff));
            for (int i = 0; i < old.Entries.Count; i++)
            {
                SourceEntry o = old.Entries[i];
                int j = IndexOf(now, o.Entry.DrugId);
                if (j < 0)
                {
                    Add(changes, Name(o.Entry), "entry", "menu position " + (i + 1), "removed");
                    continue;
                }

                if (i != j)
                {
                    Add(changes, Name(o.Entry), "menu position", (i + 1).ToString(CultureInfo.InvariantCulture), (j + 1).ToString(CultureInfo.InvariantCulture));
                }

                CompareEntry(changes, o, now.Entries[j]);
            }

            for (int j = 0; j < now.Entries.Count; j++)
            {
                if (IndexOf(old, now.Entries[j].Entry.DrugId) < 0)
                {
                    Add(changes, Name(now.Entries[j].Entry), "entry", Absent, "added at menu position " + (j + 1));
                }
            }

            return changes;
        }

        private static void CompareEntry(List<LibraryChange> changes, SourceEntry o, SourceEntry n)
        {
            string who = Name(n.Entry);
            foreach (EntryField f in SourceFields.Entry)
            {
                Add(changes, who, f.Name, ReviewDocument.FieldText(f, f.Get(o.Entry)), ReviewDocument.FieldText(f, f.Get(n.Entry)));
            }

            foreach (LimitField b in SourceFields.LimitBlocks)
            {
                Limits lo = o.Entry.GetLimits(b.Kind);
                Limits ln = n.Entry.GetLimits(b.Kind);
                long[] a = [lo.HardMin, lo.SoftMin, lo.SoftMax, lo.HardMax];
                long[] c = [ln.HardMin, ln.SoftMin, ln.SoftMax, ln.HardMax];
                string path = SourceFields.Limits + "." + b.Name + ".";
                for (int i = 0; i < 4; i++)
                {
                    Add(changes, who, path + SourceFields.Bounds[i], Value(a[i], b.Unit), Value(c[i], b.Unit));
                }

                LimitNote? no = o.Notes[(int)b.Kind];
                LimitNote? nn = n.Notes[(int)b.Kind];
                if (no != null && nn != null)
                {
                    Add(changes, who, path + SourceFields.Rationale, no.Rationale, nn.Rationale);
                    Add(changes, who, path + SourceFields.SourceRef, no.Source, nn.Source);
                }
            }
        }

        private static string Value(long stored, ClinicalUnit unit)
        {
            return stored == Limits.Unlimited ? "none" : unit.Format(stored) + " " + unit.Label;
        }

        private static void Add(List<LibraryChange> changes, string entry, string field, string old, string now)
        {
            if (old != now)
            {
                changes.Add(new LibraryChange(entry, field, old, now));
            }
        }

        private static int IndexOf(LibrarySource library, int drugId)
        {
            for (int i = 0; i < library.Entries.Count; i++)
            {
                if (library.Entries[i].Entry.DrugId == drugId)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Name(DrugEntry e)
        {
            return "id " + e.DrugId.ToString(CultureInfo.InvariantCulture) + " \"" + e.Name + "\"";
        }
    }
}
