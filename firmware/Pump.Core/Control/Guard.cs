namespace Pump.Core.Control
{
    /// <summary>
    /// Named guards of the state table. They come in complementary pairs (X / not X), so for any
    /// inputs exactly one rule of a pair applies: guards are mutually exclusive by construction.
    /// </summary>
    public enum Guard
    {
        Always = 0,
        NoInterruptedSession = 1,
        InterruptedSession = 2,
        StartPermitted = 3,
        StartRefused = 4,
        ResumePermitted = 5,
        ResumeRefused = 6,
        PrimePermitted = 7,
        PrimeRefused = 8,
        CauseCleared = 9,
        CauseActive = 10,
        TitrationReady = 11,
        TitrationNotReady = 12,
    }

    /// <summary>
    /// The facts the guards read, gathered by the controller just before a trigger is handled.
    /// Missing knowledge must be passed as the unsafe value (false for "held", "secured"...).
    /// </summary>
    public struct GuardInputs
    {
        /// <summary>A session was in progress when power was lost (persisted).</summary>
        public bool SessionInterrupted;
        /// <summary>Clamp closed and plunger flange engaged.</summary>
        public bool SyringeSecured;
        /// <summary>The line was primed since the syringe was loaded.</summary>
        public bool LinePrimed;
        /// <summary>An unexpired vital-sign lease is held (fresh, paired, in-limit vitals).</summary>
        public bool LeaseHeld;
        /// <summary>A fresh baseline was captured and passes the pre-start rules.</summary>
        public bool BaselineAcceptable;
        /// <summary>The dose history allows a session now (spacing, count per period).</summary>
        public bool SessionAllowed;
        /// <summary>A hold- or stop-level vital-sign condition is present now.</summary>
        public bool VitalConditionActive;
        /// <summary>A delivery-stopping technical alarm condition is present now.</summary>
        public bool TechnicalConditionActive;
        /// <summary>Force, position and step counter readable, driver not faulted, display reachable.</summary>
        public bool DeviceHealthy;
        /// <summary>
        /// When the monitor link is refusing frames and none is fresh: the refusal's panel text (e.g. "LINK REPLAY"),
        /// so a vitals refusal names the link, not the patient. Null otherwise. Read only by RefusalReason.
        /// </summary>
        public string? LinkRefusal;
        /// <summary>The line is not on the patient: the program's first prime, or the clinician confirmed in two
        /// logged steps that it was disconnected (STM-011).</summary>
        public bool LineFreeOfPatient;
        /// <summary>The syringe holds at least what the program still has to deliver, or the clinician confirmed
        /// starting with less after seeing both volumes (STM-005).</summary>
        public bool DrugSufficient;
        /// <summary>A new rate for the running program was checked against the entry's limits, its soft findings
        /// confirmed, and it is waiting to take effect (TIT-002).</summary>
        public bool TitrationPending;

        /// <summary>Evaluates a guard.</summary>
        public bool Holds(Guard guard)
        {
            switch (guard)
            {
                case Guard.Always: return true;
                case Guard.NoInterruptedSession: return !SessionInterrupted;
                case Guard.InterruptedSession: return SessionInterrupted;
                case Guard.StartPermitted: return StartOk();
                case Guard.StartRefused: return !StartOk();
                case Guard.ResumePermitted: return ResumeOk();
                case Guard.ResumeRefused: return !ResumeOk();
                case Guard.PrimePermitted: return PrimeOk();
                case Guard.PrimeRefused: return !PrimeOk();
                case Guard.CauseCleared: return !TechnicalConditionActive;
                case Guard.CauseActive: return TechnicalConditionActive;
                case Guard.TitrationReady: return TitrationOk();
                case Guard.TitrationNotReady: return !TitrationOk();
                default: return false;
            }
        }

        /// <summary>The first unmet condition of a refusing guard, as a panel message (≤ 20 chars).</summary>
        public string RefusalReason(Guard guard)
        {
            switch (guard)
            {
                case Guard.StartRefused:
                    if (!SyringeSecured) return "SYRINGE NOT SECURED";
                    if (!DeviceHealthy) return "DEVICE FAULT";
                    if (!LinePrimed) return "PRIME LINE FIRST";
                    if (!DrugSufficient) return "TOO LITTLE DRUG";
                    if (!SessionAllowed) return "SESSION LIMIT";
                    if (!LeaseHeld) return LinkRefusal ?? "NO VALID VITALS";
                    if (!BaselineAcceptable) return "BASELINE NOT OK";
                    if (VitalConditionActive) return "VITALS OUT OF RANGE";
                    return "START REFUSED";
                case Guard.ResumeRefused:
                    if (!SyringeSecured) return "SYRINGE NOT SECURED";
                    if (!DeviceHealthy) return "DEVICE FAULT";
                    if (TechnicalConditionActive) return "ALARM CAUSE PRESENT";
                    if (LinkRefusal != null) return LinkRefusal;
                    if (VitalConditionActive) return "VITALS OUT OF RANGE";
                    if (!LeaseHeld) return "NO VALID VITALS";
                    return "RESUME REFUSED";
                case Guard.PrimeRefused:
                    if (!SyringeSecured) return "SYRINGE NOT SECURED";
                    if (!DeviceHealthy) return "DEVICE FAULT";
                    return "DISCONNECT LINE";
                case Guard.CauseActive:
                    return "ALARM CAUSE PRESENT";
                case Guard.TitrationNotReady:
                    if (!DeviceHealthy) return "DEVICE FAULT";
                    return "RATE NOT CONFIRMED";
                default:
                    return "";
            }
        }

        private bool StartOk()
        {
            return SyringeSecured && DeviceHealthy && LinePrimed && DrugSufficient && LeaseHeld && BaselineAcceptable && SessionAllowed && !VitalConditionActive;
        }

        private bool PrimeOk()
        {
            return SyringeSecured && DeviceHealthy && LineFreeOfPatient;
        }

        private bool TitrationOk()
        {
            return TitrationPending && DeviceHealthy;
        }

        private bool ResumeOk()
        {
            return SyringeSecured && DeviceHealthy && LeaseHeld && !VitalConditionActive && !TechnicalConditionActive;
        }

        public static string Name(Guard guard)
        {
            switch (guard)
            {
                case Guard.Always: return "always";
                case Guard.NoInterruptedSession: return "no interrupted session";
                case Guard.InterruptedSession: return "interrupted session";
                case Guard.StartPermitted: return "secured, healthy, primed, enough drug, session allowed, lease held, baseline ok";
                case Guard.StartRefused: return "start conditions not met";
                case Guard.ResumePermitted: return "secured, healthy, lease held, no vital or technical condition";
                case Guard.ResumeRefused: return "resume conditions not met";
                case Guard.PrimePermitted: return "syringe secured, device healthy, line free of patient";
                case Guard.PrimeRefused: return "syringe not secured, device fault or line on the patient";
                case Guard.CauseCleared: return "cause cleared";
                case Guard.CauseActive: return "cause still present";
                case Guard.TitrationReady: return "checked rate confirmed, device healthy";
                case Guard.TitrationNotReady: return "no confirmed rate, or device fault";
                default: return "?";
            }
        }
    }
}
