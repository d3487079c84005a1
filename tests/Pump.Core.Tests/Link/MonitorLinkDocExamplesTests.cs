using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Pump.Core.Link;
using Xunit;

namespace Pump.Core.Tests.Link
{
    /// <summary>
    /// The worked examples in hardware-docs/monitor-link.md are read from the file and decoded, so the
    /// document and the code cannot drift apart.
    /// </summary>
    public sealed class MonitorLinkDocExamplesTests
    {
        private static Dictionary<string, byte[]> Examples()
        {
            string text = File.ReadAllText(TestPaths.InRepository("hardware-docs/monitor-link.md"));
            var found = new Dictionary<string, byte[]>();
            var pattern = new Regex(@"<!-- frame-example: (?<name>[a-z0-9-]+) -->\s*```text\s*(?<hex>[0-9A-Fa-f ]+?)\s*```");
            foreach (Match m in pattern.Matches(text))
            {
                string[] parts = m.Groups["hex"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var bytes = new byte[parts.Length];
                for (int i = 0; i < parts.Length; i++)
                {
                    bytes[i] = Convert.ToByte(parts[i], 16);
                }

                found.Add(m.Groups["name"].Value, bytes);
            }

            return found;
        }

        private static (FrameResult Result, MonitorFrameParser Parser) Parse(byte[] bytes)
        {
            var link = new FakeMonitorLink();
            link.Enqueue(bytes);
            var parser = LinkTestKit.NewParser();
            FrameResult r = parser.Poll(link, 100000);
            Assert.Equal(FrameResult.None, parser.Poll(link, 100000));
            return (r, parser);
        }

        // Proves: LNK-002
        [Fact]
        public void DocExamples_AllThreePresent()
        {
            var examples = Examples();
            Assert.Equal(new[] { "forged-type", "normal", "probe-off" }, new SortedSet<string>(examples.Keys));
        }

        // Proves: LNK-002, LNK-001
        [Fact]
        public void DocExampleNormal_Decodes_AsDocumented()
        {
            byte[] bytes = Examples()["normal"];
            Assert.Equal(33, bytes.Length);
            var (result, parser) = Parse(bytes);

            Assert.Equal(FrameResult.Accepted, result);
            VitalSigns v = parser.LastAccepted;
            Assert.Equal(0x12345678u, v.MonitorId);
            Assert.Equal(1u, v.Sequence);
            Assert.Equal(72, v.HeartRateBpm);
            Assert.Equal(97, v.Spo2Percent);
            Assert.Equal(14, v.RespiratoryRatePerMin);
            Assert.Equal(128, v.SystolicMmHg);
            Assert.Equal(80, v.DiastolicMmHg);
            Assert.Equal(96, v.MeanMmHg);
            Assert.Equal(45, v.NibpAgeS);
            Assert.Equal(3, v.NibpReadingNumber);
            Assert.Equal(VitalSigns.AvailKnownMask, v.AvailableFlags);
            Assert.Equal(0, v.StatusFlags);
            Assert.Equal(0x7112E694u, BitConverter.ToUInt32(bytes, 29));

            // The encoder produces the same bytes from the same values.
            v.ReceivedAtMs = 0;
            var again = new byte[33];
            MonitorFrameEncoder.EncodeVitals(v, again, 0);
            Assert.Equal(bytes, again);
        }

        // Proves: LNK-002
        [Fact]
        public void DocExampleProbeOff_Decodes_AsDocumented()
        {
            var (result, parser) = Parse(Examples()["probe-off"]);

            Assert.Equal(FrameResult.Accepted, result);
            VitalSigns v = parser.LastAccepted;
            Assert.Equal(2u, v.Sequence);
            Assert.Equal(74, v.HeartRateBpm);
            Assert.True(v.HeartRateAvailable);
            Assert.False(v.Spo2Usable);
            Assert.False(v.RespiratoryRateAvailable);
            Assert.True(v.NibpUsable);
            Assert.Equal(46, v.NibpAgeS);
            Assert.Equal(VitalSigns.StatusSpo2ProbeOff, v.StatusFlags);
        }

        // Proves: LNK-002, SEC-001
        [Fact]
        public void DocExampleForgedType_IsRejectedAsUnknownType()
        {
            var (result, parser) = Parse(Examples()["forged-type"]);

            Assert.Equal(FrameResult.UnknownType, result);
            Assert.Equal(1, parser.CountOf(FrameResult.UnknownType));
            Assert.False(parser.HasAccepted);
        }
    }
}
