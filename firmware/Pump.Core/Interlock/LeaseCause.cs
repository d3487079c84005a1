namespace Pump.Core.Interlock
{
    /// <summary>Why the vital-sign lease is not held. Numeric values are stable (event log).</summary>
    public enum LeaseCause
    {
        /// <summary>The lease is held.</summary>
        None = 0,

        /// <summary>No valid frame has granted a lease since the session began.</summary>
        NeverGranted = 1,

        /// <summary>No valid frame arrived before the lease ran out.</summary>
        LinkLost = 2,

        /// <summary>The NIBP reading is older than the profile allows (or the lease ran out at that age).</summary>
        NibpStale = 3,

        /// <summary>No usable NIBP reading (not reported, or cuff error).</summary>
        NibpMissing = 4,

        /// <summary>The monitor reports the SpO2 probe off.</summary>
        Spo2ProbeOff = 5,

        /// <summary>SpO2 not reported or flagged as artifact.</summary>
        Spo2Missing = 6,

        /// <summary>Heart rate not reported.</summary>
        HeartRateMissing = 7,

        /// <summary>Respiratory rate not reported while the profile requires it.</summary>
        RespiratoryRateMissing = 8,

        /// <summary>A frame from a monitor other than the paired one was seen recently.</summary>
        UnpairedMonitor = 9,

        /// <summary>A hold or stop limit is active.</summary>
        OutsideLimits = 10,
    }
}
