using Pump.Core.Common;
using Pump.Core.Link;
using Pump.Hal;

namespace Pump.Core.Service
{
    /// <summary>
    /// Listens on the monitor link during pairing (CFG-005): finds CRC-valid vital-sign frames from any
    /// monitor and reports the id once <see cref="FramesToShow"/> consecutive valid frames came from the same
    /// monitor, so one stray frame is never offered for pairing. Frames are only looked at, never used for a
    /// lease. Allocates nothing after construction.
    /// </summary>
    public sealed class MonitorPairingListener
    {
        /// <summary>Consecutive valid frames from one monitor before its id is shown.</summary>
        public const int FramesToShow = 3;

        private readonly byte[] _frame = new byte[MonitorFrameFormat.MaxFrameLength];
        private readonly byte[] _chunk = new byte[64];
        private readonly VitalSigns _scratch = new VitalSigns();
        private readonly VitalSigns _candidate = new VitalSigns();
        private int _count;
        private uint _candidateId;
        private int _run;

        /// <summary>The id of the monitor heard <see cref="FramesToShow"/> times in a row (0 = none yet).</summary>
        public uint HeardMonitorId { get; private set; }

        /// <summary>The heard monitor's frames, for its bed label (meaningful while <see cref="HeardMonitorId"/> is not 0).</summary>
        public VitalSigns Heard => _candidate;

        public void Reset()
        {
            _count = 0;
            _candidateId = 0;
            _run = 0;
            HeardMonitorId = 0;
            _candidate.Clear();
        }

        /// <summary>Drains the link's waiting bytes.</summary>
        public void Poll(IMonitorLink link)
        {
            int n;
            while ((n = link.Read(_chunk, 0, _chunk.Length)) > 0)
            {
                if (n > _chunk.Length)
                {
                    n = _chunk.Length;
                }

                for (int i = 0; i < n; i++)
                {
                    Accept(_chunk[i]);
                }
            }
        }

        private void Accept(byte b)
        {
            if ((_count == 0 && b != MonitorFrameFormat.Sync0) || (_count == 1 && b != MonitorFrameFormat.Sync1))
            {
                _count = b == MonitorFrameFormat.Sync0 ? 1 : 0;
                if (_count == 1)
                {
                    _frame[0] = b;
                }

                return;
            }

            _frame[_count++] = b;
            if (_count <= MonitorFrameFormat.OffsetLength)
            {
                return;
            }

            int payload = _frame[MonitorFrameFormat.OffsetLength];
            if (payload > MonitorFrameFormat.MaxPayloadLength)
            {
                _count = 0;
                return;
            }

            // The version byte says where the frame ends (link v2 carries a tag before the CRC).
            int length = MonitorFrameFormat.FrameLength(_frame[MonitorFrameFormat.OffsetVersion], payload);
            if (length == 0 || _frame[MonitorFrameFormat.OffsetVersion] != MonitorFrameFormat.Version2)
            {
                _count = 0;
                return;
            }

            if (_count < length)
            {
                return;
            }

            _count = 0;
            int crcAt = length - MonitorFrameFormat.CrcLength;
            if (Crc32.Compute(_frame, MonitorFrameFormat.OffsetVersion, crcAt - MonitorFrameFormat.OffsetVersion)
                != MonitorFrameFormat.ReadU32(_frame, crcAt))
            {
                _run = 0;
                return;
            }

            uint id = MonitorFrameFormat.ReadU32(_frame, MonitorFrameFormat.OffsetMonitorId);
            if (id == 0)
            {
                return;
            }

            // The bed label shown at pairing must be the one all counted frames carried (unauthenticated: only shown).
            _scratch.Clear();
            bool labelled = VitalsPayload.Read(_frame, MonitorFrameFormat.OffsetPayload, _scratch);
            bool same = id == _candidateId && labelled && SameLabel(_scratch, _candidate);
            if (!same)
            {
                // Another monitor (or bed) is talking: nothing is offered until one is heard alone again.
                HeardMonitorId = 0;
                _candidate.Clear();
                if (labelled)
                {
                    _candidate.CopyFrom(_scratch);
                }
            }

            _run = same ? _run + 1 : 1;
            _candidateId = id;
            if (_run >= FramesToShow)
            {
                HeardMonitorId = id;
            }
        }

        private static bool SameLabel(VitalSigns a, VitalSigns b)
        {
            for (int i = 0; i < VitalSigns.BedLabelLength; i++)
            {
                if (a.BedLabel[i] != b.BedLabel[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
