using System.Collections.Generic;
using Pump.Core.Library;

namespace Pump.LibraryTool.Source
{
    /// <summary>
    /// The source format, declared once: the reader, the writer, the JSON schema, the review report, the
    /// diff and the C# generator all walk these tables. A new <see cref="DrugEntry"/> field is one row here.
    /// </summary>
    internal static class SourceFields
    {
        public const string Revision = "revision";
        public const string Entries = "entries";
        public const string SignOff = "signOff";
        public const string Limits = "limits";
        public const string SchemaRef = "$schema";

        public const string HardMin = "hardMin";
        public const string SoftMin = "softMin";
        public const string SoftMax = "softMax";
        public const string HardMax = "hardMax";
        public const string Rationale = "rationale";
        public const string SourceRef = "source";

        public const string Author = "author";
        public const string Reviewer = "reviewer";
        public const string Date = "date";
        public const string ApprovedContentCrc = "approvedContentCrc";

        public const string WeightBased = "weightBasedTotalOverDuration";
        public const string PlainRate = "plainRate";

        /// <summary>The four bounds of a limit block, in the order the review shows them with the default between the soft bounds.</summary>
        public static readonly string[] Bounds = [HardMin, SoftMin, SoftMax, HardMax];

        public static readonly IReadOnlyList<EntryField> Entry =
        [
            new("drugId", "drugId", FieldType.Integer, null, 0xFFFF, "stable number 1..65535, logged with every program",
                e => (long)e.DrugId, (d, v) => d.DrugId = (long)v),
            new("name", "name", FieldType.Text, null, DrugEntry.MaxNameChars, "panel name, 1..20 printable ASCII characters",
                e => e.Name, (d, v) => d.Name = (string)v),
            new("doseMode", "mode", FieldType.DoseMode, null, 0, "\"" + WeightBased + "\" (total mg/kg over a set time) or \"" + PlainRate + "\" (mL/h)",
                e => e.Mode, (d, v) => d.Mode = (DoseMode)v),
            new("bolusAllowed", "bolusAllowed", FieldType.Flag, null, 0, "whether a bolus may be given (no bolus is implemented; must be false for plain mL/h)",
                e => e.BolusAllowed, (d, v) => d.BolusAllowed = (bool)v),
            new("concentrations_mg_per_mL", "concentrationsUgPerMl", FieldType.ClinicalList, ClinicalUnit.MgPerMl, int.MaxValue,
                "the only concentrations a program may use, strictly ascending (empty for plain mL/h)",
                e => ToLongs(e.ConcentrationsUgPerMl), (d, v) => d.ConcentrationsUgPerMl = (long[])v),
            new("defaultConcentration_mg_per_mL", "defaultConcentrationUgPerMl", FieldType.Clinical, ClinicalUnit.MgPerMl, int.MaxValue,
                "pre-filled concentration, one of the list (0 for plain mL/h)",
                e => (long)e.DefaultConcentrationUgPerMl, (d, v) => d.DefaultConcentrationUgPerMl = (long)v),
            new("defaultDose_mg_per_kg", "defaultDoseUgPerKg", FieldType.Clinical, ClinicalUnit.MgPerKg, long.MaxValue - 1,
                "pre-filled dose (0 for plain mL/h)", e => e.DefaultDoseUgPerKg, (d, v) => d.DefaultDoseUgPerKg = (long)v),
            new("defaultDuration_min", "defaultDurationS", FieldType.Clinical, ClinicalUnit.Minutes, long.MaxValue - 1,
                "pre-filled infusion time (0 for plain mL/h)", e => e.DefaultDurationS, (d, v) => d.DefaultDurationS = (long)v),
            new("defaultRate_mL_per_h", "defaultRateNlPerH", FieldType.Clinical, ClinicalUnit.MlPerH, long.MaxValue - 1,
                "pre-filled rate for plain mL/h (0 for weight-based)", e => e.DefaultRateNlPerH, (d, v) => d.DefaultRateNlPerH = (long)v),
            new("baselineVitalsMaxAge_min", "baselineVitalsMaxAgeS", FieldType.Clinical, ClinicalUnit.Minutes, int.MaxValue,
                "oldest linked vital signs accepted as the start baseline (0: none required)",
                e => (long)e.BaselineVitalsMaxAgeS, (d, v) => d.BaselineVitalsMaxAgeS = (long)v),
        ];

        public static readonly IReadOnlyList<LimitField> LimitBlocks =
        [
            new(LimitKind.ConcentrationUgPerMl, "concentration_mg_per_mL", ClinicalUnit.MgPerMl, "drug concentration in the syringe"),
            new(LimitKind.DoseUgPerKg, "dose_mg_per_kg", ClinicalUnit.MgPerKg, "total dose per kg of body weight"),
            new(LimitKind.DurationS, "duration_min", ClinicalUnit.Minutes, "infusion time"),
            new(LimitKind.RateUgPerKgPerH, "doseRate_mg_per_kg_per_h", ClinicalUnit.MgPerKgPerH, "dose rate per kg"),
            new(LimitKind.RateUgPerH, "doseRate_mg_per_h", ClinicalUnit.MgPerH, "dose rate"),
            new(LimitKind.TotalDoseUg, "totalDose_mg", ClinicalUnit.Mg, "total dose per session"),
            new(LimitKind.WeightG, "patientWeight_kg", ClinicalUnit.Kg, "patient weight"),
            new(LimitKind.RateNlPerH, "infusionRate_mL_per_h", ClinicalUnit.MlPerH, "infusion rate (device range 0.1..1200 mL/h)"),
            new(LimitKind.VolumeNl, "volume_mL", ClinicalUnit.Ml, "volume to be infused"),
            new(LimitKind.SessionSpacingH, "sessionSpacing_h", ClinicalUnit.Hours, "hours between the starts of two sessions"),
            new(LimitKind.SessionsPer7Days, "sessionsPer7Days_count", ClinicalUnit.Count, "sessions in any 7 days"),
        ];

        public static string DoseModeText(DoseMode mode)
        {
            return mode == DoseMode.PlainRate ? PlainRate : mode == DoseMode.WeightBasedTotalOverDuration ? WeightBased : ((int)mode).ToString();
        }

        private static long[] ToLongs(int[] values)
        {
            var result = new long[values == null ? 0 : values.Length];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = values![i];
            }

            return result;
        }
    }
}
