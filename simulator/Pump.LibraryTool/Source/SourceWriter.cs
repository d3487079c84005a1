using System;
using System.IO;
using System.Text;
using System.Text.Json;
using Pump.Core.Library;

namespace Pump.LibraryTool.Source
{
    /// <summary>
    /// Writes a library as source text in clinical units, walking <see cref="SourceFields"/>. Refuses a value
    /// that has no exact decimal in its clinical unit (a duration that is not a whole multiple of 3 s).
    /// </summary>
    internal static class SourceWriter
    {
        public static string Write(LibrarySource source)
        {
            var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString(SourceFields.SchemaRef, "drug-library.schema.json");
                w.WriteNumber(SourceFields.Revision, source.Revision);
                if (source.SignOff != null)
                {
                    LibrarySignOff s = source.SignOff;
                    w.WriteStartObject(SourceFields.SignOff);
                    w.WriteString(SourceFields.Author, s.Author);
                    w.WriteString(SourceFields.Reviewer, s.Reviewer);
                    w.WriteString(SourceFields.Date, DateText(s.DateYyyymmdd));
                    w.WriteString(SourceFields.ApprovedContentCrc, LibraryVerdict.CrcText(s.ApprovedCrc));
                    w.WriteEndObject();
                }

                w.WriteStartArray(SourceFields.Entries);
                foreach (SourceEntry e in source.Entries)
                {
                    WriteEntry(w, e);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }

        public static string DateText(int yyyymmdd)
        {
            return (yyyymmdd / 10000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture) + "-"
                + (yyyymmdd / 100 % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "-"
                + (yyyymmdd % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static void WriteEntry(Utf8JsonWriter w, SourceEntry e)
        {
            w.WriteStartObject();
            foreach (EntryField f in SourceFields.Entry)
            {
                object v = f.Get(e.Entry);
                w.WritePropertyName(f.Name);
                switch (f.Type)
                {
                    case FieldType.Integer:
                        w.WriteNumberValue((long)v);
                        break;
                    case FieldType.Text:
                        w.WriteStringValue((string)v);
                        break;
                    case FieldType.Flag:
                        w.WriteBooleanValue((bool)v);
                        break;
                    case FieldType.DoseMode:
                        w.WriteStringValue(SourceFields.DoseModeText((DoseMode)v));
                        break;
                    case FieldType.Clinical:
                        w.WriteRawValue(Number((long)v, f.Unit!));
                        break;
                    default:
                        w.WriteStartArray();
                        foreach (long item in (long[])v)
                        {
                            w.WriteRawValue(Number(item, f.Unit!));
                        }

                        w.WriteEndArray();
                        break;
                }
            }

            w.WriteStartObject(SourceFields.Limits);
            foreach (LimitField b in SourceFields.LimitBlocks)
            {
                Limits l = e.Entry.GetLimits(b.Kind);
                LimitNote? note = e.Notes[(int)b.Kind];
                w.WriteStartObject(b.Name);
                long[] bounds = [l.HardMin, l.SoftMin, l.SoftMax, l.HardMax];
                for (int i = 0; i < 4; i++)
                {
                    w.WritePropertyName(SourceFields.Bounds[i]);
                    if (i >= 2 && bounds[i] == Limits.Unlimited)
                    {
                        w.WriteNullValue();
                    }
                    else
                    {
                        w.WriteRawValue(Number(bounds[i], b.Unit));
                    }
                }

                w.WriteString(SourceFields.Rationale, note?.Rationale ?? string.Empty);
                w.WriteString(SourceFields.SourceRef, note?.Source ?? string.Empty);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static string Number(long stored, ClinicalUnit unit)
        {
            string text = unit.Format(stored);
            if (text.StartsWith('≈'))
            {
                throw new InvalidOperationException(stored + " " + unit.StoredLabel + " has no exact decimal value in " + unit.Label);
            }

            return text;
        }
    }
}
