using System;
using System.Collections.Generic;
using CsCheck;
using Pump.Core.Persistence;
using Pump.Core.Service;
using Xunit;

namespace Pump.Core.Tests.Service
{
    [Collection(AllocationCollection.Name)]
    public class ServiceFrameParserTests
    {
        private static List<int> ParseAll(byte[] bytes, ServiceFrameParser parser, LoopPort port, long nowMs = 0)
        {
            foreach (byte b in bytes)
            {
                port.ToPump.Enqueue(b);
            }
            var results = new List<int>();
            int r;
            while ((r = parser.Poll(port, nowMs)) != ServiceFrameParser.None)
            {
                results.Add(r);
            }
            return results;
        }

        // Proves: SVC-003
        [Fact]
        public void Parser_AnyByteStream_NeverThrowsAndOnlyCrcValidFramesAreOk()
        {
            Gen.Byte.Array[0, 700].Sample(bytes =>
            {
                var parser = new ServiceFrameParser();
                var port = new LoopPort();
                foreach (int r in ParseAll(bytes, parser, port))
                {
                    Assert.True(r == ServiceStatus.Ok || r == ServiceStatus.BadCrc || r == ServiceStatus.Oversized
                        || r == ServiceStatus.UnsupportedVersion);
                    if (r == ServiceStatus.Ok)
                    {
                        int length = parser.PayloadLength;
                        uint crc = Pump.Core.Common.Crc32.Compute(parser.Frame, 2, ServiceFrameFormat.HeaderLength - 2 + length);
                        Assert.Equal(crc, BitConverter.ToUInt32(parser.Frame, ServiceFrameFormat.HeaderLength + length));
                    }
                }
            }, iter: 2000);
        }

        // Proves: SVC-003
        [Fact]
        public void Parser_ValidFrameWithAnySingleBitFlipped_IsNeverOk()
        {
            byte[] frame = ServiceRig.Frame(ServiceCommand.SetClock, 9, BitConverter.GetBytes(1_800_000_000L));
            for (int bit = 16; bit < frame.Length * 8; bit++)
            {
                byte[] copy = (byte[])frame.Clone();
                copy[bit / 8] ^= (byte)(1 << (bit % 8));
                var parser = new ServiceFrameParser();
                var port = new LoopPort();
                List<int> results = ParseAll(copy, parser, port);
                results.AddRange(ParseAll([], parser, port, nowMs: 5000)); // a lengthened frame times out
                Assert.DoesNotContain(ServiceStatus.Ok, results);
            }
        }

        // Proves: SVC-003
        [Fact]
        public void Parser_SteadyStream_AllocatesNothing()
        {
            var parser = new ServiceFrameParser();
            var port = new LoopPort();
            byte[] frame = ServiceRig.Frame(ServiceCommand.GetInfo, 1, []);
            ParseAll(frame, parser, port);
            for (int i = 0; i < 50; i++)
            {
                foreach (byte b in frame)
                {
                    port.ToPump.Enqueue(b);
                }
            }
            long before = GC.GetAllocatedBytesForCurrentThread();
            int ok = 0;
            for (int i = 0; i < 100; i++)
            {
                if (parser.Poll(port, 0) == ServiceStatus.Ok)
                {
                    ok++;
                }
            }
            long spent = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(50, ok);
            Assert.Equal(0, spent);
        }
    }
}

namespace Pump.Core.Tests.Service
{
    public class ServiceLinkPropertyTests
    {
        // Proves: SVC-002, SVC-003
        [Fact]
        public void ServiceLink_RandomCrcValidRequests_AlwaysAnsweredNeverMoveTheMotorAndRefusalsChangeNothing()
        {
            var commands = Gen.OneOfConst(ServiceCommand.All);
            Gen.Select(commands, Gen.Byte.Array[0, 120], Gen.Int[0, 3]).Array[1, 12].Sample(requests =>
            {
                var rig = new ServiceRig();
                Assert.Equal(ServiceStatus.Ok, rig.Send(ServiceCommand.SetConfig, ServiceRig.Encode(ServiceRig.Calibrated())).Status);
                foreach (var (command, payload, shape) in requests)
                {
                    byte[] body = shape switch
                    {
                        0 => payload,
                        1 => payload.Length >= 8 ? payload[..8] : payload,
                        2 => command == ServiceCommand.SetConfig ? Mutated(ServiceRig.Encode(ServiceRig.Calibrated("X-1")), payload) : payload,
                        _ => [],
                    };
                    byte[] before = rig.Store.Copy();
                    long clockBefore = rig.Rtc.UtcSeconds;
                    Answer a = rig.Send(command, body);
                    if (a.Status != ServiceStatus.Ok && a.Status != ServiceStatus.AwaitingPanel)
                    {
                        byte[] after = rig.Store.Copy();
                        Assert.True(after.AsSpan(StoreLayout.ConfigurationAddress, 2 * StoreLayout.ConfigurationSlotBytes)
                            .SequenceEqual(before.AsSpan(StoreLayout.ConfigurationAddress, 2 * StoreLayout.ConfigurationSlotBytes)));
                        Assert.True(after.AsSpan(StoreLayout.DrugLibraryAddress, 2 * StoreLayout.DrugLibrarySlotBytes)
                            .SequenceEqual(before.AsSpan(StoreLayout.DrugLibraryAddress, 2 * StoreLayout.DrugLibrarySlotBytes)));
                        Assert.Equal(clockBefore, rig.Rtc.UtcSeconds);
                    }
                }
                Assert.Equal(0, rig.Driver.EnableCount);
                Assert.Equal(0, rig.Steps.QueuedSegments);
            }, iter: 150);
        }

        private static byte[] Mutated(byte[] config, byte[] noise)
        {
            byte[] copy = (byte[])config.Clone();
            for (int i = 0; i + 1 < noise.Length; i += 2)
            {
                copy[noise[i] % copy.Length] = noise[i + 1];
            }
            return copy;
        }
    }
}
