using System;
using System.Collections.Generic;
using Pump.Core.Link;
using Xunit;

namespace Pump.Core.Tests.Link
{
    /// <summary>
    /// Seeded mutation testing of the parser: a long stream of frames, most of them damaged in one of many
    /// ways. Whatever arrives, only the intact frames from the paired monitor may ever be accepted, and all of
    /// them must be (the resynchronisation never loses a frame that arrived whole).
    /// </summary>
    [Collection(AllocationCollection.Name)]
    public sealed class MonitorFrameFuzzTests
    {
        private const int DefaultFrames = 20000;

        private static int FrameCount =>
            int.TryParse(Environment.GetEnvironmentVariable("PUMP_LINK_FUZZ_FRAMES"), out int n) && n > 0 ? n : DefaultFrames;

        private sealed class Stream
        {
            public readonly FakeMonitorLink Link = new FakeMonitorLink();
            public readonly Dictionary<uint, byte[]> Intact = new Dictionary<uint, byte[]>();
            public readonly List<uint> IntactOrder = new List<uint>();
            public readonly int[] MutationCounts = new int[11];
            public readonly Dictionary<uint, int> KindBySeq = new Dictionary<uint, int>();
        }

        private static Stream Build(int seed, int frames)
        {
            var rng = new Random(seed);
            var s = new Stream();
            uint seq = 0;
            var sentIntact = new List<byte[]>();
            for (int i = 0; i < frames; i++)
            {
                seq++;
                var v = LinkTestKit.Normal(seq);
                v.HeartRateBpm = rng.Next(40, 180);
                v.Spo2Percent = rng.Next(80, 101);
                v.SystolicMmHg = rng.Next(90, 220);
                v.DiastolicMmHg = rng.Next(50, v.SystolicMmHg - 10);
                v.MeanMmHg = (v.SystolicMmHg + 2 * v.DiastolicMmHg) / 3;
                v.NibpAgeS = rng.Next(0, 700);
                v.NibpReadingNumber = rng.Next(0, 65536);
                v.StatusFlags = rng.Next(0, 16);
                byte[] f = LinkTestKit.Encode(v);
                int kind = rng.Next(11);
                s.MutationCounts[kind]++;
                s.KindBySeq[seq] = kind;
                switch (kind)
                {
                    case 0: // intact
                    case 1:
                        s.Intact[seq] = f;
                        s.IntactOrder.Add(seq);
                        sentIntact.Add(f);
                        s.Link.Enqueue(f);
                        break;
                    case 2: // 1-3 distinct flipped bits anywhere
                        int flips = rng.Next(1, 4);
                        int first = rng.Next(f.Length * 8);
                        for (int k = 0; k < flips; k++)
                        {
                            int bit = (first + k * 37) % (f.Length * 8);
                            f[bit / 8] ^= (byte)(1 << (bit % 8));
                        }

                        s.Link.Enqueue(f);
                        break;
                    case 3: // truncated, at least 3 bytes short (shorter cuts can splice back the exact frame when
                            // the next frame's first bytes equal the missing CRC bytes: correct data, but not "damaged")
                        s.Link.Enqueue(f, 0, rng.Next(1, f.Length - 2));
                        break;
                    case 4: // garbage, sometimes with a sync pair and a wild length byte
                        var g = new byte[rng.Next(1, 100)];
                        rng.NextBytes(g);
                        if (g.Length > 5 && rng.Next(2) == 0)
                        {
                            g[0] = 0xA5;
                            g[1] = 0x5A;
                        }

                        s.Link.Enqueue(g);
                        break;
                    case 5: // replay of an earlier intact frame
                        if (sentIntact.Count > 0)
                        {
                            s.Link.Enqueue(sentIntact[rng.Next(sentIntact.Count)]);
                        }

                        break;
                    case 6: // authentic, other monitor
                        BitConverter.TryWriteBytes(new Span<byte>(f, 5, 4), (uint)rng.Next(1, int.MaxValue) ^ LinkTestKit.PairedId | 1u << 31);
                        LinkTestKit.Reseal(f);
                        s.Link.Enqueue(f);
                        break;
                    case 7: // authentic, other type or version (3..255: version 1 has another extent)
                        f[rng.Next(2) == 0 ? 2 : 3] = (byte)rng.Next(3, 256);
                        LinkTestKit.Reseal(f);
                        s.Link.Enqueue(f);
                        break;
                    case 8: // authentic, implausible value
                        f[MonitorFrameFormat.OffsetPayload + MonitorFrameFormat.PNibp] = 0x90; // SBP 400 = 0x0190
                        f[MonitorFrameFormat.OffsetPayload + MonitorFrameFormat.PNibp + 1] = 0x01;
                        LinkTestKit.Reseal(f);
                        s.Link.Enqueue(f);
                        break;
                    case 9: // forged: a payload byte changed and the CRC fixed, without the key
                        f[rng.Next(MonitorFrameFormat.OffsetPayload, MonitorFrameFormat.OffsetPayload + MonitorFrameFormat.VitalsPayloadLength)] ^= (byte)rng.Next(1, 256);
                        LinkTestKit.FixCrc(f);
                        s.Link.Enqueue(f);
                        break;
                    default: // random payload byte overwritten by an authentic sender: accepted only if still plausible
                        f[rng.Next(MonitorFrameFormat.OffsetPayload, MonitorFrameFormat.OffsetPayload + MonitorFrameFormat.VitalsPayloadLength)] = (byte)rng.Next(256);
                        LinkTestKit.Reseal(f);
                        VitalSigns? decoded = Decode(f);
                        if (decoded != null && decoded.SameSource(LinkTestKit.Normal(0)))
                        {
                            s.Intact[seq] = f;
                            s.IntactOrder.Add(seq);
                            sentIntact.Add(f);
                        }

                        s.Link.Enqueue(f);
                        break;
                }
            }

            return s;
        }

