using Pump.Hal;

namespace Pump.Core.Link
{
    /// <summary>
    /// Receives monitor-link frames from <see cref="IMonitorLink"/> bytes. Accepts any byte stream:
    /// garbage, truncated, corrupted, oversized, forged, replayed or foreign frames are rejected, counted by
    /// reason and never used; nothing throws and nothing is allocated after construction.
    ///
    /// Resynchronisation: bytes are kept in one frame-sized buffer. When a candidate frame fails before its
    /// CRC has proven its extent, only its first byte is dropped and the rest is rescanned for a sync pair,
    /// so a real frame hidden behind a truncated one is still found. A CRC-valid frame is consumed whole.
    ///
    /// Authentication (link v2): a frame is used only when its HMAC tag matches the pairing key in the
    /// <see cref="LinkKeyStore"/>, and it is newer than the last accepted one: a higher boot number (the sender
    /// restarted: any sequence, counted in <see cref="BootChanges"/>), or the same boot and a higher sequence.
    /// The first accepted frame after pairing pins the source monitor and bed label; another source is refused.
    /// </summary>
    public sealed class MonitorFrameParser
    {
        private const int ReadChunkLength = 64;
        private const int ReasonCount = 13; // FrameResult values

        private readonly byte[] _candidate = new byte[MonitorFrameFormat.MaxFrameLength];
        private readonly byte[] _chunk = new byte[ReadChunkLength];
        private readonly int[] _resultCounts = new int[ReasonCount];
        private readonly long[] _rejectionTimesMs;
        private readonly int _windowMs;
        private readonly VitalSigns _scratch = new VitalSigns();
        private readonly VitalSigns _accepted = new VitalSigns();

        private int _candidateCount;
        private int _chunkPos;
        private int _chunkLen;
        private int _rejectionRingNext;
        private int _rejectionRingFill;
        private readonly LinkKeyStore _keys;
        private readonly VitalSigns _pinnedSource = new VitalSigns();
        private int _keyGeneration;
        private bool _haveSequence;
        private uint _lastBoot;
        private uint _lastSequence;
        private int _bootChanges;
        private uint _previousBoot;
        private FrameResult _lastRejection;
        private long _lastRejectionAtMs;
        private int _discardedBytes;
        private long _lastUnpairedAtMs;
        private bool _anyUnpaired;

        /// <param name="keys">The pairing (sender id and key); while not paired every frame is rejected.</param>
        /// <param name="badFrameAlarmCount">Rejections within the window that raise <see cref="BadFrameRateAlarm"/> (at least 1).</param>
        /// <param name="badFrameWindowMs">Length of the sliding window in ms (at least 1).</param>
        public MonitorFrameParser(LinkKeyStore keys, int badFrameAlarmCount, int badFrameWindowMs)
        {
            _keys = keys;
            _keyGeneration = keys.Generation;
            _rejectionTimesMs = new long[badFrameAlarmCount < 1 ? 1 : badFrameAlarmCount];
            _windowMs = badFrameWindowMs < 1 ? 1 : badFrameWindowMs;
        }

        /// <summary>Default alarm rule: 5 rejected frames within 60 s.</summary>
        public const int DefaultBadFrameAlarmCount = 5;
        public const int DefaultBadFrameWindowMs = 60000;

        /// <summary>The sender this pump accepts frames from (0: not paired).</summary>
        public uint PairedMonitorId => _keys.MonitorId;

        /// <summary>The pairing the parser authenticates against.</summary>
        public LinkKeyStore Keys => _keys;

        /// <summary>Boot number of the last accepted frame.</summary>
        public uint Boot => _lastBoot;

        /// <summary>Times an authenticated frame announced a new sender boot (a bridge restart) since pairing.</summary>
        public int BootChanges => _bootChanges;

        /// <summary>The boot number before the last boot change.</summary>
        public uint PreviousBoot => _previousBoot;

        /// <summary>The latest rejection reason (None if nothing was rejected yet) and when it happened.</summary>
        public FrameResult LastRejection => _lastRejection;

        public long LastRejectionAtMs => _lastRejectionAtMs;

        /// <summary>The last accepted frame (valid after the first <see cref="FrameResult.Accepted"/>).</summary>
        public VitalSigns LastAccepted => _accepted;

        /// <summary>True once a frame has been accepted since construction or the last change of pairing.</summary>
        public bool HasAccepted => _haveSequence && _keys.Generation == _keyGeneration;

        /// <summary>Bytes thrown away while hunting for a sync pair (not counted as frames).</summary>
        public int DiscardedBytes => _discardedBytes;

        public int AcceptedCount => _resultCounts[(int)FrameResult.Accepted];

