namespace Pump.Core.Alarms
{
    /// <summary>Alarm conditions. Values are persisted and logged: never renumber (add at the end).</summary>
    public enum AlarmCode
    {
        None = 0,
        Occlusion = 1,
        NearEmpty = 2,
        SyringeEmpty = 3,
        SyringeNotSecured = 4,
        /// <summary>Counter behind the schedule (generator or driver not stepping).</summary>
        MotorStall = 5,
        /// <summary>Pulses beyond what was commanded, or plunger motion while the motor is off.</summary>
        MotorRunaway = 6,
        /// <summary>Plunger position ahead of the ledger beyond tolerance for longer than the window.</summary>
        OverInfusion = 7,
        /// <summary>Plunger position behind the ledger beyond tolerance for longer than the window (pulses without motion).</summary>
        UnderInfusion = 8,
        InfusionComplete = 9,
        CallbackPaused = 10,
        CallbackProgramming = 11,
        DriverFault = 12,
        ForceSensorFault = 13,
        PositionSensorFault = 14,
        CounterFault = 15,
        StorageFault = 16,
        DisplayFault = 17,
        SoftwareFault = 18,
        /// <summary>Vital-sign lease not held while infusing (link lost, stale NIBP, probe off...).</summary>
        VitalsLeaseLost = 19,
        VitalAdvisory = 20,
        VitalHold = 21,
        VitalStop = 22,
        UnpairedMonitor = 23,
        LinkErrors = 24,
        PowerRestored = 25,
        ClockInvalid = 26,
        DoseLimitReached = 27,
        WatchdogReset = 28,
        /// <summary>The stored drug library failed its integrity or consistency checks and was not used.</summary>
        LibraryRefused = 29,
        /// <summary>A session open before a reset could not be rebuilt; its recorded delivery is shown.</summary>
        SessionNotRestored = 30,
    }

    public static class AlarmCodes
    {
        /// <summary>One past the highest code.</summary>
        public const int Count = 31;
    }
}
