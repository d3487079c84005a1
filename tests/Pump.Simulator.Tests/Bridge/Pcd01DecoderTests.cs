using System;
using System.Linq;
using Pump.Bridge.Model;
using Pump.Bridge.Pcd01;
using Xunit;

namespace Pump.Simulator.Tests.Bridge
{
    /// <summary>
    /// PCD-01 decoding against messages the project did not write (typed in from public documents, sources cited)
    /// and against the faults the bridge must refuse.
    /// </summary>
    public class Pcd01DecoderTests
    {
        // A complete PCD-01 ORU^R01 (NIBP and cuff pulse) published as the request sample of the LinkWatch
        // CommunicatePCDData service: https://linkwatchrestservicetest.azurewebsites.net/Help/Api/POST-api-v1-observation-CommunicatePCDData
        private const string LinkWatchSample =
            "MSH|^~\\&|LinkWatchAndroid||||20170503120000+0200||ORU^R01^ORU_R01|323031363131323330373031333638393930313030|P|2.6|||NE|AL|||||IHE PCD ORU-R012006^HL7^2.16.840.1.113883.9.n.m^HL7\r"
            + "OBR|1|||182777000^monitoring of patient^SNOMED-CT|||20170503120000+0200\r"
            + "OBX|1||528391^MDC_DEV_SPEC_PROFILE_BP^MDC|1|||||||X|||||||5C313EFFFE020E12^EUI64\r"
            + "OBX|2|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.0.1.1|125|266016^MDC_DIM_MMHG^MDC|||||R|||20170503120000+0200\r"
            + "OBX|3|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.0.1.2|80|266016^MDC_DIM_MMHG^MDC|||||R|||20170503120000+0200\r"
            + "OBX|4|NM|149546^MDC_PULS_RATE_NON_INV^MDC|1.0.0.2|66|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||20170503120000+0200\r";

        // OBX segments from the GE B40 monitor manual's PCD-01 chapter (2062665-001 rev. G, p. 15):
        // https://www.easymanua.ls/ge/b40/manual?p=21 . The manual shows OBX segments only; the MSH and OBR around
        // them are ours, and the OBR carries no time, as the manual's OBX carry none.
        private const string GeB40Obx =
            "OBX|11|NM|147842^MDC_ECG_HEART_RATE^MDC|1.5.1.1|80|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||||||080019FFFE0B4020^B40_GE\r"
            + "OBX|12|NM|148066^MDC_ECG_V_P_C_RATE^MDC|1.5.1.2|0|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||||||080019FFFE0B4020^B40_GE\r"
            + "OBX|4|NM|150033^MDC_PRESS_BLD_ART_SYS^MDC|1.13.1.1|112|266016^MDC_DIM_MMHG^MDC|||||R|||||||080019FFFE0B4020^B40_GE\r"
            + "OBX|5|NM|150034^MDC_PRESS_BLD_ART_DIA^MDC|1.13.1.2|76|266016^MDC_DIM_MMHG^MDC|||||R|||||||080019FFFE0B4020^B40_GE\r";

        private static string GeB40Message(string obrTime) =>
            "MSH|^~\\&|B40_GE||||20250114103015+0100||ORU^R01^ORU_R01|B40-1|P|2.6\r"
            + "OBR|1|||182777000^monitoring of patient^SCT|||" + obrTime + "\r" + GeB40Obx;