        /// <summary>Total rejected frames, all reasons.</summary>
        public int RejectedCount
        {
            get
            {
                int sum = 0;
                for (int i = (int)FrameResult.BadCrc; i < ReasonCount; i++)
                {
                    sum = SaturatingAdd(sum, _resultCounts[i]);
                }

                return sum;
            }
        }

        /// <summary>How many frames ended with this result (Accepted or a rejection reason).</summary>
        public int CountOf(FrameResult result)
        {
            int i = (int)result;
            return i > 0 && i < ReasonCount ? _resultCounts[i] : 0;
        }

        /// <summary>True when a frame from another monitor arrived at or after <paramref name="sinceMs"/>.</summary>
        public bool UnpairedSeenSince(long sinceMs)
        {
            return _anyUnpaired && _lastUnpairedAtMs >= sinceMs;
        }

        /// <summary>
        /// True while at least badFrameAlarmCount frames were rejected within the last window
        /// (nowMs - window, nowMs]. Clears by itself once the window passes.
        /// </summary>
        public bool BadFrameRateAlarm(long nowMs)
        {
            if (_rejectionRingFill < _rejectionTimesMs.Length)
            {
                return false;
            }

            long oldest = _rejectionTimesMs[_rejectionRingNext]; // ring is full: next slot holds the oldest
            return nowMs - oldest < _windowMs;
        }

        /// <summary>
        /// Reads waiting bytes from the link and returns at the first complete frame: Accepted (see
        /// <see cref="LastAccepted"/>) or a rejection reason. Returns None when no more bytes are waiting.
        /// Call repeatedly in one tick until it returns None.
        /// </summary>
        public FrameResult Poll(IMonitorLink link, long nowMs)
        {
            while (true)
            {
                FrameResult r = Process(nowMs);
                if (r != FrameResult.None)
                {
                    return r;
                }

                if (_chunkPos >= _chunkLen)
                {
                    _chunkPos = 0;
                    _chunkLen = 0;
                    int n = link.Read(_chunk, 0, ReadChunkLength);
                    if (n <= 0)
                    {
                        return FrameResult.None;
                    }

                    _chunkLen = n > ReadChunkLength ? ReadChunkLength : n;
                }

                // Process() never leaves a full buffer, so there is always room for one byte.
                _candidate[_candidateCount++] = _chunk[_chunkPos++];
            }
        }

        /// <summary>Examines the buffered candidate; returns None when more bytes are needed.</summary>
        private FrameResult Process(long nowMs)
        {
            while (_candidateCount > 0)
            {
                if (_candidate[0] != MonitorFrameFormat.Sync0
                    || (_candidateCount >= 2 && _candidate[1] != MonitorFrameFormat.Sync1))
                {
                    Drop(1);
                    _discardedBytes = SaturatingAdd(_discardedBytes, 1);
                    continue;
                }

                if (_candidateCount <= MonitorFrameFormat.OffsetLength)
                {
                    return FrameResult.None;
                }

                int payloadLength = _candidate[MonitorFrameFormat.OffsetLength];
                if (payloadLength > MonitorFrameFormat.MaxPayloadLength)
                {
                    Drop(1);
                    return Reject(FrameResult.BadLength, nowMs);
                }

                // Without a known layout the frame's end cannot be found, so its CRC cannot be checked.
                int frameLength = MonitorFrameFormat.FrameLength(_candidate[MonitorFrameFormat.OffsetVersion], payloadLength);
                if (frameLength == 0)
                {
                    Drop(1);
                    return Reject(FrameResult.UnknownVersion, nowMs);
                }

                if (_candidateCount < frameLength)
                {
                    return FrameResult.None;
                }

                int crcAt = frameLength - MonitorFrameFormat.CrcLength;
                uint crc = Common.Crc32.Compute(_candidate, MonitorFrameFormat.OffsetVersion, crcAt - MonitorFrameFormat.OffsetVersion);
                if (crc != MonitorFrameFormat.ReadU32(_candidate, crcAt))
                {
                    Drop(1);
                    return Reject(FrameResult.BadCrc, nowMs);
                }

                FrameResult verdict = Judge(payloadLength, nowMs);
                Drop(frameLength);
                return verdict;
            }

            return FrameResult.None;
        }

