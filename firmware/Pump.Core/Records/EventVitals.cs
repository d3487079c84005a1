using Pump.Core.Control;
using Pump.Core.Link;

namespace Pump.Core.Records
{
    /// <summary>
    /// The vital signs at the moment of a session event, as one event-log entry that follows it
    /// (<see cref="PumpEvent.VitalsAtEvent"/>), so the infusion records carry them without a second store
    /// (hardware-docs/service-link.md, "Records"). arg0 = systolic × 65536 + diastolic (mmHg); arg1 = heart rate
    /// × 65536 + SpO2 × 256 + respiratory rate. An unavailable value is 0. Only a fresh frame is logged.
    /// </summary>
    public static class EventVitals
    {
        /// <summary>Events of a session that carry the vitals of their moment.</summary>
        public static bool Accompanies(int code)
        {
            return code == PumpEvent.SessionStarted || code == PumpEvent.AlarmRaised
                || code == PumpEvent.Transition || code == PumpEvent.DeliveryStopped;
        }

        public static int PackPressure(VitalSigns v)
        {
            int sbp = v.NibpUsable ? Clamp(v.SystolicMmHg, 0xFFFF) : 0;
            int dbp = v.NibpUsable ? Clamp(v.DiastolicMmHg, 0xFFFF) : 0;
            return (sbp << 16) | dbp;
        }

        public static int PackRates(VitalSigns v)
        {
            int hr = v.HeartRateAvailable ? Clamp(v.HeartRateBpm, 0x7FFF) : 0;
            int spo2 = v.Spo2Usable ? Clamp(v.Spo2Percent, 0xFF) : 0;
            int rr = (v.AvailableFlags & VitalSigns.AvailRespiratoryRate) != 0 ? Clamp(v.RespiratoryRatePerMin, 0xFF) : 0;
            return (hr << 16) | (spo2 << 8) | rr;
        }

        private static int Clamp(int value, int max)
        {
            return value < 0 ? 0 : (value > max ? max : value);
        }
    }
}
