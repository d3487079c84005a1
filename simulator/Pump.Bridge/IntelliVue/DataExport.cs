using System;
using System.Collections.Generic;

namespace Pump.Bridge.IntelliVue
{
    /// <summary>One numeric from a poll result: the physiological id, the monitor's measurement state, unit and value.</summary>
    public sealed record IntelliVueNumeric(int PhysioId, int State, int Unit, uint RawValue, uint? RelativeTime)
    {
        /// <summary>The FLOAT value, or null for the special values (NaN, not at this resolution, ±infinity).</summary>
        public double? Value => DataExport.DecodeFloat(RawValue);
    }

    /// <summary>
    /// A decoded extended poll result. <see cref="LinkedState"/> is 0 for a plain result (RORS); for a part of a
    /// linked result (ROLRS) 1 first, 2 middle, 3 last, and a plain result closes the set.
    /// </summary>
    public sealed record PollResult(int PollNumber, uint RelativeTime, List<IntelliVueNumeric> Numerics, int LinkedState = 0);

    /// <summary>
    /// Philips IntelliVue Data Export over LAN: the messages the bridge sends and reads, from the facts in
    /// monitor-interop.md §3 (programming guide 4535 642 59271 as described by open implementations). Integers are
    /// big-endian; data export messages start with the SPpdu E1 00 00 02 and an ROapdus header. Parsers step by
    /// declared lengths, skip unknown attributes and return null (never throw) on anything malformed.
    /// The association request's presentation layer is not taken from the guide (its body was not readable):
    /// it is UNVERIFIED against a real monitor (hardware-docs/monitor-bridge.md, open items).
    /// </summary>
    public static class DataExport
    {
        public const int SessionAssociationRequest = 0x0D;
        public const int SessionAssociationAccept = 0x0E;
        public const int SessionRefuse = 0x0C;
        public const int SessionReleaseRequest = 0x09;
        public const int SessionReleaseResponse = 0x0A;
        public const int SessionAbort = 0x19;

        public const int RoInvoke = 1;
        public const int RoResult = 2;
        public const int RoError = 3;
        public const int RoLinkedResult = 5;

        public const int CmdConfirmedEventReport = 1;
        public const int CmdConfirmedAction = 7;

        public const int NotiMdsCreate = 0x0D06;
        public const int ActPollMdibDataExt = 0xF13B;
        public const int MocVmsMds = 33;
        public const int PartObj = 1;
        public const int MocVmoMetricNu = 6;

        public const int AttrNuValObs = 0x0950;
        public const int AttrNuCmpdValObs = 0x094B;
        public const int AttrTimeStampRel = 0x0991;
        public const int AttrTimeRel = 0x098F;
        public const int PollProfileSupport = 1;

        // Physiological ids (SCADA partition) and units (DIM partition), monitor-interop.md §3.3.
        public const int NomEcgCardBeatRate = 0x4182;
        public const int NomPlethPulsRate = 0x4822;
        public const int NomPulsOximSatO2 = 0x4BB8;
        public const int NomRespRate = 0x500A;
        public const int NomAwayRespRate = 0x5012;
        public const int NomPressBldNonInv = 0x4A04;
        public const int NomPressBldNonInvSys = 0x4A05;
        public const int NomPressBldNonInvDia = 0x4A06;
        public const int NomPressBldNonInvMean = 0x4A07;
        public const int DimBeatPerMin = 0x0AA0;
        public const int DimPercent = 0x0220;
        public const int DimRespPerMin = 0x0AE0;
        public const int DimMmHg = 0x0F20;

        // MeasurementState bits; any of the top six makes a value unusable.
        public const int StateInvalid = 0x8000;
        public const int StateQuestionable = 0x4000;
        public const int StateUnavailable = 0x2000;
        public const int StateCalibrationOngoing = 0x1000;
        public const int StateTestData = 0x0800;
        public const int StateDemoData = 0x0400;
        public const int StateUnusableMask = 0xFC00;
        public const int StateMeasurementOngoing = 0x0020;

