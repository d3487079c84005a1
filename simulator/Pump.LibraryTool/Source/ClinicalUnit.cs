using System.Globalization;

namespace Pump.LibraryTool.Source
{
    /// <summary>
    /// A clinical unit of the source file and its exact relation to the integer unit the pump stores
    /// (stored = clinical × <see cref="StoredPerClinical"/>). <see cref="NameSuffix"/> ends every field name
    /// that holds a value in this unit, so the unit is always in the name.
    /// </summary>
    internal sealed class ClinicalUnit
    {
        public static readonly ClinicalUnit MgPerMl = new("mg/mL", "mg_per_mL", 1000, "µg/mL");
        public static readonly ClinicalUnit MgPerKg = new("mg/kg", "mg_per_kg", 1000, "µg/kg");
        public static readonly ClinicalUnit Minutes = new("min", "min", 60, "s");
        public static readonly ClinicalUnit MgPerKgPerH = new("mg/kg/h", "mg_per_kg_per_h", 1000, "µg/kg/h");
        public static readonly ClinicalUnit MgPerH = new("mg/h", "mg_per_h", 1000, "µg/h");
        public static readonly ClinicalUnit Mg = new("mg", "mg", 1000, "µg");
        public static readonly ClinicalUnit Kg = new("kg", "kg", 1000, "g");
        public static readonly ClinicalUnit MlPerH = new("mL/h", "mL_per_h", 1000000, "nL/h");
        public static readonly ClinicalUnit Ml = new("mL", "mL", 1000000, "nL");
        public static readonly ClinicalUnit Hours = new("h", "h", 1, "h");
        public static readonly ClinicalUnit Count = new("sessions", "count", 1, "sessions");

        private ClinicalUnit(string label, string nameSuffix, long storedPerClinical, string storedLabel)
        {
            Label = label;
            NameSuffix = nameSuffix;
            StoredPerClinical = storedPerClinical;
            StoredLabel = storedLabel;
        }

        /// <summary>How people write it: "mg/kg".</summary>
        public string Label { get; }

        /// <summary>How a field name ends: "mg_per_kg".</summary>
        public string NameSuffix { get; }

        public long StoredPerClinical { get; }

        public string StoredLabel { get; }

        /// <summary>A stored value in this unit, exactly (up to 12 decimals; a repeating fraction is marked "≈").</summary>
        public string Format(long stored)
        {
            decimal value = (decimal)stored / StoredPerClinical;
            decimal rounded = decimal.Round(value, 12);
            string text = rounded.ToString("0.############", CultureInfo.InvariantCulture);
            return rounded == value ? text : "≈" + text;
        }

        /// <summary>A value with its unit, "∞" for an absent maximum.</summary>
        public string FormatWithUnit(long stored)
        {
            return stored == Pump.Core.Library.Limits.Unlimited ? "no limit" : Format(stored) + " " + Label;
        }
    }
}