        /// <summary>What a fresh parser makes of the frame: its vitals when accepted, else null.</summary>
        private static VitalSigns? Decode(byte[] f)
        {
            var parser = LinkTestKit.NewParser();
            var link = new FakeMonitorLink();
            link.Enqueue(f);
            return parser.Poll(link, 0) == FrameResult.Accepted ? parser.LastAccepted : null;
        }

        // Proves: LNK-009, LNK-003, LNK-007
        [Theory]
        [InlineData(20260001, 64)]
        [InlineData(20260002, 1)]
        [InlineData(20260003, 13)]
        public void Parse_MutatedStream_AcceptsExactlyTheIntactFramesAndNeverThrows(int seed, int bytesPerRead)
        {
            Stream s = Build(seed, FrameCount);
            s.Link.MaxPerRead = bytesPerRead;
            var parser = LinkTestKit.NewParser();
            var accepted = new List<uint>();
            var results = new int[16];

            FrameResult r;
            while ((r = parser.Poll(s.Link, 0)) != FrameResult.None || s.Link.Pending > 0)
            {
                results[(int)r]++;
                if (r == FrameResult.Accepted)
                {
                    VitalSigns got = parser.LastAccepted;
                    Assert.True(s.Intact.TryGetValue(got.Sequence, out byte[]? original), "accepted a frame that was never sent intact: seq " + got.Sequence + " kind " + s.KindBySeq[got.Sequence]);
                    var reencoded = new byte[MonitorFrameFormat.VitalsFrameLength];
                    got.ReceivedAtMs = 0;
                    MonitorFrameEncoder.EncodeVitals(got, LinkTestKit.Mac, reencoded, 0);
                    Assert.Equal(original, reencoded);
                    accepted.Add(got.Sequence);
                }
            }

            Assert.Equal(s.IntactOrder, accepted);
            Assert.True(results[(int)FrameResult.BadCrc] > 0 && results[(int)FrameResult.Replay] > 0 && results[(int)FrameResult.Unpaired] > 0
                && results[(int)FrameResult.UnknownType] > 0 && results[(int)FrameResult.UnknownVersion] > 0 && results[(int)FrameResult.Implausible] > 0
                && results[(int)FrameResult.BadTag] > 0);
            int rejected = 0;
            for (int i = (int)FrameResult.BadCrc; i <= (int)FrameResult.SourceChanged; i++)
            {
                rejected += results[i];
            }

            Assert.Equal(parser.RejectedCount, rejected);
        }

        // Proves: LNK-009
        [Fact]
        public void Parse_MillionRandomBytes_NeverAcceptsAndNeverThrows()
        {
            var rng = new Random(77);
            var bytes = new byte[1_000_000];
            rng.NextBytes(bytes);
            var link = new FakeMonitorLink();
            link.Enqueue(bytes);
            var parser = LinkTestKit.NewParser();

            while (parser.Poll(link, 0) != FrameResult.None || link.Pending > 0)
            {
            }

            Assert.Equal(0, parser.AcceptedCount);
            Assert.True(parser.DiscardedBytes > 900_000);
        }

        // Proves: LNK-009, BLD-004
        [Fact]
        public void Parse_AfterWarmUp_AllocatesNothingPerByteOrFrame()
        {
            Stream warm = Build(1, 200);
            Stream s = Build(2, FrameCount);
            var parser = LinkTestKit.NewParser();
            while (parser.Poll(warm.Link, 0) != FrameResult.None)
            {
            }

            parser.Keys.Pair(LinkTestKit.PairedId, LinkTestKit.Key, 0, LinkTestKit.Key.Length);
            int accepted = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            FrameResult r;
            while ((r = parser.Poll(s.Link, 5)) != FrameResult.None)
            {
                if (r == FrameResult.Accepted)
                {
                    accepted++;
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.Equal(s.IntactOrder.Count, accepted);
        }

        // Proves: LNK-011
        [Fact]
        public void Encode_AfterWarmUp_AllocatesNothing()
        {
            var v = LinkTestKit.Normal(1);
            var buffer = new byte[MonitorFrameFormat.VitalsFrameLength];
            MonitorFrameEncoder.EncodeVitals(v, LinkTestKit.Mac, buffer, 0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (uint i = 0; i < 1000; i++)
            {
                v.Sequence = i;
                MonitorFrameEncoder.EncodeVitals(v, LinkTestKit.Mac, buffer, 0);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
