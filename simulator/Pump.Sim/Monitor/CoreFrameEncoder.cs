using Pump.Core.Link;

namespace Pump.Sim.Monitor
{
    /// <summary>
    /// Encodes readings as monitor-link v1 vital-signs frames (hardware-docs/monitor-link.md) with the core's
    /// own <see cref="MonitorFrameEncoder"/>, so the virtual monitor speaks exactly what the pump parses.
    /// Reuses one <see cref="VitalSigns"/> holder: no allocation per frame.
    /// </summary>
    public sealed class CoreFrameEncoder : IVitalsFrameEncoder
    {
        private readonly VitalSigns _v = new VitalSigns();

        public int MaxFrameBytes => MonitorFrameFormat.MaxFrameLength;

        public int Encode(in VitalSignsReading r, byte[] buffer)
        {
            VitalSigns v = _v;
            v.Clear();
            v.MonitorId = r.MonitorId;
            v.Sequence = r.Sequence;
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
                v.NibpAgeS = r.NibpAgeS;
                v.NibpReadingNumber = r.NibpReadingNumber & 0xFFFF;
            }
            v.AvailableFlags = avail;
            v.StatusFlags = status;
            return MonitorFrameEncoder.EncodeVitals(v, buffer, 0);
        }
    }
}