        public static readonly byte[] SpPdu = { 0xE1, 0x00, 0x00, 0x02 };

        /// <summary>RelativeTime ticks are 1/8 ms.</summary>
        public const int TicksPerMs = 8;

        /// <summary>Association request (session CN) carrying MDSEUserInfoStd with the poll profile (§3.2 step 2).</summary>
        public static byte[] AssociationRequest(uint minPollPeriodTicks)
        {
            var body = new BeWriter()
                .U32(0x80000000).U32(0x40000000).U32(0).U32(0x80000000).U32(0x20000000) // version, nomenclature, units, client, cold start
                .U16(0).U16(0)                                                         // option list
                .U16(1).U16(4 + 28)                                                    // supported profiles: one AVA
                .U16(PollProfileSupport).U16(28)
                .U32(0x80000000).U32(minPollPeriodTicks).U32(1400).U32(1400).U32(0xFFFFFFFF).U32(0x60000000)
                .U16(0).U16(0);                                                        // no optional packages
            return Session(SessionAssociationRequest, body.ToArray());
        }

        public static byte[] ReleaseRequest() => Session(SessionReleaseRequest, Array.Empty<byte>());

        public static byte[] Session(int kind, byte[] body)
        {
            var w = new BeWriter().U8(kind);
            if (body.Length < 255)
            {
                w.U8(body.Length);
            }
            else
            {
                w.U8(0xFF).U16(body.Length);
            }
            return w.Bytes(body).ToArray();
        }

        /// <summary>The session kind of a datagram (first byte), or -1 for a data export message (SPpdu) or an empty one.</summary>
        public static int SessionKind(byte[] d) => d.Length == 0 || d[0] == 0xE1 ? -1 : d[0];

        /// <summary>The MDS create event's invoke id and managed object, or null when the datagram is not one.</summary>
        public static (int InvokeId, int Class, int Context, int Handle, uint RelativeTime)? ParseMdsCreate(byte[] d)
        {
            var r = new BeReader(d, 0, d.Length);
            if (!SpPduAt(r) || r.U16() != RoInvoke)
            {
                return null;
            }
            r.U16();
            int invoke = r.U16();
            if (r.U16() != CmdConfirmedEventReport)
            {
                return null;
            }
            r.U16();
            int cls = r.U16(), ctx = r.U16(), handle = r.U16();
            r.U32();
            if (r.U16() != NotiMdsCreate)
            {
                return null;
            }
            r.U16();
            r.Skip(6);
            uint rel = 0;
            int count = r.U16();
            BeReader list = r.Sub(r.U16());
            for (int i = 0; i < count && !list.Failed; i++)
            {
                int id = list.U16();
                BeReader value = list.Sub(list.U16());
                if (id == AttrTimeRel)
                {
                    rel = value.U32();
                }
            }
            return r.Failed || list.Failed ? null : (invoke, cls, ctx, handle, rel);
        }

        /// <summary>MDS create event result (client → monitor), echoing the invoke id and managed object.</summary>
        public static byte[] MdsCreateResult(int invokeId, int cls, int context, int handle, uint relativeTime)
        {
            return new BeWriter().Bytes(SpPdu).U16(RoResult).U16(20)
                .U16(invokeId).U16(CmdConfirmedEventReport).U16(14)
                .U16(cls).U16(context).U16(handle).U32(relativeTime).U16(NotiMdsCreate).U16(0)
                .ToArray();
        }

        /// <summary>The 40-byte extended poll request for all numerics (§3.2 step 6).</summary>
        public static byte[] ExtendedPollRequest(int invokeId, int pollNumber)
        {
            return new BeWriter().Bytes(SpPdu).U16(RoInvoke).U16(0x20)
                .U16(invokeId).U16(CmdConfirmedAction).U16(0x1A)
                .U16(MocVmsMds).U16(0).U16(0).U32(0)
                .U16(ActPollMdibDataExt).U16(0x0C)
                .U16(pollNumber).U16(PartObj).U16(MocVmoMetricNu).U16(0).U16(0).U16(0)
                .ToArray();
        }

