using System;
using System.Collections.Generic;
using System.Linq;
using Pump.Bridge.IntelliVue;
using Pump.Bridge.Model;
using Pump.Sim.Monitor;
using Xunit;

namespace Pump.Simulator.Tests.Bridge
{
    /// <summary>
    /// The IntelliVue Data Export client (association, MDS create, extended numeric polls, loss) against the
    /// simulator's emulator, which encodes the messages independently. No example bytes from the programming guide
    /// were available (its body was not readable): that gap is recorded in monitor-bridge.md.
    /// </summary>
    public class IntelliVueTests
    {
        private sealed class Events : ISourceEvents
        {
            public List<SourceReport> Reports { get; } = new();
            public List<string> Lost { get; } = new();
            public List<string> Log { get; } = new();
            void ISourceEvents.Report(SourceReport report) => Reports.Add(report);
            void ISourceEvents.Lost(string why) => Lost.Add(why);
            void ISourceEvents.Log(string category, string message) => Log.Add(category + ": " + message);
        }

        private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

        private static VitalSignsReading Reading(long nowMs, bool probeOff = false) => new()
        {
            TimeMs = nowMs, HrBpm = 72, Spo2Pct = 97, RrPerMin = 14, ProbeOff = probeOff,
            NibpAvailable = true, SbpMmHg = 128, DbpMmHg = 80, NibpAgeMs = 45_000,
        };

        /// <summary>Exchanges datagrams between the session and the emulator until both are quiet.</summary>
        private static void Exchange(IntelliVueSession s, IntelliVueMonitorEmulator m, long nowMs)
        {
            for (int round = 0; round < 8; round++)
            {
                List<byte[]> out1 = s.Tick(nowMs);
                if (out1.Count == 0)
                {
                    return;
                }
                var pending = new Queue<byte[]>(out1);
                while (pending.Count > 0)
                {
                    foreach (byte[] reply in m.OnDatagram(pending.Dequeue(), nowMs))
                    {
                        foreach (byte[] back in s.OnDatagram(reply, nowMs, T0.AddMilliseconds(nowMs)))
                        {
                            pending.Enqueue(back);
                        }
                    }
                }
            }
        }

        // Proves: BRG-009
        [Fact]
        public void Session_AssociatesAnswersMdsCreateAndPolls_NibpTakesItsCuffTime()
        {
            var events = new Events();
            var s = new IntelliVueSession(events, 0xABCDEF, "BED 4");
            var m = new IntelliVueMonitorEmulator();
            m.Update(Reading(1000));

            Exchange(s, m, 1000);

            Assert.Equal(IntelliVueSession.Phase.Polling, s.State);
            SourceReport r = Assert.Single(events.Reports);
            Assert.Equal("BED 4", r.BedLabel);
            Assert.Equal(72, r.Measurements.Single(x => x.Kind == VitalKind.HeartRate).Value);
            Measurement nibp = r.Measurements.Single(x => x.Kind == VitalKind.Nibp);
            Assert.Equal((128, 80, 96), (nibp.Value, nibp.Diastolic, nibp.Mean));
            Assert.Equal(T0.AddMilliseconds(1000 - 45_000), nibp.MeasuredAt);
            Assert.Contains(events.Log, l => l.Contains("accepted by the monitor"));
        }

        // Proves: BRG-009
        [Fact]
        public void Session_ProbeOffFlaggedInvalid_Spo2NotValid()
        {
            var events = new Events();
            var s = new IntelliVueSession(events, 1, "BED 4");
            var m = new IntelliVueMonitorEmulator();
            m.Update(Reading(1000, probeOff: true));

            Exchange(s, m, 1000);

            Assert.NotEqual(ValueStatusCode.Valid, events.Reports.Single().Measurements.Single(x => x.Kind == VitalKind.Spo2).Status);
        }

        // Proves: BRG-005
        [Fact]
        public void Session_AssociationRequestUnanswered_AsksAgainAfterRetryMs()
        {
            var s = new IntelliVueSession(new Events(), 1, "BED 4");
            Assert.Single(s.Tick(0));                       // the first request (the monitor is not listening yet)
            Assert.Empty(s.Tick(s.RetryMs - 1));
            Assert.Single(s.Tick(s.RetryMs));               // asked again, not after the 5 s data timeout
            Assert.Equal(IntelliVueSession.Phase.Associating, s.State);
        }

        // Proves: BRG-005, BRG-009
        [Fact]
        public void Session_MonitorSilentForTheReceiveTimeout_AssociationLostAndReestablished()
        {
            var events = new Events();
            var s = new IntelliVueSession(events, 1, "BED 4");
            var m = new IntelliVueMonitorEmulator();
            m.Update(Reading(0));
            Exchange(s, m, 0);
            m.Silent = true;
            for (long t = 1000; t <= 6000; t += 1000)
            {
                Exchange(s, m, t);
            }

            Assert.Single(events.Lost, w => w.Contains("no message from the monitor"));
            m.Silent = false;
            for (long t = 7000; t <= 10_000; t += 1000)
            {
                Exchange(s, m, t);
            }
            Assert.Equal(IntelliVueSession.Phase.Polling, s.State);
        }

        // Proves: BRG-005
        [Fact]
        public void Session_MonitorAborts_LostAtOnce()
        {
            var events = new Events();
            var s = new IntelliVueSession(events, 1, "BED 4");
            var m = new IntelliVueMonitorEmulator();
            m.Update(Reading(0));
            Exchange(s, m, 0);

            s.OnDatagram(m.Abort(), 100, T0);

            Assert.Single(events.Lost, w => w.Contains("aborted"));
            Assert.Equal(IntelliVueSession.Phase.Idle, s.State);
        }

