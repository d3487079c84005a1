using System;
using System.Linq;
using Pump.Bridge.IntelliVue;
using Pump.Bridge.Model;
using Xunit;

namespace Pump.Simulator.Tests.Bridge
{
    /// <summary>
    /// The IntelliVue decoder against bytes a real monitor sent, not the project's emulator (OI-2, partly closed).
    /// Source: a Data Export poll reply captured from a Philips IntelliVue monitor with no patient connected, published
    /// as a Wireshark hex dump in github.com/Koshsky/Intellivue-api, file pkg/intellivue/structures/draft.txt at commit
    /// 368975dbd78566aeebcb2bdbc58183795e00d578 (its first 240 bytes are written out with annotations, the rest as the
    /// dump; the 42 Ethernet/IP/UDP bytes are not part of it). Only the bytes are used, transcribed below; no code.
    /// It is a linked result of the single poll (action 0x0C16), not of the extended poll the bridge sends, so the test
    /// checks the capture's own framing, then puts its observation list, byte for byte, in the extended reply's frame.
    /// </summary>
    public class IntelliVueCaptureTests
    {
        private const string Capture =
            "E1000002000503C801010001000703C00021000000000C1603B600010BC41F00FFFFFFFFFFFFFFFF0001000600000002039E00000004012A0683000600400921" +
            "00020683092F000400010006093F000C0000200000055228000000000924000400024A2409270010000E04140417041B041000200020000009110002000206D3" +
            "000700460921000206D3092F000400010006093F000C000020000001422800000000092400040002580409270010000E0426041F041400200020002000000917" +
            "0002030009110002000506EC000700460921000206EC092F000400010006093F000C0000200000014228000000000924000400024B2809270010000E04210421" +
            "04210020002000200000091700020400091100020002070500070046092100020705092F000400010006093F000C000020000001422800000000092400040002" +
            "E01809270010000E039404220435043C043F002000000917000203010911000200020001000602688272000A0082092100028272092F000400010006093F000C" +
            "0000200000015228010300000924000400024A0409270010000E043D041004140020002000200000091100020001099000082025052311450000F2370004FFFF" +
            "FFFFF9980004FFFFFFFF094B00220003001E4A0520000F20007FFFFF4A0620000F20007FFFFF4A0720000F20007FFFFF8275000A0068092100028275092F0004" +
            "00010006093F000C000020000001522800010000092400040002F0E509270010000E041F0443043B044C04410020000009170002030009110002000109900008" +
            "2025052311450000F9980004FFFFFFFF0950000AF0E520000AA0007FFFFF82CF0007004E0921000282CF092F000400010006093F000C00002000000142280000" +
            "0000092400040002418209270010000E04270421042100200020002000000911000200020950000A418282000AA0007FFFFF82D60007004E0921000282D6092F" +
            "000400010006093F000C000020000001422800000000092400040002500A09270010000E04270414002000200020002000000911000200030950000A500A8000" +
            "0AE0007FFFFF82DB000800A00921000282DB092F000400010006093F000C0000200000014228010C0000092400040002030009270010000E0053005400200020" +
            "002000200000091100020002094B005400080050030180000512007FFFFF030280000512007FFFFF033D80000512007FFFFF033E80000512007FFFFF033F8000" +
            "0512007FFFFF034080000512007FFFFF034380000512007FFFFF034B80000512007FFFFF099100040BC2BF0082E10003001E0921000282E1092F000400010006" +
            "093F000C0000200000012400010C0080";

        private static byte[] Bytes() => Convert.FromHexString(Capture);

        private static ushort U16(byte[] b, int at) => (ushort)(b[at] << 8 | b[at + 1]);

