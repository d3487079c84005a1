using System;
using Pump.Core.Link;
using Xunit;

namespace Pump.Core.Tests.Link
{
    public sealed class MonitorFrameParserTests
    {
        // Proves: LNK-001
        [Fact]
        public void EncodeThenParse_EveryField_RoundTripsExactly()
        {
            var sent = new VitalSigns
            {
                MonitorId = LinkTestKit.PairedId,
                Boot = 0x01020304,
                Sequence = 0xFEDCBA98,
                SourceId = 0xFFEEDDCCBBAA9988UL,
                HeartRateAgeMs = 1500,
                Spo2AgeMs = 2500,
                RespiratoryRateAgeMs = 86_400_000,
                HeartRateBpm = 300,
                Spo2Percent = 30,
                RespiratoryRatePerMin = 150,
                SystolicMmHg = 300,
                DiastolicMmHg = 250,
                MeanMmHg = 251,
                NibpAgeS = 65535,
                NibpReadingNumber = 65535,
                AvailableFlags = VitalSigns.AvailKnownMask,
                StatusFlags = 0,
            };
            sent.SetBedLabel("~ BED 16 CHARS ~");
            var link = new FakeMonitorLink();
            link.Enqueue(LinkTestKit.Encode(sent));
            var parser = LinkTestKit.NewParser();

            Assert.Equal(FrameResult.Accepted, parser.Poll(link, 1234));
            VitalSigns got = parser.LastAccepted;
            Assert.Equal(sent.MonitorId, got.MonitorId);
            Assert.Equal(sent.Sequence, got.Sequence);
            Assert.Equal(sent.Boot, got.Boot);
            Assert.Equal(sent.SourceId, got.SourceId);
            Assert.Equal("~ BED 16 CHARS ~", got.BedLabelText());
            Assert.Equal(1500, got.HeartRateAgeMs);
            Assert.Equal(2500, got.Spo2AgeMs);
            Assert.Equal(86_400_000, got.RespiratoryRateAgeMs);
            Assert.Equal(300, got.HeartRateBpm);
            Assert.Equal(30, got.Spo2Percent);
            Assert.Equal(150, got.RespiratoryRatePerMin);
            Assert.Equal(300, got.SystolicMmHg);
            Assert.Equal(250, got.DiastolicMmHg);
            Assert.Equal(251, got.MeanMmHg);
            Assert.Equal(65535, got.NibpAgeS);
            Assert.Equal(65535, got.NibpReadingNumber);
            Assert.Equal(VitalSigns.AvailKnownMask, got.AvailableFlags);
            Assert.Equal(0, got.StatusFlags);
            Assert.Equal(1234, got.ReceivedAtMs);
            Assert.Equal(1234 - 65535L * 1000, got.NibpMeasuredAtMs);
            Assert.Equal(FrameResult.None, parser.Poll(link, 1234));
        }

