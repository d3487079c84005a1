namespace Pump.Hal
{
    /// <summary>IEC 60601-1-8 style sound patterns (hardware-docs/alarms.md).</summary>
    public enum AlarmSound
    {
        Silent = 0,
        /// <summary>1–2 pulses, not repeated quickly.</summary>
        LowPriority = 1,
        /// <summary>3-pulse burst.</summary>
        MediumPriority = 2,
        /// <summary>10-pulse burst.</summary>
        HighPriority = 3,
        /// <summary>Single confirmation chirp (key accepted, infusion complete).</summary>
        Information = 4,
    }

    /// <summary>Alarm lamp state.</summary>
    public enum AlarmLight
    {
        Off = 0,
        /// <summary>Cyan/yellow, constant.</summary>
        LowSteady = 1,
        /// <summary>Yellow, flashing 0.4–0.8 Hz.</summary>
        MediumFlashing = 2,
        /// <summary>Red, flashing 1.4–2.8 Hz.</summary>
        HighFlashing = 3,
    }

    /// <summary>
    /// Buzzer and lamps. The port generates the pulse timing of each pattern in hardware; the core
    /// only selects the pattern. Failure: the port cannot detect a silent buzzer; the self-test
    /// sounds it at power-up for the operator to hear.
    /// </summary>
    public interface IAnnunciator
    {
        /// <summary>Selects the sound pattern (repeats until changed).</summary>
        void SetSound(AlarmSound sound);

        /// <summary>Selects the alarm lamp.</summary>
        void SetLight(AlarmLight light);

        /// <summary>Green "infusing" lamp.</summary>
        void SetRunning(bool on);

        /// <summary>Indicator that alarm audio is paused.</summary>
        void SetAudioPaused(bool on);
    }
}
