using Pump.Core.Common;

namespace Pump.Core.Library
{
    /// <summary>
    /// The canonical binary form of a drug library (hardware-docs/drug-library.md has the layout).
    /// Little-endian; header "PLIB", format version, revision, entry count, total length; then the
    /// entries; then the sign-off block; then CRC-32 (Pump.Core.Common.Crc32) of every byte before it.
    /// The content CRC (what a reviewer approves) covers the header and entries only. Decode checks, in
    /// order: size, magic, declared length, CRC, format version, each field, the sign-off block,
    /// <see cref="LibraryChecks"/>, then the approved CRC; it never throws and never returns a partly
    /// checked library.
    /// </summary>
    public static class LibraryCodec
    {
        /// <summary>2 added the sign-off block; version 1 libraries are refused (rebuild them with pump-library).</summary>
        public const ushort FormatVersion = 2;

        public const int HeaderBytes = 16;

        public const int CrcBytes = 4;

        /// <summary>Largest encoded library accepted: the persistence layer's 8 KiB library slot
        /// (StoreLayout.DrugLibraryMaxBytes); 16 entries of at most <see cref="MaxEntryBytes"/> fit.</summary>
        public const int MaxEncodedBytes = 8192;

        /// <summary>Size of the sign-off block between the entries and the CRC.</summary>
        public const int SignOffBytes = SignOffBlock.Bytes;

        /// <summary>Largest encoded entry: 20-char name, 8 concentrations.</summary>
        public const int MaxEntryBytes = EntryCodec.MaxBytes;

        private static readonly byte[] Magic = new byte[] { (byte)'P', (byte)'L', (byte)'I', (byte)'B' };

        /// <summary>
        /// Encodes a library that passes <see cref="Check"/>; returns null otherwise, so an inconsistent
        /// library, or a sign-off over other content, can never be written in canonical form.
        /// </summary>
        public static byte[]? Encode(DrugLibrary library)
        {
            if (!Check(library).IsAccepted)
            {
                return null;
            }

            return EncodeUnchecked(library);
        }

        /// <summary>
        /// Everything the pump checks before it uses a library it is given as entries: the
        /// consistency checks, then, for a signed library, that the approved CRC is this content's CRC.
        /// </summary>
        public static LibraryLoadResult Check(DrugLibrary library)
        {
            LibraryLoadResult result = LibraryChecks.Check(library);
            if (!result.IsAccepted || library.SignOff == null)
            {
                return result;
            }

            uint content = ContentCrcOf(EncodeUnchecked(library));
            return CheckApproval(library.SignOff.ApprovedCrc, content) ?? result;
        }

        /// <summary>
        /// CRC-32 of the library's content (header and entries, not the sign-off): the number printed on
        /// the review report that the reviewer approves. False when the library fails the consistency checks.
        /// </summary>
        public static bool TryContentCrc(DrugLibrary library, out uint contentCrc)
        {
            contentCrc = 0;
            if (!LibraryChecks.Check(library).IsAccepted)
            {
                return false;
            }

            contentCrc = ContentCrcOf(EncodeUnchecked(library));
            return true;
        }

        /// <summary>Content CRC of an encoded library whose declared length has been checked.</summary>
        public static uint ContentCrcOf(byte[] encoded)
        {
            return Crc32.Compute(encoded, 0, ContentBytes(encoded, 0));
        }

        private static int ContentBytes(byte[] b, int offset)
        {
            return (int)LibraryBytes.GetU32(b, offset + 12) - SignOffBytes - CrcBytes;
        }

        private static LibraryLoadResult? CheckApproval(uint approved, uint content)
        {
            if (approved == content)
            {
                return null;
            }

            return LibraryLoadResult.Refused(LibraryError.NotApproved, "LIB NOT APPROVED",
                "the sign-off approved content CRC 0x" + approved.ToString("X8") + " but this library's content CRC is 0x"
                + content.ToString("X8") + ": it changed after review");
        }

        private static byte[] EncodeUnchecked(DrugLibrary library)
        {
            int length = HeaderBytes + SignOffBytes + CrcBytes;
            for (int i = 0; i < library.Count; i++)
            {
                length += EntryCodec.Bytes(library.GetAt(i));
            }

            byte[] buffer = new byte[length];
            int p = 0;
            for (int i = 0; i < Magic.Length; i++)
            {
                buffer[p++] = Magic[i];
            }

            p = LibraryBytes.PutU16(buffer, p, FormatVersion);
            p = LibraryBytes.PutU32(buffer, p, library.Revision);
            p = LibraryBytes.PutU16(buffer, p, (ushort)library.Count);
            p = LibraryBytes.PutU32(buffer, p, (uint)length);
            for (int i = 0; i < library.Count; i++)
            {
                p = EntryCodec.Put(buffer, p, library.GetAt(i));
            }

            p = SignOffBlock.Put(buffer, p, library.SignOff);
            LibraryBytes.PutU32(buffer, p, Crc32.Compute(buffer, 0, p));
            return buffer;
        }

