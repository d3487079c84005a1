using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Pump.Core.Link;

namespace Pump.Evidence.Fuzz
{
    /// <summary>
    /// The seeded corpus for the monitor-link parser: one file per interesting input, each with the number
    /// of frames the parser must accept (in expected.txt). Written once by `fuzz --write-corpus`, committed,
    /// and replayed by the default test run.
    /// </summary>
    public static class LinkCorpus
    {
        public const string RelativeDirectory = "tests/Pump.Evidence.Tests/Fuzz/Corpus/link";

        public static IReadOnlyList<(string Name, byte[] Bytes, int Accepted)> Build()
        {
            var f = new LinkFuzzer(1);
            var list = new List<(string, byte[], int)>();
            byte[] one = f.ValidFrames(1);
            list.Add(("empty", Array.Empty<byte>(), 0));
            list.Add(("valid-1", one, 1));
            list.Add(("valid-5", f.ValidFrames(5), 5));
            list.Add(("garbage-then-valid", Join(f.RandomBytes(40), f.ValidFrames(1)), 1));
            list.Add(("truncated-then-valid", Join(f.ValidFrames(1).Take(20).ToArray(), f.ValidFrames(1)), 1));
            list.Add(("sync-storm", Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? MonitorFrameFormat.Sync0 : MonitorFrameFormat.Sync1).ToArray(), 0));
            list.Add(("bad-crc", Flip(f.ValidFrames(1), MonitorFrameFormat.OffsetPayload + 3), 0));
            list.Add(("wrong-version", Forge(f, f.ValidFrames(1), MonitorFrameFormat.OffsetVersion, 3), 0));
            list.Add(("legacy-v1", LegacyV1(), 0));
            list.Add(("wrong-type-command", Forge(f, f.ValidFrames(1), MonitorFrameFormat.OffsetType, 0x02), 0));
            list.Add(("unpaired-monitor", Forge(f, f.ValidFrames(1), MonitorFrameFormat.OffsetMonitorId, 0x77), 0));
            list.Add(("forged-tag", ForgeWithoutKey(f.ValidFrames(1), MonitorFrameFormat.OffsetPayload + MonitorFrameFormat.PHeartRate, 60), 0));
            byte[] first = f.ValidFrames(1);
            list.Add(("replay", Join(first, first), 1));
            byte[] beforeRestart = f.ValidFrames(2);
            list.Add(("new-boot-lower-sequence", Join(beforeRestart, Forge(f, Forge(f, f.ValidFrames(1), MonitorFrameFormat.OffsetBoot, 2), MonitorFrameFormat.OffsetSequence, 1)), 3));
            byte[] pinned = f.ValidFrames(1);
            list.Add(("source-changed", Join(pinned, Forge(f, f.ValidFrames(1), MonitorFrameFormat.OffsetPayload + MonitorFrameFormat.PBedLabel, (byte)'X')), 1));
            list.Add(("implausible-sbp-400", ForgeU16(f, f.ValidFrames(1), MonitorFrameFormat.OffsetPayload + MonitorFrameFormat.PNibp + MonitorFrameFormat.NSystolic, 400), 0));
            list.Add(("unknown-value-status", Forge(f, f.ValidFrames(1), MonitorFrameFormat.OffsetPayload + MonitorFrameFormat.PHeartRate + MonitorFrameFormat.RStatus, 0x80), 0));
            list.Add(("length-over-max", Forge(f, f.ValidFrames(1), MonitorFrameFormat.OffsetLength, 0xFF), 0));
            list.Add(("length-max-payload", Resize(f, f.ValidFrames(1), MonitorFrameFormat.MaxPayloadLength), 0));
            list.Add(("length-zero", Resize(f, f.ValidFrames(1), 0), 0));
            list.Add(("false-sync-inside-frame", Join(new[] { MonitorFrameFormat.Sync0, MonitorFrameFormat.Sync1, (byte)2, (byte)1 }, f.ValidFrames(2)), 2));
            for (int i = 0; i < 8; i++)
            {
                list.Add(($"mutated-{i}", f.Mutate(f.ValidFrames(2)), -1));
            }
            return list;
        }

        /// <summary>Writes the corpus and expected.txt ("name accepted", -1 = any count).</summary>
        public static void Write(string directory)
        {
            Directory.CreateDirectory(directory);
            var expected = new List<string>();
            foreach (var (name, bytes, accepted) in Build())
            {
                File.WriteAllBytes(Path.Combine(directory, name + ".bin"), bytes);
                expected.Add($"{name} {accepted}");
            }
            File.WriteAllLines(Path.Combine(directory, "expected.txt"), expected);
        }

        private static byte[] Join(byte[] a, byte[] b) => a.Concat(b).ToArray();

        private static byte[] Flip(byte[] frame, int at)
        {
            frame[at] ^= 0x10;
            return frame;
        }

        /// <summary>A field changed by the key holder: tag and CRC recomputed, so the checks behind the tag are reached.</summary>
        private static byte[] Forge(LinkFuzzer f, byte[] frame, int at, byte value)
        {
            frame[at] = value;
            int length = frame[MonitorFrameFormat.OffsetLength] > MonitorFrameFormat.MaxPayloadLength
                ? MonitorFrameFormat.VitalsPayloadLength : frame[MonitorFrameFormat.OffsetLength];
            f.Reseal(frame, length);
            return frame;
        }

        /// <summary>A field changed by someone without the key: the CRC is fixed, the tag cannot be.</summary>
        private static byte[] ForgeWithoutKey(byte[] frame, int at, byte value)
        {
            frame[at] = value;
            MonitorFrameEncoder.WriteCrc(frame, 0, MonitorFrameFormat.VitalsPayloadLength);
            return frame;
        }

        private static byte[] ForgeU16(LinkFuzzer f, byte[] frame, int at, int value)
        {
            frame[at] = (byte)(value & 0xFF);
            frame[at + 1] = (byte)(value >> 8);
            f.Reseal(frame, MonitorFrameFormat.VitalsPayloadLength);
            return frame;
        }

        private static byte[] Resize(LinkFuzzer f, byte[] frame, int payloadLength)
        {
            var resized = new byte[MonitorFrameFormat.HeaderLength + payloadLength + MonitorFrameFormat.TagLength + MonitorFrameFormat.CrcLength];
            Array.Copy(frame, resized, Math.Min(frame.Length, MonitorFrameFormat.HeaderLength + payloadLength));
            resized[MonitorFrameFormat.OffsetLength] = (byte)payloadLength;
            f.Reseal(resized, payloadLength);
            return resized;
        }

        /// <summary>The unauthenticated version-1 frame of the old monitor-link.md (valid CRC).</summary>
        private static byte[] LegacyV1() => Convert.FromHexString("A55A01011078563412010000004800610E800050006000" + "2D0003000F0094E61271");
    }
}
