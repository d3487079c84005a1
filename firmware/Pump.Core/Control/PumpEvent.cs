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
        /// <summary>The clinician acknowledged the latched vital-sign holds with the resume key.</summary>
        public const int HoldsAcknowledged = 23;
        /// <summary>The monitor-link sender announced an authenticated new boot. arg0 = previous boot, arg1 = new boot.</summary>
        public const int MonitorSenderRestarted = 24;
        /// <summary>The monitor-link key was set over the service link (LNK-017). arg0 = monitor id (low 31 bits), arg1 = previous key check value (0 none).</summary>
        public const int LinkKeySet = 31;
        /// <summary>A restored session's vital-sign holds latched again (INT-501). arg0 = index of the rule shown, arg1 = latched rule bits.</summary>
        public const int VitalRulesRestored = 34;
        /// <summary>A vital-sign hold or stop rule latched. arg0 = rule index, arg1 = its level.</summary>
        public const int VitalRuleLatched = 35;
    }
}