        /// <summary>Decodes and checks buffer[offset..offset+count). Never throws.</summary>
        public static LibraryLoadResult Decode(byte[] buffer, int offset, int count)
        {
            try
            {
                return DecodeChecked(buffer, offset, count);
            }
            catch (System.Exception)
            {
                // Defence in depth: every read below is bounds-checked, so this is not expected.
                return LibraryLoadResult.Refused(LibraryError.InternalError, "LIB DECODE ERROR", "internal decode error");
            }
        }

        private static LibraryLoadResult DecodeChecked(byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length || count > buffer.Length - offset
                || count < HeaderBytes + SignOffBytes + CrcBytes)
            {
                return LibraryLoadResult.Refused(LibraryError.TooShort, "LIB TRUNCATED",
                    "only " + count.ToString() + " bytes, the header, sign-off and CRC alone need "
                    + (HeaderBytes + SignOffBytes + CrcBytes).ToString());
            }

            for (int i = 0; i < Magic.Length; i++)
            {
                if (buffer[offset + i] != Magic[i])
                {
                    return LibraryLoadResult.Refused(LibraryError.BadMagic, "LIB NOT A LIBRARY", "the data does not start with PLIB");
                }
            }

            uint declared = LibraryBytes.GetU32(buffer, offset + 12);
            if (declared < HeaderBytes + SignOffBytes + CrcBytes || declared > MaxEncodedBytes || declared > (uint)count)
            {
                return LibraryLoadResult.Refused(LibraryError.LengthMismatch, "LIB LENGTH BAD",
                    "declared length " + declared.ToString() + " bytes does not fit the " + count.ToString() + " bytes stored");
            }

            int end = offset + (int)declared - CrcBytes;
            uint stored = LibraryBytes.GetU32(buffer, end);
            uint computed = Crc32.Compute(buffer, offset, (int)declared - CrcBytes);
            if (stored != computed)
            {
                return LibraryLoadResult.Refused(LibraryError.CrcMismatch, "LIB CRC FAIL",
                    "CRC-32 mismatch (stored 0x" + stored.ToString("X8") + ", computed 0x" + computed.ToString("X8") + ")");
            }

            ushort version = LibraryBytes.GetU16(buffer, offset + 4);
            if (version != FormatVersion)
            {
                return LibraryLoadResult.Refused(LibraryError.UnsupportedFormatVersion, "LIB FORMAT V" + version.ToString(),
                    "format version " + version.ToString() + " is not supported (this firmware reads version "
                    + FormatVersion.ToString() + ")");
            }

            uint revision = LibraryBytes.GetU32(buffer, offset + 6);
            int entryCount = LibraryBytes.GetU16(buffer, offset + 10);
            if (entryCount == 0)
            {
                return LibraryLoadResult.Refused(LibraryError.NoEntries, "LIB EMPTY", "it holds no entries");
            }

            if (entryCount > DrugLibrary.MaxEntries)
            {
                return LibraryLoadResult.Refused(LibraryError.TooManyEntries, "LIB TOO MANY ENTRIES",
                    entryCount.ToString() + " entries, at most " + DrugLibrary.MaxEntries.ToString());
            }

            DrugEntry[] entries = new DrugEntry[entryCount];
            int p = offset + HeaderBytes;
            int entriesEnd = end - SignOffBytes;
            for (int i = 0; i < entryCount; i++)
            {
                LibraryLoadResult? problem = EntryCodec.Read(buffer, ref p, entriesEnd, i, out DrugEntry? entry);
                if (problem != null)
                {
                    return problem;
                }

                entries[i] = entry!;
            }

            if (p != entriesEnd)
            {
                return LibraryLoadResult.Refused(LibraryError.LengthMismatch, "LIB LENGTH BAD",
                    (entriesEnd - p).ToString() + " unexplained bytes after the last entry");
            }

            LibraryLoadResult? signOffProblem = SignOffBlock.Read(buffer, entriesEnd, out LibrarySignOff? signOff);
            if (signOffProblem != null)
            {
                return signOffProblem;
            }

            LibraryLoadResult result = LibraryChecks.Check(new DrugLibrary(revision, entries, signOff));
            if (!result.IsAccepted || signOff == null)
            {
                return result;
            }

            return CheckApproval(signOff.ApprovedCrc, Crc32.Compute(buffer, offset, entriesEnd - offset)) ?? result;
        }
    }
}
