using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pump.Core.Library;

namespace Pump.LibraryTool.Source
{
    /// <summary>
    /// Writes the four-eyes sign-off into a source file: author, reviewer, date and the content CRC the
    /// reviewer approved, which must be the CRC of the file as it is now (so a change after the review
    /// cannot be signed). The pump's own checks decide (different people, real date). Only the
    /// "signOff" field is replaced or added; comments and layout elsewhere stay as they were.
    /// </summary>
    internal static class SourceSigner
    {
        /// <summary>The signed text, or null and the reason.</summary>
        public static string? Sign(string text, string author, string reviewer, DateOnly date, string approvedCrc, out string problem)
        {
            problem = string.Empty;
            LibrarySource? source = SourceReader.Read(text, out IReadOnlyList<SourceError> errors);
            if (source == null)
            {
                problem = "the source has errors; run `pump-library check` first:\n  " + string.Join("\n  ", errors);
                return null;
            }

            LibraryVerdict draft = LibraryVerdict.Of(new LibrarySource(source.Revision, source.Entries, null));
            if (draft.ContentCrc is not uint content || !draft.IsAccepted)
            {
                problem = "the pump refuses this content, so it cannot be signed: " + draft.Result.LongMessage;
                return null;
            }

            if (!SourceReader.TryParseCrc(approvedCrc, out uint approved))
            {
                problem = "--crc " + approvedCrc + ": write the content CRC from the review report as 0x and 8 hex digits";
                return null;
            }

            if (approved != content)
            {
                problem = "the content CRC you approved (" + LibraryVerdict.CrcText(approved) + ") is not this file's content CRC ("
                    + LibraryVerdict.CrcText(content) + "): the file is not the one reviewed; review the current report (pump-library show) again";
                return null;
            }

            var signOff = new LibrarySignOff(author, reviewer, (date.Year * 10000) + (date.Month * 100) + date.Day, approved);
            LibraryLoadResult check = LibraryCodec.Check(new LibrarySource(source.Revision, source.Entries, signOff).ToLibrary());
            if (!check.IsAccepted)
            {
                problem = "the pump would refuse this sign-off: " + check.ShortMessage + " (" + check.LongMessage + ")";
                return null;
            }

            string signed = Splice(text, signOff);
            LibrarySource? reread = SourceReader.Read(signed, out _);
            if (reread?.SignOff == null || reread.SignOff.ApprovedCrc != approved)
            {
                problem = "internal error: the signed file does not read back (file left unchanged)";
                return null;
            }

            return signed;
        }

        private static string Splice(string text, LibrarySignOff s)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            long replaceStart = -1, replaceEnd = -1, revisionEnd = -1;
            while (reader.Read())
            {
                if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                bool isSignOff = reader.ValueTextEquals(SourceFields.SignOff);
                bool isRevision = reader.ValueTextEquals(SourceFields.Revision);
                long start = reader.TokenStartIndex;
                reader.Read();
                reader.Skip();
                if (isSignOff)
                {
                    replaceStart = start;
                    replaceEnd = reader.BytesConsumed;
                }

                if (isRevision)
                {
                    revisionEnd = reader.BytesConsumed;
                }
            }

            string block = SignOffText(s);
            var result = new List<byte>(utf8.Length + 256);
            if (replaceStart >= 0)
            {
                result.AddRange(utf8.AsSpan(0, (int)replaceStart).ToArray());
                result.AddRange(Encoding.UTF8.GetBytes(block));
                result.AddRange(utf8.AsSpan((int)replaceEnd).ToArray());
            }
            else
            {
                result.AddRange(utf8.AsSpan(0, (int)revisionEnd).ToArray());
                result.AddRange(Encoding.UTF8.GetBytes(",\n  " + block));
                result.AddRange(utf8.AsSpan((int)revisionEnd).ToArray());
            }

            return Encoding.UTF8.GetString(result.ToArray());
        }

        private static string SignOffText(LibrarySignOff s)
        {
            var o = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            return "\"" + SourceFields.SignOff + "\": {\n"
                + "    \"" + SourceFields.Author + "\": " + JsonSerializer.Serialize(s.Author, o) + ",\n"
                + "    \"" + SourceFields.Reviewer + "\": " + JsonSerializer.Serialize(s.Reviewer, o) + ",\n"
                + "    \"" + SourceFields.Date + "\": \"" + SourceWriter.DateText(s.DateYyyymmdd) + "\",\n"
                + "    \"" + SourceFields.ApprovedContentCrc + "\": \"" + LibraryVerdict.CrcText(s.ApprovedCrc) + "\"\n"
                + "  }";
        }
    }
}
