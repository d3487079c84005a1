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

        /// <summary>A normal, in-limit report from the paired monitor.</summary>
        public static VitalSigns Normal(uint sequence)
        {
            return new VitalSigns
            {
                MonitorId = PairedId,
                Sequence = sequence,
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
        }

        public static byte[] Encode(VitalSigns v)
        {
            var buffer = new byte[MonitorFrameFormat.VitalsFrameLength];
            int n = MonitorFrameEncoder.EncodeVitals(v, buffer, 0);
            if (n != buffer.Length)
            {
                throw new InvalidOperationException("encoder refused the test vitals");
            }

            return buffer;
        }

        /// <summary>A frame with any header values and payload, with a correct CRC.</summary>
        public static byte[] Raw(byte version, byte type, uint monitorId, uint sequence, byte[] payload)
        {
            var f = new byte[MonitorFrameFormat.HeaderLength + payload.Length + MonitorFrameFormat.CrcLength];
            f[0] = MonitorFrameFormat.Sync0;
            f[1] = MonitorFrameFormat.Sync1;
            f[2] = version;
            f[3] = type;
            f[4] = (byte)payload.Length;
            BitConverter.TryWriteBytes(new Span<byte>(f, 5, 4), monitorId);
            BitConverter.TryWriteBytes(new Span<byte>(f, 9, 4), sequence);
            Buffer.BlockCopy(payload, 0, f, 13, payload.Length);
            MonitorFrameEncoder.WriteCrc(f, 0, payload.Length);
            return f;
        }

        /// <summary>Recomputes the CRC of an encoded vitals frame after a test edited its bytes.</summary>
        public static void FixCrc(byte[] frame) => MonitorFrameEncoder.WriteCrc(frame, 0, frame[4]);

        public static byte[] Payload(byte[] frame)
        {
            var p = new byte[frame[4]];
            Buffer.BlockCopy(frame, 13, p, 0, p.Length);
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
            new MonitorFrameParser(PairedId, MonitorFrameParser.DefaultBadFrameAlarmCount, MonitorFrameParser.DefaultBadFrameWindowMs);

        public static uint Crc(byte[] b, int offset, int count) => Crc32.Compute(b, offset, count);
    }
}
