namespace Pump.Core.Alarms
{
    /// <summary>
    /// The declared alarm rules (DESIGN.md D8, ALM-001). Priorities follow IEC 60601-1-8's
    /// potential-harm × onset grid (pump-anchors.md §3.2). hardware-docs/alarms.md is generated from it.
    /// </summary>
    public static class AlarmTable
    {
        private static readonly AlarmRule[] Rules = Build();

        public static int Count { get { return Rules.Length; } }

        public static AlarmRule At(int index)
        {
            return Rules[index];
        }

        /// <summary>The rule of a code (every code but None has exactly one).</summary>
        public static AlarmRule For(AlarmCode code)
        {
            return Rules[(int)code - 1];
        }

        private static AlarmRule[] Build()
        {
            // Ordered by code so For() is an index.
            return new AlarmRule[]
            {
                new AlarmRule(AlarmCode.Occlusion, AlarmPriority.High, AlarmAction.TechnicalStop, true, "OCCLUSION",
                    "plunger force above the selected pressure level, or rising faster than the rate-of-rise limit; pressure relieved by backing off"),
                new AlarmRule(AlarmCode.NearEmpty, AlarmPriority.Low, AlarmAction.Annunciate, false, "SYRINGE NEAR EMPTY",
                    "syringe contents (plunger position) last less than the near-empty lead time at the current rate"),
                new AlarmRule(AlarmCode.SyringeEmpty, AlarmPriority.High, AlarmAction.TechnicalStop, true, "SYRINGE EMPTY",
                    "plunger at the end of the syringe's usable travel"),
                new AlarmRule(AlarmCode.SyringeNotSecured, AlarmPriority.High, AlarmAction.TechnicalStop, true, "SYRINGE NOT SECURED",
                    "clamp open or plunger flange disengaged (or the switches unreadable) while delivering"),
                new AlarmRule(AlarmCode.MotorStall, AlarmPriority.High, AlarmAction.TechnicalStop, true, "MOTOR NOT STEPPING",
                    "counted microsteps behind the steps due by more than the lag tolerance"),
                new AlarmRule(AlarmCode.MotorRunaway, AlarmPriority.High, AlarmAction.Fatal, true, "MOTOR RUNAWAY",
                    "counted microsteps beyond those commanded, or the plunger moving while the motor is off"),
                new AlarmRule(AlarmCode.OverInfusion, AlarmPriority.High, AlarmAction.Fatal, true, "OVER-INFUSION",
                    "plunger position ahead of the ledger beyond tolerance for longer than the window"),
                new AlarmRule(AlarmCode.UnderInfusion, AlarmPriority.High, AlarmAction.TechnicalStop, true, "UNDER-INFUSION",
                    "plunger position behind the ledger beyond tolerance for longer than the window (pulses without motion)"),
                new AlarmRule(AlarmCode.InfusionComplete, AlarmPriority.Medium, AlarmAction.Annunciate, true, "INFUSION COMPLETE",
                    "the program's volume was delivered"),
                new AlarmRule(AlarmCode.CallbackPaused, AlarmPriority.Medium, AlarmAction.Annunciate, false, "PAUSED: CALLBACK",
                    "paused, held or stopped by alarm for longer than the callback time"),
                new AlarmRule(AlarmCode.CallbackProgramming, AlarmPriority.Low, AlarmAction.Annunciate, false, "FINISH PROGRAMMING",
                    "programming or ready left without a key press for longer than the callback time"),
                new AlarmRule(AlarmCode.DriverFault, AlarmPriority.High, AlarmAction.TechnicalStop, true, "MOTOR DRIVER FAULT",
                    "the stepper driver's fault output is asserted"),
                new AlarmRule(AlarmCode.ForceSensorFault, AlarmPriority.High, AlarmAction.TechnicalStop, true, "FORCE SENSOR FAULT",
                    "the force sensor cannot be read while delivering (occlusion could go unseen)"),
                new AlarmRule(AlarmCode.PositionSensorFault, AlarmPriority.High, AlarmAction.TechnicalStop, true, "POSITION SENSOR FLT",
                    "the plunger position cannot be read while delivering"),
                new AlarmRule(AlarmCode.CounterFault, AlarmPriority.High, AlarmAction.Fatal, true, "STEP COUNTER FAULT",
                    "the step counter cannot be read or went backwards (the dose can no longer be accounted)"),
                new AlarmRule(AlarmCode.StorageFault, AlarmPriority.High, AlarmAction.TechnicalStop, true, "STORAGE FAULT",
                    "the delivery reservation could not be persisted (a power loss could lose dose history)"),
                new AlarmRule(AlarmCode.DisplayFault, AlarmPriority.High, AlarmAction.TechnicalStop, true, "DISPLAY FAULT",
                    "the display cannot be reached"),
                new AlarmRule(AlarmCode.SoftwareFault, AlarmPriority.High, AlarmAction.Fatal, true, "SOFTWARE FAULT",
                    "an exception reached the control loop or an internal check failed"),
                new AlarmRule(AlarmCode.VitalsLeaseLost, AlarmPriority.High, AlarmAction.VitalHold, true, "NO VALID VITALS",
                    "the vital-sign lease expired (link lost, stale blood pressure, probe off, unpaired monitor)"),
                new AlarmRule(AlarmCode.VitalAdvisory, AlarmPriority.Medium, AlarmAction.Annunciate, false, "CHECK VITALS",
                    "an advisory-level vital-sign rule is met"),
                new AlarmRule(AlarmCode.VitalHold, AlarmPriority.High, AlarmAction.VitalHold, true, "VITALS: HOLD",
                    "a hold-level vital-sign rule is met"),
                new AlarmRule(AlarmCode.VitalStop, AlarmPriority.High, AlarmAction.VitalStop, true, "VITALS: STOPPED",
                    "a stop-level vital-sign rule is met"),
                new AlarmRule(AlarmCode.UnpairedMonitor, AlarmPriority.High, AlarmAction.Annunciate, true, "WRONG MONITOR",
                    "frames from a monitor not paired to this pump"),
                new AlarmRule(AlarmCode.LinkErrors, AlarmPriority.Low, AlarmAction.Annunciate, false, "MONITOR LINK ERRORS",
                    "bad frames above the allowed rate"),
                new AlarmRule(AlarmCode.PowerRestored, AlarmPriority.Medium, AlarmAction.Annunciate, true, "POWER WAS LOST",
                    "the pump restarted with a session in progress"),
                new AlarmRule(AlarmCode.ClockInvalid, AlarmPriority.Low, AlarmAction.Annunciate, false, "SET CLOCK",
                    "the real-time clock is not valid (session spacing cannot be proven)"),
                new AlarmRule(AlarmCode.DoseLimitReached, AlarmPriority.High, AlarmAction.Fatal, true, "DOSE LIMIT EXCEEDED",
                    "counted microsteps beyond the program total or the dose allowance"),
                new AlarmRule(AlarmCode.WatchdogReset, AlarmPriority.High, AlarmAction.Annunciate, true, "WATCHDOG RESET",
                    "the last reset was caused by the watchdog"),
                new AlarmRule(AlarmCode.LibraryRefused, AlarmPriority.Medium, AlarmAction.Annunciate, true, "LIBRARY REFUSED",
                    "the stored drug library failed its CRC, format or consistency checks; the firmware's shipped library is used"),
                new AlarmRule(AlarmCode.SessionNotRestored, AlarmPriority.High, AlarmAction.Annunciate, true, "SESSION NOT RESTORED",
                    "a session open before a reset could not be rebuilt (library or syringe changed); its recorded delivery is shown and the session closed"),
            };
        }
    }
}
