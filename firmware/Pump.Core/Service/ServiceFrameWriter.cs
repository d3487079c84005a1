using Pump.Core.Common;
using Pump.Core.Persistence;

namespace Pump.Core.Service
{
    /// <summary>
    /// Builds one frame (a response on the pump, a request in the service tool) in a preallocated buffer:
    /// <see cref="Begin"/>, the Put methods, then <see cref="Finish"/>. Puts past the largest payload are
    /// dropped and make Finish fail, so a frame is never sent cut short.
    /// </summary>
    public sealed class ServiceFrameWriter
    {
        private readonly byte[] _frame = new byte[ServiceFrameFormat.MaxFrameLength];
        private int _length;
        private bool _overflow;

        public byte[] Frame => _frame;

        /// <summary>Bytes of the finished frame.</summary>
        public int Length => _length;

        public void Begin(int command, uint sequence)
        {
            _frame[0] = ServiceFrameFormat.Sync0;
            _frame[1] = ServiceFrameFormat.Sync1;
            _frame[ServiceFrameFormat.OffsetVersion] = ServiceFrameFormat.Version1;
            _frame[ServiceFrameFormat.OffsetCommand] = (byte)command;
            LittleEndian.WriteUInt32(_frame, ServiceFrameFormat.OffsetSequence, sequence);
            _length = ServiceFrameFormat.HeaderLength;
            _overflow = false;
        }

        private bool Room(int bytes)
        {
            if (_length + bytes > ServiceFrameFormat.HeaderLength + ServiceFrameFormat.MaxPayloadLength)
            {
                _overflow = true;
                return false;
            }

            return true;
        }

        public int PayloadLength => _length - ServiceFrameFormat.HeaderLength;

        public void PutU8(int value)
        {
            if (Room(1))
            {
                _frame[_length++] = (byte)value;
            }
        }

        public void PutU16(int value)
        {
            if (Room(2))
            {
                LittleEndian.WriteUInt16(_frame, _length, value);
                _length += 2;
            }
        }

        public void PutU32(uint value)
        {
            if (Room(4))
            {
                LittleEndian.WriteUInt32(_frame, _length, value);
                _length += 4;
            }
        }

        public void PutI32(int value)
        {
            PutU32((uint)value);
        }

        public void PutI64(long value)
        {
            if (Room(8))
            {
                LittleEndian.WriteInt64(_frame, _length, value);
                _length += 8;
            }
        }

        public void PutBytes(byte[] source, int offset, int count)
        {
            if (count < 0 || !Room(count))
            {
                return;
            }

            for (int i = 0; i < count; i++)
            {
                _frame[_length++] = source[offset + i];
            }
        }

        /// <summary>ASCII text with a u8 length in front, cut at 255 characters (non-ASCII becomes '?').</summary>
        public void PutText(string text)
        {
            int n = text.Length > 255 ? 255 : text.Length;
            if (!Room(1 + n))
            {
                return;
            }

            _frame[_length++] = (byte)n;
            for (int i = 0; i < n; i++)
            {
                char ch = text[i];
                _frame[_length++] = ch >= 0x20 && ch < 0x7F ? (byte)ch : (byte)'?';
            }
        }

        /// <summary>Writes the length and CRC. False (nothing to send) when a Put overflowed the payload.</summary>
        public bool Finish()
        {
            if (_overflow || !Room(0))
            {
                _length = 0;
                return false;
            }

            LittleEndian.WriteUInt16(_frame, ServiceFrameFormat.OffsetLength, _length - ServiceFrameFormat.HeaderLength);
            uint crc = Crc32.Compute(_frame, ServiceFrameFormat.OffsetVersion, _length - ServiceFrameFormat.OffsetVersion);
            LittleEndian.WriteUInt32(_frame, _length, crc);
            _length += ServiceFrameFormat.CrcLength;
            return true;
        }
    }
}
