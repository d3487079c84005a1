using System;
using Pump.Core.Control;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Pump.Core.Persistence;
using Pump.Core.Tests.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Link
{
    /// <summary>Link v2: the tag, the pairing key store, boot numbers, the pinned source and per-value ages.</summary>
    public sealed class MonitorLinkAuthenticationTests
    {
        private static readonly byte[] OtherKey = Convert.FromHexString("A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F91");

        private static FrameResult Offer(MonitorFrameParser parser, byte[] frame, long nowMs = 0)
        {
            var link = new FakeMonitorLink();
            link.Enqueue(frame);
            return parser.Poll(link, nowMs);
        }

        // Proves: SEC-004, SEC-005
        [Fact]
        public void Parse_FrameSignedWithAnotherKey_RejectedAsBadTagAndStateUnchanged()
        {
            var parser = LinkTestKit.NewParser();
            Assert.Equal(FrameResult.Accepted, Offer(parser, LinkTestKit.Encode(LinkTestKit.Normal(5))));

            var forged = LinkTestKit.Normal(1000);
            forged.HeartRateBpm = 60;
            Assert.Equal(FrameResult.BadTag, Offer(parser, LinkTestKit.Encode(forged, LinkTestKit.NewMac(OtherKey))));

            Assert.Equal(1, parser.CountOf(FrameResult.BadTag));
            Assert.Equal(5u, parser.LastAccepted.Sequence);
            Assert.Equal(72, parser.LastAccepted.HeartRateBpm);
        }

        // Proves: SEC-004
        [Fact]
        public void Parse_AnyPayloadOrHeaderByteAlteredWithCrcFixed_RejectedAsBadTagOrEarlier()
        {
            byte[] original = LinkTestKit.Encode(LinkTestKit.Normal(1));
            for (int at = MonitorFrameFormat.OffsetMonitorId; at < MonitorFrameFormat.HeaderLength + MonitorFrameFormat.VitalsPayloadLength + MonitorFrameFormat.TagLength; at++)
            {
                var f = (byte[])original.Clone();
                f[at] ^= 0x01;
                LinkTestKit.FixCrc(f);
                FrameResult r = Offer(LinkTestKit.NewParser(), f);
                // Changing the monitor id makes it another sender's frame; everything else fails the tag.
                Assert.Equal(at < MonitorFrameFormat.OffsetBoot ? FrameResult.Unpaired : FrameResult.BadTag, r);
            }
        }

        // Proves: SEC-005, LNK-014
        [Fact]
        public void Parse_OneForgedMaximalSequenceFrame_DoesNotLockOutTheRealSender()
        {
            var parser = LinkTestKit.NewParser();
            Assert.Equal(FrameResult.Accepted, Offer(parser, LinkTestKit.Encode(LinkTestKit.Normal(1))));
            var forged = LinkTestKit.Normal(uint.MaxValue, boot: uint.MaxValue);
            Assert.Equal(FrameResult.BadTag, Offer(parser, LinkTestKit.Encode(forged, LinkTestKit.NewMac(OtherKey))));

            for (uint s = 2; s < 10; s++)
            {
                Assert.Equal(FrameResult.Accepted, Offer(parser, LinkTestKit.Encode(LinkTestKit.Normal(s))));
            }

            Assert.Equal(1u, parser.Boot);
        }

        // Proves: LNK-014, LNK-007
        [Fact]
        public void Parse_NewBootWithLowerSequence_AcceptedAndCounted_OldBootThenRefusedAsReplay()
        {
            var parser = LinkTestKit.NewParser();
            Assert.Equal(FrameResult.Accepted, Offer(parser, LinkTestKit.Encode(LinkTestKit.Normal(500, boot: 7))));
            Assert.Equal(FrameResult.Accepted, Offer(parser, LinkTestKit.Encode(LinkTestKit.Normal(1, boot: 8))));
            Assert.Equal(1, parser.BootChanges);
            Assert.Equal(7u, parser.PreviousBoot);

            Assert.Equal(FrameResult.Replay, Offer(parser, LinkTestKit.Encode(LinkTestKit.Normal(501, boot: 7))));
            Assert.Equal(FrameResult.Replay, Offer(parser, LinkTestKit.Encode(LinkTestKit.Normal(1, boot: 8))));
            Assert.Equal(FrameResult.Accepted, Offer(parser, LinkTestKit.Encode(LinkTestKit.Normal(2, boot: 8))));
            Assert.Equal(1, parser.BootChanges);
        }

        // Proves: SEC-004
        [Theory]
        [InlineData(0u, 32, 0, KeySetResult.NoMonitorId)]
        [InlineData(1u, 15, 0, KeySetResult.KeyTooShort)]
        [InlineData(1u, 65, 0, KeySetResult.KeyTooLong)]
        [InlineData(1u, 32, 1, KeySetResult.KeyNotRandom)]
        [InlineData(1u, 16, 0, KeySetResult.Ok)]
        [InlineData(1u, 64, 0, KeySetResult.Ok)]
        public void KeyStore_Pair_ChecksIdAndKey(uint id, int length, int allSame, KeySetResult expected)
        {
            var key = new byte[length];
            for (int i = 0; i < length; i++)
            {
                key[i] = allSame == 1 ? (byte)0x42 : (byte)(i * 7 + 3);
            }

            var store = new LinkKeyStore();
            Assert.Equal(expected, store.Pair(id, key, 0, length));
            Assert.Equal(expected == KeySetResult.Ok, store.IsPaired);
            Assert.Equal(expected == KeySetResult.Ok ? 1 : 0, store.Generation);
            Assert.Equal(KeySetResult.BadArguments, store.Pair(1, key, 1, length));
        }

        // Proves: SEC-004, LNK-007
        [Fact]
        public void KeyStore_RepairedOrUnpaired_ParserForgetsTheSenderAndRefusesWhileUnpaired()
        {
            var keys = LinkTestKit.Keys();
            var parser = new MonitorFrameParser(keys, 5, 60000);
            Assert.Equal(FrameResult.Accepted, Offer(parser, LinkTestKit.Encode(LinkTestKit.Normal(10))));

            keys.Unpair();
            Assert.False(parser.HasAccepted);
            Assert.Equal(FrameResult.Unpaired, Offer(parser, LinkTestKit.Encode(LinkTestKit.Normal(11))));

            Assert.Equal(KeySetResult.Ok, keys.Pair(LinkTestKit.PairedId, LinkTestKit.Key, 0, LinkTestKit.Key.Length));
            Assert.Equal(FrameResult.Accepted, Offer(parser, LinkTestKit.Encode(LinkTestKit.Normal(1))));
        }

        // Proves: LNK-015
        [Fact]
        public void Interlock_BedLabelChangesMidSession_RefusedAsSourceChangedAndLeaseRevoked()
        {
            var interlock = new VitalSignInterlock(InterlockProfile.KetaminePsych40(), LinkTestKit.Keys());
            var link = new FakeMonitorLink();
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(1)));
            interlock.Tick(link, 1000);
            Assert.Equal(StartCheck.Ok, interlock.TryStartSession(1000));
            Assert.True(interlock.MayInfuse(1500));

            var moved = LinkTestKit.Normal(2);
            moved.SetBedLabel("ICU-3 BED 14");
            link.Enqueue(LinkTestKit.Encode(moved));
            interlock.Tick(link, 2000);

            Assert.Equal(1, interlock.Parser.CountOf(FrameResult.SourceChanged));
            Assert.False(interlock.MayInfuse(2000));
            Assert.Equal(LeaseCause.UnpairedMonitor, interlock.LeaseCauseAt(2000));
            Assert.True(interlock.LinkAlarm(2000));

            // The original source keeps being refused renewal until the hold-off has passed.
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(3)));
            interlock.Tick(link, 3000);
            Assert.False(interlock.MayInfuse(3000));
        }

        // Proves: LNK-012, INT-500
        [Fact]
        public void Lease_RunsFromTheOldestContinuousValue_NotFromArrival()
        {
            var profile = InterlockProfile.KetaminePsych40();
            var interlock = new VitalSignInterlock(profile, LinkTestKit.Keys());
            var link = new FakeMonitorLink();
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(1)));
            interlock.Tick(link, 1000);
            Assert.Equal(StartCheck.Ok, interlock.TryStartSession(1000));

            // A new frame whose heart rate is already older than the lease: it must not extend the lease.
            var stale = LinkTestKit.Normal(2);
            stale.HeartRateAgeMs = profile.LeaseMs;
            link.Enqueue(LinkTestKit.Encode(stale));
            interlock.Tick(link, 2000);
            Assert.False(interlock.MayInfuse(2000));
            Assert.Equal(LeaseCause.LinkLost, interlock.LeaseCauseAt(2000));

            // With an HR 1 s old the lease ends 1 s before arrival + lease length.
            var fresh = LinkTestKit.Normal(3);
            fresh.HeartRateAgeMs = 1000;
            link.Enqueue(LinkTestKit.Encode(fresh));
            interlock.Tick(link, 3000);
            Assert.Equal(3000 - 1000 + profile.LeaseMs, interlock.Lease.ExpiresAtMs);
        }

        // Proves: SEC-005
        [Fact]
        public void Interlock_OnlyForgedAndReplayedFramesAfterStart_LeaseLapsesOnTime()
        {
            var profile = InterlockProfile.KetaminePsych40();
            var interlock = new VitalSignInterlock(profile, LinkTestKit.Keys());
            var link = new FakeMonitorLink();
            byte[] first = LinkTestKit.Encode(LinkTestKit.Normal(1));
            link.Enqueue(first);
            interlock.Tick(link, 0);
            Assert.Equal(StartCheck.Ok, interlock.TryStartSession(0));
            long expires = interlock.Lease.ExpiresAtMs;

            var forgerMac = LinkTestKit.NewMac(OtherKey);
            for (long t = 500; t < expires + 5000; t += 500)
            {
                link.Enqueue(first);                                                          // replay
                link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal((uint)t, boot: 9), forgerMac)); // forged new boot
                interlock.Tick(link, t);
                Assert.Equal(t < expires, interlock.MayInfuse(t));
            }

            Assert.Equal(expires, interlock.Lease.ExpiresAtMs);
            Assert.Equal(1, interlock.Parser.AcceptedCount);
        }

        // Proves: LNK-014, INT-500
        [Fact]
        public void Controller_SenderRestartsMidInfusion_KeepsInfusingAndLogsTheNewBoot()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(30);
            long before = rig.Controller.Persistence.Log.NewestSequence;

            rig.RestartSender();
            rig.Run(30);

            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.Equal(1, rig.Controller.Interlock.Parser.BootChanges);
            Assert.True(FindLogged(rig, before, PumpEvent.MonitorSenderRestarted, out EventLogEntry entry));
            Assert.Equal(1, entry.Arg0);
            Assert.Equal(2, entry.Arg1);
        }

        // Proves: LNK-016
        [Fact]
        public void Controller_SenderStuckReplaying_ResumeRefusedNamingTheLink_NotTheVitals()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(30);
            rig.RestartSender();
            rig.SenderBoot = 1; // a misconfigured sender restarts without counting its boot up: all replays
            Assert.True(rig.RunUntil(() => rig.State == PumpState.InterlockHold, 20));

            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.InterlockHold, rig.State);
            Assert.Equal("LINK REPLAY", rig.Controller.LastRejection);

            rig.RestartSender(); // boot 2: authenticated and newer
            rig.Run(5);
            Assert.Equal(2u, rig.Controller.Interlock.Parser.Boot);
            rig.Run(60); // the bad-frame-rate alarm from the replays clears after its 60 s window (LNK-010)
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
        }

        private static bool FindLogged(PumpRig rig, long afterSequence, int code, out EventLogEntry found)
        {
            EventLog log = rig.Controller.Persistence.Log;
            var entry = new EventLogEntry();
            for (long s = afterSequence + 1; s <= log.NewestSequence; s++)
            {
                if (log.TryReadEntry(s, entry) && entry.Code == code)
                {
                    found = entry;
                    return true;
                }
            }

            found = entry;
            return false;
        }
    }
}
