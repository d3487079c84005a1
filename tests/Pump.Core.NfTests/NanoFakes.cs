using System;
using Pump.Hal;

namespace Pump.Core.NfTests
{
    // Minimal HAL fakes for the on-target tests (no generics, no lambdas: they run on nanoCLR).

    internal sealed class ArrayStore : INonVolatileStore
    {
        private readonly byte[] _bytes;

        public ArrayStore(int capacity)
        {
            _bytes = new byte[capacity];
        }

        public int CapacityBytes { get { return _bytes.Length; } }

        public bool TryRead(int address, byte[] buffer, int offset, int count)
        {
            if (address < 0 || count < 0 || address > _bytes.Length - count)
            {
                return false;
            }

            Array.Copy(_bytes, address, buffer, offset, count);
            return true;
        }

        public bool TryWrite(int address, byte[] buffer, int offset, int count)
        {
            if (address < 0 || count < 0 || address > _bytes.Length - count)
            {
                return false;
            }

            Array.Copy(buffer, offset, _bytes, address, count);
            return true;
        }
    }

    internal sealed class FixedClock : IMonotonicClock, IRealTimeClock
    {
        public long NowUs { get; set; }

        public bool TryReadUtcSeconds(out long utcSeconds)
        {
            utcSeconds = 1790000000L;
            return true;
        }
    }

    /// <summary>Bytes the core wrote to a monitor link, read back in one go.</summary>
    internal sealed class BufferLink : IMonitorLink
    {
        private readonly byte[] _bytes = new byte[256];
        private int _count;
        private int _read;

        public void Send(byte[] data, int count)
        {
            Array.Copy(data, 0, _bytes, _count, count);
            _count += count;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = _count - _read < count ? _count - _read : count;
            Array.Copy(_bytes, _read, buffer, offset, n);
            _read += n;
            return n;
        }
    }
}
