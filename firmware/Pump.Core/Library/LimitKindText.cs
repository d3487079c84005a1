using Pump.Core.Common;

namespace Pump.Core.Library
{
    /// <summary>
    /// Names, display units and exact number formatting of each <see cref="LimitKind"/>, for panel
    /// lines and log messages. Values are shown exactly (FixedPoint trims zero decimals only).
    /// Enum names are never used as text: nanoFramework's Enum.ToString gives the number.
    /// </summary>
    public static class LimitKindText
    {
        /// <summary>Panel label, at most 5 chars.</summary>
        public static string ShortLabel(LimitKind kind)
        {
            switch (kind)
            {
                case LimitKind.ConcentrationUgPerMl: return "CONC";
                case LimitKind.DoseUgPerKg: return "DOSE";
                case LimitKind.DurationS: return "TIME";
                case LimitKind.RateUgPerKgPerH: return "RATE";
                case LimitKind.RateUgPerH: return "RATE";
                case LimitKind.TotalDoseUg: return "TOTAL";
                case LimitKind.WeightG: return "WT";
                case LimitKind.RateNlPerH: return "RATE";
                case LimitKind.VolumeNl: return "VOL";
                case LimitKind.SessionSpacingH: return "GAP";
                case LimitKind.SessionsPer7Days: return "SESS";
                case LimitKind.SyringeVolumeNl: return "VOL";
                default: return "VALUE";
            }
        }

        /// <summary>Name for logs and library messages.</summary>
        public static string LongName(LimitKind kind)
        {
            switch (kind)
            {
                case LimitKind.ConcentrationUgPerMl: return "concentration";
                case LimitKind.DoseUgPerKg: return "dose per kg";
                case LimitKind.DurationS: return "duration";
                case LimitKind.RateUgPerKgPerH: return "dose rate per kg";
                case LimitKind.RateUgPerH: return "dose rate";
                case LimitKind.TotalDoseUg: return "total dose";
                case LimitKind.WeightG: return "patient weight";
                case LimitKind.RateNlPerH: return "infusion rate";
                case LimitKind.VolumeNl: return "volume";
                case LimitKind.SessionSpacingH: return "session spacing";
                case LimitKind.SessionsPer7Days: return "sessions per 7 days";
                case LimitKind.SyringeVolumeNl: return "volume";
                default: return "value";
            }
        }

        /// <summary>Display unit (ASCII).</summary>
        public static string Unit(LimitKind kind)
        {
            switch (kind)
            {
                case LimitKind.ConcentrationUgPerMl: return "mg/mL";
                case LimitKind.DoseUgPerKg: return "mg/kg";
                case LimitKind.DurationS: return "min";
                case LimitKind.RateUgPerKgPerH: return "mg/kg/h";
                case LimitKind.RateUgPerH: return "mg/h";
                case LimitKind.TotalDoseUg: return "mg";
                case LimitKind.WeightG: return "kg";
                case LimitKind.RateNlPerH: return "mL/h";
                case LimitKind.VolumeNl: return "mL";
                case LimitKind.SessionSpacingH: return "h";
                case LimitKind.SessionsPer7Days: return "/7d";
                case LimitKind.SyringeVolumeNl: return "mL";
                default: return "";
            }
        }

        /// <summary>
        /// Writes a value of this kind in its display unit (number only, or with the unit) into
        /// dest[offset..offset+maxChars); returns chars written, 0 if it does not fit. Durations are
        /// shown in whole minutes when exact, otherwise in seconds ("2401s").
        /// </summary>
        public static int WriteValue(LimitKind kind, long value, bool withUnit, char[] dest, int offset, int maxChars)
        {
            if (kind == LimitKind.DurationS && value % 60 != 0)
            {
                int n = FixedPoint.Write(value, 0, 0, dest, offset, maxChars);
                if (n == 0)
                {
                    return 0;
                }

                return withUnit ? Append(dest, offset, n, "s", maxChars) : n;
            }

            long shown = kind == LimitKind.DurationS ? value / 60 : value;
            int written = FixedPoint.Write(shown, ScaleDigits(kind), MinDecimals(kind), dest, offset, maxChars);
            if (written == 0)
            {
                return 0;
            }

            return withUnit ? Append(dest, offset, written, Unit(kind), maxChars) : written;
        }

        /// <summary>Value with unit as a new string (for logs).</summary>
        public static string FormatValue(LimitKind kind, long value)
        {
            char[] buffer = new char[FixedPoint.MaxChars + 8];
            int n = WriteValue(kind, value, true, buffer, 0, buffer.Length);
            return new string(buffer, 0, n);
        }

        private static int ScaleDigits(LimitKind kind)
        {
            switch (kind)
            {
                case LimitKind.ConcentrationUgPerMl:
                case LimitKind.DoseUgPerKg:
                case LimitKind.RateUgPerKgPerH:
                case LimitKind.RateUgPerH:
                case LimitKind.TotalDoseUg:
                case LimitKind.WeightG:
                    return 3;
                case LimitKind.RateNlPerH:
                case LimitKind.VolumeNl:
                case LimitKind.SyringeVolumeNl:
                    return 6;
                default:
                    return 0;
            }
        }

        private static int MinDecimals(LimitKind kind)
        {
            switch (kind)
            {
                case LimitKind.DoseUgPerKg:
                case LimitKind.RateUgPerKgPerH:
                    return 2;
                case LimitKind.ConcentrationUgPerMl:
                case LimitKind.RateUgPerH:
                case LimitKind.TotalDoseUg:
                case LimitKind.WeightG:
                case LimitKind.RateNlPerH:
                case LimitKind.VolumeNl:
                case LimitKind.SyringeVolumeNl:
                    return 1;
                default:
                    return 0;
            }
        }

        private static int Append(char[] dest, int offset, int length, string text, int maxChars)
        {
            if (length + text.Length > maxChars)
            {
                return 0;
            }

            for (int i = 0; i < text.Length; i++)
            {
                dest[offset + length + i] = text[i];
            }

            return length + text.Length;
        }
    }
}
