using System;
using System.Buffers.Binary;
using System.Text;

namespace Pump.ServiceTool.Protocol
{
    /// <summary>Reads a response payload field by field (little-endian), failing clearly when it is too short.</summary>
    public sealed class PayloadReader(byte[] payload)
    {
        private int _at;

        public int Remaining => payload.Length - _at;

        private ReadOnlySpan<byte> Take(int n)
        {
            if (n < 0 || _at + n > payload.Length)
            {
                throw new ProtocolException("response payload shorter than the specification (needed " + n + " more bytes at offset " + _at + ")");
            }
            var span = payload.AsSpan(_at, n);
            _at += n;
            return span;
        }

        public byte U8() => Take(1)[0];
        public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
        public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
        public int I32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        public long I64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));
        public byte[] Bytes(int n) => Take(n).ToArray();

        public string Text()
        {
            int n = U8();
            return Encoding.ASCII.GetString(Take(n));
        }
    }
}
