using System;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Pump.Core.Tests.Link;
using Xunit;

namespace Pump.Core.Tests.Interlock
{
    /// <summary>The interlock as the controller uses it: link bytes in, MayInfuse out, one Tick per 50 ms.</summary>
    [Collection(AllocationCollection.Name)]
    public sealed class VitalSignInterlockTests
    {
        private const int TickMs = 50;

        private sealed class Rig
        {
            public readonly FakeMonitorLink Link = new FakeMonitorLink();
            public readonly VitalSignInterlock Interlock = new VitalSignInterlock(InterlockProfile.KetaminePsych40(), LinkTestKit.Keys());
            public readonly VitalSigns Vitals = LinkTestKit.Normal(0);
            public readonly byte[] Buffer = new byte[MonitorFrameFormat.VitalsFrameLength];
            public long NowMs;

            public Rig()
            {
                Vitals.NibpAgeS = 30;
            }

            /// <summary>Monitor sends one frame now (the NIBP reading keeps its number; its age is advanced by the caller).</summary>
            public void Send()
            {
                Vitals.Sequence++;
                MonitorFrameEncoder.EncodeVitals(Vitals, LinkTestKit.Mac, Buffer, 0);
                Link.Enqueue(Buffer);
            }

            public void Tick() => Interlock.Tick(Link, NowMs);

            /// <summary>Runs ticks until <paramref name="untilMs"/>, the monitor sending once per second when <paramref name="sending"/>.</summary>
            public void Run(long untilMs, bool sending = true)
            {
                while (NowMs < untilMs)
                {
                    NowMs += TickMs;
                    if (sending && NowMs % 1000 == 0)
                    {
                        Send();
                    }

                    Tick();
                }
            }

            public void Started()
            {
                Send();
                Tick();
                Assert.Equal(StartCheck.Ok, Interlock.TryStartSession(NowMs));
            }
        }

