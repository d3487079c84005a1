namespace Pump.Core.Interlock
{
    /// <summary>
    /// Per-drug interlock parameters: lease timing, data-age limits, the rule table and the pre-start limits.
    /// Values and their justification: hardware-docs/interlock.md.
    /// </summary>
    public sealed class InterlockProfile
    {
        public InterlockProfile(
            string name,
            int leaseMs,
            int nibpCycleS,
            int nibpMaxAgeForLeaseS,
            int baselineMaxAgeS,
            int unpairedHoldOffMs,
            bool respiratoryRateRequired,
            VitalRule[] rules,
            PreStartLimits preStart)
        {
            Name = name;
            LeaseMs = leaseMs;
            NibpCycleS = nibpCycleS;
            NibpMaxAgeForLeaseS = nibpMaxAgeForLeaseS;
            BaselineMaxAgeS = baselineMaxAgeS;
            UnpairedHoldOffMs = unpairedHoldOffMs;
            RespiratoryRateRequired = respiratoryRateRequired;
            Rules = rules;
            PreStart = preStart;
        }

        public readonly string Name;

        /// <summary>How long one valid frame lets the pump run (from the frame's receive time).</summary>
        public readonly int LeaseMs;

        /// <summary>The NIBP cycle the monitor is set to during the infusion.</summary>
        public readonly int NibpCycleS;

        /// <summary>The lease is never held past this age of the latest NIBP reading.</summary>
        public readonly int NibpMaxAgeForLeaseS;

        /// <summary>Oldest NIBP reading accepted as the start baseline (clinical.md §6a: 5 min).</summary>
        public readonly int BaselineMaxAgeS;

        /// <summary>After a frame from another monitor, no lease is granted for this long.</summary>
        public readonly int UnpairedHoldOffMs;

        /// <summary>When false, respiratory rate is used if reported but its absence does not block.</summary>
        public readonly bool RespiratoryRateRequired;

        public readonly VitalRule[] Rules;
        public readonly PreStartLimits PreStart;

        /// <summary>"KETAMINE – PSYCH 40 min" (clinical.md §6a/§6b).</summary>
        public static InterlockProfile KetaminePsych40()
        {
            const int nibpCycleS = 300;
            return new InterlockProfile(
                "KETAMINE PSYCH 40",
                leaseMs: 5000,
                nibpCycleS: nibpCycleS,
                nibpMaxAgeForLeaseS: 2 * nibpCycleS,
                baselineMaxAgeS: 300,
                unpairedHoldOffMs: 60000,
                respiratoryRateRequired: false,
                rules: KetamineVitalRules.Create(nibpCycleS),
                preStart: new PreStartLimits(160, 140, 100, 90, 50, 110, 94, 10, 30));
        }
    }
}
