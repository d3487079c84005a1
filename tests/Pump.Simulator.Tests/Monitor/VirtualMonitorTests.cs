using System;
using Pump.Core.Link;
using Pump.Sim.Hardware;
using Pump.Sim.Monitor;
using Pump.Sim.Patient;
using Pump.Sim.Physics;
using Xunit;

namespace Pump.Simulator.Tests.Monitor
{
    [Collection(AllocationCollection.Name)]
    public class VirtualMonitorTests
    {
        private const uint Paired = 0x12345678;

        private static (VirtualMonitor, SimMonitorLink, MonitorFrameParser) Make(long nibpMs = 300_000)
        {
            var link = new SimMonitorLink(new PowerRail());
            var patient = new VirtualPatient(PatientParameters.Typical(70, Baseline.Typical));
            var m = new VirtualMonitor(patient, link, new CoreFrameEncoder(MonitorPairing.Simulated(Paired)), new Gaussian(1), nibpMs, Paired);
            var pairing = MonitorPairing.Simulated(Paired);
            var keys = new LinkKeyStore();
            pairing.PairPump(keys);
            var parser = new MonitorFrameParser(keys, MonitorFrameParser.DefaultBadFrameAlarmCount, MonitorFrameParser.DefaultBadFrameWindowMs);
            return (m, link, parser);
        }

        // Proves: SIM-011
        [Fact]
        public void SendReading_EverySecondFor10Minutes_EveryFrameIsAcceptedByTheCoreParser_BpEvery5Min()
        {
            var (m, link, parser) = Make();
            int newBp = 0;
            int lastReading = -1;
            for (int s = 1; s <= 600; s++)
            {
                m.SendReading(s * 1000L);
                Assert.Equal(FrameResult.Accepted, parser.Poll(link, s * 1000L));
                VitalSigns v = parser.LastAccepted;
                Assert.True(v.Spo2Usable && v.HeartRateAvailable && v.RespiratoryRateAvailable && v.NibpUsable);
                if (v.NibpReadingNumber != lastReading)
                {
                    newBp++;
                    lastReading = v.NibpReadingNumber;
                    Assert.Equal(0, v.NibpAgeS);
                }
            }
            Assert.Equal(2, newBp); // at 1 s and 301 s
            Assert.Equal(600, parser.AcceptedCount);
        }

        // Proves: SIM-011
        [Fact]
        public void SendReading_ForcedSbp_ArrivesWithTheNextCuffReading()
        {
            var (m, link, parser) = Make(nibpMs: 60_000);
            m.SendReading(1000);
            parser.Poll(link, 1000);
            m.ForcedSbp = 195;
            m.SendReading(2000);
            parser.Poll(link, 2000);
            Assert.NotEqual(195, parser.LastAccepted.SystolicMmHg);
            m.SendReading(61_000);
            parser.Poll(link, 61_000);
            Assert.Equal(195, parser.LastAccepted.SystolicMmHg);
            Assert.True(parser.LastAccepted.DiastolicMmHg < 195);
        }

        // Proves: SIM-011
        [Fact]
        public void SendReading_ProbeOff_FrameSaysSpo2NotUsable()
        {
            var (m, link, parser) = Make();
            m.ProbeOff = true;
            m.SendReading(1000);
            Assert.Equal(FrameResult.Accepted, parser.Poll(link, 1000));
            Assert.False(parser.LastAccepted.Spo2Usable);
            Assert.True((parser.LastAccepted.StatusFlags & VitalSigns.StatusSpo2ProbeOff) != 0);
        }

        // Proves: SIM-011
        [Fact]
        public void SendReading_WrongMonitor_IsRejectedAsUnpaired()
        {
            var (m, link, parser) = Make();
            m.WrongMonitor = true;
            m.SendReading(1000);
            Assert.Equal(FrameResult.Unpaired, parser.Poll(link, 1000));
        }

        [Fact]
        public void SendReading_SteadyState_AllocatesNothing()
        {
            var (m, link, parser) = Make();
            var buf = new byte[256];
            for (int s = 1; s <= 10; s++)
            {
                m.SendReading(s * 1000L);
                link.Read(buf, 0, buf.Length);
            }
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int s = 11; s <= 1000; s++)
            {
                m.SendReading(s * 1000L);
                link.Read(buf, 0, buf.Length);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