        // Proves: INT-001
        [Fact]
        public void MayInfuse_BeforeStart_False_AfterStart_True()
        {
            var rig = new Rig();
            rig.Run(5000);
            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));
            Assert.Equal(StartCheck.Ok, rig.Interlock.TryStartSession(rig.NowMs));
            Assert.True(rig.Interlock.MayInfuse(rig.NowMs));
            rig.Run(60000);
            Assert.True(rig.Interlock.MayInfuse(rig.NowMs));
            Assert.Equal(InterlockLevel.None, rig.Interlock.Level);
        }

        // Proves: INT-001, INT-007
        [Fact]
        public void TryStartSession_NoFrames_Blocked()
        {
            var rig = new Rig();
            rig.Run(5000, sending: false);
            Assert.Equal(StartCheck.NoMonitorData, rig.Interlock.TryStartSession(rig.NowMs));
            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));
        }

        // Proves: INT-003
        [Fact]
        public void LinkSilent_LeaseRunsOutExactlyLeaseMsAfterTheLastFrame()
        {
            var rig = new Rig();
            rig.Started();
            rig.Run(10000);
            long lastFrameMs = 10000;
            rig.Run(10000 + 4950, sending: false);
            Assert.True(rig.Interlock.MayInfuse(lastFrameMs + 4999));
            Assert.False(rig.Interlock.MayInfuse(lastFrameMs + 5000));
            rig.Run(lastFrameMs + 5000, sending: false);
            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));
            Assert.Equal(LeaseCause.LinkLost, rig.Interlock.LeaseCauseAt(rig.NowMs));
        }

        // Proves: INT-003, VIT-006
        [Fact]
        public void ShortLinkLapse_LeaseComesBackWithTheNextFrame_LongLapse_LatchesHold()
        {
            var rig = new Rig();
            rig.Started();
            rig.Run(10000);
            rig.Run(30000, sending: false);
            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));
            rig.Run(31000);
            Assert.True(rig.Interlock.MayInfuse(rig.NowMs)); // 21 s gap: below every hold limit

            rig.Run(100000, sending: false); // 69 s without SpO2
            rig.Run(110000);
            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));
            Assert.Equal("SPO2_HOLD_LOST_60S", rig.Interlock.ActiveRule!.Code);
            // The acknowledgement is part of the resume command: SpO2 is back, so one resume clears the hold.
            Assert.True(rig.Interlock.ResumePermitted(rig.NowMs));
            Assert.True(rig.Interlock.AcknowledgeAndResume(rig.NowMs, out long acknowledged));
            Assert.NotEqual(0, acknowledged);
            Assert.True(rig.Interlock.MayInfuse(rig.NowMs)); // lease re-granted from the fresh latest frame
            Assert.Equal(InterlockLevel.None, rig.Interlock.Level);
        }

        // Proves: VIT-008, INT-006
        [Fact]
        public void AcknowledgeAndResume_LatestFrameStale_RefusedUntilAFreshFrame_ThenMayInfuseAtOnce()
        {
            var rig = new Rig();
            rig.Started();
            rig.Run(10000);
            rig.Run(80000, sending: false); // SpO2 lost > 60 s: hold
            Assert.Equal(InterlockLevel.Hold, rig.Interlock.Level);
            rig.Run(81000);
            rig.Run(90000, sending: false); // latest frame now 9 s old

            Assert.False(rig.Interlock.ResumePermitted(rig.NowMs));
            Assert.False(rig.Interlock.AcknowledgeAndResume(rig.NowMs, out long refusedAck));
            Assert.Equal(0, refusedAck);
            Assert.Equal(InterlockLevel.Hold, rig.Interlock.Level);
            Assert.Equal("MONITOR DATA LOST", rig.Interlock.ResumeRefusal(rig.NowMs));

            rig.Run(91000); // a fresh frame; the hold is still latched, so it does not grant the lease by itself
            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));
            Assert.True(rig.Interlock.ResumePermitted(rig.NowMs));
            Assert.True(rig.Interlock.AcknowledgeAndResume(rig.NowMs, out _));
            Assert.True(rig.Interlock.MayInfuse(rig.NowMs));
        }

        // Proves: INT-013
        [Fact]
        public void AcknowledgeAndResume_HoldStillOutsideItsLimit_AcknowledgesNothingAndNamesTheRule()
        {
            var rig = new Rig();
            rig.Started();
            rig.Run(10000);
            rig.Vitals.Spo2Percent = 91;    // below the hold limit, above the stop limit
            rig.Run(50000);
            Assert.Equal(InterlockLevel.Hold, rig.Interlock.Level);
            Assert.Equal("SPO2_HOLD_LT92_30S", rig.Interlock.ActiveRule!.Code);
            long latched = rig.Interlock.Verdict.LatchedRules;

            Assert.False(rig.Interlock.AcknowledgeAndResume(rig.NowMs, out long acknowledged));

            Assert.Equal(0, acknowledged);
            Assert.Equal(latched, rig.Interlock.Verdict.LatchedRules);
            Assert.False(rig.Interlock.Verdict.HoldsClearable);
            Assert.Equal(rig.Interlock.ActiveRule!.PanelMessage, rig.Interlock.ResumeRefusal(rig.NowMs));
            // Refused means nothing was acknowledged: a later resume still needs the vitals back.
            Assert.False(rig.Interlock.Evaluator.ResumePermitted(rig.NowMs));
        }

        // Proves: INT-007
        [Fact]
        public void CheckStart_IsPureAndAgreesWithTryStartSession()
        {
            var rig = new Rig();
            rig.Run(5000);
            Assert.Equal(StartCheck.Ok, rig.Interlock.CheckStart(rig.NowMs));
            Assert.False(rig.Interlock.SessionActive);
            Assert.False(rig.Interlock.Baseline.Valid);
            Assert.Equal(StartCheck.Ok, rig.Interlock.TryStartSession(rig.NowMs));
            Assert.True(rig.Interlock.Baseline.Valid);
            Assert.Equal(StartCheck.SessionAlreadyActive, rig.Interlock.CheckStart(rig.NowMs));
        }

        // Proves: INT-010
        [Fact]
        public void FrameCrossingStopLimit_MayInfuseFalseInTheSameTick()
        {
            var rig = new Rig();
            rig.Started();
            rig.Run(20000);
            Assert.True(rig.Interlock.MayInfuse(rig.NowMs));

            rig.NowMs += TickMs;
            rig.Vitals.SystolicMmHg = 205;
            rig.Vitals.MeanMmHg = 120;
            rig.Vitals.NibpReadingNumber = 2;
            rig.Vitals.NibpAgeS = 0;
            rig.Send();
            rig.Tick();

            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));
            Assert.Equal(InterlockLevel.Stop, rig.Interlock.Level);
            Assert.Equal("SBP_STOP_200", rig.Interlock.ActiveRule!.Code);
            Assert.Equal(LeaseCause.OutsideLimits, rig.Interlock.LeaseCauseAt(rig.NowMs));

            rig.Vitals.SystolicMmHg = 128;
            rig.Vitals.MeanMmHg = 96;
            rig.Vitals.NibpReadingNumber = 3;
            rig.Run(60000);
            Assert.False(rig.Interlock.AcknowledgeAndResume(rig.NowMs, out _));
            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));
            Assert.Equal(StartCheck.SessionStopped, rig.Interlock.TryStartSession(rig.NowMs));
        }

        // Proves: VIT-008, INT-007
        [Fact]
        public void TryStartSession_DuringSessionWithLatchedHold_RefusedAndHoldKept()
        {
            var rig = new Rig();
            rig.Started();
            rig.Run(10000);
            rig.Vitals.SystolicMmHg = 170; // rise 42 over the 128 baseline: hold
            rig.Vitals.MeanMmHg = 110;
            rig.Vitals.NibpReadingNumber = 2;
            rig.Run(11000);
            Assert.Equal(InterlockLevel.Hold, rig.Interlock.Level);

            Assert.Equal(StartCheck.SessionAlreadyActive, rig.Interlock.TryStartSession(rig.NowMs));
            Assert.Equal(InterlockLevel.Hold, rig.Interlock.Level);
            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));

            rig.Interlock.EndSession();
            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));
        }

        // Proves: INT-010, INT-005
        [Fact]
        public void ProbeOffFrame_MayInfuseFalseInTheSameTick()
        {
            var rig = new Rig();
            rig.Started();
            rig.Run(20000);
            rig.NowMs += TickMs;
            rig.Vitals.StatusFlags = VitalSigns.StatusSpo2ProbeOff;
            rig.Send();
            rig.Tick();

            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));
            Assert.Equal(LeaseCause.Spo2ProbeOff, rig.Interlock.LeaseCauseAt(rig.NowMs));
        }

        // Proves: SEC-003, LNK-006
        [Fact]
        public void UnpairedFrame_RevokesLeaseRaisesLinkAlarmAndBlocksRenewalFor60s()
        {
            var rig = new Rig();
            rig.Started();
            rig.Run(20000);

            var foreign = LinkTestKit.Normal(1000);
            foreign.MonitorId = 0xCAFEF00D;
            rig.NowMs += TickMs;
            rig.Link.Enqueue(LinkTestKit.Encode(foreign));
            rig.Tick();
            long seenMs = rig.NowMs;

            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));
            Assert.Equal(LeaseCause.UnpairedMonitor, rig.Interlock.LeaseCauseAt(rig.NowMs));
            Assert.True(rig.Interlock.LinkAlarm(rig.NowMs));

            rig.Run(seenMs + 59950);
            Assert.False(rig.Interlock.MayInfuse(rig.NowMs));
            rig.Run(seenMs + 61000);
            Assert.False(rig.Interlock.LinkAlarm(rig.NowMs));
            Assert.True(rig.Interlock.MayInfuse(rig.NowMs));
        }

        // Proves: SEC-003
        [Fact]
        public void UnpairedFrameBeforeStart_StartRefusedFor60s()
        {
            var rig = new Rig();
            rig.Run(5000);
            var foreign = LinkTestKit.Normal(1000);
            foreign.MonitorId = 0xCAFEF00D;
            rig.Link.Enqueue(LinkTestKit.Encode(foreign));
            rig.Tick();

            Assert.Equal(StartCheck.LinkFault, rig.Interlock.TryStartSession(rig.NowMs));
            rig.Run(5000 + 59950);
            Assert.Equal(StartCheck.LinkFault, rig.Interlock.TryStartSession(rig.NowMs));
            rig.Run(5000 + 60000);
            Assert.Equal(StartCheck.Ok, rig.Interlock.TryStartSession(rig.NowMs));
            Assert.True(rig.Interlock.MayInfuse(rig.NowMs));
        }

        // Proves: INT-004
        [Fact]
        public void NibpNeverRenewed_LeaseEndsWhenTheReadingIs600sOld()
        {
            var rig = new Rig(); // reading taken 30 s before the first frame
            rig.Started();
            long measuredMs = rig.NowMs - 30000;
            while (rig.NowMs < measuredMs + 599000)
            {
                rig.NowMs += TickMs;
                if (rig.NowMs % 1000 == 0)
                {
                    rig.Vitals.NibpAgeS = (int)((rig.NowMs - measuredMs) / 1000);
                    rig.Send();
                }

                rig.Tick();
                Assert.Equal(rig.NowMs < measuredMs + 600000, rig.Interlock.MayInfuse(rig.NowMs));
            }

            Assert.False(rig.Interlock.MayInfuse(measuredMs + 600000));
        }

        // Proves: INT-011, BLD-004
        [Fact]
        public void Tick_SteadyState_AllocatesNothing()
        {
            var rig = new Rig();
            rig.Started();
            rig.Run(20000);
            long before = GC.GetAllocatedBytesForCurrentThread();
            long nowMs = rig.NowMs;
            for (int i = 0; i < 2000; i++)
            {
                nowMs += TickMs;
                rig.NowMs = nowMs;
                if (nowMs % 1000 == 0)
                {
                    rig.Vitals.Sequence++;
                    MonitorFrameEncoder.EncodeVitals(rig.Vitals, LinkTestKit.Mac, rig.Buffer, 0);
                    rig.Link.Enqueue(rig.Buffer, 0, rig.Buffer.Length);
                }

                rig.Interlock.Tick(rig.Link, nowMs);
                rig.Interlock.MayInfuse(nowMs);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(rig.Interlock.MayInfuse(nowMs));
            Assert.Equal(0, allocated);
        }
    }
}
