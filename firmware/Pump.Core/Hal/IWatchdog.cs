namespace Pump.Hal
{
    /// <summary>
    /// External watchdog/supervisor IC: if not kicked within its timeout it resets the MCU and cuts
    /// the motor driver's enable line in hardware. The core kicks it only from a healthy tick.
    /// Failure: a watchdog that does not bite is found by the power-up self-test (a deliberate
    /// timeout marked in non-volatile memory); a port that cannot arm it reports IsArmed false.
    /// </summary>
    public interface IWatchdog
    {
        /// <summary>Timeout in milliseconds.</summary>
        int TimeoutMs { get; }

        /// <summary>True once armed.</summary>
        bool IsArmed { get; }

        /// <summary>Restarts the timeout.</summary>
        void Kick();

        /// <summary>True if the last reset was caused by this watchdog biting.</summary>
        bool LastResetWasWatchdog { get; }
    }
}
