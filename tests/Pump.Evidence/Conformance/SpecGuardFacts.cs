using Pump.Core.Control;
using Pump.Core.Interlock;
using Pump.Core.Link;

namespace Pump.Evidence.Conformance
{
    /// <summary>
    /// The reference model's own definitions of the guard facts, written from hardware-docs/requirements.md over the raw
    /// situation (sensors, line, session, alarms, interlock verdict), independently of the firmware's
    /// <see cref="GuardReader.Derive"/>. The raw-situation conformance run feeds the same situation to both, so a
    /// wrong fact computation in the firmware shows up as a different state-machine outcome.
    /// </summary>
    public static class SpecGuardFacts
    {
        public static GuardInputs From(PumpTrigger trigger, GuardSituation raw)
        {
            var facts = new GuardInputs
            {
                // STM-003: a session brought back by power-up waits for the clinician.
                SessionInterrupted = raw.SessionRestored,
                // "Clamp closed and plunger flange engaged", each actually read.
                SyringeSecured = raw.ClampReadable && raw.ClampClosed && raw.PlungerEngaged,
                DeviceHealthy = DeviceHealthy(raw),
                LinePrimed = raw.LinePrimed,
                // STM-011: the line's own record of first prime / confirmed disconnection.
                LineFreeOfPatient = raw.LineFreeOfPatient,
                // STM-005 / PNL-009: the session's comparison of loaded and remaining volume.
                DrugSufficient = raw.DrugSufficient,
                TitrationPending = raw.TitrationPending,
                // TEC: a delivery-stopping technical alarm is present.
                TechnicalConditionActive = raw.TechnicalStopPresent,
                BaselineAcceptable = true,
                SessionAllowed = true,
            };

            // LIB: an entry that does not require the vital-sign interlock infuses without vitals (plain rate).
            if (!raw.InterlockRequired)
            {
                facts.LeaseHeld = true;
                facts.VitalConditionActive = false;
                if (trigger == PumpTrigger.RequestStart)
                {
                    facts.SessionAllowed = raw.SpacingAllows;
                }
                return facts;
            }

            // LNK-016: when frames are being refused and none is fresh, a refusal names the link, not the patient.
            facts.LinkRefusal = raw.LinkRefusal == FrameResult.None ? null : LinkMessages.ForResult(raw.LinkRefusal);
            switch (trigger)
            {
                case PumpTrigger.RequestStart:
                    // STM-005, LNK-017, INT: a start needs the commissioned monitor, fresh complete vitals (the lease),
                    // and a baseline inside the pre-start limits; a value outside them is a baseline problem, not "no vitals".
                    StartCheck check = raw.MonitorCommissioned ? raw.InterlockStart : StartCheck.LinkFault;
                    facts.LeaseHeld = !VitalsMissingOrUnusable(check);
                    facts.BaselineAcceptable = check == StartCheck.Ok;
                    facts.SessionAllowed = raw.SpacingAllows;
                    facts.VitalConditionActive = false;
                    break;
                case PumpTrigger.RequestResume:
                    // STM-006: the interlock's own resume rule; no stop latched and every latched hold clearable.
                    facts.LeaseHeld = raw.ResumePermitted;
                    facts.VitalConditionActive = raw.Stopped || !raw.HoldsClearable;
                    break;
                default:
                    // INT-001: the motor may run only while the interlock says so; hold or stop level is a vital condition.
                    facts.LeaseHeld = raw.MayInfuse;
                    facts.VitalConditionActive = raw.Level == InterlockLevel.Hold || raw.Level == InterlockLevel.Stop;
                    break;
            }
            return facts;
        }

        /// <summary>
        /// STM-005 "device healthy": force, position and step counter readable (a counter that ran backwards is not a
        /// trustworthy reading, TEC), the clamp sensor readable, driver not faulted, display reachable, configuration usable (CFG-003).
        /// </summary>
        public static bool DeviceHealthy(GuardSituation raw)
        {
            bool sensorsAnswer = raw.ForceReadable && raw.PositionReadable && raw.CounterReadable && raw.ClampReadable;
            bool countTrustworthy = !raw.CounterWentBack;
            bool actuatorsAnswer = !raw.DriverFaulted && raw.DisplayHealthy;
            return sensorsAnswer && countTrustworthy && actuatorsAnswer && !raw.ConfigurationFault;
        }

        /// <summary>The pre-start results that mean "no usable vitals" (no lease), as opposed to a value out of limits.</summary>
        public static bool VitalsMissingOrUnusable(StartCheck check) => check switch
        {
            StartCheck.Ok => false,
            StartCheck.SystolicTooHigh => false,
            StartCheck.DiastolicTooHigh => false,
            StartCheck.HeartRateOutOfRange => false,
            StartCheck.Spo2TooLow => false,
            StartCheck.RespiratoryRateOutOfRange => false,
            StartCheck.NoMonitorData => true,
            StartCheck.MonitorDataStale => true,
            StartCheck.LinkFault => true,
            StartCheck.HeartRateMissing => true,
            StartCheck.Spo2ProbeOff => true,
            StartCheck.Spo2Missing => true,
            StartCheck.NibpMissing => true,
            StartCheck.NibpTooOld => true,
            StartCheck.RespiratoryRateMissing => true,
            StartCheck.SessionStopped => true,
            StartCheck.SessionAlreadyActive => true,
            _ => true,
        };
    }
}
