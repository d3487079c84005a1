namespace Pump.Core.Link
{
    /// <summary>
    /// SHA-256 (FIPS 180-4) written for the core: nanoFramework has no hash package. Incremental
    /// (<see cref="Reset"/>, <see cref="Update"/>, <see cref="Finish"/>), all buffers preallocated, so hashing
    /// allocates nothing. Word arithmetic is modulo 2^32 by definition, hence the explicit unchecked blocks.
    /// Checked on the desktop against System.Security.Cryptography and the FIPS 180-4 examples.
    /// </summary>
    public sealed class Sha256
    {
        public const int HashLength = 32;
        public const int BlockLength = 64;

        private static readonly uint[] K =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        private readonly uint[] _h = new uint[8];
        private readonly uint[] _w = new uint[64];
        private readonly byte[] _block = new byte[BlockLength];
        private int _blockFill;
        private long _totalBytes;

        public Sha256()
        {
            Reset();
        }

        /// <summary>Starts a new message.</summary>
        public void Reset()
        {
            _h[0] = 0x6a09e667;
            _h[1] = 0xbb67ae85;
            _h[2] = 0x3c6ef372;
            _h[3] = 0xa54ff53a;
            _h[4] = 0x510e527f;
            _h[5] = 0x9b05688c;
            _h[6] = 0x1f83d9ab;
            _h[7] = 0x5be0cd19;
            _blockFill = 0;
            _totalBytes = 0;
        }

        /// <summary>
        /// Continues from a saved chaining state after <paramref name="bytesSoFar"/> bytes (a whole number of
        /// blocks). HMAC uses it to start from the precomputed key blocks instead of rehashing them per frame.
        /// </summary>
        public void ResetTo(uint[] state, long bytesSoFar)
        {
            for (int i = 0; i < 8; i++)
            {
                _h[i] = state[i];
            }

            _blockFill = 0;
            _totalBytes = bytesSoFar;
        }

        /// <summary>Copies the chaining state (valid after a whole number of blocks) into <paramref name="into"/>.</summary>
        public void SaveState(uint[] into)
        {
            for (int i = 0; i < 8; i++)
            {
                into[i] = _h[i];
            }
        }

        /// <summary>Bytes hashed since the last reset.</summary>
        public long Length => _totalBytes;

        public void Update(byte[] data, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _block[_blockFill++] = data[offset + i];
                if (_blockFill == BlockLength)
                {
                    Compress();
                    _blockFill = 0;
                }
            }

            _totalBytes += count;
        }

        /// <summary>Pads, writes the 32-byte digest at output[offset..] and leaves the hasher to be reset.</summary>
        public void Finish(byte[] output, int offset)
        {
            long bits = _totalBytes * 8;
            _block[_blockFill++] = 0x80;
            if (_blockFill > BlockLength - 8)
            {
                while (_blockFill < BlockLength)
                {
                    _block[_blockFill++] = 0;
                }

                Compress();
                _blockFill = 0;
            }

            while (_blockFill < BlockLength - 8)
            {
                _block[_blockFill++] = 0;
            }

            for (int i = 7; i >= 0; i--)
            {
                _block[BlockLength - 8 + (7 - i)] = (byte)((bits >> (i * 8)) & 0xFF);
            }

            Compress();
            _blockFill = 0;
            for (int i = 0; i < 8; i++)
            {
                uint v = _h[i];
                output[offset + (i * 4)] = (byte)(v >> 24);
                output[offset + (i * 4) + 1] = (byte)(v >> 16);
                output[offset + (i * 4) + 2] = (byte)(v >> 8);
                output[offset + (i * 4) + 3] = (byte)v;
            }
        }

        private void Compress()
        {
            unchecked
            {
                uint[] w = _w;
                for (int t = 0; t < 16; t++)
                {
                    int b = t * 4;
                    w[t] = ((uint)_block[b] << 24) | ((uint)_block[b + 1] << 16) | ((uint)_block[b + 2] << 8) | _block[b + 3];
                }

                for (int t = 16; t < 64; t++)
                {
                    uint x = w[t - 15];
                    uint y = w[t - 2];
                    uint s0 = Rotr(x, 7) ^ Rotr(x, 18) ^ (x >> 3);
                    uint s1 = Rotr(y, 17) ^ Rotr(y, 19) ^ (y >> 10);
                    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
                }

                uint a = _h[0], bb = _h[1], c = _h[2], d = _h[3], e = _h[4], f = _h[5], g = _h[6], h = _h[7];
                for (int t = 0; t < 64; t++)
                {
                    uint t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
                    uint t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c));
                    h = g;
                    g = f;
                    f = e;
                    e = d + t1;
                    d = c;
                    c = bb;
                    bb = a;
                    a = t1 + t2;
                }

                _h[0] += a;
                _h[1] += bb;
                _h[2] += c;
                _h[3] += d;
                _h[4] += e;
                _h[5] += f;
                _h[6] += g;
                _h[7] += h;
            }
        }

        private static uint Rotr(uint x, int n)
        {
            return (x >> n) | (x << (32 - n));
        }
    }
}
