using System;
using System.Collections.Generic;
using CsCheck;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Xunit;

namespace Pump.Core.Tests.Link
{
    /// <summary>
    /// Random mixes of the paired sender's frames (some after a restart with the next boot), replays of any earlier
    /// frame, and forgeries (random key, any boot and sequence, valid CRC) against a running session. Oracle: the
    /// lease's expiry moves only when a frame the real sender sent for the first time arrives, and to exactly that
    /// frame's time plus the lease length; the real sender is never locked out.
    /// </summary>
    public sealed class MonitorLinkLeasePropertyTests
    {
        private enum Act
        {
            Genuine,
            Restart,
            Replay,
            Forged,
        }

        // Proves: SEC-005, LNK-014, LNK-007
        [Fact]
        public void RandomGenuineReplayedAndForgedFrames_OnlyFirstSightOfGenuineFramesRenewsTheLease()
        {
            Gen<(Act Act, uint Boot, uint Seq, byte[] Key)[]> steps = Gen.Select(
                Gen.Int[0, 9].Select(n => n < 5 ? Act.Genuine : n < 6 ? Act.Restart : n < 8 ? Act.Replay : Act.Forged),
                Gen.UInt, Gen.UInt, Gen.Byte.Array[32]).Array[20, 80];

            steps.Sample(sequence =>
            {
                InterlockProfile profile = InterlockProfile.KetaminePsych40();
                var interlock = new VitalSignInterlock(profile, LinkTestKit.Keys());
                var link = new FakeMonitorLink();
                var sent = new List<byte[]>();
                uint boot = 1, seq = 1;
                byte[] first = LinkTestKit.Encode(LinkTestKit.Normal(seq, boot));
                sent.Add(first);
                link.Enqueue(first);
                interlock.Tick(link, 0);
                Assert.Equal(StartCheck.Ok, interlock.TryStartSession(0));
                long expected = interlock.Lease.ExpiresAtMs;
                long now = 0;
                foreach (var (act, rBoot, rSeq, key) in sequence)
                {
                    now += 1000;
                    switch (act)
                    {
                        case Act.Restart:
                        case Act.Genuine:
                            if (act == Act.Restart)
                            {
                                boot++;
                                seq = 0;
                            }
                            byte[] f = LinkTestKit.Encode(LinkTestKit.Normal(++seq, boot));
                            sent.Add(f);
                            link.Enqueue(f);
                            expected = now + profile.LeaseMs;
                            break;
                        case Act.Replay:
                            link.Enqueue(sent[(int)(rSeq % (uint)sent.Count)]);
                            break;
                        default:
                            if (key[0] == LinkTestKit.Key[0] && key[1] == LinkTestKit.Key[1])
                            {
                                key[0] ^= 0xFF; // never the real key by chance
                            }
                            link.Enqueue(LinkTestKit.Encode(LinkTestKit.Normal(rSeq, rBoot), LinkTestKit.NewMac(key)));
                            break;
                    }

                    interlock.Tick(link, now);
                    Assert.Equal(expected, interlock.Lease.ExpiresAtMs);
                }

                Assert.Equal(boot, interlock.Parser.Boot);
                Assert.Equal(seq, interlock.Parser.LastAccepted.Sequence);
            }, iter: 300);
        }
    }
}
