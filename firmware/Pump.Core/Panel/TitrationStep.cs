namespace Pump.Core.Panel
{
    /// <summary>Where the clinician is in a rate change.</summary>
    public enum TitrationStep
    {
        Closed = 0,
        /// <summary>The new rate in the digit editor.</summary>
        Edit = 1,
        /// <summary>The rate crosses a limit: refused (hard) or flagged (soft) on its own screen.</summary>
        Finding = 2,
        /// <summary>Second confirmation of a soft finding.</summary>
        ConfirmOverride = 3,
        /// <summary>Old → new rate, mL/h and the new time left; OK makes it take effect.</summary>
        Confirm = 4,
    }
}
