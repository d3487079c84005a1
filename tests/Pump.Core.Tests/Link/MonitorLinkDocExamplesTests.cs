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
            var parser = LinkTestKit.NewParser();
            return (Offer(parser, bytes), parser);
        }

        private static FrameResult Offer(MonitorFrameParser parser, byte[] bytes)
        {
            var link = new FakeMonitorLink();
            link.Enqueue(bytes);
            FrameResult r = parser.Poll(link, 100000);
            Assert.Equal(FrameResult.None, parser.Poll(link, 100000));
            return r;
        }

        // Proves: LNK-002
        [Fact]
        public void DocExamples_AllSixPresent()
        {
            var examples = Examples();
            Assert.Equal(new[] { "forged-tag", "forged-type", "legacy-v1", "normal", "probe-off", "restart" }, new SortedSet<string>(examples.Keys));
        }

        // Proves: LNK-002, LNK-001, LNK-012
        [Fact]
        public void DocExampleNormal_Decodes_AsDocumented()
        {
            byte[] bytes = Examples()["normal"];
            Assert.Equal(99, bytes.Length);
            var (result, parser) = Parse(bytes);

            Assert.Equal(FrameResult.Accepted, result);
            VitalSigns v = parser.LastAccepted;
            Assert.Equal(0x12345678u, v.MonitorId);
            Assert.Equal(1u, v.Boot);
            Assert.Equal(1u, v.Sequence);
            Assert.Equal(0x0012345678ABCDEFUL, v.SourceId);
            Assert.Equal("ICU-3 BED 12", v.BedLabelText());
            Assert.Equal(72, v.HeartRateBpm);
            Assert.Equal(800, v.HeartRateAgeMs);
            Assert.Equal(97, v.Spo2Percent);
            Assert.Equal(800, v.Spo2AgeMs);
            Assert.Equal(14, v.RespiratoryRatePerMin);
            Assert.Equal(2000, v.RespiratoryRateAgeMs);
            Assert.Equal(128, v.SystolicMmHg);
            Assert.Equal(80, v.DiastolicMmHg);
            Assert.Equal(96, v.MeanMmHg);
            Assert.Equal(45000, v.NibpAgeMs);
            Assert.Equal(3, v.NibpReadingNumber);
            Assert.Equal(VitalSigns.AvailKnownMask, v.AvailableFlags);
            Assert.Equal(0, v.StatusFlags);
            Assert.Equal(0xB1D3CB29u, BitConverter.ToUInt32(bytes, 95));

            // The core's encoder produces the same bytes (tag included) from the same values.
            v.ReceivedAtMs = 0;
            var again = new byte[MonitorFrameFormat.VitalsFrameLength];
            MonitorFrameEncoder.EncodeVitals(v, LinkTestKit.Mac, again, 0);
            Assert.Equal(bytes, again);
        }

        // Proves: LNK-002, LNK-012
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
            Assert.Equal(0, v.Spo2Percent);
            Assert.False(v.RespiratoryRateAvailable);
            Assert.True(v.NibpUsable);
            Assert.Equal(46, v.NibpAgeS);
            Assert.Equal(VitalSigns.StatusSpo2ProbeOff, v.StatusFlags);
        }

        // Proves: LNK-002, LNK-014
        [Fact]
        public void DocExampleRestart_AfterNormalAndProbeOff_AcceptedAsNewBoot_ThenNormalIsAReplay()
        {
            var examples = Examples();
            var parser = LinkTestKit.NewParser();
            Assert.Equal(FrameResult.Accepted, Offer(parser, examples["normal"]));
            Assert.Equal(FrameResult.Accepted, Offer(parser, examples["probe-off"]));

            Assert.Equal(FrameResult.Accepted, Offer(parser, examples["restart"]));
            Assert.Equal(2u, parser.Boot);
            Assert.Equal(1, parser.BootChanges);
            Assert.Equal(1u, parser.PreviousBoot);

            Assert.Equal(FrameResult.Replay, Offer(parser, examples["normal"]));
            Assert.Equal(2u, parser.LastAccepted.Boot);
        }

        // Proves: LNK-002, SEC-005
        [Fact]
        public void DocExampleForgedTag_IsRejectedAsBadTag()
        {
            var (result, parser) = Parse(Examples()["forged-tag"]);

            Assert.Equal(FrameResult.BadTag, result);
            Assert.Equal(1, parser.CountOf(FrameResult.BadTag));
            Assert.False(parser.HasAccepted);
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

        // Proves: LNK-002, SEC-005
        [Fact]
        public void DocExampleLegacyV1_IsRejectedWholeAsUnknownVersion()
        {
            var (result, parser) = Parse(Examples()["legacy-v1"]);

            Assert.Equal(FrameResult.UnknownVersion, result);
            Assert.Equal(1, parser.RejectedCount);
            Assert.Equal(0, parser.DiscardedBytes);
            Assert.False(parser.HasAccepted);
        }
    }
}
