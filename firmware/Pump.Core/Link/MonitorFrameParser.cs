using Pump.Hal;

namespace Pump.Core.Link
{
    /// <summary>
    /// Receives monitor-link frames from <see cref="IMonitorLink"/> bytes. Accepts any byte stream:
    /// garbage, truncated, corrupted, oversized, replayed or foreign frames are rejected, counted by reason
    /// and never used; nothing throws and nothing is allocated after construction.
    ///
    /// Resynchronisation: bytes are kept in one frame-sized buffer. When a candidate frame fails before its
    /// CRC has proven its extent, only its first byte is dropped and the rest is rescanned for a sync pair,
    /// so a real frame hidden behind a truncated one is still found. A CRC-valid frame is consumed whole.
    /// </summary>
    public sealed class MonitorFrameParser
    {
        private const int ReadChunkLength = 64;
        private const int ReasonCount = 9; // FrameResult values

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
        private uint _pairedMonitorId;
        private bool _haveSequence;
        private uint _lastSequence;
        private int _discardedBytes;
        private long _lastUnpairedAtMs;
        private bool _anyUnpaired;

        /// <param name="pairedMonitorId">Monitor id the pump is configured with; 0 means not paired (every frame is rejected).</param>
        /// <param name="badFrameAlarmCount">Rejections within the window that raise <see cref="BadFrameRateAlarm"/> (at least 1).</param>
        /// <param name="badFrameWindowMs">Length of the sliding window in ms (at least 1).</param>
        public MonitorFrameParser(uint pairedMonitorId, int badFrameAlarmCount, int badFrameWindowMs)
        {
            _pairedMonitorId = pairedMonitorId;
            _rejectionTimesMs = new long[badFrameAlarmCount < 1 ? 1 : badFrameAlarmCount];
            _windowMs = badFrameWindowMs < 1 ? 1 : badFrameWindowMs;
        }

        /// <summary>Default alarm rule: 5 rejected frames within 60 s.</summary>
        public const int DefaultBadFrameAlarmCount = 5;
        public const int DefaultBadFrameWindowMs = 60000;

        /// <summary>The monitor this pump accepts frames from.</summary>
        public uint PairedMonitorId => _pairedMonitorId;

        /// <summary>The last accepted frame (valid after the first <see cref="FrameResult.Accepted"/>).</summary>
        public VitalSigns LastAccepted => _accepted;

        /// <summary>True once a frame has been accepted since construction or pairing.</summary>
        public bool HasAccepted => _haveSequence;

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
        /// Pairs with a (new) monitor. The clinician confirms the id; the sequence history is forgotten because
        /// a different or restarted monitor numbers its frames afresh.
        /// </summary>
        public void Pair(uint monitorId)
        {
            _pairedMonitorId = monitorId;
            _haveSequence = false;
            _lastSequence = 0;
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

                int frameLength = MonitorFrameFormat.HeaderLength + payloadLength + MonitorFrameFormat.CrcLength;
                if (_candidateCount < frameLength)
                {
                    return FrameResult.None;
                }

                int crcAt = MonitorFrameFormat.HeaderLength + payloadLength;
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
            if (_candidate[MonitorFrameFormat.OffsetVersion] != MonitorFrameFormat.Version1)
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

            Decode(_candidate, _scratch);
            if (_pairedMonitorId == 0 || _scratch.MonitorId != _pairedMonitorId)
            {
                _anyUnpaired = true;
                _lastUnpairedAtMs = nowMs;
                return Reject(FrameResult.Unpaired, nowMs);
            }

            if (_haveSequence && _scratch.Sequence <= _lastSequence)
            {
                return Reject(FrameResult.Replay, nowMs);
            }

            if (!MonitorFrameFormat.IsPlausible(_scratch))
            {
                return Reject(FrameResult.Implausible, nowMs);
            }

            _haveSequence = true;
            _lastSequence = _scratch.Sequence;
            _scratch.ReceivedAtMs = nowMs;
            _accepted.CopyFrom(_scratch);
            Count(FrameResult.Accepted);
            return FrameResult.Accepted;
        }

        private static void Decode(byte[] f, VitalSigns into)
        {
            int p = MonitorFrameFormat.OffsetPayload;
            into.MonitorId = MonitorFrameFormat.ReadU32(f, MonitorFrameFormat.OffsetMonitorId);
            into.Sequence = MonitorFrameFormat.ReadU32(f, MonitorFrameFormat.OffsetSequence);
            into.HeartRateBpm = MonitorFrameFormat.ReadU16(f, p + MonitorFrameFormat.PHeartRate);
            into.Spo2Percent = f[p + MonitorFrameFormat.PSpo2];
            into.RespiratoryRatePerMin = f[p + MonitorFrameFormat.PRespRate];
            into.SystolicMmHg = MonitorFrameFormat.ReadU16(f, p + MonitorFrameFormat.PSystolic);
            into.DiastolicMmHg = MonitorFrameFormat.ReadU16(f, p + MonitorFrameFormat.PDiastolic);
            into.MeanMmHg = MonitorFrameFormat.ReadU16(f, p + MonitorFrameFormat.PMean);
            into.NibpAgeS = MonitorFrameFormat.ReadU16(f, p + MonitorFrameFormat.PNibpAge);
            into.NibpReadingNumber = MonitorFrameFormat.ReadU16(f, p + MonitorFrameFormat.PNibpReading);
            into.AvailableFlags = f[p + MonitorFrameFormat.PAvailable];
            into.StatusFlags = f[p + MonitorFrameFormat.PStatus];
            into.ReceivedAtMs = 0;
        }

        private FrameResult Reject(FrameResult reason, long nowMs)
        {
            Count(reason);
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
