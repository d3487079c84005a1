using System;
using Pump.Core.Common;
using Pump.Core.Link;
using Pump.Hal;

namespace Pump.Core.Tests.Link
{
    /// <summary>A monitor link fed by the test: bytes come out only when enqueued (no timing, no threads).</summary>
    internal sealed class FakeMonitorLink : IMonitorLink
    {
        private byte[] _data = new byte[4096];
        private int _head;
        private int _tail;

        /// <summary>Largest number of bytes one Read returns (models a UART FIFO delivering in pieces).</summary>
        public int MaxPerRead { get; set; } = int.MaxValue;

        public int Pending => _tail - _head;

        public void Enqueue(byte[] bytes) => Enqueue(bytes, 0, bytes.Length);

        public void Enqueue(byte[] bytes, int offset, int count)
        {
            if (_head == _tail)
            {
                _head = 0;
                _tail = 0;
            }

            if (_tail + count > _data.Length)
            {
                Array.Resize(ref _data, Math.Max(_data.Length * 2, _tail + count));
            }

            Buffer.BlockCopy(bytes, offset, _data, _tail, count);
            _tail += count;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, MaxPerRead), _tail - _head);
            Buffer.BlockCopy(_data, _head, buffer, offset, n);
            _head += n;
            return n;
        }
    }

    internal static class LinkTestKit
    {
        public const uint PairedId = 0x12345678;
        public const ulong SourceId = Fakes.TestLinkKey.SourceId;
        public const string BedLabel = Fakes.TestLinkKey.BedLabel;

        /// <summary>The pairing key of the tests and of the worked examples in monitor-link.md (32 bytes 0x01..0x20).</summary>
        public static readonly byte[] Key = Fakes.TestLinkKey.Key;

        [ThreadStatic]
        private static HmacSha256? _mac;

        /// <summary>The test sender's MAC (keyed with <see cref="Key"/>); one per thread, as a MAC holds message state.</summary>
        public static HmacSha256 Mac => _mac ??= NewMac(Key);

        public static HmacSha256 NewMac(byte[] key)
        {
            var mac = new HmacSha256();
            mac.SetKey(key, 0, key.Length);
            return mac;
        }

        /// <summary>A key store paired with the test sender.</summary>
        public static LinkKeyStore Keys(uint monitorId = PairedId)
        {
            var keys = new LinkKeyStore();
            if (keys.Pair(monitorId, Key, 0, Key.Length) != KeySetResult.Ok)
            {
                throw new InvalidOperationException("test key refused");
            }

            return keys;
        }

        /// <summary>A normal, in-limit report from the paired monitor.</summary>
        public static VitalSigns Normal(uint sequence, uint boot = 1)
        {
            var v = new VitalSigns
            {
                MonitorId = PairedId,
                Boot = boot,
                Sequence = sequence,
                SourceId = SourceId,
                HeartRateBpm = 72,
                Spo2Percent = 97,
                RespiratoryRatePerMin = 14,
                SystolicMmHg = 128,
                DiastolicMmHg = 80,
                MeanMmHg = 96,
                NibpAgeS = 10,
                NibpReadingNumber = 1,
                AvailableFlags = VitalSigns.AvailKnownMask,
                StatusFlags = 0,
            };
            v.SetBedLabel(BedLabel);
            return v;
        }

        /// <summary>Encodes with the test key (or <paramref name="mac"/>).</summary>
        public static byte[] Encode(VitalSigns v, HmacSha256? mac = null)
        {
            var buffer = new byte[MonitorFrameFormat.VitalsFrameLength];
            int n = MonitorFrameEncoder.EncodeVitals(v, mac ?? Mac, buffer, 0);
            if (n != buffer.Length)
            {
                throw new InvalidOperationException("encoder refused the test vitals");
            }

            return buffer;
        }

        /// <summary>A version-2 frame with any header values and payload, with a correct tag (test key) and CRC.</summary>
        public static byte[] Raw(byte version, byte type, uint monitorId, uint sequence, byte[] payload, uint boot = 1)
        {
            var f = new byte[MonitorFrameFormat.HeaderLength + payload.Length + MonitorFrameFormat.TagLength + MonitorFrameFormat.CrcLength];
            f[0] = MonitorFrameFormat.Sync0;
            f[1] = MonitorFrameFormat.Sync1;
            f[2] = version;
            f[3] = type;
            f[4] = (byte)payload.Length;
            BitConverter.TryWriteBytes(new Span<byte>(f, 5, 4), monitorId);
            BitConverter.TryWriteBytes(new Span<byte>(f, 9, 4), boot);
            BitConverter.TryWriteBytes(new Span<byte>(f, 13, 4), sequence);
            Buffer.BlockCopy(payload, 0, f, MonitorFrameFormat.HeaderLength, payload.Length);
            MonitorFrameEncoder.WriteTagAndCrc(f, 0, payload.Length, Mac);
            return f;
        }

        /// <summary>Recomputes tag and CRC of an encoded frame after a test edited its bytes (an authentic sender's edit).</summary>
        public static void Reseal(byte[] frame) => MonitorFrameEncoder.WriteTagAndCrc(frame, 0, frame[4], Mac);

        /// <summary>Recomputes only the CRC (a forger without the key: the tag stays as it was).</summary>
        public static void FixCrc(byte[] frame) => MonitorFrameEncoder.WriteCrc(frame, 0, frame[4]);

        public static byte[] Payload(byte[] frame)
        {
            var p = new byte[frame[4]];
            Buffer.BlockCopy(frame, MonitorFrameFormat.HeaderLength, p, 0, p.Length);
            return p;
        }

        /// <summary>Polls until the link is drained; returns the results in order.</summary>
        public static System.Collections.Generic.List<FrameResult> Drain(MonitorFrameParser parser, IMonitorLink link, long nowMs)
        {
            var results = new System.Collections.Generic.List<FrameResult>();
            FrameResult r;
            while ((r = parser.Poll(link, nowMs)) != FrameResult.None)
            {
                results.Add(r);
            }

            return results;
        }

        public static MonitorFrameParser NewParser() =>
            new MonitorFrameParser(Keys(), MonitorFrameParser.DefaultBadFrameAlarmCount, MonitorFrameParser.DefaultBadFrameWindowMs);

        public static uint Crc(byte[] b, int offset, int count) => Crc32.Compute(b, offset, count);
    }
}
