using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Pump.Core.Library;

namespace Pump.LibraryTool.Source
{
    /// <summary>
    /// Reads a library source (JSON; comments and trailing commas allowed) into the entries the pump would
    /// store. Every field must be present exactly once and no other may appear; every number converts
    /// exactly (<see cref="ExactNumber"/>). All problems are collected, each naming entry, field and value;
    /// the pump's own consistency checks run afterwards (<see cref="LibraryCodec.Check"/>).
    /// </summary>
    internal sealed class SourceReader
    {
        private static readonly JsonDocumentOptions Options = new()
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 16,
        };

        private readonly FieldReader _in = new();

        private SourceReader()
        {
        }

        /// <summary>The source, or null with at least one error.</summary>
        public static LibrarySource? Read(string text, out IReadOnlyList<SourceError> errors)
        {
            var reader = new SourceReader();
            LibrarySource? source = reader.ReadDocument(text);
            errors = reader._in.Errors;
            return reader._in.ErrorCount == 0 ? source : null;
        }

        private LibrarySource? ReadDocument(string text)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text, Options);
            }
            catch (ArgumentException)
            {
                _in.Error("", "not valid text: it contains half of a UTF-16 surrogate pair");
                return null;
            }
            catch (JsonException e)
            {
                _in.Error("", "not valid JSON: line " + ((e.LineNumber ?? 0) + 1) + ", character " + ((e.BytePositionInLine ?? 0) + 1) + ": " + FirstSentence(e.Message));
                return null;
            }

            using (document)
            {
                JsonElement root = document.RootElement;
                string? broken = FieldReader.UnpairedSurrogateAt(root, "");
                if (broken != null)
                {
                    _in.Error("", (broken.Length == 0 ? "a value" : broken) + " escapes half of a UTF-16 surrogate pair, which is not text");
                    return null;
                }

                if (root.ValueKind != JsonValueKind.Object)
                {
                    _in.Error("", "the file must hold one JSON object with \"revision\" and \"entries\"");
                    return null;
                }

                var fields = _in.Fields(root, "", [SourceFields.SchemaRef, SourceFields.Revision, SourceFields.Entries, SourceFields.SignOff],
                    [SourceFields.Revision, SourceFields.Entries]);
                uint revision = 0;
                if (fields.TryGetValue(SourceFields.Revision, out JsonElement rev))
                {
                    revision = (uint)_in.ReadWhole(rev, "", SourceFields.Revision, uint.MaxValue);
                }

                LibrarySignOff? signOff = fields.TryGetValue(SourceFields.SignOff, out JsonElement s) ? ReadSignOff(s) : null;
                var entries = new List<SourceEntry>();
                if (fields.TryGetValue(SourceFields.Entries, out JsonElement list))
                {
                    if (list.ValueKind != JsonValueKind.Array)
                    {
                        _in.Error(SourceFields.Entries, "must be an array of entries");
                    }
                    else
                    {
                        int index = 0;
                        foreach (JsonElement e in list.EnumerateArray())
                        {
                            SourceEntry? entry = ReadEntry(e, index++);
                            if (entry != null)
                            {
                                entries.Add(entry);
                            }
                        }
                    }
                }

                return new LibrarySource(revision, entries, signOff);
            }
        }

        private SourceEntry? ReadEntry(JsonElement e, int index)
        {
            string where = "entry " + index;
            if (e.ValueKind != JsonValueKind.Object)
            {
                _in.Error(where, "must be an object");
                return null;
            }

            // Name the entry by id and name in every message once they are known.
            if (e.TryGetProperty("drugId", out JsonElement id) && id.ValueKind == JsonValueKind.Number)
            {
                where += " (id " + id.GetRawText();
                where += e.TryGetProperty("name", out JsonElement n) && FieldReader.Text(n) is string name ? ", \"" + name + "\")" : ")";
            }

            var names = new List<string>();
            foreach (EntryField f in SourceFields.Entry)
            {
                names.Add(f.Name);
            }

            names.Add(SourceFields.Limits);
            var fields = _in.Fields(e, where, names.ToArray(), names.ToArray());
            int before = _in.ErrorCount;
            var draft = new EntryDraft();
            foreach (EntryField f in SourceFields.Entry)
            {
                if (fields.TryGetValue(f.Name, out JsonElement value))
                {
                    object? read = ReadField(value, where, f);
                    if (read != null)
                    {
                        f.Set(draft, read);
                    }
                }
            }

            var notes = new LimitNote?[DrugEntry.StoredLimitCount];
            if (fields.TryGetValue(SourceFields.Limits, out JsonElement limits))
            {
                ReadLimits(limits, where, draft, notes);
            }

            return _in.ErrorCount == before ? new SourceEntry(draft.Build(), notes) : null;
        }

        private object? ReadField(JsonElement value, string where, EntryField f)
        {
            switch (f.Type)
            {
                case FieldType.Integer:
                    return _in.ReadWhole(value, where, f.Name, f.MaxStored);
                case FieldType.Text:
                    return _in.ReadText(value, where, f.Name);
                case FieldType.Flag:
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        return value.GetBoolean();
                    }

                    _in.Error(where, f.Name + " = " + value.GetRawText() + ": must be true or false");
                    return null;
                case FieldType.DoseMode:
                    string? mode = FieldReader.Text(value);
                    if (mode == SourceFields.WeightBased)
                    {
                        return DoseMode.WeightBasedTotalOverDuration;
                    }

                    if (mode == SourceFields.PlainRate)
                    {
                        return DoseMode.PlainRate;
                    }

                    _in.Error(where, f.Name + " = " + value.GetRawText() + ": must be \"" + SourceFields.WeightBased + "\" or \"" + SourceFields.PlainRate + "\"");
                    return null;
                case FieldType.Clinical:
                    return _in.ReadClinical(value, where, f.Name, f.Unit!, f.MaxStored);
                default:
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        _in.Error(where, f.Name + " = " + value.GetRawText() + ": must be a list of numbers in " + f.Unit!.Label);
                        return null;
                    }

                    var list = new List<long>();
                    int i = 0;
                    foreach (JsonElement item in value.EnumerateArray())
                    {
                        long? v = _in.ReadClinical(item, where, f.Name + "[" + i++ + "]", f.Unit!, f.MaxStored);
                        list.Add(v ?? 0);
                    }

                    return list.ToArray();
            }
        }

        private void ReadLimits(JsonElement limits, string where, EntryDraft draft, LimitNote?[] notes)
        {
            var names = new List<string>();
            foreach (LimitField b in SourceFields.LimitBlocks)
            {
                names.Add(b.Name);
            }

            var blocks = _in.Fields(limits, where, names.ToArray(), names.ToArray(), SourceFields.Limits);
            string[] inBlock = [.. SourceFields.Bounds, SourceFields.Rationale, SourceFields.SourceRef];
            foreach (LimitField b in SourceFields.LimitBlocks)
            {
                if (!blocks.TryGetValue(b.Name, out JsonElement block))
                {
                    continue;
                }

                string path = SourceFields.Limits + "." + b.Name;
                var f = _in.Fields(block, where, inBlock, inBlock, path);
                var bounds = new long[4];
                for (int i = 0; i < 4; i++)
                {
                    string name = SourceFields.Bounds[i];
                    if (!f.TryGetValue(name, out JsonElement v))
                    {
                        continue;
                    }

                    bool isMax = i >= 2;
                    if (v.ValueKind == JsonValueKind.Null && isMax)
                    {
                        bounds[i] = Limits.Unlimited;
                        continue;
                    }

                    bounds[i] = _in.ReadClinical(v, where, path + "." + name, b.Unit, Limits.Unlimited - 1, isMax ? " (or null for no upper limit)" : "") ?? 0;
                }

                draft.Limits[(int)b.Kind] = new Limits(bounds[0], bounds[1], bounds[2], bounds[3]);
                string? rationale = f.TryGetValue(SourceFields.Rationale, out JsonElement r) ? _in.ReadText(r, where, path + "." + SourceFields.Rationale) : null;
                string? source = f.TryGetValue(SourceFields.SourceRef, out JsonElement s) ? _in.ReadText(s, where, path + "." + SourceFields.SourceRef) : null;
                _in.RequireText(rationale, where, path + "." + SourceFields.Rationale, "say why the limit has these values");
                _in.RequireText(source, where, path + "." + SourceFields.SourceRef, "cite where the values come from");
                notes[(int)b.Kind] = new LimitNote(rationale ?? string.Empty, source ?? string.Empty);
            }
        }

        private LibrarySignOff? ReadSignOff(JsonElement s)
        {
            string[] names = [SourceFields.Author, SourceFields.Reviewer, SourceFields.Date, SourceFields.ApprovedContentCrc];
            var f = _in.Fields(s, "", names, names, SourceFields.SignOff);
            int before = _in.ErrorCount;
            string author = f.TryGetValue(SourceFields.Author, out JsonElement a) ? _in.ReadText(a, "", SourceFields.SignOff + "." + SourceFields.Author) ?? "" : "";
            string reviewer = f.TryGetValue(SourceFields.Reviewer, out JsonElement r) ? _in.ReadText(r, "", SourceFields.SignOff + "." + SourceFields.Reviewer) ?? "" : "";
            int date = 0;
            if (f.TryGetValue(SourceFields.Date, out JsonElement d))
            {
                string text = FieldReader.Text(d) ?? d.GetRawText();
                if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime parsed))
                {
                    _in.Error("", SourceFields.SignOff + "." + SourceFields.Date + " = " + d.GetRawText() + ": must be a date written \"yyyy-mm-dd\"");
                }
                else
                {
                    date = (parsed.Year * 10000) + (parsed.Month * 100) + parsed.Day;
                }
            }

            uint crc = 0;
            if (f.TryGetValue(SourceFields.ApprovedContentCrc, out JsonElement c) && !TryParseCrc(FieldReader.Text(c) ?? "", out crc))
            {
                _in.Error("", SourceFields.SignOff + "." + SourceFields.ApprovedContentCrc + " = " + c.GetRawText() + ": must be the CRC from the review report, written \"0x\" and 8 hex digits");
            }

            return _in.ErrorCount == before ? new LibrarySignOff(author, reviewer, date, crc) : null;
        }

        public static bool TryParseCrc(string text, out uint crc)
        {
            crc = 0;
            return text.Length == 10 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out crc);
        }

        private static string FirstSentence(string message)
        {
            int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return cut > 0 ? message.Substring(0, cut) : message;
        }
    }
}