        /// <summary>Decides on a CRC-valid frame in the candidate buffer.</summary>
        private FrameResult Judge(int payloadLength, long nowMs)
        {
            if (_keys.Generation != _keyGeneration)
            {
                ForgetSender();
            }

            if (_candidate[MonitorFrameFormat.OffsetVersion] != MonitorFrameFormat.Version2)
            {
                return Reject(FrameResult.UnknownVersion, nowMs);
            }

            if (_candidate[MonitorFrameFormat.OffsetType] != MonitorFrameFormat.TypeVitals)
            {
                return Reject(FrameResult.UnknownType, nowMs);
            }

            if (payloadLength != MonitorFrameFormat.VitalsPayloadLength)
            {
                return Reject(FrameResult.BadLength, nowMs);
            }

            uint monitorId = MonitorFrameFormat.ReadU32(_candidate, MonitorFrameFormat.OffsetMonitorId);
            if (!_keys.IsPaired || monitorId != _keys.MonitorId)
            {
                _anyUnpaired = true;
                _lastUnpairedAtMs = nowMs;
                return Reject(FrameResult.Unpaired, nowMs);
            }

            int tagAt = MonitorFrameFormat.HeaderLength + payloadLength;
            HmacSha256 mac = _keys.Mac;
            mac.Begin();
            mac.Update(_candidate, MonitorFrameFormat.OffsetVersion, tagAt - MonitorFrameFormat.OffsetVersion);
            if (!mac.FinishAndVerify(_candidate, tagAt, MonitorFrameFormat.TagLength))
            {
                return Reject(FrameResult.BadTag, nowMs);
            }

            uint boot = MonitorFrameFormat.ReadU32(_candidate, MonitorFrameFormat.OffsetBoot);
            uint sequence = MonitorFrameFormat.ReadU32(_candidate, MonitorFrameFormat.OffsetSequence);
            bool newBoot = _haveSequence && boot > _lastBoot;
            if (_haveSequence && !newBoot && (boot < _lastBoot || sequence <= _lastSequence))
            {
                return Reject(FrameResult.Replay, nowMs);
            }

            // The persisted floor refuses what may have been used before a pump reset (LNK-018).
            FrameResult floor = _keys.Floor.Check(boot, sequence);
            if (floor != FrameResult.None)
            {
                return Reject(floor, nowMs);
            }

            _scratch.MonitorId = monitorId;
            _scratch.Boot = boot;
            _scratch.Sequence = sequence;
            if (!VitalsPayload.Read(_candidate, MonitorFrameFormat.OffsetPayload, _scratch)
                || !MonitorFrameFormat.IsPlausible(_scratch))
            {
                return Reject(FrameResult.Implausible, nowMs);
            }

            if (_haveSequence && !_scratch.SameSource(_pinnedSource))
            {
                _anyUnpaired = true;
                _lastUnpairedAtMs = nowMs;
                return Reject(FrameResult.SourceChanged, nowMs);
            }

            // Write-ahead: the reservation is stored before the frame counts, so a reset can never forget it.
            FrameResult reservation = _keys.Floor.Reserve(boot, sequence);
            if (reservation != FrameResult.None)
            {
                return Reject(reservation, nowMs);
            }

            if (newBoot)
            {
                _previousBoot = _lastBoot;
                _bootChanges = SaturatingAdd(_bootChanges, 1);
            }

            if (!_haveSequence)
            {
                _pinnedSource.CopyFrom(_scratch);
            }

            _haveSequence = true;
            _lastBoot = boot;
            _lastSequence = sequence;
            _scratch.ReceivedAtMs = nowMs;
            _accepted.CopyFrom(_scratch);
            Count(FrameResult.Accepted);
            return FrameResult.Accepted;
        }

        /// <summary>A new pairing: the sender's boot, sequence and source are learnt afresh.</summary>
        private void ForgetSender()
        {
            _keyGeneration = _keys.Generation;
            _haveSequence = false;
            _lastBoot = 0;
            _lastSequence = 0;
            _pinnedSource.Clear();
            _accepted.Clear();
        }

        private FrameResult Reject(FrameResult reason, long nowMs)
        {
            Count(reason);
            _lastRejection = reason;
            _lastRejectionAtMs = nowMs;
            if (reason == FrameResult.BelowFloor)
            {
                return reason; // expected after every reset: not a bad frame
            }

            _rejectionTimesMs[_rejectionRingNext] = nowMs;
            _rejectionRingNext = _rejectionRingNext + 1 == _rejectionTimesMs.Length ? 0 : _rejectionRingNext + 1;
            if (_rejectionRingFill < _rejectionTimesMs.Length)
            {
                _rejectionRingFill++;
            }

            return reason;
        }

        private void Count(FrameResult result)
        {
            _resultCounts[(int)result] = SaturatingAdd(_resultCounts[(int)result], 1);
        }

        private void Drop(int n)
        {
            int remaining = _candidateCount - n;
            for (int i = 0; i < remaining; i++)
            {
                _candidate[i] = _candidate[i + n];
            }

            _candidateCount = remaining;
        }

        private static int SaturatingAdd(int a, int b)
        {
            return a > int.MaxValue - b ? int.MaxValue : a + b;
        }
    }
}
