namespace Pump.Core.Library
{
    /// <summary>
    /// One drug-library profile. Units are in the names; the shipped values and their sources are
    /// in hardware-docs/drug-library.md. Free-text concentrations do not exist: a program must use
    /// one of <see cref="ConcentrationsUgPerMl"/>. The session-spacing fields and the baseline-vitals
    /// age are carried for the interlock and dose-history work, which enforces them.
    /// An entry is checked by <see cref="LibraryChecks"/> before a library is accepted.
    /// </summary>
    public sealed class DrugEntry
    {
        public const int MaxNameChars = 20;
        public const int MaxConcentrations = 8;

        /// <summary>Number of limit blocks stored per entry (LimitKind 0 .. SessionsPer7Days).</summary>
        public const int StoredLimitCount = 11;

        public readonly int DrugId;

        /// <summary>Panel name, 1..20 printable ASCII chars.</summary>
        public readonly string Name;

        public readonly DoseMode Mode;

        public readonly bool BolusAllowed;

        /// <summary>Allowed concentrations, strictly ascending; empty for <see cref="DoseMode.PlainRate"/>.</summary>
        public readonly int[] ConcentrationsUgPerMl;

        public readonly int DefaultConcentrationUgPerMl;

        public readonly long DefaultDoseUgPerKg;

        public readonly long DefaultDurationS;

        public readonly long DefaultRateNlPerH;

        /// <summary>Newest linked vital signs accepted as a start baseline (interlock placeholder).</summary>
        public readonly int BaselineVitalsMaxAgeS;

        private readonly Limits[] _limits;

        public DrugEntry(
            int drugId,
            string name,
            DoseMode mode,
            bool bolusAllowed,
            int[] concentrationsUgPerMl,
            int defaultConcentrationUgPerMl,
            long defaultDoseUgPerKg,
            long defaultDurationS,
            long defaultRateNlPerH,
            Limits[] limitsByKind,
            int baselineVitalsMaxAgeS)
        {
            DrugId = drugId;
            Name = name;
            Mode = mode;
            BolusAllowed = bolusAllowed;
            ConcentrationsUgPerMl = concentrationsUgPerMl;
            DefaultConcentrationUgPerMl = defaultConcentrationUgPerMl;
            DefaultDoseUgPerKg = defaultDoseUgPerKg;
            DefaultDurationS = defaultDurationS;
            DefaultRateNlPerH = defaultRateNlPerH;
            _limits = limitsByKind;
            BaselineVitalsMaxAgeS = baselineVitalsMaxAgeS;
        }

        /// <summary>
        /// The entry declares that a session needs the vital-sign interlock (a fresh baseline, a lease while
        /// infusing): a baseline age above 0 is that declaration (PRG-012). Plain mL/h entries declare none.
        /// </summary>
        public bool RequiresVitalInterlock
        {
            get { return BaselineVitalsMaxAgeS > 0; }
        }

        /// <summary>The entry declares session rules: a minimum spacing or a count per 7 days (PRG-012, HIS).</summary>
        public bool HasSessionRules
        {
            get
            {
                Limits spacing = SessionSpacingLimitsH;
                Limits per7 = SessionsPer7DaysLimits;
                return spacing.HardMin > 0 || spacing.SoftMin > 0 || (per7.SoftMax != Limits.Unlimited && per7.SoftMax > 0);
            }
        }

        /// <summary>Limits of a stored kind; <see cref="Limits.NotUsed"/> for anything else.</summary>
        public Limits GetLimits(LimitKind kind)
        {
            int i = (int)kind;
            if (_limits == null || i < 0 || i >= StoredLimitCount || i >= _limits.Length || _limits[i] == null)
            {
                return Limits.NotUsed;
            }

            return _limits[i];
        }

        /// <summary>Number of limit blocks the entry was built with (LibraryChecks requires StoredLimitCount).</summary>
        public int LimitCount
        {
            get { return _limits == null ? 0 : _limits.Length; }
        }

        public Limits ConcentrationLimitsUgPerMl
        {
            get { return GetLimits(LimitKind.ConcentrationUgPerMl); }
        }

        public Limits DoseLimitsUgPerKg
        {
            get { return GetLimits(LimitKind.DoseUgPerKg); }
        }

        public Limits DurationLimitsS
        {
            get { return GetLimits(LimitKind.DurationS); }
        }

        public Limits RateLimitsUgPerKgPerH
        {
            get { return GetLimits(LimitKind.RateUgPerKgPerH); }
        }

        public Limits RateLimitsUgPerH
        {
            get { return GetLimits(LimitKind.RateUgPerH); }
        }

        public Limits TotalDoseLimitsUg
        {
            get { return GetLimits(LimitKind.TotalDoseUg); }
        }

        public Limits WeightLimitsG
        {
            get { return GetLimits(LimitKind.WeightG); }
        }

        public Limits RateLimitsNlPerH
        {
            get { return GetLimits(LimitKind.RateNlPerH); }
        }

        public Limits VolumeLimitsNl
        {
            get { return GetLimits(LimitKind.VolumeNl); }
        }

        /// <summary>Hours between the starts of two sessions (interlock placeholder: min bounds matter).</summary>
        public Limits SessionSpacingLimitsH
        {
            get { return GetLimits(LimitKind.SessionSpacingH); }
        }

        /// <summary>Sessions in any 7-day window (interlock placeholder: max bounds matter).</summary>
        public Limits SessionsPer7DaysLimits
        {
            get { return GetLimits(LimitKind.SessionsPer7Days); }
        }

        /// <summary>True if the concentration is one of the entry's allowed concentrations.</summary>
        public bool AllowsConcentration(int concentrationUgPerMl)
        {
            if (ConcentrationsUgPerMl == null)
            {
                return false;
            }

            for (int i = 0; i < ConcentrationsUgPerMl.Length; i++)
            {
                if (ConcentrationsUgPerMl[i] == concentrationUgPerMl)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
