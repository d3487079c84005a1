namespace Pump.Core.Library
{
    /// <summary>
    /// The fixed-size sign-off block between the entries and the CRC (format version 2):
    /// status (1: 0 draft, 1 signed), approved CRC (u32), date yyyymmdd (u32), then author and reviewer,
    /// each a length byte and <see cref="LibrarySignOff.MaxNameChars"/> ASCII bytes padded with zeros.
    /// A draft's block is all zeros. Fixed size keeps the content (and its CRC) independent of the names.
    /// </summary>
    internal static class SignOffBlock
    {
        public const int Bytes = 1 + 4 + 4 + 2 * (1 + LibrarySignOff.MaxNameChars);

        private const byte Draft = 0;

        private const byte Signed = 1;

        public static int Put(byte[] b, int p, LibrarySignOff? signOff)
        {
            if (signOff == null)
            {
                for (int i = 0; i < Bytes; i++)
                {
                    b[p + i] = 0;
                }

                return p + Bytes;
            }

            b[p] = Signed;
            p = LibraryBytes.PutU32(b, p + 1, signOff.ApprovedCrc);
            p = LibraryBytes.PutU32(b, p, (uint)signOff.DateYyyymmdd);
            p = PutName(b, p, signOff.Author);
            return PutName(b, p, signOff.Reviewer);
        }

        /// <summary>Reads b[p..p+Bytes); null and a refusal when it is malformed. signOff is null for a draft.</summary>
        public static LibraryLoadResult? Read(byte[] b, int p, out LibrarySignOff? signOff)
        {
            signOff = null;
            byte status = b[p];
            if (status == Draft)
            {
                for (int i = 1; i < Bytes; i++)
                {
                    if (b[p + i] != 0)
                    {
                        return LibraryLoadResult.Refused(LibraryError.BadSignOff, "LIB DRAFT NOT BLANK",
                            "a draft's sign-off block must be all zeros (byte " + i.ToString() + " is not)");
                    }
                }

                return null;
            }

            if (status != Signed)
            {
                return LibraryLoadResult.Refused(LibraryError.BadSignOff, "LIB SIGN-OFF BAD",
                    "sign-off status " + status.ToString() + " is unknown (0 draft, 1 signed)");
            }

            uint approved = LibraryBytes.GetU32(b, p + 1);
            uint date = LibraryBytes.GetU32(b, p + 5);
            string? author = ReadName(b, p + 9);
            string? reviewer = ReadName(b, p + 9 + 1 + LibrarySignOff.MaxNameChars);
            if (author == null || reviewer == null)
            {
                return LibraryLoadResult.Refused(LibraryError.BadSignOff, author == null ? "LIB AUTHOR BAD" : "LIB REVIEWER BAD",
                    "sign-off " + (author == null ? "author" : "reviewer")
                    + " slot is malformed: length 1.." + LibrarySignOff.MaxNameChars.ToString() + ", printable ASCII, zero padding");
            }

            if (date > int.MaxValue)
            {
                return LibraryLoadResult.Refused(LibraryError.BadSignOff, "LIB SIGN DATE BAD",
                    "sign-off date " + date.ToString() + " is out of range");
            }

            signOff = new LibrarySignOff(author, reviewer, (int)date, approved);
            return null;
        }

        private static int PutName(byte[] b, int p, string name)
        {
            b[p] = (byte)name.Length;
            for (int i = 0; i < LibrarySignOff.MaxNameChars; i++)
            {
                b[p + 1 + i] = i < name.Length ? (byte)name[i] : (byte)0;
            }

            return p + 1 + LibrarySignOff.MaxNameChars;
        }

        private static string? ReadName(byte[] b, int p)
        {
            int length = b[p];
            if (length == 0 || length > LibrarySignOff.MaxNameChars)
            {
                return null;
            }

            char[] chars = new char[length];
            for (int i = 0; i < LibrarySignOff.MaxNameChars; i++)
            {
                byte c = b[p + 1 + i];
                if (i < length)
                {
                    if (c < 0x20 || c > 0x7E)
                    {
                        return null;
                    }

                    chars[i] = (char)c;
                }
                else if (c != 0)
                {
                    return null;
                }
            }

            return new string(chars);
        }
    }
}
