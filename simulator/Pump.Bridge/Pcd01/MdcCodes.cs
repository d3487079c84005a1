using Pump.Bridge.Model;

namespace Pump.Bridge.Pcd01
{
    /// <summary>
    /// The IEEE 11073-10101 codes the bridge reads from PCD-01 OBX-3, declared as a table that the tests and
    /// monitor-bridge.md walk (codes from monitor-interop.md §2.2: partition × 65536 + term code). For heart
    /// rate the ECG rate wins over the oximeter pulse, which wins over the cuff's pulse (lower rank first).
    /// </summary>
    public static class MdcCodes
    {
        public sealed record Entry(int Code, string Name, VitalKind Kind, string Role, int Rank);

        public const int MmHg = 266016;
        public const int KiloPascal = 265987;
        public const int BeatPerMin = 264864;
        public const int Percent = 262688;
        public const int RespPerMin = 264928;

        public static readonly Entry[] Table =
        {
            new(147842, "MDC_ECG_HEART_RATE", VitalKind.HeartRate, "value", 0),
            new(149530, "MDC_PULS_OXIM_PULS_RATE", VitalKind.HeartRate, "value", 1),
            new(149546, "MDC_PULS_RATE_NON_INV", VitalKind.HeartRate, "value", 2),
            new(150456, "MDC_PULS_OXIM_SAT_O2", VitalKind.Spo2, "value", 0),
            new(151562, "MDC_RESP_RATE", VitalKind.RespiratoryRate, "value", 0),
            new(151578, "MDC_TTHOR_RESP_RATE", VitalKind.RespiratoryRate, "value", 1),
            new(151570, "MDC_AWAY_RESP_RATE", VitalKind.RespiratoryRate, "value", 2),
            new(150021, "MDC_PRESS_BLD_NONINV_SYS", VitalKind.Nibp, "systolic", 0),
            new(150022, "MDC_PRESS_BLD_NONINV_DIA", VitalKind.Nibp, "diastolic", 0),
            new(150023, "MDC_PRESS_BLD_NONINV_MEAN", VitalKind.Nibp, "mean", 0),
        };

        /// <summary>The unit each kind must arrive in (MDC code, or the UCUM text alternatives).</summary>
        public static bool UnitAccepted(VitalKind kind, string mdcCode, string ucum)
        {
            return kind switch
            {
                VitalKind.HeartRate => mdcCode == BeatPerMin.ToString() || ucum is "/min" or "{beat}/min" or "{beats}/min",
                VitalKind.Spo2 => mdcCode == Percent.ToString() || ucum == "%",
                VitalKind.RespiratoryRate => mdcCode == RespPerMin.ToString() || ucum is "/min" or "{breath}/min" or "{resp}/min",
                _ => mdcCode == MmHg.ToString() || ucum == "mm[Hg]",
            };
        }

        public static Entry? Find(int code)
        {
            foreach (Entry e in Table)
            {
                if (e.Code == code)
                {
                    return e;
                }
            }
            return null;
        }
    }
}
