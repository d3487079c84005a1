using System;
using Pump.Bridge.Forwarding;
using Pump.Bridge.Model;
using Pump.Core.Link;
using Pump.Sim.Monitor;
using Xunit;

namespace Pump.Simulator.Tests.Bridge
{
    /// <summary>The bridge's fail-safe rules, checked on the frames the pump's own parser makes of them.</summary>
    public class BridgeForwarderTests
    {
        private const uint Paired = 0x0B1D6E01;
        private static readonly MonitorPairing Pairing = MonitorPairing.Simulated(Paired);
        private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

        private readonly BridgeLog _log = new();
        private readonly byte[] _frame = new byte[MonitorFrameFormat.MaxFrameLength];
        private readonly MonitorFrameParser _pump;

        public BridgeForwarderTests()
        {
            var keys = new LinkKeyStore();
            Pairing.PairPump(keys);
            _pump = new MonitorFrameParser(keys, 5, 60000);
        }

        private BridgeForwarder New(uint boot = 1) => new(new BridgePolicy(), Paired, boot, Pairing.NewMac(), _log);

        private static SourceReport Report(DateTimeOffset at, string bed = "ICU-3 BED 12", string patient = "P1", bool spo2 = true)
        {
            var r = new SourceReport(0x0012345678ABCDEFUL, bed, patient, at);
            r.Measurements.Add(new Measurement(VitalKind.HeartRate, 72, ValueStatusCode.Valid, at));
            if (spo2)
            {
                r.Measurements.Add(new Measurement(VitalKind.Spo2, 97, ValueStatusCode.Valid, at));
            }
            r.Measurements.Add(new Measurement(VitalKind.RespiratoryRate, 14, ValueStatusCode.Valid, at.AddSeconds(-2)));
            r.Measurements.Add(new Measurement(VitalKind.Nibp, 128, ValueStatusCode.Valid, at.AddMinutes(-3)) { Diastolic = 80, Mean = 96 });
            return r;
        }

        private FrameResult Deliver(BridgeForwarder f, long nowMs, DateTimeOffset utc)
        {
            int n = f.BuildFrame(nowMs, utc, _frame);
            if (n == 0)
            {
                return FrameResult.None;
            }
            var link = new ByteLink(_frame, n);
            return _pump.Poll(link, nowMs);
        }

        // Proves: BRG-001, BRG-004
        [Fact]
        public void Frame_EachValueCarriesItsOwnAgeAtSending_AndThePumpAcceptsIt()
        {
            BridgeForwarder f = New();
            f.OnReport(Report(T0), 0, T0);

            Assert.Equal(FrameResult.Accepted, Deliver(f, 1500, T0.AddMilliseconds(1500)));
            VitalSigns v = _pump.LastAccepted;
            Assert.Equal(1500, v.HeartRateAgeMs);
            Assert.Equal(3500, v.RespiratoryRateAgeMs);
            Assert.Equal(181_500, v.NibpAgeMs);
            Assert.Equal("ICU-3 BED 12", v.BedLabelText());
            Assert.Equal(0x0012345678ABCDEFUL, v.SourceId);
        }

        // Proves: BRG-004
        [Fact]
        public void Frame_ValueMissingAtTheSource_IsMissingInTheFrame_NotCarriedFromAnEarlierReport()
        {
            BridgeForwarder f = New();
            f.OnReport(Report(T0), 0, T0);
            Assert.Equal(FrameResult.Accepted, Deliver(f, 1000, T0.AddSeconds(1)));
            f.OnReport(Report(T0.AddSeconds(1), spo2: false), 1000, T0.AddSeconds(1));

            Assert.Equal(FrameResult.Accepted, Deliver(f, 2000, T0.AddSeconds(2)));
            Assert.False(_pump.LastAccepted.Spo2Usable);
            Assert.Equal(0, _pump.LastAccepted.Spo2Percent);
        }

        // Proves: BRG-004
        [Fact]
        public void Frame_ContinuousValueOlderThanTheLimit_SentAsUnavailable_NibpKeepsItsRealAge()
        {
            BridgeForwarder f = New();
            f.OnReport(Report(T0), 0, T0);

            Assert.Equal(FrameResult.Accepted, Deliver(f, 4000, T0.AddSeconds(10.5)));
            VitalSigns v = _pump.LastAccepted;
            Assert.False(v.HeartRateAvailable);
            Assert.False(v.RespiratoryRateAvailable);
            Assert.True(v.NibpUsable);
            Assert.Equal(190_500, v.NibpAgeMs);
        }

        // Proves: BRG-005
        [Fact]
        public void NoReportForTheSourceTimeout_BridgeGoesSilentAndLogsIt()
        {
            BridgeForwarder f = New();
            f.OnReport(Report(T0), 0, T0);
            Assert.Equal(FrameResult.Accepted, Deliver(f, 5000, T0.AddSeconds(5)));

            Assert.Equal(FrameResult.None, Deliver(f, 5001, T0.AddMilliseconds(5001)));
            Assert.Equal(BridgeState.SourceLost, f.State);
            Assert.True(_log.Contains("no report for 5000 ms"));

            f.OnReport(Report(T0.AddSeconds(6)), 6000, T0.AddSeconds(6));
            Assert.Equal(FrameResult.Accepted, Deliver(f, 6000, T0.AddSeconds(6)));
        }