        // Proves: BRG-009
        [Fact]
        public void Capture_OwnFraming_IsALinkedSinglePollReplyWhoseLengthsAddUp()
        {
            byte[] b = Bytes();
            Assert.Equal(976, b.Length);
            Assert.Equal(DataExport.SpPdu, b[..4]);
            Assert.Equal(DataExport.RoLinkedResult, U16(b, 4));
            Assert.Equal(b.Length - 8, U16(b, 6));                 // ROapdus length
            Assert.Equal(DataExport.CmdConfirmedAction, U16(b, 12));
            Assert.Equal(b.Length - 16, U16(b, 14));               // command length
            Assert.Equal(DataExport.MocVmsMds, U16(b, 16));
            Assert.Equal(0x0C16, U16(b, 22));                      // NOM_ACT_POLL_MDIB_DATA
            Assert.Equal(b.Length - 26, U16(b, 24));               // action result length
            Assert.Equal(DataExport.MocVmoMetricNu, U16(b, 42));   // polled object type: numerics
            Assert.Equal(2, U16(b, 46));                           // contexts
            Assert.Equal(b.Length - 50, U16(b, 48));
        }

        /// <summary>The capture's observation list inside the extended poll reply the bridge reads (sequence number 0 added).</summary>
        private static byte[] AsExtendedReply()
        {
            byte[] b = Bytes();
            var r = new System.Collections.Generic.List<byte>();
            r.AddRange(b[..4]);
            r.AddRange(new byte[] { 0x00, (byte)DataExport.RoLinkedResult });
            r.AddRange(Be16(U16(b, 6) + 2));
            r.AddRange(b[8..14]);
            r.AddRange(Be16(U16(b, 14) + 2));
            r.AddRange(b[16..22]);
            r.AddRange(Be16(DataExport.ActPollMdibDataExt));
            r.AddRange(Be16(U16(b, 24) + 2));
            r.AddRange(b[26..28]);                                 // poll number
            r.AddRange(new byte[] { 0x00, 0x00 });                 // sequence number (extended reply only)
            r.AddRange(b[28..]);                                   // relative and absolute time, type, group, observations
            return r.ToArray();

            static byte[] Be16(int v) => new[] { (byte)(v >> 8), (byte)v };
        }

        // Proves: BRG-009, BRG-001
        [Fact]
        public void RealMonitorReply_NoPatientConnected_EveryNumericIsDecodedAndNoneIsValid()
        {
            PollResult? poll = DataExport.ParsePollResult(AsExtendedReply());
            Assert.NotNull(poll);
            Assert.Equal(1, poll!.LinkedState);
            var found = poll.Numerics.Select(n => (n.PhysioId, n.State, n.Unit)).ToArray();
            Assert.Equal(14, found.Length);
            Assert.Contains((DataExport.NomPressBldNonInvSys, DataExport.StateUnavailable, DataExport.DimMmHg), found);
            Assert.Contains((DataExport.NomPressBldNonInvDia, DataExport.StateUnavailable, DataExport.DimMmHg), found);
            Assert.Contains((DataExport.NomPressBldNonInvMean, DataExport.StateUnavailable, DataExport.DimMmHg), found);
            Assert.Contains((DataExport.NomEcgCardBeatRate, 0x8200, DataExport.DimBeatPerMin), found);
            Assert.Contains((DataExport.NomRespRate, DataExport.StateInvalid, DataExport.DimRespPerMin), found);
            Assert.All(poll.Numerics, n => Assert.Null(n.Value));   // every value is the FLOAT NaN 0x007FFFFF
            Assert.Equal(8, poll.Numerics.Count(n => n.RelativeTime == 0x0BC2BF00u)); // the ST compound's own time stamp

            SourceReport report = IntelliVueMapping.ToReport(poll, DateTimeOffset.UnixEpoch, 0x00A0C0FFEE000001UL, "BED 1");
            Assert.DoesNotContain(report.Measurements, m => m.Status == ValueStatusCode.Valid);
            Assert.DoesNotContain(report.Measurements, m => m.Kind == VitalKind.Spo2); // no SpO2 object: missing, not invented
            Assert.Contains(report.Measurements, m => m.Kind == VitalKind.HeartRate);
            Assert.Contains(report.Measurements, m => m.Kind == VitalKind.Nibp);
        }

        // Proves: BRG-009
        [Fact]
        public void RealMonitorReply_TruncatedAnywhere_ReturnsNullNeverThrows()
        {
            byte[] whole = AsExtendedReply();
            for (int n = 0; n < whole.Length; n++)
            {
                Assert.Null(DataExport.ParsePollResult(whole[..n]));
            }
        }
    }
}
