namespace Pump.Core.Library
{
    /// <summary>
    /// Consistency rules a library must pass before the pump uses it (and before the encoder writes
    /// it): every limit ordered hard-min &lt;= soft-min &lt;= soft-max &lt;= hard-max, defaults inside the
    /// soft range, allowed concentrations inside the concentration hard range, rates inside what the
    /// mechanism can deliver, unique ids, printable names, a well-formed sign-off (<see cref="SignOffChecks"/>).
    /// The first problem found is reported.
    /// </summary>
    public static class LibraryChecks
    {
        /// <summary>Fastest rate any profile may allow: 1200 mL/h (the plain mL/h profile's hard max).</summary>
        public const long DeviceMaxRateNlPerH = 1200000000L;

        /// <summary>Slowest rate any profile may allow: 0.1 mL/h.</summary>
        public const long DeviceMinRateNlPerH = 100000L;

        /// <summary>Largest dose-related limit accepted (guards the programming arithmetic): 10^12.</summary>
        public const long MaxFiniteLimit = 1000000000000L;

        /// <summary>Largest concentration accepted in a list: 1 g/mL.</summary>
        public const int MaxConcentrationUgPerMl = 1000000;

        public static LibraryLoadResult Check(DrugLibrary library)
        {
            if (library == null || library.Count == 0)
            {
                return LibraryLoadResult.Refused(LibraryError.NoEntries, "LIB EMPTY", "it holds no entries");
            }

            if (library.Count > DrugLibrary.MaxEntries)
            {
                return LibraryLoadResult.Refused(LibraryError.TooManyEntries, "LIB TOO MANY ENTRIES",
                    library.Count.ToString() + " entries, at most " + DrugLibrary.MaxEntries.ToString());
            }

            for (int i = 0; i < library.Count; i++)
            {
                DrugEntry e = library.GetAt(i);
                LibraryLoadResult? problem = CheckEntry(i, e);
                if (problem != null)
                {
                    return problem;
                }

                for (int j = 0; j < i; j++)
                {
                    if (library.GetAt(j).DrugId == e.DrugId)
                    {
                        return LibraryLoadResult.RefusedEntry(LibraryError.DuplicateDrugId, i, e.DrugId, e.Name, "DUP ID",
                            "drug id " + e.DrugId.ToString() + " is also used by entry " + j.ToString());
                    }
                }
            }

            if (library.SignOff != null)
            {
                LibraryLoadResult? signOffProblem = SignOffChecks.Check(library.SignOff);
                if (signOffProblem != null)
                {
                    return signOffProblem;
                }
            }

            return LibraryLoadResult.Accepted(library);
        }

        /// <summary>Checks one entry; null if it is consistent.</summary>
        public static LibraryLoadResult? CheckEntry(int index, DrugEntry e)
        {
            if (e == null)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.InternalError, index, 0, string.Empty, "MISSING", "entry is missing");
            }

