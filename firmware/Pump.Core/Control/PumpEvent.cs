namespace Pump.Core.Control
{
    /// <summary>Event-log codes written by the controller. Persisted: never renumber.</summary>
    public static class PumpEvent
    {
        /// <summary>arg0 = from state × 256 + trigger, arg1 = to state.</summary>
        public const int Transition = 1;
        /// <summary>arg0 = alarm code.</summary>
        public const int AlarmRaised = 2;
        /// <summary>arg0 = number of alarms cleared.</summary>
        public const int AlarmsAcknowledged = 3;
        /// <summary>arg0 = drug id, arg1 = volume µL.</summary>
        public const int ProgramConfirmed = 4;
        /// <summary>arg0 = limit kind, arg1 = value (limit's unit, clipped to int).</summary>
        public const int SoftLimitOverride = 5;
        /// <summary>arg0 = state × 256 + trigger.</summary>
        public const int RequestRejected = 6;
        /// <summary>arg0 = counted microsteps (low 31 bits), arg1 = delivered µL.</summary>
        public const int DeliveryStopped = 7;
        /// <summary>arg0 = library revision, arg1 = entries.</summary>
        public const int LibraryLoaded = 8;
        /// <summary>arg0 = 1 if a session was interrupted, arg1 = delivered µL recorded.</summary>
        public const int PowerOn = 9;
        /// <summary>arg0 = highest alarm code.</summary>
        public const int AudioPaused = 10;
        /// <summary>arg0 = seconds since last session (clipped), arg1 = sessions in window.</summary>
        public const int SessionSpacingOverride = 11;
        /// <summary>arg0 = drug id, arg1 = baseline systolic mmHg.</summary>
        public const int SessionStarted = 12;
        /// <summary>arg0 = microsteps backed off.</summary>
        public const int PressureRelieved = 13;
        /// <summary>arg0 = LibraryError code, arg1 = 1 if the stored copy was damaged (slots).</summary>
        public const int LibraryRefused = 14;
        /// <summary>arg0 = new library revision, arg1 = entries.</summary>
        public const int LibraryInstalled = 15;
        /// <summary>Follows a session event: the vitals of that moment (Records.EventVitals has the packing).</summary>
        public const int VitalsAtEvent = 16;
        /// <summary>An open session came back after a reset. arg0 = state it was in, arg1 = delivered microsteps (bound).</summary>
        public const int SessionRestored = 17;
        /// <summary>An open session could not be rebuilt after a reset. arg0 = RestoreRefusal, arg1 = delivered µL (bound).</summary>
        public const int SessionNotRestored = 18;
        /// <summary>An alarm-audio pause was running at the reset and ended with it. arg0 = old pause end (s of the old boot).</summary>
        public const int AudioPauseEndedByReset = 19;
        /// <summary>The clinician confirmed, in two steps, that the line is disconnected from the patient before a re-prime.</summary>
        public const int LineDisconnectConfirmed = 20;
        /// <summary>The clinician confirmed starting with less drug loaded than programmed. arg0 = loaded µL, arg1 = program µL.</summary>
        public const int ShortfallConfirmed = 21;
        /// <summary>A plain mL/h infusion started (no dose limits, no vital-sign interlock). arg0 = rate µL/h, arg1 = volume µL.</summary>
        public const int PlainRateInfusionStarted = 22;
        /// <summary>The clinician's resume acknowledged and cleared the latched vital-sign holds (INT-013). arg1 = their
        /// bits by rule table index (the table has fewer than 31 rules).</summary>
        public const int HoldsAcknowledged = 23;
        /// <summary>The monitor-link sender announced an authenticated new boot. arg0 = previous boot, arg1 = new boot.</summary>
        public const int MonitorSenderRestarted = 24;
        /// <summary>The running rate changed (TIT-004). arg0 = old rate, arg1 = new rate, in the drug's titration unit:
        /// µg/kg/h for a weight-based program, µL/h for a plain mL/h one (clipped to int).</summary>
        public const int RateTitrated = 25;
        /// <summary>A titration was refused at entry by a hard limit (TIT-002). arg0 = limit kind, arg1 = value entered (kind's unit, clipped).</summary>
        public const int TitrationRefused = 26;
        /// <summary>A session restored after a reset runs at a titrated rate, not the programmed one (TIT-005). arg0 = rate as in RateTitrated.</summary>
        public const int TitratedRateRestored = 27;
        /// <summary>The session's patient identification, after SessionStarted (PRG-014). arg0 = characters 1-4, arg1 =
        /// characters 5-8 (ASCII, byte 0 first, zero after the last); both 0 = the clinician chose "no id".</summary>
        public const int PatientIdentified = 28;
        /// <summary>One programmed value of the session, after SessionStarted (REC-001). arg0 = Records.ProgramDetail tag,
        /// arg1 = value in the tag's unit.</summary>
        public const int ProgramDetail = 29;
        /// <summary>Part of the drug's name as it was at session start (REC-001). arg0 = part × 32 + name length, then
        /// 3 characters in bytes 1-3; arg1 = the next 4 characters (7 per part, zero after the last).</summary>
        public const int DrugNamePart = 30;
        /// <summary>The monitor-link key was set over the service link (LNK-017). arg0 = monitor id (low 31 bits), arg1 = previous key check value (0 none).</summary>
        public const int LinkKeySet = 31;
        /// <summary>A restored session's vital-sign holds latched again (INT-501). arg0 = index of the rule shown, arg1 = latched rule bits.</summary>
        public const int VitalRulesRestored = 34;
        /// <summary>A vital-sign hold or stop rule latched. arg0 = rule index, arg1 = its level.</summary>
        public const int VitalRuleLatched = 35;
    }
}
