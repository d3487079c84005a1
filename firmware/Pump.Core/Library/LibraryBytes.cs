namespace Pump.Core.Library
{
    /// <summary>Little-endian reads and writes for the library's binary form. Callers check bounds first.</summary>
    internal static class LibraryBytes
    {
        public static int PutU16(byte[] b, int p, ushort v)
        {
            b[p] = (byte)v;
            b[p + 1] = (byte)(v >> 8);
            return p + 2;
        }

        public static int PutU32(byte[] b, int p, uint v)
        {
            for (int i = 0; i < 4; i++)
            {
                b[p + i] = (byte)(v >> (8 * i));
            }

            return p + 4;
        }

        public static int PutI64(byte[] b, int p, long v)
        {
            ulong u = (ulong)v;
            for (int i = 0; i < 8; i++)
            {
                b[p + i] = (byte)(u >> (8 * i));
            }

            return p + 8;
        }

        public static ushort GetU16(byte[] b, int p)
        {
            return (ushort)(b[p] | (b[p + 1] << 8));
        }

        public static uint GetU32(byte[] b, int p)
        {
            return (uint)b[p] | ((uint)b[p + 1] << 8) | ((uint)b[p + 2] << 16) | ((uint)b[p + 3] << 24);
        }

        public static long GetI64(byte[] b, int p)
        {
            ulong u = 0;
            for (int i = 7; i >= 0; i--)
            {
                u = (u << 8) | b[p + i];
            }

            return (long)u;
        }
    }
}
