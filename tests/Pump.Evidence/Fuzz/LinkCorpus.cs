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
            list.Add(("wrong-version", Forge(f.ValidFrames(1), MonitorFrameFormat.OffsetVersion, 2), 0));
            list.Add(("wrong-type-command", Forge(f.ValidFrames(1), MonitorFrameFormat.OffsetType, 0x02), 0));
            list.Add(("unpaired-monitor", Forge(f.ValidFrames(1), MonitorFrameFormat.OffsetMonitorId, 0x77), 0));
            byte[] first = f.ValidFrames(1);
            list.Add(("replay", Join(first, first), 1));
            list.Add(("implausible-sbp-400", ForgeU16(f.ValidFrames(1), MonitorFrameFormat.OffsetPayload + MonitorFrameFormat.PSystolic, 400, setNibp: true), 0));
            list.Add(("reserved-status-bit", Forge(f.ValidFrames(1), MonitorFrameFormat.OffsetPayload + MonitorFrameFormat.PStatus, 0x80), 0));
            list.Add(("length-over-max", Forge(f.ValidFrames(1), MonitorFrameFormat.OffsetLength, 0xFF), 0));
            list.Add(("length-max-payload", Resize(f.ValidFrames(1), MonitorFrameFormat.MaxPayloadLength), 0));
            list.Add(("length-zero", Resize(f.ValidFrames(1), 0), 0));
            list.Add(("false-sync-inside-frame", Join(new[] { MonitorFrameFormat.Sync0, MonitorFrameFormat.Sync1, (byte)1, (byte)1 }, f.ValidFrames(2)), 2));
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

        private static byte[] Forge(byte[] frame, int at, byte value)
        {
            frame[at] = value;
            MonitorFrameEncoder.WriteCrc(frame, 0, frame[MonitorFrameFormat.OffsetLength] > MonitorFrameFormat.MaxPayloadLength
                ? MonitorFrameFormat.VitalsPayloadLength : frame[MonitorFrameFormat.OffsetLength]);
            return frame;
        }

        private static byte[] ForgeU16(byte[] frame, int at, int value, bool setNibp)
        {
            frame[at] = (byte)(value & 0xFF);
            frame[at + 1] = (byte)(value >> 8);
            if (setNibp)
            {
                frame[MonitorFrameFormat.OffsetPayload + MonitorFrameFormat.PAvailable] |= (byte)VitalSigns.AvailNibp;
            }
            MonitorFrameEncoder.WriteCrc(frame, 0, MonitorFrameFormat.VitalsPayloadLength);
            return frame;
        }

        private static byte[] Resize(byte[] frame, int payloadLength)
        {
            var resized = new byte[MonitorFrameFormat.HeaderLength + payloadLength + MonitorFrameFormat.CrcLength];
            Array.Copy(frame, resized, Math.Min(frame.Length, MonitorFrameFormat.HeaderLength + payloadLength));
            resized[MonitorFrameFormat.OffsetLength] = (byte)payloadLength;
            MonitorFrameEncoder.WriteCrc(resized, 0, payloadLength);
            return resized;
        }
    }
}
