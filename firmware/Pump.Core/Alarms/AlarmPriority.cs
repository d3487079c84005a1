namespace Pump.Core.Alarms
{
    /// <summary>IEC 60601-1-8 priorities (hardware-docs/alarms.md). Ordered: higher value wins.</summary>
    public enum AlarmPriority
    {
        None = 0,
        /// <summary>Operator awareness.</summary>
        Low = 1,
        /// <summary>Prompt response required.</summary>
        Medium = 2,
        /// <summary>Immediate response required.</summary>
        High = 3,
    }

    /// <summary>What an alarm does to delivery besides annunciating.</summary>
    public enum AlarmAction
    {
        /// <summary>Annunciate only.</summary>
        Annunciate = 0,
        /// <summary>Hold delivery: vital-sign hold (latched; resume needs vitals in range).</summary>
        VitalHold = 1,
        /// <summary>End the session.</summary>
        VitalStop = 2,
        /// <summary>Stop delivery; clinician clears the cause and resumes.</summary>
        TechnicalStop = 3,
        /// <summary>Stop for good: Failsafe until service.</summary>
        Fatal = 4,
    }
}