        // Proves: BRG-002
        [Fact]
        public void Decode_LinkWatchPublishedSample_ReadsNibpAndCuffPulseWithTheirTimes()
        {
            Pcd01Result r = Pcd01Decoder.Decode(LinkWatchSample);

            Assert.Equal(Pcd01Decoder.Accept, r.AckCode);
            SourceReport report = r.Report!;
            Assert.Null(report.Ambiguity);
            Assert.Equal(0x5C313EFFFE020E12UL, report.SourceId);
            Assert.Equal("LinkWatchAndroid", report.BedLabel);
            var at = new DateTimeOffset(2017, 5, 3, 12, 0, 0, TimeSpan.FromHours(2));
            Assert.Equal(at, report.SentAt);
            Measurement nibp = Assert.Single(report.Measurements, m => m.Kind == VitalKind.Nibp);
            Assert.Equal((125, 80, 0), (nibp.Value, nibp.Diastolic, nibp.Mean));
            Assert.Equal(at, nibp.MeasuredAt);
            Measurement hr = Assert.Single(report.Measurements, m => m.Kind == VitalKind.HeartRate);
            Assert.Equal(66, hr.Value);
            Assert.DoesNotContain(report.Measurements, m => m.Kind is VitalKind.Spo2 or VitalKind.RespiratoryRate);
            Assert.Equal("MSA|AA|323031363131323330373031333638393930313030", Pcd01Decoder.Ack(r, at).Split('\r')[1]);
        }

        // Proves: BRG-002, BRG-003
        [Fact]
        public void Decode_GeB40ManualObxWithoutAnyTime_HeartRateRecognisedButNotValid_InvasiveBpIgnored()
        {
            Pcd01Result r = Pcd01Decoder.Decode(GeB40Message(string.Empty));

            SourceReport report = r.Report!;
            Assert.Equal(0x080019FFFE0B4020UL, report.SourceId);
            Measurement hr = Assert.Single(report.Measurements);
            Assert.Equal(VitalKind.HeartRate, hr.Kind);
            Assert.NotEqual(ValueStatusCode.Valid, hr.Status);
            Assert.Contains("no observation time", hr.Note);
        }

        // Proves: BRG-002
        [Fact]
        public void Decode_GeB40ManualObxInAGroupWithObr7_HeartRateTakesTheGroupTime()
        {
            Pcd01Result r = Pcd01Decoder.Decode(GeB40Message("20250114103014+0100"));

            Measurement hr = Assert.Single(r.Report!.Measurements);
            Assert.Equal(ValueStatusCode.Valid, hr.Status);
            Assert.Equal(80, hr.Value);
            Assert.Equal(new DateTimeOffset(2025, 1, 14, 10, 30, 14, TimeSpan.FromHours(1)), hr.MeasuredAt);
        }

        // Proves: BRG-003
        [Fact]
        public void Decode_TwoPatientsInOneMessage_ReportIsAmbiguous()
        {
            string twoPatients = LinkWatchSample.Replace("OBR|1|", "PID|||A1^^^H^MR\rPID|||B2^^^H^MR\rOBR|1|", StringComparison.Ordinal);

            Assert.Contains("two patients", Pcd01Decoder.Decode(twoPatients).Report!.Ambiguity);
        }

        // Proves: BRG-003
        [Fact]
        public void Decode_TwoDeviceEui64sInOneMessage_ReportIsAmbiguous()
        {
            string twoDevices = LinkWatchSample.Replace("|||||R|||20170503120000+0200\rOBX|4", "|||||R|||20170503120000+0200||||0011223344556677^EUI64\rOBX|4", StringComparison.Ordinal);

            Assert.Contains("two devices", Pcd01Decoder.Decode(twoDevices).Report!.Ambiguity);
        }

        // Proves: BRG-003
        [Theory]
        [InlineData("20170503120000", Pcd01Decoder.Error, "no time zone")]
        [InlineData("garbage+0200", Pcd01Decoder.Error, "is not YYYYMMDD")]
        public void Decode_MessageTimeWithoutZoneOrUnreadable_RefusedWithTheReason(string msh7, string code, string reason)
        {
            Pcd01Result r = Pcd01Decoder.Decode(LinkWatchSample.Replace("||||20170503120000+0200||", "||||" + msh7 + "||", StringComparison.Ordinal));

            Assert.Null(r.Report);
            Assert.Equal(code, r.AckCode);
            Assert.Contains(reason, r.Error);
            Assert.Contains("MSA|" + code + "|", Pcd01Decoder.Ack(r, DateTimeOffset.UnixEpoch));
        }

