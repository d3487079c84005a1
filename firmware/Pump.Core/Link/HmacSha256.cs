namespace Pump.Core.Link
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104, FIPS 198-1) over the core's <see cref="Sha256"/>. The key is absorbed once by
    /// <see cref="SetKey"/>: the chaining states after the inner and outer key blocks are kept, so each message
    /// costs its own blocks plus one outer block and nothing is allocated per message. Checked on the desktop
    /// against RFC 4231 and System.Security.Cryptography.HMACSHA256.
    /// </summary>
    public sealed class HmacSha256
    {
        public const int MacLength = Sha256.HashLength;

        private readonly Sha256 _sha = new Sha256();
        private readonly uint[] _innerState = new uint[8];
        private readonly uint[] _outerState = new uint[8];
        private readonly byte[] _pad = new byte[Sha256.BlockLength];
        private readonly byte[] _innerDigest = new byte[Sha256.HashLength];
        private readonly byte[] _mac = new byte[Sha256.HashLength];
        private bool _keyed;

        /// <summary>True once a key has been set.</summary>
        public bool Keyed => _keyed;

        /// <summary>Absorbs key[offset..offset+length). A key longer than a block is hashed first (RFC 2104).</summary>
        public void SetKey(byte[] key, int offset, int length)
        {
            for (int i = 0; i < _pad.Length; i++)
            {
                _pad[i] = 0;
            }

            if (length > Sha256.BlockLength)
            {
                _sha.Reset();
                _sha.Update(key, offset, length);
                _sha.Finish(_pad, 0);
            }
            else
            {
                for (int i = 0; i < length; i++)
                {
                    _pad[i] = key[offset + i];
                }
            }

            Absorb(0x36, _innerState);
            Absorb(0x5c, _outerState);
            for (int i = 0; i < _pad.Length; i++)
            {
                _pad[i] = 0; // the raw key does not linger in this buffer
            }

            _keyed = true;
        }

        /// <summary>Forgets the key.</summary>
        public void ClearKey()
        {
            for (int i = 0; i < 8; i++)
            {
                _innerState[i] = 0;
                _outerState[i] = 0;
            }

            _keyed = false;
        }

        /// <summary>Starts a message under the current key.</summary>
        public void Begin()
        {
            _sha.ResetTo(_innerState, Sha256.BlockLength);
        }

        public void Update(byte[] data, int offset, int count)
        {
            _sha.Update(data, offset, count);
        }

        /// <summary>Writes the full 32-byte MAC at output[offset..].</summary>
        public void Finish(byte[] output, int offset)
        {
            _sha.Finish(_innerDigest, 0);
            _sha.ResetTo(_outerState, Sha256.BlockLength);
            _sha.Update(_innerDigest, 0, _innerDigest.Length);
            _sha.Finish(output, offset);
        }

        /// <summary>Writes the leftmost <paramref name="length"/> bytes (at most 32) of the MAC at output[offset..].</summary>
        public void FinishTruncated(byte[] output, int offset, int length)
        {
            Finish(_mac, 0);
            int n = length > MacLength ? MacLength : length;
            for (int i = 0; i < n; i++)
            {
                output[offset + i] = _mac[i];
            }
        }

        /// <summary>
        /// True when the leftmost <paramref name="length"/> bytes of this message's MAC equal tag[offset..],
        /// compared in constant time. Ends the message.
        /// </summary>
        public bool FinishAndVerify(byte[] tag, int offset, int length)
        {
            Finish(_mac, 0);
            return length > 0 && length <= MacLength && FixedTimeEquals(_mac, 0, tag, offset, length);
        }

        /// <summary>
        /// Compares a[aOffset..] with b[bOffset..] over <paramref name="length"/> bytes in time that does not
        /// depend on where they differ, so a forger learns nothing from how fast a tag is refused.
        /// </summary>
        public static bool FixedTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int length)
        {
            int diff = 0;
            for (int i = 0; i < length; i++)
            {
                diff |= a[aOffset + i] ^ b[bOffset + i];
            }

            return diff == 0;
        }

        private void Absorb(byte padByte, uint[] state)
        {
            for (int i = 0; i < _pad.Length; i++)
            {
                _pad[i] = (byte)(_pad[i] ^ padByte);
            }

            _sha.Reset();
            _sha.Update(_pad, 0, _pad.Length);
            _sha.SaveState(state);
            for (int i = 0; i < _pad.Length; i++)
            {
                _pad[i] = (byte)(_pad[i] ^ padByte); // back to the plain key block for the other pad
            }
        }
    }
}
