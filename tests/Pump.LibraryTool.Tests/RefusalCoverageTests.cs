using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Pump.Core.Common;
using Pump.Core.Library;
using Pump.LibraryTool.Source;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    /// <summary>
    /// Every refusal the pump's decoder can give is reached from a malformed source (through the tool, which
    /// runs the pump's own checks) or a malformed binary (through LibraryCodec.Decode itself), each with its
    /// specific panel line. The last test fails when a new LibraryError has no case here.
    /// </summary>
    public sealed class RefusalCoverageTests
    {
        /// <summary>Not decoder refusals: install-time outcomes, and the decoder's catch-all that no input reaches by design.</summary>
        private static readonly LibraryError[] NotFromInput = [LibraryError.None, LibraryError.PumpNotIdle, LibraryError.StoreWriteFailed, LibraryError.InternalError];

        private static readonly (LibraryError Error, string Short, Action<JsonObject> Edit)[] SourceCases =
        [
            (LibraryError.NoEntries, "LIB EMPTY", t => t["entries"] = new JsonArray()),
            (LibraryError.TooManyEntries, "LIB TOO MANY ENTRIES", t =>
            {
                var list = new JsonArray();
                for (int i = 0; i < DrugLibrary.MaxEntries + 1; i++)
                {
                    JsonObject k = ShippedSource.Ketamine(ShippedSource.Tree());
                    k["drugId"] = 100 + i;
                    list.Add(k.DeepClone());
                }

                t["entries"] = list;
            }),
            (LibraryError.BadDrugId, "ID0:BAD ID", t => ShippedSource.Ketamine(t)["drugId"] = 0),
            (LibraryError.DuplicateDrugId, "ID1:DUP ID", t => ShippedSource.Ketamine(t)["drugId"] = 1),
            (LibraryError.BadName, "ID10:BAD NAME", t => ShippedSource.Ketamine(t)["name"] = "KETAMIN\u00c9"),
            (LibraryError.BadFlags, "ID1:BAD FLAGS", t => ShippedSource.NoDrug(t)["bolusAllowed"] = true),
            (LibraryError.BadConcentrationList, "ID10:CONC LIST", t => ShippedSource.Ketamine(t)["concentrations_mg_per_mL"] = JsonNode.Parse("[2, 1]")),
            (LibraryError.DefaultConcentrationNotInList, "ID10:DEFAULT CONC", t => ShippedSource.Ketamine(t)["defaultConcentration_mg_per_mL"] = 1.5),
            (LibraryError.InconsistentLimits, "ID10:DOSE LIMITS", t => ShippedSource.Limit(ShippedSource.Ketamine(t), "dose_mg_per_kg")["softMax"] = 1.2),
            (LibraryError.DefaultOutsideSoftLimits, "ID10:DEFAULT DOSE", t => ShippedSource.Ketamine(t)["defaultDose_mg_per_kg"] = 0.9),
            (LibraryError.BeyondDeviceRange, "ID10:RATE RANGE", t =>
            {
                ShippedSource.Limit(ShippedSource.Ketamine(t), "infusionRate_mL_per_h")["softMax"] = 1500;
                ShippedSource.Limit(ShippedSource.Ketamine(t), "infusionRate_mL_per_h")["hardMax"] = 1500;
            }),
            (LibraryError.BadSignOff, "LIB AUTHOR BAD", t => t["signOff"] = SignOff("Ann L\u00e9e", "Bo Chen", Shipped.ContentCrc)),
            (LibraryError.SameSigner, "LIB SAME SIGNER", t => t["signOff"] = SignOff("Ann Lee", "ANN LEE", Shipped.ContentCrc)),
            (LibraryError.NotApproved, "LIB NOT APPROVED", t => t["signOff"] = SignOff("Ann Lee", "Bo Chen", Shipped.ContentCrc ^ 0x10)),
        ];

        /// <summary>Entry 0 ("NO DRUG (mL/h)", 14 chars, no concentrations) starts at byte 16 and ends at 16 + 404.</summary>
        private static readonly (LibraryError Error, string Short, Func<byte[], byte[]> Patch)[] BinaryCases =
        [
            (LibraryError.TooShort, "LIB TRUNCATED", b => b.AsSpan(0, 20).ToArray()),
            (LibraryError.BadMagic, "LIB NOT A LIBRARY", b => Set(b, 3, (byte)'X', fixCrc: false)),
            (LibraryError.LengthMismatch, "LIB LENGTH BAD", b => SetU32(b, 12, (uint)b.Length + 1, fixCrc: false)),
            (LibraryError.CrcMismatch, "LIB CRC FAIL", b => Set(b, 40, (byte)(b[40] ^ 1), fixCrc: false)),
            (LibraryError.UnsupportedFormatVersion, "LIB FORMAT V1", b => Set(b, 4, 1)),
            (LibraryError.Truncated, "LIB TRUNCATED", b => Set(b, 10, 3)),
            (LibraryError.NoEntries, "LIB EMPTY", b => Set(b, 10, 0)),
            (LibraryError.TooManyEntries, "LIB TOO MANY ENTRIES", b => Set(b, 10, 17)),
            (LibraryError.BadDoseMode, "ID1:BAD MODE", b => Set(b, 18, 3)),
            (LibraryError.BadFlags, "ID1:BAD FLAGS", b => Set(b, 19, 2)),
            (LibraryError.BadName, "ID1:BAD NAME", b => Set(b, 20, 0)),
            (LibraryError.BadPlaceholder, "ID1:VITALS AGE", b => Set(b, 16 + 404 - 1, 0x80)),
            (LibraryError.DefaultConcentrationNotInList, "ID1:DEFAULT CONC", b => Set(b, 16 + 20 + 3, 0x80)),
            (LibraryError.BadSignOff, "LIB DRAFT NOT BLANK", b => Set(b, b.Length - 4 - LibraryCodec.SignOffBytes + 10, (byte)'A')),
        ];

        public static IEnumerable<object[]> SourceCaseIndexes() => Enumerable.Range(0, SourceCases.Length).Select(i => new object[] { i });

        public static IEnumerable<object[]> BinaryCaseIndexes() => Enumerable.Range(0, BinaryCases.Length).Select(i => new object[] { i });

        // Proves: LIB-003, LIB-007, LIB-013
        [Theory]
        [MemberData(nameof(SourceCaseIndexes))]
        public void MalformedSource_PumpChecksRefuse_WithTheSpecificMessage(int index)
        {
            var (error, shortMessage, edit) = SourceCases[index];
            LibraryVerdict verdict = LibraryVerdict.Of(ShippedSource.Read(ShippedSource.With(edit)));
            Assert.Equal(error, verdict.Result.Error);
            Assert.Equal(shortMessage, verdict.Result.ShortMessage);
            Assert.InRange(verdict.Result.ShortMessage.Length, 1, LibraryLoadResult.MaxShortMessageChars);
            Assert.StartsWith("Drug library refused: ", verdict.Result.LongMessage);
        }

        // Proves: LIB-007, LIB-011, SEC-050
        [Theory]
        [MemberData(nameof(BinaryCaseIndexes))]
        public void MalformedBinary_PumpDecoderRefuses_WithTheSpecificMessage(int index)
        {
            var (error, shortMessage, patch) = BinaryCases[index];
            byte[] bytes = patch(Shipped.Bytes());
            LibraryLoadResult r = LibraryCodec.Decode(bytes, 0, bytes.Length);
            Assert.Equal(error, r.Error);
            Assert.Equal(shortMessage, r.ShortMessage);
            Assert.Null(r.Library);
        }

        // Proves: LIB-013
        [Fact]
        public void EveryDecoderRefusal_HasACaseFromASourceOrABinary()
        {
            var covered = new HashSet<LibraryError>(SourceCases.Select(c => c.Error).Concat(BinaryCases.Select(c => c.Error)));
            var missing = Enum.GetValues<LibraryError>().Where(e => !NotFromInput.Contains(e) && !covered.Contains(e)).ToArray();
            Assert.True(missing.Length == 0, "no malformed input reaches: " + string.Join(", ", missing));
        }

        private static JsonObject SignOff(string author, string reviewer, uint crc)
        {
            return new JsonObject { ["author"] = author, ["reviewer"] = reviewer, ["date"] = "2026-12-03", ["approvedContentCrc"] = LibraryVerdict.CrcText(crc) };
        }

        private static byte[] Set(byte[] b, int at, byte value, bool fixCrc = true)
        {
            b[at] = value;
            return fixCrc ? FixCrc(b) : b;
        }

        private static byte[] SetU32(byte[] b, int at, uint value, bool fixCrc)
        {
            BitConverter.GetBytes(value).CopyTo(b, at);
            return fixCrc ? FixCrc(b) : b;
        }

        private static byte[] FixCrc(byte[] b)
        {
            BitConverter.GetBytes(Crc32.Compute(b, 0, b.Length - 4)).CopyTo(b, b.Length - 4);
            return b;
        }

        private static class Shipped
        {
            public static readonly uint ContentCrc = LibraryCodec.ContentCrcOf(Bytes());

            public static byte[] Bytes() => LibraryCodec.Encode(ShippedLibrary.Build())!;
        }
    }
}
