using Pump.Core.Common;
using Pump.Core.Interlock;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Records;

namespace Pump.Core.Control
{
    /// <summary>
    /// What is written when a session opens: its start time and vital-sign baseline in the snapshot (restored after a
    /// reset, PER-015), and the start events of the record (REC-001): SessionStarted, the patient and program details,
    /// and the plain mL/h marker for an infusion without dose limits or interlock (LIB).
    /// </summary>
    internal static class SessionOpeningRecord
    {
        /// <param name="baseline">The interlock's baseline, or null when the drug does not need the interlock.</param>
        internal static void Write(PumpSnapshot snap, SessionLog log, VitalBaseline? baseline, DrugEntry drug, InfusionProgram program,
            long patientId, long startUtcSeconds)
        {
            snap.SessionStartUtcSeconds = startUtcSeconds;
            int baselineSbp = 0;
            if (baseline != null)
            {
                snap.BaselineSbpMmHg = baseline.SystolicMmHg;
                snap.BaselineDbpMmHg = baseline.DiastolicMmHg;
                snap.BaselineHrBpm = baseline.HeartRateBpm;
                snap.BaselineSpo2Percent = baseline.Spo2Percent;
                baselineSbp = baseline.SystolicMmHg;
            }

            log.Append(PumpEvent.SessionStarted, 0, drug.DrugId, baselineSbp);
            SessionRecordEvents.Append(log, patientId, drug, program);
            if (baseline == null && drug.Mode == DoseMode.PlainRate)
            {
                // A plain mL/h infusion has no dose limits and no vital-sign interlock: it is always logged as such.
                log.Append(PumpEvent.PlainRateInfusionStarted, 0, (int)IntMath.Min(program.RateNlPerH / 1000, int.MaxValue),
                    (int)IntMath.Min(program.VolumeNl / 1000, int.MaxValue));
            }
        }
    }
}
