namespace Pump.Core.Persistence
{
    /// <summary>
    /// Fixed-width little-endian integers in byte arrays: the only way persisted records encode
    /// numbers, so the byte map in hardware-docs/persistence.md holds on every target.
    /// Callers guarantee the range (offset + width &lt;= buffer.Length).
    /// </summary>
    public static class LittleEndian
    {
        public static void WriteInt64(byte[] buffer, int offset, long value)
        {
            ulong v = (ulong)value;
            for (int i = 0; i < 8; i++)
            {
                buffer[offset + i] = (byte)(v & 0xFF);
                v >>= 8;
            }
        }

        public static long ReadInt64(byte[] buffer, int offset)
        {
            ulong v = 0;
            for (int i = 7; i >= 0; i--)
            {
                v = (v << 8) | buffer[offset + i];
            }

            return (long)v;
        }

        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value & 0xFF);
            buffer[offset + 1] = (byte)((value >> 8) & 0xFF);
            buffer[offset + 2] = (byte)((value >> 16) & 0xFF);
            buffer[offset + 3] = (byte)((value >> 24) & 0xFF);
        }

        public static uint ReadUInt32(byte[] buffer, int offset)
        {
            return (uint)buffer[offset]
                | ((uint)buffer[offset + 1] << 8)
                | ((uint)buffer[offset + 2] << 16)
                | ((uint)buffer[offset + 3] << 24);
        }

        public static void WriteInt32(byte[] buffer, int offset, int value)
        {
            WriteUInt32(buffer, offset, (uint)value);
        }

        public static int ReadInt32(byte[] buffer, int offset)
        {
            return (int)ReadUInt32(buffer, offset);
        }

        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)(value & 0xFF);
            buffer[offset + 1] = (byte)((value >> 8) & 0xFF);
        }

        public static int ReadUInt16(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8);
        }
    }
}