        // Proves: BRG-005
        [Fact]
        public void SourceLost_ByTheAdapter_SilentAtOnce()
        {
            BridgeForwarder f = New();
            f.OnReport(Report(T0), 0, T0);
            f.OnSourceLost(100, "association aborted by the monitor");

            Assert.Equal(FrameResult.None, Deliver(f, 200, T0.AddMilliseconds(200)));
            Assert.True(_log.Contains("association aborted by the monitor"));
        }

        // Proves: BRG-006
        [Theory]
        [InlineData("ICU-3 BED 14", "P1", "bed label changed")]
        [InlineData("ICU-3 BED 12", "P2", "patient changed")]
        public void BedOrPatientChanges_LatchedAmbiguousAndSilent_EvenWhenTheOriginalReturns(string bed, string patient, string logged)
        {
            BridgeForwarder f = New();
            f.OnReport(Report(T0), 0, T0);
            f.OnReport(Report(T0.AddSeconds(1), bed, patient), 1000, T0.AddSeconds(1));

            Assert.Equal(BridgeState.Ambiguous, f.State);
            Assert.Equal(FrameResult.None, Deliver(f, 1000, T0.AddSeconds(1)));
            f.OnReport(Report(T0.AddSeconds(2)), 2000, T0.AddSeconds(2));
            Assert.Equal(FrameResult.None, Deliver(f, 2000, T0.AddSeconds(2)));
            Assert.True(_log.Contains(logged));
        }

        // Proves: BRG-006
        [Fact]
        public void ReportMarkedAmbiguousByTheDecoder_Latched()
        {
            BridgeForwarder f = New();
            SourceReport r = Report(T0);
            r.Ambiguity = "two patients in one message ('A' and 'B')";
            f.OnReport(r, 0, T0);

            Assert.Equal(BridgeState.Ambiguous, f.State);
            Assert.Equal(FrameResult.None, Deliver(f, 0, T0));
        }

        // Proves: BRG-007
        [Theory]
        [InlineData(6000, 0)]     // a value stamped 6 s in the future
        [InlineData(0, -6000)]    // the message clock 6 s behind the bridge's
        public void ClockUnsure_SilentUntilTheTimesAreSaneAgain(int valueAheadMs, int messageOffsetMs)
        {
            BridgeForwarder f = New();
            SourceReport r = Report(T0.AddMilliseconds(messageOffsetMs));
            r.Measurements[0] = r.Measurements[0] with { MeasuredAt = T0.AddMilliseconds(valueAheadMs) };
            f.OnReport(r, 0, T0);

            Assert.Equal(BridgeState.ClockUnsure, f.State);
            Assert.Equal(FrameResult.None, Deliver(f, 0, T0));

            f.OnReport(Report(T0.AddSeconds(1)), 1000, T0.AddSeconds(1));
            Assert.Equal(FrameResult.Accepted, Deliver(f, 1000, T0.AddSeconds(1)));
        }

        // Proves: BRG-008, LNK-014
        [Fact]
        public void RestartedBridge_NextBootNumber_PumpAcceptsItsFirstFrame_OldBootFramesAreReplays()
        {
            BridgeForwarder first = New(boot: 7);
            first.OnReport(Report(T0), 0, T0);
            for (int s = 0; s < 5; s++)
            {
                Assert.Equal(FrameResult.Accepted, Deliver(first, s * 1000, T0.AddSeconds(s)));
            }
            int n = first.BuildFrame(5000, T0.AddSeconds(5), _frame);
            byte[] oldFrame = _frame[..n];

            BridgeForwarder second = New(boot: 8);
            second.OnReport(Report(T0.AddSeconds(6)), 6000, T0.AddSeconds(6));
            Assert.Equal(FrameResult.Accepted, Deliver(second, 6000, T0.AddSeconds(6)));
            Assert.Equal(1, _pump.BootChanges);
            Assert.Equal(FrameResult.Replay, _pump.Poll(new ByteLink(oldFrame, oldFrame.Length), 6500));
        }

        // Proves: BRG-001
        [Fact]
        public void ValueOutsideWhatAMonitorCanReport_NotForwarded_TheRestOfTheFrameStillUsable()
        {
            BridgeForwarder f = New();
            SourceReport r = Report(T0);
            r.Measurements[0] = r.Measurements[0] with { Value = 400 };
            f.OnReport(r, 0, T0);

            Assert.Equal(FrameResult.Accepted, Deliver(f, 0, T0));
            Assert.False(_pump.LastAccepted.HeartRateAvailable);
            Assert.True(_pump.LastAccepted.Spo2Usable);
        }

        private sealed class ByteLink : Pump.Hal.IMonitorLink
        {
            private readonly byte[] _b;
            private int _at;
            private readonly int _n;

            public ByteLink(byte[] b, int n)
            {
                _b = (byte[])b.Clone();
                _n = n;
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                int k = Math.Min(count, _n - _at);
                Array.Copy(_b, _at, buffer, offset, k);
                _at += k;
                return k;
            }
        }
    }
}
