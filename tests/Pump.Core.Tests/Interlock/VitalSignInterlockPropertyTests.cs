using System;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Pump.Core.Tests.Link;
using Xunit;

namespace Pump.Core.Tests.Interlock
{
    /// <summary>
    /// Seeded random sessions: a monitor that drifts, drops out, loses its probe, sends foreign or damaged
    /// frames, and a clinician who presses acknowledge/resume at random. The interlock's safety invariants must
    /// hold at every tick.
    /// </summary>
    public sealed class VitalSignInterlockPropertyTests
    {
        private const int TickMs = 50;

        // Proves: INT-001, INT-003, INT-006, VIT-009, SEC-002
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        public void RandomSessions_SafetyInvariantsHoldEveryTick(int seed)
        {
            var rng = new Random(seed);
            var seen = new int[4];
            for (int run = 0; run < 20; run++)
            {
                RunOne(rng, seen);
            }

            // The random sessions must actually reach the interesting states, or the invariants prove nothing.
            Assert.True(seen[0] > 1000, "infusing ticks: " + seen[0]);
            Assert.True(seen[1] > 0, "holds: " + seen[1]);
            Assert.True(seen[2] > 0, "resumes: " + seen[2]);
            Assert.True(seen[3] > 0, "stops: " + seen[3]);
        }

        private static void RunOne(Random rng, int[] seen)
        {
            var profile = InterlockProfile.KetaminePsych40();
            var interlock = new VitalSignInterlock(profile, LinkTestKit.Keys());
            var link = new FakeMonitorLink();
            var v = LinkTestKit.Normal(0);
            var buffer = new byte[MonitorFrameFormat.VitalsFrameLength];
            long now = 0;
            long lastAcceptedMs = long.MinValue;
            long nibpMeasuredMs = -20000;
            bool stoppedSeen = false;
            bool linkDown = false;

            for (int tick = 0; tick < 4000; tick++)
            {
                now += TickMs;

                // The monitor: 1 frame/s unless the link is down; values random-walk; events now and then.
                if (rng.Next(400) == 0)
                {
                    linkDown = !linkDown;
                }

                if (now % 1000 == 0 && !linkDown)
                {
                    v.HeartRateBpm = Clamp(v.HeartRateBpm + rng.Next(-3, 4), 30, 170);
                    v.Spo2Percent = Clamp(v.Spo2Percent + rng.Next(-1, 2), 80, 100);
                    v.RespiratoryRatePerMin = Clamp(v.RespiratoryRatePerMin + rng.Next(-1, 2), 0, 40);
                    v.StatusFlags = rng.Next(30) == 0 ? VitalSigns.StatusSpo2ProbeOff : 0;
                    if (rng.Next(120) == 0)
                    {
                        v.SystolicMmHg = rng.Next(100, 215);
                        v.DiastolicMmHg = rng.Next(60, Math.Min(125, v.SystolicMmHg - 10));
                        v.MeanMmHg = (v.SystolicMmHg + 2 * v.DiastolicMmHg) / 3;
                        v.NibpReadingNumber = (v.NibpReadingNumber + 1) & 0xFFFF;
                        nibpMeasuredMs = now;
                    }

                    v.NibpAgeS = (int)Math.Min(65535, (now - nibpMeasuredMs) / 1000);
                    v.Sequence++;
                    if (rng.Next(50) == 0)
                    {
                        var foreign = LinkTestKit.Normal(v.Sequence);
                        foreign.MonitorId = 0xBADBAD;
                        link.Enqueue(LinkTestKit.Encode(foreign));
                    }

                    MonitorFrameEncoder.EncodeVitals(v, LinkTestKit.Mac, buffer, 0);
                    if (rng.Next(40) == 0)
                    {
                        buffer[rng.Next(buffer.Length)] ^= (byte)(1 << rng.Next(8));
                    }

                    link.Enqueue(buffer);
                }

                int acceptedBefore = interlock.Parser.AcceptedCount;
                interlock.Tick(link, now);
                if (interlock.Parser.AcceptedCount != acceptedBefore)
                {
                    lastAcceptedMs = now;
                }

                // The clinician.
                int action = rng.Next(200);
                if (action == 0)
                {
                    interlock.TryStartSession(now);
                }
                else if (action == 1 || action == 2)
                {
                    bool permitted = interlock.ResumePermitted(now);
                    long latchedBefore = interlock.Verdict.LatchedRules;
                    bool resumed = interlock.AcknowledgeAndResume(now, out long acknowledged);
                    Assert.Equal(permitted, resumed);
                    // One decision: a refused resume acknowledges nothing and keeps every latched rule.
                    Assert.Equal(resumed ? latchedBefore : 0, acknowledged);
                    if (!resumed)
                    {
                        Assert.Equal(latchedBefore, interlock.Verdict.LatchedRules);
                    }
                    if (resumed)
                    {
                        seen[2]++;
                        Assert.True(interlock.MayInfuse(now), "resume granted but infusion not permitted");
                    }
                }
                else if (action == 3 && rng.Next(10) == 0)
                {
                    interlock.EndSession();
                    stoppedSeen = false;
                }

                bool may = interlock.MayInfuse(now);
                if (interlock.Level == InterlockLevel.Hold)
                {
                    seen[1]++;
                }

                if (may)
                {
                    seen[0]++;
                    Assert.True(interlock.SessionActive);
                    Assert.True(interlock.Level < InterlockLevel.Hold);
                    Assert.True(interlock.Lease.IsHeld(now));
                    Assert.True(now - lastAcceptedMs < profile.LeaseMs, "infusing on data older than the lease");
                    VitalSigns latest = interlock.Latest;
                    Assert.True(latest.Spo2Usable && latest.HeartRateAvailable && latest.NibpUsable);
                    Assert.True(now - latest.NibpMeasuredAtMs < profile.NibpMaxAgeForLeaseS * 1000L);
                    Assert.False(stoppedSeen, "infusing after a stop in the same session");
                    Assert.False(interlock.Parser.UnpairedSeenSince(now - profile.UnpairedHoldOffMs + 1));
                }

                if (interlock.SessionActive && interlock.Evaluator.Stopped)
                {
                    seen[3] += stoppedSeen ? 0 : 1;
                    stoppedSeen = true;
                }
            }
        }

        private static int Clamp(int value, int min, int max) => value < min ? min : (value > max ? max : value);
    }
}
