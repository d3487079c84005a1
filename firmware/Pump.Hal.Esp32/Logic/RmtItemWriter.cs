namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// Packs (level, duration) symbols into ESP32 RMT items (rmt_item32_t, 4 bytes little-endian:
    /// bits 0–14 duration0, bit 15 level0, bits 16–30 duration1, bit 31 level1) in a caller-owned,
    /// preallocated buffer. Durations are in RMT ticks; one item half lasts 1..32767 ticks. A longer
    /// symbol is split into near-equal chunks, so no half is ever 0 ticks (a zero duration is the
    /// hardware end-of-transmission marker). Unused items after <see cref="ItemCount"/> are zeroed,
    /// so the preallocated buffer can be sent whole and the hardware stops at the first zero item.
    /// </summary>
    public sealed class RmtItemWriter
    {
        /// <summary>Longest half-item in ticks (15-bit field).</summary>
        public const int MaxHalfTicks = 32767;

        private readonly byte[] _buffer;
        private readonly int _capacityItems;
        private int _halves;
        private bool _overflow;

        public RmtItemWriter(byte[] buffer)
        {
            _buffer = buffer;
            _capacityItems = buffer.Length / 4;
        }

        /// <summary>The item buffer this writer fills (send it whole).</summary>
        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Items the buffer can hold.</summary>
        public int CapacityItems { get { return _capacityItems; } }

        /// <summary>Complete items written so far (a pending odd half counts as one).</summary>
        public int ItemCount { get { return (_halves + 1) / 2; } }

        /// <summary>Halves still free.</summary>
        public int FreeHalves { get { return (_capacityItems * 2) - _halves; } }

        /// <summary>True once a symbol did not fit; the buffer content is then unusable.</summary>
        public bool Overflowed { get { return _overflow; } }

        /// <summary>Total ticks written so far (the time the burst takes).</summary>
        public long TotalTicks { get; private set; }

        /// <summary>Empties the buffer (zeroes every item).</summary>
        public void Reset()
        {
            // Only the items written last time can be non-zero.
            int used = ((_halves + 1) / 2) * 4;
            if (_overflow || used > _buffer.Length)
            {
                used = _buffer.Length;
            }

            System.Array.Clear(_buffer, 0, used);
            _halves = 0;
            _overflow = false;
            TotalTicks = 0;
        }

        /// <summary>Halves a symbol of this length needs.</summary>
        public static int HalvesFor(long ticks)
        {
            if (ticks <= 0)
            {
                return 0;
            }

            return (int)((ticks + MaxHalfTicks - 1) / MaxHalfTicks);
        }

        /// <summary>Appends a symbol; returns false (and marks overflow) when it does not fit.</summary>
        public bool Append(bool level, long ticks)
        {
            if (ticks <= 0)
            {
                return true;
            }

            int pieces = HalvesFor(ticks);
            if (pieces > FreeHalves)
            {
                _overflow = true;
                return false;
            }

            long baseTicks = ticks / pieces;
            long extra = ticks % pieces;
            for (int i = 0; i < pieces; i++)
            {
                long piece = baseTicks + (i < extra ? 1 : 0);
                WriteHalf(level, (int)piece);
            }

            TotalTicks += ticks;
            return true;
        }

        /// <summary>
        /// Completes the last item when an odd number of halves was written, by a 1-tick half at
        /// <paramref name="level"/> (a zero-length half would end the transmission early).
        /// </summary>
        public bool Finish(bool level)
        {
            if ((_halves & 1) == 0)
            {
                return true;
            }

            if (FreeHalves < 1)
            {
                _overflow = true;
                return false;
            }

            WriteHalf(level, 1);
            TotalTicks += 1;
            return true;
        }

        /// <summary>Decodes half <paramref name="index"/> of <paramref name="buffer"/> (for tests and diagnostics).</summary>
        public static void ReadHalf(byte[] buffer, int index, out bool level, out int ticks)
        {
            int at = (index / 2) * 4 + ((index & 1) * 2);
            int word = buffer[at] | (buffer[at + 1] << 8);
            level = (word & 0x8000) != 0;
            ticks = word & 0x7FFF;
        }

        private void WriteHalf(bool level, int ticks)
        {
            int at = (_halves / 2) * 4 + ((_halves & 1) * 2);
            int word = (ticks & 0x7FFF) | (level ? 0x8000 : 0);
            _buffer[at] = (byte)(word & 0xFF);
            _buffer[at + 1] = (byte)((word >> 8) & 0xFF);
            _halves++;
        }
    }
}
