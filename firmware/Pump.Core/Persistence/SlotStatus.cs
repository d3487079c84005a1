namespace Pump.Core.Persistence
{
    /// <summary>
    /// What validating one stored slot (or log entry) found. Integer codes, not an enum, so that
    /// reports never depend on Enum.ToString (not on the device); <see cref="Describe"/> gives text.
    /// </summary>
    public static class SlotStatus
    {
        /// <summary>Not examined yet.</summary>
        public const int Unknown = 0;

        /// <summary>Header, length and CRC all check: the record may be used.</summary>
        public const int Valid = 1;

        /// <summary>Never written: every byte is 0x00 or every byte is 0xFF (fresh file, erased flash).</summary>
        public const int Empty = 2;

        /// <summary>The magic is not this record kind's: foreign, corrupted or torn bytes.</summary>
        public const int BadMagic = 3;

        /// <summary>A format version this firmware does not read.</summary>
        public const int UnsupportedVersion = 4;

        /// <summary>The stated payload length exceeds the slot.</summary>
        public const int BadLength = 5;

        /// <summary>Header plausible but the CRC-32 does not match: a torn write or bit flips.</summary>
        public const int BadCrc = 6;

        /// <summary>The store reported an I/O error reading the slot.</summary>
        public const int ReadError = 7;

        /// <summary>Valid CRC but the content is inconsistent (a log entry at the wrong ring position,
        /// or a payload its codec rejects).</summary>
        public const int Inconsistent = 8;

        public static string Describe(int status)
        {
            switch (status)
            {
                case Valid: return "valid";
                case Empty: return "empty (never written)";
                case BadMagic: return "bad magic (corrupted or torn)";
                case UnsupportedVersion: return "unsupported format version";
                case BadLength: return "bad length (corrupted)";
                case BadCrc: return "CRC mismatch (torn write or corruption)";
                case ReadError: return "read error";
                case Inconsistent: return "inconsistent content";
                default: return "not examined";
            }
        }

        /// <summary>True for a status that means stored bytes were damaged (not merely empty).</summary>
        public static bool IsDamage(int status)
        {
            return status == BadMagic || status == UnsupportedVersion || status == BadLength
                || status == BadCrc || status == ReadError || status == Inconsistent;
        }
    }
}
