using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Pump.Bridge.IntelliVue
{
    /// <summary>Big-endian writer and bounds-checked reader for Data Export messages (all integers are big-endian).</summary>
    public sealed class BeWriter
    {
        private readonly List<byte> _b = new();

        public int Length => _b.Count;

        public BeWriter U8(int v) { _b.Add((byte)v); return this; }

        public BeWriter U16(int v) { _b.Add((byte)(v >> 8)); _b.Add((byte)v); return this; }

        public BeWriter U32(uint v) { U16((int)(v >> 16)); U16((int)(v & 0xFFFF)); return this; }

        public BeWriter Bytes(byte[] b) { _b.AddRange(b); return this; }

        /// <summary>Overwrites a u16 already written (to fill in a length once the body is known).</summary>
        public void PatchU16(int at, int v) { _b[at] = (byte)(v >> 8); _b[at + 1] = (byte)v; }

        public byte[] ToArray() => _b.ToArray();
    }

    /// <summary>Reads big-endian fields; any read past the end sets <see cref="Failed"/> and returns 0, never throws.</summary>
    public sealed class BeReader
    {
        private readonly byte[] _b;
        private readonly int _end;

        public BeReader(byte[] b, int offset, int count)
        {
            _b = b;
            Position = offset;
            _end = Math.Min(b.Length, offset + Math.Max(0, count));
        }

        public int Position { get; private set; }

        public bool Failed { get; private set; }

        public int Remaining => Math.Max(0, _end - Position);

        public int U8() => Take(1) ? _b[Position - 1] : 0;

        public int U16() => Take(2) ? BinaryPrimitives.ReadUInt16BigEndian(_b.AsSpan(Position - 2)) : 0;

        public uint U32() => Take(4) ? BinaryPrimitives.ReadUInt32BigEndian(_b.AsSpan(Position - 4)) : 0;

        public void Skip(int n)
        {
            Take(n);
        }

        /// <summary>A reader over the next <paramref name="n"/> bytes, advancing past them.</summary>
        public BeReader Sub(int n)
        {
            int start = Position;
            return Take(n) ? new BeReader(_b, start, n) : new BeReader(_b, _end, 0) { Failed = true };
        }

        private bool Take(int n)
        {
            if (n < 0 || Position + n > _end)
            {
                Failed = true;
                Position = _end;
                return false;
            }
            Position += n;
            return true;
        }
    }
}
