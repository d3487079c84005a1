using System;
using Pump.Hal;

namespace Pump.Core.Tests.Persistence
{
    /// <summary>
    /// A RAM-backed <see cref="INonVolatileStore"/> that models power loss as the HAL contract allows it:
    /// once armed with a byte budget, the write that exhausts it lands only a prefix of its bytes, and
    /// the "device" is then dead (every read and write fails) until <see cref="Reboot"/>. Rebooting keeps
    /// the bytes, as flash does. Also injects I/O errors and bit flips.
    /// </summary>
    internal sealed class PowerCutStore : INonVolatileStore
    {
        private readonly byte[] _bytes;
        private long _budget = -1;

        public PowerCutStore(int capacityBytes, byte fill = 0xFF)
        {
            _bytes = new byte[capacityBytes];
            Array.Fill(_bytes, fill);
        }

        public int CapacityBytes => _bytes.Length;

        /// <summary>True once the armed budget ran out: power is off.</summary>
        public bool PoweredOff { get; private set; }

        /// <summary>Bytes written since construction (for measuring how many cut points an operation has).</summary>
        public long BytesWritten { get; private set; }

        public int WriteCalls { get; private set; }

        public bool FailWrites { get; set; }

        public bool FailReads { get; set; }

        public byte[] Raw => _bytes;

        /// <summary>Power fails after exactly n more bytes are written (n = 0: before the next byte).</summary>
        public void CutPowerAfter(long n)
        {
            _budget = n;
        }

        /// <summary>Power fails now, between writes.</summary>
        public void PowerOffNow()
        {
            PoweredOff = true;
        }

        /// <summary>Power back on: the bytes stay, nothing is armed.</summary>
        public void Reboot()
        {
            PoweredOff = false;
            _budget = -1;
        }

        public bool TryRead(int address, byte[] buffer, int offset, int count)
        {
            if (PoweredOff || FailReads || !InRange(address, count) || offset < 0 || offset + count > buffer.Length)
            {
                return false;
            }

            Buffer.BlockCopy(_bytes, address, buffer, offset, count);
            return true;
        }

        public bool TryWrite(int address, byte[] buffer, int offset, int count)
        {
            if (PoweredOff || FailWrites || !InRange(address, count) || offset < 0 || offset + count > buffer.Length)
            {
                return false;
            }

            WriteCalls++;
            if (_budget >= 0 && _budget < count)
            {
                int landed = (int)_budget;
                Buffer.BlockCopy(buffer, offset, _bytes, address, landed);
                BytesWritten += landed;
                _budget = 0;
                PoweredOff = true;
                return false;
            }

            Buffer.BlockCopy(buffer, offset, _bytes, address, count);
            BytesWritten += count;
            if (_budget >= 0)
            {
                _budget -= count;
            }

            return true;
        }

        public void FlipBit(int address, int bit)
        {
            _bytes[address] ^= (byte)(1 << bit);
        }

        public byte[] Copy() => (byte[])_bytes.Clone();

        public void RestoreFrom(byte[] image) => Buffer.BlockCopy(image, 0, _bytes, 0, _bytes.Length);

        private bool InRange(int address, int count) => address >= 0 && count >= 0 && address + count <= _bytes.Length;
    }

    /// <summary>Monotonic clock that moves only when told (RespiraWorks-style fake).</summary>
    internal sealed class ManualMonotonicClock : IMonotonicClock
    {
        public long NowUs { get; set; }

        public void AdvanceMs(long ms) => NowUs += ms * 1000;
    }

    /// <summary>RTC fake: valid or not, at a set time.</summary>
    internal sealed class ManualRealTimeClock : IRealTimeClock
    {
        public bool Valid { get; set; } = true;

        public long UtcSeconds { get; set; } = 1_790_000_000; // 2026-09

        public bool TryReadUtcSeconds(out long utcSeconds)
        {
            utcSeconds = Valid ? UtcSeconds : 0;
            return Valid;
        }
    }
}
