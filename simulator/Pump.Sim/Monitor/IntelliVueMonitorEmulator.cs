using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Pump.Sim.Monitor
{
    /// <summary>
    /// The virtual monitor as a Philips IntelliVue Data Export server (monitor-interop.md §3), without I/O: it
    /// accepts an association, announces its MDS, and answers extended numeric polls with the latest reading
    /// (HR, SpO2, RR as periodic numerics; NBP as a compound with the cuff reading's relative time stamp). Written
    /// separately from the bridge's decoder so the two check each other.
    /// </summary>
    public sealed class IntelliVueMonitorEmulator
    {
        private const ushort AttrNuValObs = 0x0950, AttrNuCmpdValObs = 0x094B, AttrTimeStampRel = 0x0991, AttrTimeRel = 0x098F;
        private VitalSignsReading _latest;
        private bool _haveReading;
        private bool _associated;

        public bool Associated => _associated;

        public long PollsAnswered { get; private set; }

        /// <summary>While set, the monitor answers nothing (a frozen or unplugged monitor).</summary>
        public bool Silent { get; set; }

        public void Update(in VitalSignsReading reading)
        {
            _latest = reading;
            _haveReading = true;
        }

        /// <summary>Handles a datagram from the client at monitor time <paramref name="nowMs"/>; returns the replies.</summary>
        public List<byte[]> OnDatagram(byte[] d, long nowMs)
        {
            var replies = new List<byte[]>();
            if (Silent || d.Length == 0)
            {
                return replies;
            }
            if (d[0] == 0x0D)
            {
                _associated = true;
                replies.Add(new byte[] { 0x0E, 0x00 });
                replies.Add(MdsCreateEvent(nowMs));
            }
            else if (d[0] == 0x09)
            {
                _associated = false;
                replies.Add(new byte[] { 0x0A, 0x00 });
            }
            else if (_associated && d.Length >= 30 && d[0] == 0xE1 && BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(24)) == 0xF13B)
            {
                PollsAnswered++;
                replies.Add(PollResult(BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(8)), BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(28)), nowMs));
            }
            return replies;
        }

        /// <summary>The monitor ends the association on its own (abort).</summary>
        public byte[] Abort()
        {
            _associated = false;
            return new byte[] { 0x19, 0x00 };
        }

        private static uint Rel(long ms) => unchecked((uint)(ms * 8));

        private static byte[] MdsCreateEvent(long nowMs)
        {
            var attrs = new List<byte>();
            Attr(attrs, AttrTimeRel, U32(Rel(nowMs)));
            var b = new List<byte> { 0xE1, 0x00, 0x00, 0x02 };
            int argLength = 6 + 4 + 2 + 2 + 6 + 4 + attrs.Count;
            b.AddRange(U16(1)); b.AddRange(U16(6 + argLength));
            b.AddRange(U16(1)); b.AddRange(U16(1)); b.AddRange(U16(argLength));
            b.AddRange(U16(33)); b.AddRange(U16(0)); b.AddRange(U16(0));
            b.AddRange(U32(Rel(nowMs))); b.AddRange(U16(0x0D06)); b.AddRange(U16(6 + 4 + attrs.Count));
            b.AddRange(U16(33)); b.AddRange(U16(0)); b.AddRange(U16(0));
            b.AddRange(U16(1)); b.AddRange(U16(attrs.Count));
            b.AddRange(attrs);
            return b.ToArray();
        }

        private byte[] PollResult(int invokeId, int pollNumber, long nowMs)
        {
            var observations = new List<byte>();
            int count = 0;
            if (_haveReading)
            {
                VitalSignsReading r = _latest;
                Observation(observations, ref count, 1, Nu(0x4182, 0, 0x0AA0, r.HrBpm), null);
                Observation(observations, ref count, 2, Nu(0x4BB8, r.ProbeOff ? 0x8000 : 0, 0x0220, r.ProbeOff ? 0x7FFFFF : r.Spo2Pct), null);
                Observation(observations, ref count, 3, Nu(0x500A, 0, 0x0AE0, r.RrPerMin), null);
                if (r.NibpAvailable)
                {
                    var cmpd = new List<byte>();
                    cmpd.AddRange(U16(3)); cmpd.AddRange(U16(30));
                    cmpd.AddRange(NuValue(0x4A05, 0, 0x0F20, r.SbpMmHg));
                    cmpd.AddRange(NuValue(0x4A06, 0, 0x0F20, r.DbpMmHg));
                    cmpd.AddRange(NuValue(0x4A07, 0, 0x0F20, (r.SbpMmHg + (2 * r.DbpMmHg)) / 3));
                    var a = new List<byte>();
                    Attr(a, AttrNuCmpdValObs, cmpd.ToArray());
                    Attr(a, AttrTimeStampRel, U32(Rel(nowMs - r.NibpAgeMs)));
                    AddObservation(observations, ref count, 4, a, 2);
                }
            }
            var body = new List<byte>();
            body.AddRange(U16(pollNumber)); body.AddRange(U16(0)); body.AddRange(U32(Rel(nowMs)));
            body.AddRange(new byte[] { 0x20, 0x26, 0x12, 0x03, 0xFF, 0xFF, 0xFF, 0xFF });
            body.AddRange(U16(1)); body.AddRange(U16(6)); body.AddRange(U16(0));
            body.AddRange(U16(1)); body.AddRange(U16(6 + observations.Count));
            body.AddRange(U16(1)); body.AddRange(U16(count)); body.AddRange(U16(observations.Count));
            body.AddRange(observations);
            var b = new List<byte> { 0xE1, 0x00, 0x00, 0x02 };
            int resultLength = 6 + 2 + 2 + body.Count;
            b.AddRange(U16(2)); b.AddRange(U16(6 + resultLength));
            b.AddRange(U16(invokeId)); b.AddRange(U16(7)); b.AddRange(U16(resultLength));
            b.AddRange(U16(33)); b.AddRange(U16(0)); b.AddRange(U16(0));
            b.AddRange(U16(0xF13B)); b.AddRange(U16(body.Count));
            b.AddRange(body);
            return b.ToArray();
        }

        private static byte[] Nu(int physio, int state, int unit, int value)
        {
            var a = new List<byte>();
            Attr(a, AttrNuValObs, NuValue(physio, state, unit, value));
            return a.ToArray();
        }

        private static byte[] NuValue(int physio, int state, int unit, int value)
        {
            var v = new List<byte>();
            v.AddRange(U16(physio)); v.AddRange(U16(state)); v.AddRange(U16(unit)); v.AddRange(U32((uint)(value & 0xFFFFFF)));
            return v.ToArray();
        }

        private static void Observation(List<byte> into, ref int count, int handle, byte[] attrs, object? _) =>
            AddObservation(into, ref count, handle, new List<byte>(attrs), 1);

        private static void AddObservation(List<byte> into, ref int count, int handle, List<byte> attrs, int attrCount)
        {
            into.AddRange(U16(handle)); into.AddRange(U16(attrCount)); into.AddRange(U16(attrs.Count));
            into.AddRange(attrs);
            count++;
        }

        private static void Attr(List<byte> into, int id, byte[] value)
        {
            into.AddRange(U16(id)); into.AddRange(U16(value.Length)); into.AddRange(value);
        }

        private static byte[] U16(int v) => new[] { (byte)(v >> 8), (byte)v };

        private static byte[] U32(uint v) => new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v };
    }
}