        /// <summary>Decodes an extended poll result (RORS or ROLRS) into its numerics, or null when it is not one.</summary>
        public static PollResult? ParsePollResult(byte[] d)
        {
            var r = new BeReader(d, 0, d.Length);
            if (!SpPduAt(r))
            {
                return null;
            }
            int ro = r.U16();
            r.U16();
            int linked = 0;
            if (ro == RoLinkedResult)
            {
                linked = r.U8();
                r.U8(); // count
                if (linked < 1 || linked > 3)
                {
                    return null;
                }
            }
            else if (ro != RoResult)
            {
                return null;
            }
            r.U16();
            if (r.U16() != CmdConfirmedAction)
            {
                return null;
            }
            r.U16();
            r.Skip(6);
            if (r.U16() != ActPollMdibDataExt)
            {
                return null;
            }
            r.U16();
            int pollNumber = r.U16();
            r.U16();
            uint rel = r.U32();
            r.Skip(8 + 4 + 2);
            var numerics = new List<IntelliVueNumeric>();
            int contexts = r.U16();
            BeReader ctxList = r.Sub(r.U16());
            for (int c = 0; c < contexts && !ctxList.Failed; c++)
            {
                ctxList.U16();
                int observations = ctxList.U16();
                BeReader obsList = ctxList.Sub(ctxList.U16());
                for (int o = 0; o < observations && !obsList.Failed; o++)
                {
                    obsList.U16(); // object handle
                    int attributes = obsList.U16();
                    ReadAttributes(obsList.Sub(obsList.U16()), attributes, numerics);
                }
                if (obsList.Failed)
                {
                    return null;
                }
            }
            return r.Failed || ctxList.Failed ? null : new PollResult(pollNumber, rel, numerics, linked);
        }

        private static void ReadAttributes(BeReader list, int count, List<IntelliVueNumeric> into)
        {
            uint? stamp = null;
            var found = new List<(int, int, int, uint)>();
            for (int i = 0; i < count && !list.Failed; i++)
            {
                int id = list.U16();
                BeReader v = list.Sub(list.U16());
                if (id == AttrNuValObs)
                {
                    found.Add((v.U16(), v.U16(), v.U16(), v.U32()));
                }
                else if (id == AttrNuCmpdValObs)
                {
                    int n = v.U16();
                    v.U16();
                    for (int k = 0; k < n && !v.Failed; k++)
                    {
                        found.Add((v.U16(), v.U16(), v.U16(), v.U32()));
                    }
                }
                else if (id == AttrTimeStampRel)
                {
                    stamp = v.U32();
                }
                if (v.Failed)
                {
                    return; // a truncated value: this observation is not used
                }
            }
            if (list.Failed)
            {
                return;
            }
            foreach (var (physio, state, unit, value) in found)
            {
                into.Add(new IntelliVueNumeric(physio, state, unit, value, stamp));
            }
        }

        /// <summary>FLOATType: signed 8-bit exponent, signed 24-bit mantissa; the special mantissas are recognised whatever the exponent.</summary>
        public static double? DecodeFloat(uint raw)
        {
            int mantissa = (int)(raw & 0xFFFFFF);
            if (mantissa is 0x7FFFFF or 0x800000 or 0x7FFFFE or 0x800002)
            {
                return null;
            }
            if ((mantissa & 0x800000) != 0)
            {
                mantissa -= 0x1000000;
            }
            int exponent = (sbyte)(raw >> 24);
            return mantissa * Math.Pow(10, exponent);
        }

        /// <summary>Encodes an integer as FLOATType with exponent 0 (the emulator and tests).</summary>
        public static uint EncodeFloat(int value) => (uint)(value & 0xFFFFFF);

        private static bool SpPduAt(BeReader r) => r.U8() == 0xE1 && r.U8() == 0x00 && r.U8() == 0x00 && r.U8() == 0x02;
    }
}
