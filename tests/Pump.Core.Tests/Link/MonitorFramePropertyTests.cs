using CsCheck;
using Pump.Core.Link;
using Xunit;

namespace Pump.Core.Tests.Link
{
    public sealed class MonitorFramePropertyTests
    {
        private static readonly Gen<VitalSigns> PlausibleVitals =
            from seq in Gen.UInt
            from hr in Gen.Int[MonitorFrameFormat.HeartRateMinBpm, MonitorFrameFormat.HeartRateMaxBpm]
            from spo2 in Gen.Int[MonitorFrameFormat.Spo2MinPercent, MonitorFrameFormat.Spo2MaxPercent]
            from rr in Gen.Int[MonitorFrameFormat.RespRateMinPerMin, MonitorFrameFormat.RespRateMaxPerMin]
            from sbp in Gen.Int[MonitorFrameFormat.SystolicMinMmHg, MonitorFrameFormat.SystolicMaxMmHg]
            from dbp in Gen.Int[MonitorFrameFormat.DiastolicMinMmHg, MonitorFrameFormat.DiastolicMaxMmHg]
            from age in Gen.Int[0, 0xFFFF]
            from reading in Gen.Int[0, 0xFFFF]
            from avail in Gen.Int[0, VitalSigns.AvailKnownMask]
            from status in Gen.Int[0, VitalSigns.StatusKnownMask]
            where dbp < sbp
            select Make(seq, hr, spo2, rr, sbp, dbp, age, reading, avail, status);

        private static VitalSigns Make(uint seq, int hr, int spo2, int rr, int sbp, int dbp, int age, int reading, int avail, int status)
        {
            // Flags as a sender's statuses imply them: a flagged value is not available and carries nothing.
            if ((status & VitalSigns.StatusEcgLeadsOff) != 0) avail &= ~VitalSigns.AvailHeartRate;
            if ((status & (VitalSigns.StatusSpo2ProbeOff | VitalSigns.StatusSpo2Artifact)) != 0) avail &= ~VitalSigns.AvailSpo2;
            if ((status & VitalSigns.StatusSpo2ProbeOff) != 0) status &= ~VitalSigns.StatusSpo2Artifact;
            if ((status & VitalSigns.StatusNibpCuffError) != 0) avail &= ~VitalSigns.AvailNibp;
            if ((avail & VitalSigns.AvailHeartRate) != 0) status &= ~VitalSigns.StatusEcgLeadsOff;
            bool nibp = (avail & VitalSigns.AvailNibp) != 0;
            var v = new VitalSigns
            {
                MonitorId = LinkTestKit.PairedId,
                Sequence = seq,
                HeartRateBpm = (avail & VitalSigns.AvailHeartRate) != 0 ? hr : 0,
                Spo2Percent = (avail & VitalSigns.AvailSpo2) != 0 ? spo2 : 0,
                RespiratoryRatePerMin = (avail & VitalSigns.AvailRespiratoryRate) != 0 ? rr : 0,
                SystolicMmHg = nibp ? sbp : 0,
                DiastolicMmHg = nibp ? dbp : 0,
                MeanMmHg = nibp ? (sbp + 2 * dbp) / 3 : 0,
                NibpAgeS = nibp ? age : 0,
                NibpReadingNumber = reading,
                AvailableFlags = avail,
                StatusFlags = status,
                Boot = 1,
                SourceId = LinkTestKit.SourceId,
                HeartRateAgeMs = (avail & VitalSigns.AvailHeartRate) != 0 ? age * 7L : 0,
                Spo2AgeMs = (avail & VitalSigns.AvailSpo2) != 0 ? age * 3L : 0,
            };
            v.SetBedLabel(LinkTestKit.BedLabel);
            return v;
        }

        // Proves: LNK-001, LNK-008
        [Fact]
        public void EncodeThenParse_AnyPlausibleVitals_AcceptedWithIdenticalBytes()
        {
            PlausibleVitals.Sample(v =>
            {
                Assert.True(MonitorFrameFormat.IsPlausible(v));
                byte[] frame = LinkTestKit.Encode(v);
                var link = new FakeMonitorLink();
                link.Enqueue(frame);
                var parser = LinkTestKit.NewParser();
                Assert.Equal(FrameResult.Accepted, parser.Poll(link, 0));
                var again = new byte[frame.Length];
                MonitorFrameEncoder.EncodeVitals(parser.LastAccepted, LinkTestKit.Mac, again, 0);
                Assert.Equal(frame, again);
            }, iter: 5000);
        }
    }
}
