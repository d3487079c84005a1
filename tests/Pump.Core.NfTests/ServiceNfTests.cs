using nanoFramework.TestFramework;
using Pump.Core.Configuration;
using Pump.Core.Service;
using Pump.Hal;

namespace Pump.Core.NfTests
{
    /// <summary>
    /// The configuration codec and the service-link framing on the real runtime: the desktop tests prove the
    /// behaviour on .NET; these prove the interpreter decodes, checks and frames the same bytes.
    /// </summary>
    [TestClass]
    public class ServiceNfTests
    {
        private sealed class BytePort : IServicePort
        {
            public byte[] Bytes = new byte[0];
            public int At;

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = 0;
                while (n < count && At < Bytes.Length)
                {
                    buffer[offset + n++] = Bytes[At++];
                }

                return n;
            }

            public bool TryWrite(byte[] buffer, int offset, int count)
            {
                return true;
            }
        }

        [TestMethod]
        public void ConfigurationCodec_CalibratedRecord_RoundTripsAndBadSpanIsRefused()
        {
            DeviceConfiguration c = new DeviceConfiguration();
            c.Serial = "SP-0001";
            c.CalibrationUtcSeconds = 1790000000L;
            c.CalibratedBy = "BIOMED1";
            c.ForceZeroCounts = -12000;
            c.ForceSpanCounts = 98000;
            c.ForceSpanMilliNewtons = 49033;
            c.PositionZeroCounts = 300;
            c.PositionSpanCounts = 3700;
            c.PositionSpanMicrometres = 100000;
            c.PairedMonitorId = 0x89ABCDEFu;
            byte[] bytes = new byte[DeviceConfigurationCodec.PayloadBytes];
            Assert.IsTrue(DeviceConfigurationCodec.Encode(c, bytes, 0));
            DeviceConfiguration read = new DeviceConfiguration();
            Assert.AreEqual(ConfigProblem.None, DeviceConfigurationCodec.Decode(bytes, 0, bytes.Length, new DeviceConfiguration(), read));
            Assert.IsTrue(read.Serial == "SP-0001");
            Assert.AreEqual(-12000, read.ForceZeroCounts);
            Assert.AreEqual(0x89ABCDEFu, read.PairedMonitorId);
            Assert.AreEqual(1790000000L, read.CalibrationUtcSeconds);
            bytes[DeviceConfigurationCodec.OForceSpan] = 5;
            bytes[DeviceConfigurationCodec.OForceSpan + 1] = 0;
            bytes[DeviceConfigurationCodec.OForceSpan + 2] = 0;
            DeviceConfiguration untouched = new DeviceConfiguration();
            Assert.AreEqual(ConfigProblem.ForceCalibrationInvalid, DeviceConfigurationCodec.Decode(bytes, 0, bytes.Length, new DeviceConfiguration(), untouched));
            Assert.IsTrue(untouched.Serial.Length == 0);
        }

        [TestMethod]
        public void ServiceFrame_WrittenThenParsed_IsOkAndAFlippedBitIsBadCrc()
        {
            ServiceFrameWriter writer = new ServiceFrameWriter();
            writer.Begin(ServiceCommand.SetClock, 0xFEDCBA98u);
            writer.PutI64(1796288400L);
            Assert.IsTrue(writer.Finish());
            byte[] frame = new byte[writer.Length];
            for (int i = 0; i < frame.Length; i++)
            {
                frame[i] = writer.Frame[i];
            }

            BytePort port = new BytePort();
            port.Bytes = frame;
            ServiceFrameParser parser = new ServiceFrameParser();
            Assert.AreEqual(ServiceStatus.Ok, parser.Poll(port, 0));
            Assert.AreEqual(0xFEDCBA98u, parser.Sequence);
            Assert.AreEqual(8, parser.PayloadLength);
            frame[12] ^= 1;
            port.Bytes = frame;
            port.At = 0;
            Assert.AreEqual(ServiceStatus.BadCrc, parser.Poll(port, 0));
        }

        [TestMethod]
        public void Calendar_DaysFromCivil_MatchesKnownDates()
        {
            Assert.AreEqual(20790L, CalendarText.DaysFromCivil(2026, 12, 3));
            long year;
            int month;
            int day;
            CalendarText.CivilFromDays(19782L, out year, out month, out day);
            Assert.AreEqual(2024L, year);
            Assert.AreEqual(2, month);
            Assert.AreEqual(29, day);
        }
    }
}