        // Proves: BRG-003
        [Theory]
        [InlineData("ADT^A01^ADT_A01", "is not ORU^R01")]
        public void Decode_OtherMessageType_Rejected(string type, string reason)
        {
            Pcd01Result r = Pcd01Decoder.Decode(LinkWatchSample.Replace("ORU^R01^ORU_R01", type, StringComparison.Ordinal));

            Assert.Equal(Pcd01Decoder.Reject, r.AckCode);
            Assert.Contains(reason, r.Error);
        }

        // Proves: BRG-003
        [Theory]
        [InlineData("266016^MDC_DIM_MMHG^MDC|||||R", "265987^MDC_DIM_KILO_PASCAL^MDC|||||R", "unit")]
        [InlineData("266016^MDC_DIM_MMHG^MDC|||||R", "266016^MDC_DIM_MMHG^MDC|||||X", "cannot obtain")]
        [InlineData("266016^MDC_DIM_MMHG^MDC|||||R", "266016^MDC_DIM_MMHG^MDC|||||D", "not final")]
        public void Decode_SystolicInAnotherUnitOrNotFinal_NibpNotValid(string from, string to, string note)
        {
            int first = LinkWatchSample.IndexOf(from, StringComparison.Ordinal);
            string changed = LinkWatchSample[..first] + to + LinkWatchSample[(first + from.Length)..];

            Measurement nibp = Assert.Single(Pcd01Decoder.Decode(changed).Report!.Measurements, m => m.Kind == VitalKind.Nibp);
            Assert.NotEqual(ValueStatusCode.Valid, nibp.Status);
            Assert.Contains(note, nibp.Note);
        }

        // Proves: BRG-002
        [Fact]
        public void Decode_EcgRateAndCuffPulseBothPresent_EcgRateWins()
        {
            string both = LinkWatchSample + "OBX|5|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|71|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||F|||20170503115959+0200\r";

            Measurement hr = Assert.Single(Pcd01Decoder.Decode(both).Report!.Measurements, m => m.Kind == VitalKind.HeartRate);
            Assert.Equal(71, hr.Value);
        }

        // Proves: BRG-003
        [Fact]
        public void MdcTable_EveryEntryHasAPartition2CodeAndTheMeasuredKindsAreCovered()
        {
            Assert.NotEmpty(MdcCodes.Table);
            Assert.All(MdcCodes.Table, e => Assert.Equal(2, e.Code / 65536));
            Assert.Equal(Enum.GetValues<VitalKind>().Length, MdcCodes.Table.Select(e => e.Kind).Distinct().Count());
        }

        // Proves: BRG-002
        [Fact]
        public void Decode_BedWithEscapedSeparators_LabelHasThePlainCharacters()
        {
            string withBed = LinkWatchSample.Replace("OBR|1|", "PV1||I|ICU\\T\\CCU^3^12\\S\\B\rOBR|1|", StringComparison.Ordinal);

            Assert.Equal("ICU&CCU 3 12^B", Pcd01Decoder.Decode(withBed).Report!.BedLabel);
        }

        // Proves: BRG-002
        [Fact]
        public void MllpFramer_BlocksSplitAnywhereWithGarbageBetween_YieldsEachMessageOnce()
        {
            byte[] a = MllpFramer.Frame(LinkWatchSample);
            byte[] b = MllpFramer.Frame(GeB40Message(string.Empty));
            byte[] stream = new byte[] { 0x41, 0x42 }.Concat(a).Concat(new byte[] { 0x0B, 0x43, 0x1C, 0x41 }).Concat(b).ToArray();
            var framer = new MllpFramer();
            var got = new System.Collections.Generic.List<string>();
            for (int i = 0; i < stream.Length; i += 7)
            {
                got.AddRange(framer.Feed(stream.AsSpan(i, Math.Min(7, stream.Length - i))));
            }

            Assert.Equal(new[] { LinkWatchSample, GeB40Message(string.Empty) }, got);
            Assert.True(framer.DiscardedBytes >= 2);
        }
    }
}
