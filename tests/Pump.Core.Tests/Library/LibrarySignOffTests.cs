using Pump.Core.Library;
using Xunit;

namespace Pump.Core.Tests.Library
{
    public sealed class LibrarySignOffTests
    {
        private static DrugLibrary Shipped(LibrarySignOff? signOff)
        {
            DrugLibrary s = ShippedLibrary.Build();
            var entries = new DrugEntry[s.Count];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = s.GetAt(i);
            }

            return new DrugLibrary(s.Revision, entries, signOff);
        }

        private static uint ContentCrc()
        {
            Assert.True(LibraryCodec.TryContentCrc(Shipped(null), out uint crc));
            return crc;
        }

        private static byte[] SignedBytes()
        {
            return LibraryCodec.Encode(Shipped(new LibrarySignOff("A. Author", "R. Reviewer", 20261203, ContentCrc())))!;
        }

        // Proves: LIB-011
        [Fact]
        public void Signed_EncodeDecode_KeepsSignOffAndIsNotDraft()
        {
            byte[] bytes = SignedBytes();
            LibraryLoadResult r = LibraryCodec.Decode(bytes, 0, bytes.Length);
            Assert.True(r.IsAccepted, r.LongMessage);
            Assert.False(r.Library!.IsDraft);
            Assert.Equal("A. Author", r.Library.SignOff!.Author);
            Assert.Equal("R. Reviewer", r.Library.SignOff.Reviewer);
            Assert.Equal(20261203, r.Library.SignOff.DateYyyymmdd);
            Assert.Equal(ContentCrc(), r.Library.SignOff.ApprovedCrc);
            Assert.Equal(bytes, LibraryCodec.Encode(r.Library));
        }

        // Proves: LIB-011
        [Fact]
        public void ContentCrc_IndependentOfSignOff_SameForDraftAndSigned()
        {
            byte[] draft = LibraryCodec.Encode(Shipped(null))!;
            Assert.Equal(LibraryCodec.ContentCrcOf(draft), LibraryCodec.ContentCrcOf(SignedBytes()));
            Assert.Equal(draft.Length, SignedBytes().Length);
        }

        // Proves: LIB-011
        [Fact]
        public void Encode_ApprovedCrcOfOtherContent_RefusedNotApproved()
        {
            DrugLibrary lib = Shipped(new LibrarySignOff("A. Author", "R. Reviewer", 20261203, ContentCrc() ^ 1));
            Assert.Null(LibraryCodec.Encode(lib));
            LibraryLoadResult r = LibraryCodec.Check(lib);
            Assert.Equal(LibraryError.NotApproved, r.Error);
            Assert.Equal("LIB NOT APPROVED", r.ShortMessage);
            Assert.Contains("changed after review", r.LongMessage);
        }

        // Proves: LIB-011
        [Fact]
        public void Decode_EntryChangedAfterSigning_RefusedNotApprovedEvenWithValidFileCrc()
        {
            byte[] bytes = SignedBytes();
            // The ketamine default duration (40 min = 2400 s, 0x0960) sits in the entries; make it 2460 s.
            int at = IndexOfDefaultDuration(bytes, 2400);
            bytes[at] = 0x9C; // 2460 = 0x099C, still inside the 40..60 min soft range
            LibraryTestData.FixCrc(bytes);
            LibraryLoadResult r = LibraryCodec.Decode(bytes, 0, bytes.Length);
            Assert.Equal(LibraryError.NotApproved, r.Error);
            Assert.Equal("LIB NOT APPROVED", r.ShortMessage);
        }

        // Proves: LIB-011
        [Theory]
        [InlineData("Ann Lee", "ann lee")]
        [InlineData("Ann Lee", "ANNLEE")]
        [InlineData("B", "b")]
        public void Check_SamePersonTwice_RefusedSameSigner(string author, string reviewer)
        {
            LibraryLoadResult r = LibraryChecks.Check(Shipped(new LibrarySignOff(author, reviewer, 20261203, ContentCrc())));
            Assert.Equal(LibraryError.SameSigner, r.Error);
            Assert.Equal("LIB SAME SIGNER", r.ShortMessage);
        }

