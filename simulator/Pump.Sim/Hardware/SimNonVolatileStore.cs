using System;
using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>
    /// The non-volatile region (littlefs file on the device). Survives power loss. When a power cut is
    /// armed, the next write stores only a prefix of its bytes (any length from 0 to count−1, chosen by the
    /// seed or given) and then the supply drops, exactly the torn write the persistence layer must survive.
    /// </summary>
    public sealed class SimNonVolatileStore : INonVolatileStore
    {
        private readonly byte[] _bytes;
        private readonly PowerRail _power;
        private Random? _tearRandom;
        private int _tearPrefix = -1;

        public SimNonVolatileStore(PowerRail power, int capacityBytes = 16384)
        {
            _power = power;
            _bytes = new byte[capacityBytes];
            Array.Fill(_bytes, (byte)0xFF);
        }

        public int CapacityBytes => _bytes.Length;

        public long Writes { get; private set; }

        public long TornWrites { get; private set; }

        /// <summary>Optional fault: every access fails as an I/O error.</summary>
        public bool Failed { get; set; }

        /// <summary>True while a cut is armed and no write has triggered it yet.</summary>
        public bool PowerCutArmed => _tearRandom != null || _tearPrefix >= 0;

        /// <summary>Arms a power cut in the middle of the next write; the prefix length is drawn from <paramref name="random"/>.</summary>
        public void ArmPowerCutDuringNextWrite(Random random)
        {
            _tearRandom = random;
            _tearPrefix = -1;
        }

        /// <summary>Arms a power cut in the next write after exactly <paramref name="prefixBytes"/> bytes.</summary>
        public void ArmPowerCutDuringNextWrite(int prefixBytes)
        {
            _tearRandom = null;
            _tearPrefix = prefixBytes;
        }

        public void DisarmPowerCut()
        {
            _tearRandom = null;
            _tearPrefix = -1;
        }

        public bool TryRead(int address, byte[] buffer, int offset, int count)
        {
            if (!_power.IsOn || Failed || !InRange(address, buffer, offset, count))
            {
                return false;
            }
            Buffer.BlockCopy(_bytes, address, buffer, offset, count);
            return true;
        }

        public bool TryWrite(int address, byte[] buffer, int offset, int count)
        {
            if (!_power.IsOn || Failed || !InRange(address, buffer, offset, count))
            {
                return false;
            }
            if (PowerCutArmed && count > 0)
            {
                int prefix = _tearRandom != null ? _tearRandom.Next(0, count) : Math.Min(_tearPrefix, count - 1);
                Buffer.BlockCopy(buffer, offset, _bytes, address, prefix);
                DisarmPowerCut();
                TornWrites++;
                _power.Cut();
                return false;
            }
            Buffer.BlockCopy(buffer, offset, _bytes, address, count);
            Writes++;
            return true;
        }

        /// <summary>Replaces the contents with an image taken from another unit's store (a commissioned store moved over).</summary>
        public void LoadImage(byte[] image)
        {
            if (image.Length != _bytes.Length)
            {
                throw new ArgumentException("store image is " + image.Length + " bytes, this store " + _bytes.Length);
            }
            Buffer.BlockCopy(image, 0, _bytes, 0, _bytes.Length);
        }

        /// <summary>A copy of the raw contents (for tests and post-mortems).</summary>
        public byte[] Snapshot() => (byte[])_bytes.Clone();

        private bool InRange(int address, byte[] buffer, int offset, int count)
        {
            return buffer != null && address >= 0 && count >= 0 && offset >= 0
                && (long)address + count <= _bytes.Length && (long)offset + count <= buffer.Length;
        }
    }
}
