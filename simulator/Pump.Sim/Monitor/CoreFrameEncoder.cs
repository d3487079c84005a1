using Pump.Core.Link;

namespace Pump.Sim.Monitor
{
    /// <summary>
    /// Encodes readings as monitor-link v2 vital-signs frames (hardware-docs/monitor-link.md) with the core's
    /// own <see cref="MonitorFrameEncoder"/> and the pairing key, so the virtual monitor speaks exactly what the
    /// pump parses. Reuses one <see cref="VitalSigns"/> holder: no allocation per frame.
    /// </summary>
    public sealed class CoreFrameEncoder : IVitalsFrameEncoder
    {
        private readonly VitalSigns _v = new VitalSigns();
        private readonly VitalSigns _source = new VitalSigns();
        private readonly HmacSha256 _mac;

        /// <param name="pairing">Key the frames are signed with.</param>
        /// <param name="sourceId">The source monitor's identity carried in each frame.</param>
        /// <param name="bedLabel">The source monitor's bed label.</param>
        public CoreFrameEncoder(MonitorPairing pairing, ulong sourceId = 0x00A0C0FFEE000001UL, string bedLabel = "SIM BED 1")
        {
            _mac = pairing.NewMac();
            _source.SourceId = sourceId;
            _source.SetBedLabel(bedLabel);
        }

        public int MaxFrameBytes => MonitorFrameFormat.MaxFrameLength;

        public int Encode(in VitalSignsReading r, byte[] buffer)
        {
            VitalSigns v = _v;
            v.Clear();
            v.MonitorId = r.MonitorId;
            v.Boot = r.Boot;
            v.Sequence = r.Sequence;
            v.SourceId = _source.SourceId;
            for (int i = 0; i < VitalSigns.BedLabelLength; i++)
            {
                v.BedLabel[i] = _source.BedLabel[i];
            }
            v.HeartRateBpm = r.HrBpm;
            v.RespiratoryRatePerMin = r.RrPerMin;
            int avail = VitalSigns.AvailHeartRate | VitalSigns.AvailRespiratoryRate;
            int status = 0;
            if (r.ProbeOff)
            {
                status |= VitalSigns.StatusSpo2ProbeOff;
            }
            else
            {
                avail |= VitalSigns.AvailSpo2;
                v.Spo2Percent = r.Spo2Pct;
            }
            if (r.NibpAvailable)
            {
                avail |= VitalSigns.AvailNibp;
                v.SystolicMmHg = r.SbpMmHg;
                v.DiastolicMmHg = r.DbpMmHg;
                v.MeanMmHg = (r.SbpMmHg + (2 * r.DbpMmHg)) / 3;
                v.NibpAgeMs = r.NibpAgeMs;
                v.NibpReadingNumber = r.NibpReadingNumber & 0xFFFF;
            }
            v.AvailableFlags = avail;
            v.StatusFlags = status;
            return MonitorFrameEncoder.EncodeVitals(v, _mac, buffer, 0);
        }
    }
}
