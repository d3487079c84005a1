using System.Collections.Generic;
using Pump.Core.Configuration;
using Pump.Core.Control;
using Pump.Core.Link;
using Pump.Core.Persistence;
using Pump.Core.Tests.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Link
{
    /// <summary>
    /// Replay protection across a pump reset (LNK-018): authentic frames recorded off the wire during a session and
    /// replayed after a power loss or a watchdog reset never renew the lease; the real bridge's later frames and a
    /// restarted bridge are accepted.
    /// </summary>
    public class ReplayAfterResetTests
    {
        private static PumpRig InfusingWithWiretap(out List<byte[]> recorded)
        {
            var rig = new PumpRig(keyFromStore: true) { SentFrames = new List<byte[]>() };
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            rig.Run(60);
            recorded = rig.SentFrames!;
            Assert.True(recorded.Count > 60);
            return rig;
        }

        private static PumpRig Reset(PumpRig before, bool watchdog)
        {
            var after = new PumpRig(before.Store, startUs: 2_000_000, keyFromStore: true);
            after.StartPositionUm = before.Sensors.PositionUm;
            after.Sensors.PositionUm = before.Sensors.PositionUm;
            after.Watchdog.LastResetWasWatchdog = watchdog;
            after.Rtc.UtcSeconds = before.Rtc.UtcSeconds + 60;
            after.Vitals = null; // the real monitor is absent: only the attacker talks
            return after;
        }

        // Proves: LNK-018, SEC-005
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Reset_RecordedAuthenticFramesReplayed_NeverRenewTheLeaseAndTheResumeIsRefused(bool watchdog)
        {
            PumpRig before = InfusingWithWiretap(out List<byte[]> recorded);
            PumpRig after = Reset(before, watchdog);
            after.Run(2);
            Assert.Equal(PumpState.Paused, after.State);

            // Every recorded frame, in order, one a second, then the newest ones again, trying to resume throughout.
            var replay = new List<byte[]>(recorded);
            replay.AddRange(recorded.GetRange(recorded.Count - 20, 20));
            foreach (byte[] frame in replay)
            {
                after.Link.Send(frame, frame.Length);
                after.Run(1);
                after.Press(PanelKey.Start);
                Assert.NotEqual(PumpState.Infusing, after.State);
            }

            MonitorFrameParser parser = after.Controller.Interlock.Parser;
            Assert.Equal(0, parser.AcceptedCount);
            Assert.Equal(replay.Count, parser.CountOf(FrameResult.BelowFloor));
            Assert.False(after.Driver.IsEnabled);
            Assert.Equal(0, after.Steps.Counted);
        }

        // Proves: LNK-018
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Reset_TheRealBridgeCarriesOn_ItsFramesAreAcceptedWithinTheReservationAndResumeWorks(bool watchdog)
        {
            PumpRig before = InfusingWithWiretap(out _);
            PumpRig after = Reset(before, watchdog);
            after.SenderSequence = before.SenderSequence + 3; // frames sent while the pump was down
            after.Vitals = PumpRig.Typical();
            MonitorFrameParser parser = after.Controller.Interlock.Parser;
            Assert.True(after.RunUntil(() => parser.AcceptedCount > 0, ReplayFloor.ReservationFrames + 2));
            Assert.InRange(parser.CountOf(FrameResult.BelowFloor), 0, ReplayFloor.ReservationFrames);
            Assert.False(parser.BadFrameRateAlarm(after.Clock.NowUs / 1000)); // resynchronising is not a link fault
            Assert.Equal(PumpState.Paused, after.State);                      // and never resumes by itself
            after.Run(2);
            after.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, after.State);
        }

        // Proves: LNK-018, LNK-014
        [Fact]
        public void Reset_ThenABridgeRestart_TheNewBootIsAcceptedAtOnce()
        {
            PumpRig before = InfusingWithWiretap(out _);
            PumpRig after = Reset(before, watchdog: false);
            after.SenderBoot = before.SenderBoot;
            after.RestartSender();
            after.Vitals = PumpRig.Typical();
            after.Run(1.5);
            MonitorFrameParser parser = after.Controller.Interlock.Parser;
            Assert.True(parser.AcceptedCount >= 1);
            Assert.Equal(0, parser.CountOf(FrameResult.BelowFloor));
            Assert.Equal(before.SenderBoot + 1, parser.Boot);
        }

        // Proves: LNK-018
        [Fact]
        public void Floor_AStreamOf160Frames_WritesTheStoreOncePer16Frames()
        {
            var store = new FakeStore();
            LinkKeyStore keys = LinkTestKit.Keys();
            Assert.True(keys.Floor.Attach(store, keys.MonitorId, keys.KeyCheck));
            var parser = new MonitorFrameParser(keys, 5, 60000);
            var link = new FakeMonitorLink();
            for (uint seq = 1; seq <= 160; seq++)
            {
                link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(seq)));
                Assert.Equal(FrameResult.Accepted, parser.Poll(link, seq * 1000));
            }

            Assert.Equal(160 / ReplayFloor.ReservationFrames, keys.Floor.Writes);
            Assert.Equal(1u, keys.Floor.ReservedBoot);
            Assert.Equal(160u, keys.Floor.ReservedSequence); // the 10th write, at frame 145, covers 145..160
        }

        // Proves: LNK-018
        [Fact]
        public void Floor_ReservationCannotBeWritten_TheFrameIsRefusedAndNothingMoves()
        {
            var store = new FakeStore();
            LinkKeyStore keys = LinkTestKit.Keys();
            Assert.True(keys.Floor.Attach(store, keys.MonitorId, keys.KeyCheck));
            var parser = new MonitorFrameParser(keys, 5, 60000);
            var link = new FakeMonitorLink();
            store.FailFrom = StoreLayout.ReplayFloorAddress;
            store.FailTo = StoreLayout.ReplayFloorAddress + 2 * StoreLayout.ReplayFloorSlotBytes;
            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(1)));
            Assert.Equal(FrameResult.ReplayGuardFault, parser.Poll(link, 1000));
            Assert.False(parser.HasAccepted);
            Assert.Equal("REPLAY GUARD FAULT", LinkMessages.ForResult(FrameResult.ReplayGuardFault));
        }

        // Proves: LNK-018
        [Fact]
        public void Floor_DamagedInBothSlots_RefusesEveryFrameUntilTheKeyIsSetAgain()
        {
            var rig = new PumpRig(keyFromStore: true);
            rig.Run(3);
            Assert.True(rig.Controller.Interlock.Parser.AcceptedCount > 0);
            rig.Store.Bytes[StoreLayout.ReplayFloorAddress + 20] ^= 0xFF;
            rig.Store.Bytes[StoreLayout.ReplayFloorAddress + StoreLayout.ReplayFloorSlotBytes + 20] ^= 0xFF;
            var after = new PumpRig(rig.Store, startUs: 2_000_000, keyFromStore: true);
            Assert.Equal(LinkKeyProblem.ReplayFloorDamaged, after.Settings.LinkKeyProblem);
            after.Run(5);
            Assert.Equal(0, after.Controller.Interlock.Parser.AcceptedCount);
            Assert.True(after.Controller.Interlock.Parser.CountOf(FrameResult.ReplayGuardFault) >= 4);
            after.ProgramKetamine();
            after.Press(PanelKey.Start);
            Assert.NotEqual(PumpState.Infusing, after.State);
            Assert.Equal("REPLAY GUARD DAMAGED", after.Controller.LastRejection);

            // Setting the key again writes a fresh floor: frames are accepted again.
            new LinkKeyRecord(rig.Store).TryWrite(rig.Store, PumpRig.MonitorId, TestLinkKey.Key, 0, TestLinkKey.Key.Length, after.Settings.MonitorLink.KeyCheck);
            var repaired = new PumpRig(rig.Store, startUs: 3_000_000, keyFromStore: true);
            Assert.Equal(LinkKeyProblem.None, repaired.Settings.LinkKeyProblem);
            repaired.Run(3);
            Assert.True(repaired.Controller.Interlock.Parser.AcceptedCount > 0);
        }

        // Proves: LNK-018
        [Fact]
        public void Floor_WrittenForAnEarlierKey_CountsAsNoFloor()
        {
            var store = new FakeStore();
            LinkKeyStore keys = LinkTestKit.Keys();
            Assert.True(ReplayFloor.TryWriteFresh(store, keys.MonitorId, keys.KeyCheck ^ 1));
            Assert.True(keys.Floor.Attach(store, keys.MonitorId, keys.KeyCheck));
            Assert.False(keys.Floor.HasFloor);
            Assert.Equal(FrameResult.None, keys.Floor.Check(1, 1));
        }
    }
}
