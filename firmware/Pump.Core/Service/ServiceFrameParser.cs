using Pump.Core.Common;
using Pump.Hal;

namespace Pump.Core.Service
{
    /// <summary>
    /// Reassembles service-link requests from the port's bytes. Accepts any byte stream: a frame with a wrong
    /// version, an oversized declared length, a bad CRC, or one not complete within
    /// <see cref="ServiceFrameFormat.FrameTimeoutMs"/> ends in that specific result (so the pump can answer
    /// it) and is never executed. Bytes before a sync pair are dropped and counted. Nothing is allocated after
    /// construction and nothing throws.
    /// </summary>
    public sealed class ServiceFrameParser
    {
        /// <summary>No complete frame or error this poll.</summary>
        public const int None = -1;

        private const int ChunkBytes = 64;

        private readonly byte[] _frame = new byte[ServiceFrameFormat.MaxFrameLength];
        private readonly byte[] _chunk = new byte[ChunkBytes];
        private int _chunkPos;
        private int _chunkLen;
        private int _count;
        private int _expected;
        private long _frameStartMs;
        private int _command;
        private uint _sequence;
        private int _discardedBytes;

        /// <summary>Command of the last frame or error (0 when its header never arrived).</summary>
        public int Command => _command;

        /// <summary>Sequence of the last frame or error (0 when its header never arrived).</summary>
        public uint Sequence => _sequence;

        /// <summary>The complete frame; the payload starts at <see cref="ServiceFrameFormat.OffsetPayload"/>.</summary>
        public byte[] Frame => _frame;

        public int PayloadLength { get; private set; }

        /// <summary>Bytes dropped while hunting for a sync pair.</summary>
        public int DiscardedBytes => _discardedBytes;

        /// <summary>
        /// Reads what the port has and returns <see cref="ServiceStatus.Ok"/> for a complete, CRC-valid frame,
        /// a <see cref="ServiceStatus"/> error code for a refused one, or <see cref="None"/>. At most one result
        /// per call; unread bytes stay for the next call.
        /// </summary>
        public int Poll(IServicePort port, long nowMs)
        {
            while (true)
            {
                if (_chunkPos >= _chunkLen)
                {
                    _chunkPos = 0;
                    _chunkLen = port.Read(_chunk, 0, ChunkBytes);
                    if (_chunkLen <= 0 || _chunkLen > ChunkBytes)
                    {
                        _chunkLen = 0;
                        return CheckTimeout(nowMs);
                    }
                }

                int result = Accept(_chunk[_chunkPos++], nowMs);
                if (result != None)
                {
                    return result;
                }
            }
        }

        private int CheckTimeout(long nowMs)
        {
            if (_count > 0 && nowMs - _frameStartMs > ServiceFrameFormat.FrameTimeoutMs)
            {
                if (_count < ServiceFrameFormat.HeaderLength)
                {
                    _command = 0;
                    _sequence = 0;
                }

                _count = 0;
                return ServiceStatus.Truncated;
            }

            return None;
        }

        private int Accept(byte b, long nowMs)
        {
            if (_count == 0)
            {
                if (b == ServiceFrameFormat.Sync0)
                {
                    _frame[_count++] = b;
                    _frameStartMs = nowMs;
                }
                else
                {
                    _discardedBytes++;
                }

                return None;
            }

            if (_count == 1)
            {
                if (b == ServiceFrameFormat.Sync1)
                {
                    _frame[_count++] = b;
                }
                else if (b != ServiceFrameFormat.Sync0)
                {
                    _count = 0;
                    _discardedBytes += 2;
                }
                else
                {
                    _discardedBytes++;
                    _frameStartMs = nowMs;
                }

                return None;
            }

            _frame[_count++] = b;
            if (_count == ServiceFrameFormat.HeaderLength)
            {
                _command = _frame[ServiceFrameFormat.OffsetCommand];
                _sequence = ReadU32(_frame, ServiceFrameFormat.OffsetSequence);
                int length = _frame[ServiceFrameFormat.OffsetLength] | (_frame[ServiceFrameFormat.OffsetLength + 1] << 8);
                if (_frame[ServiceFrameFormat.OffsetVersion] != ServiceFrameFormat.Version1)
                {
                    _count = 0;
                    return ServiceStatus.UnsupportedVersion;
                }

                if (length > ServiceFrameFormat.MaxPayloadLength)
                {
                    _count = 0;
                    return ServiceStatus.Oversized;
                }

                PayloadLength = length;
                _expected = ServiceFrameFormat.HeaderLength + length + ServiceFrameFormat.CrcLength;
                return None;
            }

            if (_count < ServiceFrameFormat.HeaderLength || _count < _expected)
            {
                return None;
            }

            _count = 0;
            int crcAt = ServiceFrameFormat.HeaderLength + PayloadLength;
            uint crc = Crc32.Compute(_frame, ServiceFrameFormat.OffsetVersion, crcAt - ServiceFrameFormat.OffsetVersion);
            return crc == ReadU32(_frame, crcAt) ? ServiceStatus.Ok : ServiceStatus.BadCrc;
        }

        internal static uint ReadU32(byte[] b, int at)
        {
            return (uint)b[at] | ((uint)b[at + 1] << 8) | ((uint)b[at + 2] << 16) | ((uint)b[at + 3] << 24);
        }
    }
}