        // Proves: LNK-001
        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(64)]
        public void Parse_FramesArrivingInPieces_AllAccepted(int bytesPerRead)
        {
            var link = new FakeMonitorLink { MaxPerRead = bytesPerRead };
            for (uint s = 1; s <= 10; s++)
            {
                link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(s)));
            }

            var parser = LinkTestKit.NewParser();
            var results = LinkTestKit.Drain(parser, link, 0);

            Assert.Equal(10, results.Count);
            Assert.All(results, r => Assert.Equal(FrameResult.Accepted, r));
            Assert.Equal(10u, parser.LastAccepted.Sequence);
            Assert.Equal(0, parser.DiscardedBytes);
        }

        // Proves: LNK-011
        [Fact]
        public void Encode_ValueTooLargeForField_RefusesAndReturnsZero()
        {
            var v = LinkTestKit.Normal(1);
            int room = MonitorFrameFormat.VitalsFrameLength + 7;
            v.Spo2Percent = 65536;
            Assert.Equal(0, MonitorFrameEncoder.EncodeVitals(v, LinkTestKit.Mac, new byte[room], 0));
            v = LinkTestKit.Normal(1);
            v.NibpAgeS = -1;
            Assert.Equal(0, MonitorFrameEncoder.EncodeVitals(v, LinkTestKit.Mac, new byte[room], 0));
            v = LinkTestKit.Normal(1);
            v.HeartRateAgeMs = 0x1_0000_0000L;
            Assert.Equal(0, MonitorFrameEncoder.EncodeVitals(v, LinkTestKit.Mac, new byte[room], 0));
            Assert.Equal(0, MonitorFrameEncoder.EncodeVitals(LinkTestKit.Normal(1), new HmacSha256(), new byte[room], 0));
            Assert.Equal(0, MonitorFrameEncoder.EncodeVitals(LinkTestKit.Normal(1), LinkTestKit.Mac, new byte[room], 8));
            Assert.Equal(MonitorFrameFormat.VitalsFrameLength, MonitorFrameEncoder.EncodeVitals(LinkTestKit.Normal(1), LinkTestKit.Mac, new byte[room], 7));
        }

        // Proves: LNK-003
        [Fact]
        public void Parse_OneBitFlipped_RejectedAsBadCrcAndNotUsed()
        {
            for (int bit = 16; bit < MonitorFrameFormat.VitalsFrameLength * 8; bit++)
            {
                byte[] f = LinkTestKit.Encode(LinkTestKit.Normal(1));
                f[bit / 8] ^= (byte)(1 << (bit % 8));
                var link = new FakeMonitorLink();
                link.Enqueue(f);
                var parser = LinkTestKit.NewParser();

                var results = LinkTestKit.Drain(parser, link, 0);

                Assert.DoesNotContain(FrameResult.Accepted, results);
                Assert.False(parser.HasAccepted);
                if (bit / 8 != 4 && bit / 8 != 2)
                {
                    // A flipped length byte may instead make the frame "longer" than what arrived; a flipped
                    // version byte names a layout this pump does not know (refused before any CRC).
                    Assert.Equal(1, parser.CountOf(FrameResult.BadCrc));
                }
            }
        }

        // Proves: LNK-003
        [Fact]
        public void Parse_TruncatedFrameFollowedByValidFrame_ResynchronisesAndAcceptsTheValidOne()
        {
            byte[] first = LinkTestKit.Encode(LinkTestKit.Normal(1));
            byte[] second = LinkTestKit.Encode(LinkTestKit.Normal(2));
            var link = new FakeMonitorLink();
            link.Enqueue(first, 0, 20); // cut mid-payload
            link.Enqueue(second);
            var parser = LinkTestKit.NewParser();

            var results = LinkTestKit.Drain(parser, link, 0);

            Assert.Contains(FrameResult.BadCrc, results);
            Assert.Equal(FrameResult.Accepted, results[results.Count - 1]);
            Assert.Equal(1, parser.AcceptedCount);
            Assert.Equal(2u, parser.LastAccepted.Sequence);
        }

        // Proves: LNK-004
        [Fact]
        public void Parse_LengthAbove64_RejectedAtOnceAsBadLength()
        {
            var link = new FakeMonitorLink();
            link.Enqueue(new byte[] { 0xA5, 0x5A, 0x01, 0x01, 65 });
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(1)));
            var parser = LinkTestKit.NewParser();

            var results = LinkTestKit.Drain(parser, link, 0);

            Assert.Equal(new[] { FrameResult.BadLength, FrameResult.Accepted }, results);
            Assert.Equal(1, parser.CountOf(FrameResult.BadLength));
        }

        // Proves: LNK-004
        [Fact]
        public void Parse_VitalsWithWrongLength_RejectedAsBadLength()
        {
            byte[] payload = new byte[MonitorFrameFormat.VitalsPayloadLength + 1];
            Array.Copy(LinkTestKit.Payload(LinkTestKit.Encode(LinkTestKit.Normal(1))), payload, MonitorFrameFormat.VitalsPayloadLength);
            var link = new FakeMonitorLink();
            link.Enqueue(LinkTestKit.Raw(2, 1, LinkTestKit.PairedId, 1, payload));
            var parser = LinkTestKit.NewParser();

            Assert.Equal(FrameResult.BadLength, parser.Poll(link, 0));
            Assert.False(parser.HasAccepted);
        }

        // Proves: LNK-005
        [Theory]
        [InlineData(0)]
        [InlineData(3)]
        [InlineData(255)]
        public void Parse_UnknownVersionWithValidCrc_RejectedAndCounted(int version)
        {
            byte[] payload = LinkTestKit.Payload(LinkTestKit.Encode(LinkTestKit.Normal(1)));
            var link = new FakeMonitorLink();
            link.Enqueue(LinkTestKit.Raw((byte)version, 1, LinkTestKit.PairedId, 1, payload));
            var parser = LinkTestKit.NewParser();

            Assert.Equal(FrameResult.UnknownVersion, parser.Poll(link, 0));
            Assert.Equal(1, parser.CountOf(FrameResult.UnknownVersion));
            Assert.False(parser.HasAccepted);
        }

        // Proves: LNK-006
        [Fact]
        public void Parse_FrameFromOtherMonitor_RejectedCountedAndFlagged()
        {
            var v = LinkTestKit.Normal(5);
            v.MonitorId = LinkTestKit.PairedId + 1;
            var link = new FakeMonitorLink();
            link.Enqueue(LinkTestKit.Encode(v));
            var parser = LinkTestKit.NewParser();

            Assert.Equal(FrameResult.Unpaired, parser.Poll(link, 1000));
            Assert.Equal(1, parser.CountOf(FrameResult.Unpaired));
            Assert.True(parser.UnpairedSeenSince(1000));
            Assert.False(parser.UnpairedSeenSince(1001));
            Assert.False(parser.HasAccepted);
        }

        // Proves: LNK-006
        [Fact]
        public void Parse_NotPaired_RejectsEveryFrame()
        {
            var parser = new MonitorFrameParser(new LinkKeyStore(), 5, 60000);
            var v = LinkTestKit.Normal(1);
            v.MonitorId = 0;
            var link = new FakeMonitorLink();
            link.Enqueue(LinkTestKit.Encode(v));
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(2)));

            Assert.Equal(new[] { FrameResult.Unpaired, FrameResult.Unpaired }, LinkTestKit.Drain(parser, link, 0));
        }

        // Proves: LNK-007
        [Fact]
        public void Parse_SameOrOlderSequence_RejectedAsReplay()
        {
            var link = new FakeMonitorLink();
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(10)));
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(10)));
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(9)));
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(11)));
            var parser = LinkTestKit.NewParser();

            var results = LinkTestKit.Drain(parser, link, 0);

            Assert.Equal(new[] { FrameResult.Accepted, FrameResult.Replay, FrameResult.Replay, FrameResult.Accepted }, results);
            Assert.Equal(2, parser.CountOf(FrameResult.Replay));
            Assert.Equal(11u, parser.LastAccepted.Sequence);
        }

        // Proves: LNK-007
        [Fact]
        public void Pair_NewMonitor_ForgetsSequenceHistory()
        {
            var link = new FakeMonitorLink();
            var parser = LinkTestKit.NewParser();
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(10)));
            Assert.Equal(FrameResult.Accepted, parser.Poll(link, 0));

            parser.Keys.Pair(LinkTestKit.PairedId, LinkTestKit.Key, 0, LinkTestKit.Key.Length);
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(1)));

            Assert.Equal(FrameResult.Accepted, parser.Poll(link, 0));
        }

        public static TheoryData<string, Action<VitalSigns>> ImplausibleCases => new TheoryData<string, Action<VitalSigns>>
        {
            { "SBP 400", v => v.SystolicMmHg = 301 },
            { "SBP 39", v => { v.SystolicMmHg = 39; v.DiastolicMmHg = 20; v.MeanMmHg = 30; } },
            { "DBP >= SBP", v => { v.DiastolicMmHg = 128; v.MeanMmHg = 128; } },
            { "MAP above SBP", v => v.MeanMmHg = 129 },
            { "MAP below DBP", v => v.MeanMmHg = 79 },
            { "DBP 14", v => { v.DiastolicMmHg = 14; v.MeanMmHg = 50; } },
            { "HR 14", v => v.HeartRateBpm = 14 },
            { "HR 301", v => v.HeartRateBpm = 301 },
            { "SpO2 101", v => v.Spo2Percent = 101 },
            { "SpO2 29", v => v.Spo2Percent = 29 },
            { "RR 151", v => v.RespiratoryRatePerMin = 151 },
            { "HR age over a day", v => v.HeartRateAgeMs = MonitorFrameFormat.MaxAgeMs + 1 },
            { "NIBP age over a day", v => v.NibpAgeMs = MonitorFrameFormat.MaxAgeMs + 1 },
            { "source id 0", v => v.SourceId = 0 },
            { "empty bed label", v => v.SetBedLabel("") },
            { "bed label with a control character", v => v.SetBedLabel("BED\n12") },
        };

        // Proves: LNK-008
        [Theory]
        [MemberData(nameof(ImplausibleCases))]
        public void Parse_ImplausibleValues_RejectedAndNotUsed(string name, Action<VitalSigns> spoil)
        {
            var v = LinkTestKit.Normal(1);
            spoil(v);
            Assert.False(MonitorFrameFormat.IsPlausible(v), name);

            var link = new FakeMonitorLink();
            link.Enqueue(LinkTestKit.Encode(v));
            var parser = LinkTestKit.NewParser();

            Assert.Equal(FrameResult.Implausible, parser.Poll(link, 0));
            Assert.Equal(1, parser.CountOf(FrameResult.Implausible));
            Assert.False(parser.HasAccepted);
        }

        // Proves: LNK-008
        [Fact]
        public void Parse_Sbp400_RejectedAsImplausible()
        {
            var v = LinkTestKit.Normal(1);
            v.SystolicMmHg = 400;
            var link = new FakeMonitorLink();
            link.Enqueue(LinkTestKit.Encode(v));
            var parser = LinkTestKit.NewParser();

            Assert.Equal(FrameResult.Implausible, parser.Poll(link, 0));
        }

        // Proves: LNK-008
        [Fact]
        public void Parse_PlausibleExtremesAndUnavailableFields_Accepted()
        {
            var v = LinkTestKit.Normal(1);
            v.HeartRateBpm = 15;
            v.RespiratoryRatePerMin = 0;
            v.SystolicMmHg = 40;
            v.DiastolicMmHg = 15;
            v.MeanMmHg = 15;
            var w = LinkTestKit.Normal(2);
            w.AvailableFlags = 0;
            w.HeartRateBpm = w.Spo2Percent = w.RespiratoryRatePerMin = 0;
            w.SystolicMmHg = w.DiastolicMmHg = w.MeanMmHg = w.NibpAgeS = 0;
            var link = new FakeMonitorLink();
            link.Enqueue(LinkTestKit.Encode(v));
            link.Enqueue(LinkTestKit.Encode(w));
            var parser = LinkTestKit.NewParser();

            Assert.Equal(new[] { FrameResult.Accepted, FrameResult.Accepted }, LinkTestKit.Drain(parser, link, 0));
        }

        // Proves: LNK-010
        [Fact]
        public void BadFrameRateAlarm_FifthRejectionWithinWindow_RaisesAndClearsAfterWindow()
        {
            var parser = new MonitorFrameParser(LinkTestKit.Keys(), 5, 60000);
            var link = new FakeMonitorLink();
            for (int i = 0; i < 4; i++)
            {
                link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(0))); // first accepted, then replays
            }

            LinkTestKit.Drain(parser, link, 0);
            Assert.Equal(3, parser.RejectedCount);
            Assert.False(parser.BadFrameRateAlarm(0));

            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(0)));
            LinkTestKit.Drain(parser, link, 10000);
            Assert.False(parser.BadFrameRateAlarm(10000)); // 4 rejections
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(0)));
            LinkTestKit.Drain(parser, link, 59999);

            Assert.True(parser.BadFrameRateAlarm(59999)); // 5 within (−1, 59999]
            Assert.False(parser.BadFrameRateAlarm(60000)); // the three at t=0 have left the window
        }

        // Proves: LNK-009
        [Fact]
        public void Parse_PureGarbage_DiscardsBytesWithoutFramesOrAlarm()
        {
            var link = new FakeMonitorLink();
            var garbage = new byte[1000];
            for (int i = 0; i < garbage.Length; i++)
            {
                garbage[i] = (byte)(i * 7 % 0xA5); // never 0xA5
            }

            link.Enqueue(garbage);
            var parser = LinkTestKit.NewParser();

            Assert.Empty(LinkTestKit.Drain(parser, link, 0));
            Assert.Equal(1000, parser.DiscardedBytes);
            Assert.Equal(0, parser.RejectedCount);
        }
    }
}
