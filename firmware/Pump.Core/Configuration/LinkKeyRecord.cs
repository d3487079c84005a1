using Pump.Core.Link;
using Pump.Core.Persistence;
using Pump.Hal;

namespace Pump.Core.Configuration
{
    /// <summary>
    /// The monitor-link key in the store (LNK-017): two CRC slots at <see cref="StoreLayout.LinkKeyAddress"/> with the
    /// torn-write rules of every record (PER-002). Payload (format 1, 72 bytes): monitor id u32, key length u8,
    /// three zero bytes, key bytes zero-padded to 64. A load pairs a <see cref="LinkKeyStore"/> only from a copy that
    /// passes the CRC, the layout and every key check; otherwise the reason is returned and nothing is paired.
    /// The key is never sent back: the service link shows only its check value (<see cref="LinkKeyStore.KeyCheck"/>).
    /// </summary>
    public sealed class LinkKeyRecord
    {
        public const int FormatVersion = 1;
        public const int PayloadBytes = 8 + LinkKeyStore.MaxKeyLength;

        private readonly DualSlotRecord _record;
        private readonly RecordReadReport _report = new RecordReadReport();
        private readonly byte[] _buffer = new byte[PayloadBytes];

        public LinkKeyRecord(INonVolatileStore store)
        {
            _record = new DualSlotRecord(store, StoreLayout.LinkKeyAddress, StoreLayout.LinkKeySlotBytes,
                StoreLayout.LinkKeyMagic, FormatVersion, FormatVersion);
        }

        /// <summary>Slot statuses of the last load.</summary>
        public RecordReadReport LoadReport => _report;

        /// <summary>
        /// Pairs keys from the stored record. Returns <see cref="LinkKeyProblem.None"/>, <see cref="LinkKeyProblem.NoKey"/>
        /// (never written), <see cref="LinkKeyProblem.KeyDamaged"/> (no valid copy, or a bad layout) or
        /// <see cref="LinkKeyProblem.KeyInvalid"/> (the key fails the pairing checks); keys is untouched unless None.
        /// </summary>
        public int TryLoad(LinkKeyStore keys)
        {
            if (!_record.TryLoad(_buffer, 0, _report))
            {
                return _report.Slot0Status == SlotStatus.Empty && _report.Slot1Status == SlotStatus.Empty
                    ? LinkKeyProblem.NoKey
                    : LinkKeyProblem.KeyDamaged;
            }

            int length = _buffer[4];
            if (_report.PayloadLength != PayloadBytes || _buffer[5] != 0 || _buffer[6] != 0 || _buffer[7] != 0
                || length > LinkKeyStore.MaxKeyLength || !PaddingIsZero(length))
            {
                return LinkKeyProblem.KeyDamaged;
            }

            return keys.Pair(LittleEndian.ReadUInt32(_buffer, 0), _buffer, 8, length) == KeySetResult.Ok
                ? LinkKeyProblem.None
                : LinkKeyProblem.KeyInvalid;
        }

        private bool PaddingIsZero(int length)
        {
            for (int i = 8 + length; i < PayloadBytes; i++)
            {
                if (_buffer[i] != 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Stores key[offset..offset+length) for monitorId, then a fresh replay floor for it (the key first: a floor that
        /// does not match the stored key always predates it). The caller has checked the key with
        /// <see cref="LinkKeyStore.Pair"/>. False when the key record did not verify (the previous key stays).
        /// </summary>
        public bool TryWrite(INonVolatileStore store, uint monitorId, byte[] key, int offset, int length, uint keyCheck)
        {
            if (key == null || length < 0 || length > LinkKeyStore.MaxKeyLength || offset < 0 || offset > key.Length - length)
            {
                return false;
            }

            for (int i = 0; i < PayloadBytes; i++)
            {
                _buffer[i] = 0;
            }

            LittleEndian.WriteUInt32(_buffer, 0, monitorId);
            _buffer[4] = (byte)length;
            for (int i = 0; i < length; i++)
            {
                _buffer[8 + i] = key[offset + i];
            }

            bool written = _record.TryWrite(FormatVersion, _buffer, 0, PayloadBytes);
            for (int i = 0; i < PayloadBytes; i++)
            {
                _buffer[i] = 0; // the secret does not linger in RAM
            }

            // A floor that fails to write is harmless: it does not match the new key, so it counts as none.
            return written && ReplayFloor.TryWriteFresh(store, monitorId, keyCheck);
        }
    }
}
