namespace Pump.Core.Common
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320, init and final XOR 0xFFFFFFFF),
    /// table-driven. Check value: Crc32("123456789") = 0xCBF43926.
    /// Used for persisted records, the drug library and monitor-link frames.
    /// </summary>
    public static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint i = 0; i < 256; i++)
            {
                uint c = i;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[i] = c;
            }

            return table;
        }

        /// <summary>CRC of buffer[offset..offset+count).</summary>
        public static uint Compute(byte[] buffer, int offset, int count)
        {
            return Finish(Update(Start, buffer, offset, count));
        }

        /// <summary>Initial running value for incremental use.</summary>
        public const uint Start = 0xFFFFFFFFu;

        /// <summary>Feeds bytes into a running CRC.</summary>
        public static uint Update(uint running, byte[] buffer, int offset, int count)
        {
            uint c = running;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                c = Table[(c ^ buffer[i]) & 0xFF] ^ (c >> 8);
            }

            return c;
        }

        /// <summary>Feeds one byte into a running CRC.</summary>
        public static uint UpdateByte(uint running, byte value)
        {
            return Table[(running ^ value) & 0xFF] ^ (running >> 8);
        }

        /// <summary>Final XOR of a running CRC.</summary>
        public static uint Finish(uint running)
        {
            return running ^ 0xFFFFFFFFu;
        }
    }
}