        // Proves: BRG-009, BRG-004
        [Fact]
        public void SameCuffReadingPolledWithDifferentTransitDelays_KeepsOneReadingNumber()
        {
            var events = new Events();
            var s = new IntelliVueSession(events, 1, "BED 4");
            var m = new IntelliVueMonitorEmulator();
            m.Update(Reading(10_000));
            Exchange(s, m, 10_000);
            var readingNumbers = new HashSet<int>();
            var forwarder = new Pump.Bridge.Forwarding.BridgeForwarder(new Pump.Bridge.Forwarding.BridgePolicy(), 7, 1,
                MonitorPairing.Simulated(7).NewMac(), new Pump.Bridge.Forwarding.BridgeLog());
            var frame = new byte[Pump.Core.Link.MonitorFrameFormat.MaxFrameLength];
            for (int poll = 0; poll < 40; poll++)
            {
                // The cuff reading stays the same (taken at monitor time 9 990 - 45 000 ms, 10 ms before a whole
                // second); the reply reaches the bridge 0-37 ms after the monitor stamped it, as on a real network,
                // so a number taken from the bridge's arrival-based time would change with the jitter.
                long monitorMs = 11_000 + (poll * 1000);
                VitalSignsReading r = Reading(monitorMs) with { NibpAgeMs = monitorMs - (9_990 - 45_000) };
                m.Update(in r);
                byte[] reply = m.OnDatagram(DataExport.ExtendedPollRequest(poll + 2, poll + 2), monitorMs).Single();
                DateTimeOffset arrival = T0.AddMilliseconds(monitorMs + ((poll * 37) % 38));
                s.OnDatagram(reply, monitorMs, arrival);
                forwarder.OnReport(events.Reports.Last(), monitorMs, arrival);
                Assert.True(forwarder.BuildFrame(monitorMs, arrival, frame) > 0);
                readingNumbers.Add(forwarder.LastSent.NibpReadingNumber);
            }

            Assert.Single(readingNumbers);
        }

        // Proves: BRG-009
        [Fact]
        public void Session_LinkedResultParts_ReportedOnceWholeWhenThePlainResultCloses()
        {
            var events = new Events();
            var s = new IntelliVueSession(events, 1, "BED 4");
            var m = new IntelliVueMonitorEmulator();
            m.Update(Reading(0));
            Exchange(s, m, 0);
            int before = events.Reports.Count;
            byte[] whole = m.OnDatagram(DataExport.ExtendedPollRequest(9, 9), 1000).Single();

            // The same numerics as one linked part (ROLRS, state 1 "first") followed by an empty plain result.
            byte[] part = new byte[whole.Length + 2];
            Array.Copy(whole, 0, part, 0, 8);
            part[5] = 5;                           // ROLRS
            part[8] = 1;                           // linked state: first
            part[9] = 1;                           // count
            Array.Copy(whole, 8, part, 10, whole.Length - 8);
            s.OnDatagram(part, 1000, T0.AddSeconds(1));
            Assert.Equal(before, events.Reports.Count);

            var emptyMonitor = new IntelliVueMonitorEmulator();
            emptyMonitor.OnDatagram(DataExport.AssociationRequest(8000), 0);
            byte[] closing = emptyMonitor.OnDatagram(DataExport.ExtendedPollRequest(9, 9), 1000).Single();
            s.OnDatagram(closing, 1000, T0.AddSeconds(1));

            SourceReport r = events.Reports.Last();
            Assert.Equal(before + 1, events.Reports.Count);
            Assert.Equal(4, r.Measurements.Count);
        }

        // Proves: BRG-009
        [Theory]
        [InlineData(0x0000_0048u, 72.0)]
        [InlineData(0xFF00_03CDu, 97.3)]      // exponent -1, mantissa 973
        [InlineData(0x00FF_FFFFu, -1.0)]      // mantissa -1
        public void DecodeFloat_ExponentAndSignedMantissa(uint raw, double expected)
        {
            Assert.Equal(expected, DataExport.DecodeFloat(raw)!.Value, 6);
        }

        // Proves: BRG-009
        [Theory]
        [InlineData(0x007F_FFFFu)]
        [InlineData(0x0080_0000u)]
        [InlineData(0x007F_FFFEu)]
        [InlineData(0x0080_0002u)]
        [InlineData(0xFE7F_FFFFu)]            // a special mantissa counts whatever the exponent byte
        public void DecodeFloat_SpecialValues_AreNotNumbers(uint raw)
        {
            Assert.Null(DataExport.DecodeFloat(raw));
        }

        // Proves: BRG-009
        [Fact]
        public void ParsePollResult_TruncatedAnywhere_ReturnsNullNeverThrows()
        {
            var m = new IntelliVueMonitorEmulator();
            m.Update(Reading(0));
            m.OnDatagram(DataExport.AssociationRequest(8000), 0);
            byte[] reply = m.OnDatagram(DataExport.ExtendedPollRequest(1, 1), 0).Single();
            Assert.NotNull(DataExport.ParsePollResult(reply));
            for (int n = 0; n < reply.Length; n++)
            {
                PollResult? r = DataExport.ParsePollResult(reply[..n]);
                Assert.True(r == null || r.Numerics.Count < 6);
            }
        }
    }
}