            if (e.DrugId <= 0 || e.DrugId > 0xFFFF)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.BadDrugId, index, e.DrugId, e.Name, "BAD ID",
                    "drug id must be 1..65535");
            }

            if (!IsValidName(e.Name))
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.BadName, index, e.DrugId, string.Empty, "BAD NAME",
                    "name must be 1.." + DrugEntry.MaxNameChars.ToString() + " printable ASCII characters");
            }

            if (e.Mode != DoseMode.WeightBasedTotalOverDuration && e.Mode != DoseMode.PlainRate)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.BadDoseMode, index, e.DrugId, e.Name, "BAD MODE",
                    "dose mode " + ((int)e.Mode).ToString() + " is unknown");
            }

            if (e.LimitCount != DrugEntry.StoredLimitCount)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.InconsistentLimits, index, e.DrugId, e.Name, "LIMITS",
                    "has " + e.LimitCount.ToString() + " limit blocks, expected " + DrugEntry.StoredLimitCount.ToString());
            }

            for (int k = 0; k < DrugEntry.StoredLimitCount; k++)
            {
                LimitKind kind = (LimitKind)k;
                Limits l = e.GetLimits(kind);
                if (!l.IsConsistent())
                {
                    return LibraryLoadResult.RefusedEntry(LibraryError.InconsistentLimits, index, e.DrugId, e.Name,
                        LimitKindText.ShortLabel(kind) + " LIMITS",
                        LimitKindText.LongName(kind) + " limits are inconsistent: need 0 <= hard min (" + l.HardMin.ToString()
                        + ") <= soft min (" + l.SoftMin.ToString() + ") <= soft max (" + l.SoftMax.ToString()
                        + ") <= hard max (" + l.HardMax.ToString() + ")");
                }

                bool placeholder = kind == LimitKind.SessionSpacingH || kind == LimitKind.SessionsPer7Days;
                if (!placeholder && l.HardMax != Limits.Unlimited && l.HardMax > MaxFiniteLimit)
                {
                    return LibraryLoadResult.RefusedEntry(LibraryError.BeyondDeviceRange, index, e.DrugId, e.Name,
                        LimitKindText.ShortLabel(kind) + " RANGE",
                        LimitKindText.LongName(kind) + " hard max " + l.HardMax.ToString() + " is beyond the supported range");
                }
            }

            Limits rate = e.RateLimitsNlPerH;
            if (rate.HardMax > DeviceMaxRateNlPerH || rate.HardMin < DeviceMinRateNlPerH)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.BeyondDeviceRange, index, e.DrugId, e.Name, "RATE RANGE",
                    "infusion rate hard limits must lie within the device range 0.1..1200 mL/h");
            }

            if (e.BaselineVitalsMaxAgeS < 0)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.BadPlaceholder, index, e.DrugId, e.Name, "VITALS AGE",
                    "baseline vitals max age must not be negative");
            }

            if (e.Mode == DoseMode.PlainRate)
            {
                return CheckPlainRateEntry(index, e);
            }

            return CheckWeightBasedEntry(index, e);
        }

        private static LibraryLoadResult? CheckPlainRateEntry(int index, DrugEntry e)
        {
            if (e.ConcentrationsUgPerMl != null && e.ConcentrationsUgPerMl.Length != 0)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.BadConcentrationList, index, e.DrugId, e.Name, "CONC LIST",
                    "a plain mL/h entry carries no concentrations");
            }

            if (e.BolusAllowed)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.BadFlags, index, e.DrugId, e.Name, "BAD FLAGS",
                    "a plain mL/h entry has no bolus");
            }

            if (e.RateLimitsNlPerH.Check(e.DefaultRateNlPerH) != LimitCheck.Within)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.DefaultOutsideSoftLimits, index, e.DrugId, e.Name, "DEFAULT RATE",
                    "default rate " + e.DefaultRateNlPerH.ToString() + " nL/h is outside the soft limits");
            }

            if (e.VolumeLimitsNl.HardMax == 0)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.InconsistentLimits, index, e.DrugId, e.Name, "VOL LIMITS",
                    "volume hard max must be above 0");
            }

            return null;
        }

        private static LibraryLoadResult? CheckWeightBasedEntry(int index, DrugEntry e)
        {
            int[] list = e.ConcentrationsUgPerMl;
            if (list == null || list.Length == 0 || list.Length > DrugEntry.MaxConcentrations)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.BadConcentrationList, index, e.DrugId, e.Name, "CONC LIST",
                    "a weight-based entry needs 1.." + DrugEntry.MaxConcentrations.ToString() + " concentrations");
            }

            Limits concLimits = e.ConcentrationLimitsUgPerMl;
            for (int i = 0; i < list.Length; i++)
            {
                bool ascending = i == 0 || list[i] > list[i - 1];
                if (list[i] <= 0 || list[i] > MaxConcentrationUgPerMl || !ascending
                    || list[i] < concLimits.HardMin || list[i] > concLimits.HardMax)
                {
                    return LibraryLoadResult.RefusedEntry(LibraryError.BadConcentrationList, index, e.DrugId, e.Name, "CONC LIST",
                        "concentration " + list[i].ToString() + " ug/mL must be positive, strictly ascending and within the hard limits "
                        + concLimits.HardMin.ToString() + ".." + concLimits.HardMax.ToString() + " ug/mL");
                }
            }

            if (!e.AllowsConcentration(e.DefaultConcentrationUgPerMl))
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.DefaultConcentrationNotInList, index, e.DrugId, e.Name, "DEFAULT CONC",
                    "default concentration " + e.DefaultConcentrationUgPerMl.ToString() + " ug/mL is not in the list");
            }

            if (e.DoseLimitsUgPerKg.Check(e.DefaultDoseUgPerKg) != LimitCheck.Within || e.DefaultDoseUgPerKg <= 0)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.DefaultOutsideSoftLimits, index, e.DrugId, e.Name, "DEFAULT DOSE",
                    "default dose " + e.DefaultDoseUgPerKg.ToString() + " ug/kg is outside the soft limits");
            }

            if (e.DurationLimitsS.Check(e.DefaultDurationS) != LimitCheck.Within || e.DefaultDurationS <= 0)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.DefaultOutsideSoftLimits, index, e.DrugId, e.Name, "DEFAULT TIME",
                    "default duration " + e.DefaultDurationS.ToString() + " s is outside the soft limits");
            }

            if (e.WeightLimitsG.HardMax == 0 || e.DurationLimitsS.HardMin == 0)
            {
                return LibraryLoadResult.RefusedEntry(LibraryError.InconsistentLimits, index, e.DrugId, e.Name, "LIMITS",
                    "a weight-based entry needs a weight hard max above 0 and a duration hard min above 0");
            }

            return null;
        }

        private static bool IsValidName(string name)
        {
            if (name == null || name.Length == 0 || name.Length > DrugEntry.MaxNameChars)
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                if (name[i] < ' ' || name[i] > '~')
                {
                    return false;
                }
            }

            return name[0] != ' ';
        }
    }
}