        // Proves: LIB-011
        [Theory]
        [InlineData(20260229)]
        [InlineData(20261301)]
        [InlineData(20261200)]
        [InlineData(19991231)]
        [InlineData(21000101)]
        [InlineData(-20261203)]
        [InlineData(20260431)]
        public void Check_NotACalendarDate_RefusedSignDateBad(int date)
        {
            LibraryLoadResult r = LibraryChecks.Check(Shipped(new LibrarySignOff("A", "B", date, ContentCrc())));
            Assert.Equal(LibraryError.BadSignOff, r.Error);
            Assert.Equal("LIB SIGN DATE BAD", r.ShortMessage);
        }

        // Proves: LIB-011
        [Theory]
        [InlineData(20240229)]
        [InlineData(20000229)]
        [InlineData(20991231)]
        public void Check_RealDates_Accepted(int date)
        {
            Assert.True(LibraryChecks.Check(Shipped(new LibrarySignOff("A", "B", date, ContentCrc()))).IsAccepted);
        }

        // Proves: LIB-011
        [Theory]
        [InlineData("", "B", "LIB AUTHOR BAD")]
        [InlineData(" A", "B", "LIB AUTHOR BAD")]
        [InlineData("A", "B ", "LIB REVIEWER BAD")]
        [InlineData("A", "0123456789012345678901234567890X", "LIB REVIEWER BAD")]
        [InlineData("A\u00e9", "B", "LIB AUTHOR BAD")]
        public void Check_BadNames_RefusedNamingWhich(string author, string reviewer, string shortMessage)
        {
            LibraryLoadResult r = LibraryChecks.Check(Shipped(new LibrarySignOff(author, reviewer, 20261203, ContentCrc())));
            Assert.Equal(LibraryError.BadSignOff, r.Error);
            Assert.Equal(shortMessage, r.ShortMessage);
        }

        // Proves: LIB-011
        [Theory]
        [InlineData(0, 2, "LIB SIGN-OFF BAD")] // status 2
        [InlineData(9, 0, "LIB AUTHOR BAD")] // author length 0
        [InlineData(9, 32, "LIB AUTHOR BAD")] // author length 32
        [InlineData(9 + 32, 0, "LIB REVIEWER BAD")] // reviewer length 0
        [InlineData(9 + 1 + 20, 0x41, "LIB AUTHOR BAD")] // a byte in the author's zero padding
        [InlineData(9 + 32 + 1, 0x07, "LIB REVIEWER BAD")] // unprintable reviewer byte
        [InlineData(8, 0x80, "LIB SIGN DATE BAD")] // date above int range
        public void Decode_MalformedSignOffBlock_RefusedWithSpecificMessage(int offsetInBlock, int value, string shortMessage)
        {
            byte[] bytes = SignedBytes();
            int block = bytes.Length - LibraryCodec.CrcBytes - LibraryCodec.SignOffBytes;
            bytes[block + offsetInBlock] = (byte)value;
            LibraryTestData.FixCrc(bytes);
            LibraryLoadResult r = LibraryCodec.Decode(bytes, 0, bytes.Length);
            Assert.False(r.IsAccepted);
            Assert.Equal(shortMessage, r.ShortMessage);
        }

        // Proves: LIB-011
        [Fact]
        public void Decode_DraftWithAnyNonZeroSignOffByte_RefusedDraftNotBlank()
        {
            byte[] draft = LibraryCodec.Encode(Shipped(null))!;
            int block = draft.Length - LibraryCodec.CrcBytes - LibraryCodec.SignOffBytes;
            for (int i = 1; i < LibraryCodec.SignOffBytes; i++)
            {
                byte[] b = (byte[])draft.Clone();
                b[block + i] = 1;
                LibraryTestData.FixCrc(b);
                LibraryLoadResult r = LibraryCodec.Decode(b, 0, b.Length);
                Assert.Equal(LibraryError.BadSignOff, r.Error);
                Assert.Equal("LIB DRAFT NOT BLANK", r.ShortMessage);
            }

            Assert.True(LibraryCodec.Decode(draft, 0, draft.Length).Library!.IsDraft);
        }

        private static int IndexOfDefaultDuration(byte[] bytes, long durationS)
        {
            // Ketamine is the second entry; its default duration follows the default dose (500 µg/kg).
            for (int i = LibraryCodec.HeaderBytes; i + 16 <= bytes.Length; i++)
            {
                if (System.BitConverter.ToInt64(bytes, i) == 500 && System.BitConverter.ToInt64(bytes, i + 8) == durationS)
                {
                    return i + 8;
                }
            }

            throw new Xunit.Sdk.XunitException("default duration not found");
        }
    }
}
