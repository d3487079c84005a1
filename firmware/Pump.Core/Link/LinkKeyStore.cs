namespace Pump.Core.Link
{
    /// <summary>Outcome of setting a pairing key. Numeric values are stable (service link, event log).</summary>
    public enum KeySetResult
    {
        Ok = 0,

        /// <summary>Monitor id 0 is never valid.</summary>
        NoMonitorId = 1,

        /// <summary>Shorter than <see cref="LinkKeyStore.MinKeyLength"/> bytes.</summary>
        KeyTooShort = 2,

        /// <summary>Longer than <see cref="LinkKeyStore.MaxKeyLength"/> bytes.</summary>
        KeyTooLong = 3,

        /// <summary>Every byte the same (an unset or default key, not a secret).</summary>
        KeyNotRandom = 4,

        /// <summary>The key bytes are missing or the range lies outside the buffer.</summary>
        BadArguments = 5,
    }

    /// <summary>
    /// The monitor-link pairing on the pump: the paired sender's id and its per-pairing secret, kept only as the
    /// HMAC's absorbed key state, with the replay floor of the pairing. Set at power-up from the stored key record
    /// (Configuration.LinkPairingLoader; the key is written by the service link's set-link-key), by the simulator
    /// and by tests, never from the monitor link itself. Every change bumps <see cref="Generation"/>,
    /// which makes the parser forget the sender's boot, sequence and source.
    /// </summary>
    public sealed class LinkKeyStore
    {
        /// <summary>128 bits: half the SHA-256 output, FIPS 198's floor; commissioning generates 32 bytes.</summary>
        public const int MinKeyLength = 16;

        /// <summary>One SHA-256 block; longer keys would only be hashed down.</summary>
        public const int MaxKeyLength = 64;

        private readonly HmacSha256 _mac = new HmacSha256();
        private readonly ReplayFloor _floor = new ReplayFloor();
        private readonly byte[] _check = new byte[4];
        private uint _monitorId;
        private uint _keyCheck;
        private int _generation;

        /// <summary>What the key check value is the MAC of: it identifies a key without revealing it.</summary>
        private static readonly byte[] KeyCheckLabel = new byte[]
        {
            0x50, 0x55, 0x4D, 0x50, 0x2D, 0x4C, 0x49, 0x4E, 0x4B, 0x2D, 0x4B, 0x43, 0x56, // "PUMP-LINK-KCV"
        };

        /// <summary>
        /// The key check value (LNK-019): the first 4 bytes, big-endian, of HMAC-SHA256(key, "PUMP-LINK-KCV"). Shown by
        /// pump-service info and monitor-bridge check so a biomed can match pump and bridge; the key itself is never read back.
        /// </summary>
        public uint KeyCheck => _keyCheck;

        /// <summary>The persisted replay floor of this pairing (RAM only until attached to the store).</summary>
        public ReplayFloor Floor => _floor;

        /// <summary>The paired sender's id (0: not paired; every frame is refused).</summary>
        public uint MonitorId => _monitorId;

        public bool IsPaired => _monitorId != 0 && _mac.Keyed;

        /// <summary>Changes whenever the pairing changes.</summary>
        public int Generation => _generation;

        /// <summary>The keyed MAC for the parser and the encoder.</summary>
        public HmacSha256 Mac => _mac;

        /// <summary>Pairs with a sender and its secret key[offset..offset+length). Changes nothing unless Ok.</summary>
        public KeySetResult Pair(uint monitorId, byte[] key, int offset, int length)
        {
            if (key == null || offset < 0 || length < 0 || offset > key.Length - length)
            {
                return KeySetResult.BadArguments;
            }

            if (monitorId == 0)
            {
                return KeySetResult.NoMonitorId;
            }

            if (length < MinKeyLength)
            {
                return KeySetResult.KeyTooShort;
            }

            if (length > MaxKeyLength)
            {
                return KeySetResult.KeyTooLong;
            }

            bool allSame = true;
            for (int i = 1; i < length; i++)
            {
                if (key[offset + i] != key[offset])
                {
                    allSame = false;
                    break;
                }
            }

            if (allSame)
            {
                return KeySetResult.KeyNotRandom;
            }

            _mac.SetKey(key, offset, length);
            _monitorId = monitorId;
            _mac.Begin();
            _mac.Update(KeyCheckLabel, 0, KeyCheckLabel.Length);
            _mac.FinishTruncated(_check, 0, 4);
            _keyCheck = ((uint)_check[0] << 24) | ((uint)_check[1] << 16) | ((uint)_check[2] << 8) | _check[3];
            _floor.Reset();
            _generation++;
            return KeySetResult.Ok;
        }

        /// <summary>Forgets the pairing: every frame is refused until the next <see cref="Pair"/>.</summary>
        public void Unpair()
        {
            _mac.ClearKey();
            _monitorId = 0;
            _keyCheck = 0;
            _floor.Reset();
            _generation++;
        }
    }
}
