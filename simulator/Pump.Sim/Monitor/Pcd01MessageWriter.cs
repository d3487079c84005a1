using System;
using System.Globalization;
using System.Text;

namespace Pump.Sim.Monitor
{
    /// <summary>
    /// The virtual monitor as an IHE PCD-01 Device Observation Reporter: one ORU^R01 (HL7 v2.6, IEEE 11073 MDC codes)
    /// per reading, each value with its own OBX-14 time (the cuff reading's time for NIBP), the monitor's EUI-64 in
    /// OBX-18, the bed in PV1-3 and the patient in PID-3. SpO2 with the probe off is sent with status X.
    /// </summary>
    public sealed class Pcd01MessageWriter
    {
        private readonly string _eui64;
        private readonly string _bed;
        private readonly string _patient;
        private readonly DateTimeOffset _clockZero;
        private long _controlId;

        /// <param name="clockZero">The monitor's wall clock at simulated time 0.</param>
        public Pcd01MessageWriter(ulong eui64, string bed, string patientId, DateTimeOffset clockZero)
        {
            _eui64 = eui64.ToString("X16", CultureInfo.InvariantCulture);
            _bed = bed;
            _patient = patientId;
            _clockZero = clockZero;
        }

        /// <summary>The monitor's clock offset from true time (a clock fault scenario), ms.</summary>
        public long ClockErrorMs { get; set; }

        public string Write(in VitalSignsReading r)
        {
            string now = Time(r.TimeMs);
            string id = (++_controlId).ToString(CultureInfo.InvariantCulture);
            var sb = new StringBuilder();
            sb.Append("MSH|^~\\&|SIM_MONITOR^").Append(_eui64).Append("^EUI-64|SIM|MONITOR_BRIDGE||").Append(now)
              .Append("||ORU^R01^ORU_R01|").Append(id).Append("|P|2.6|||AL|NE|||||PCD_DEC_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO\r");
            sb.Append("PID|||").Append(_patient).Append("^^^SIM^MR\r");
            sb.Append("PV1||I|").Append(_bed.Replace(' ', '^')).Append("\r");
            sb.Append("OBR|1|").Append(id).Append("^SIM|").Append(id).Append("^SIM|182777000^monitoring of patient^SCT|||").Append(now).Append("\r");
            sb.Append("OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X|||||||").Append(_eui64).Append("^EUI-64\r");
            int n = 2;
            Numeric(sb, ref n, "147842^MDC_ECG_HEART_RATE^MDC", "1.1.1.1", r.HrBpm.ToString(CultureInfo.InvariantCulture), "264864^MDC_DIM_BEAT_PER_MIN^MDC", "R", now);
            Numeric(sb, ref n, "150456^MDC_PULS_OXIM_SAT_O2^MDC", "1.2.1.1", r.ProbeOff ? string.Empty : r.Spo2Pct.ToString(CultureInfo.InvariantCulture), "262688^MDC_DIM_PERCENT^MDC", r.ProbeOff ? "X" : "R", now);
            Numeric(sb, ref n, "151562^MDC_RESP_RATE^MDC", "1.3.1.1", r.RrPerMin.ToString(CultureInfo.InvariantCulture), "264928^MDC_DIM_RESP_PER_MIN^MDC", "R", now);
            if (r.NibpAvailable)
            {
                string cuff = Time(r.TimeMs - r.NibpAgeMs);
                int mean = (r.SbpMmHg + (2 * r.DbpMmHg)) / 3;
                Numeric(sb, ref n, "150021^MDC_PRESS_BLD_NONINV_SYS^MDC", "1.4.1.1", r.SbpMmHg.ToString(CultureInfo.InvariantCulture), "266016^MDC_DIM_MMHG^MDC", "R", cuff);
                Numeric(sb, ref n, "150022^MDC_PRESS_BLD_NONINV_DIA^MDC", "1.4.1.2", r.DbpMmHg.ToString(CultureInfo.InvariantCulture), "266016^MDC_DIM_MMHG^MDC", "R", cuff);
                Numeric(sb, ref n, "150023^MDC_PRESS_BLD_NONINV_MEAN^MDC", "1.4.1.3", mean.ToString(CultureInfo.InvariantCulture), "266016^MDC_DIM_MMHG^MDC", "R", cuff);
            }
            return sb.ToString();
        }

        private void Numeric(StringBuilder sb, ref int n, string code, string sub, string value, string unit, string status, string time)
        {
            sb.Append("OBX|").Append(n++).Append("|NM|").Append(code).Append('|').Append(sub).Append('|').Append(value).Append('|').Append(unit)
              .Append("|||||").Append(status).Append("|||").Append(time).Append("||||").Append(_eui64).Append("^EUI-64\r");
        }

        private string Time(long simMs)
        {
            DateTimeOffset t = _clockZero.AddMilliseconds(simMs + ClockErrorMs);
            return t.ToString("yyyyMMddHHmmss.fff", CultureInfo.InvariantCulture) + (t.Offset < TimeSpan.Zero ? "-" : "+") + t.Offset.ToString("hhmm", CultureInfo.InvariantCulture);
        }
    }
}
