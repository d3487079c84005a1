using System.Globalization;
using System.Numerics;

namespace Pump.LibraryTool.Source
{
    /// <summary>
    /// Converts a JSON number written in a clinical unit to the stored integer unit exactly, or says why not.
    /// The text is read digit by digit (no floating point, no decimal rounding), so 0.0005 mg/kg is
    /// refused rather than silently stored as 0 or 1 µg/kg.
    /// </summary>
    internal static class ExactNumber
    {
        /// <summary>Null and the stored value, or the problem in words.</summary>
        public static string? TryToStored(string json, ClinicalUnit unit, long maxStored, out long stored)
        {
            stored = 0;
            if (!TryParse(json, out BigInteger mantissa, out long exponent))
            {
                return json + " is not a plain number";
            }

            if (mantissa.Sign < 0)
            {
                return json + " " + unit.Label + " is negative; no quantity in a library is below 0";
            }

            BigInteger scaled = mantissa * unit.StoredPerClinical;
            if (exponent >= 0)
            {
                if (exponent > 30 && !mantissa.IsZero)
                {
                    return TooLarge(json, unit, maxStored);
                }

                scaled *= BigInteger.Pow(10, (int)exponent);
            }
            else if (!mantissa.IsZero)
            {
                if (-exponent > json.Length + 20)
                {
                    return NotExact(json, unit);
                }

                BigInteger divisor = BigInteger.Pow(10, (int)-exponent);
                if (!(scaled % divisor).IsZero)
                {
                    return NotExact(json, unit);
                }

                scaled /= divisor;
            }
            else
            {
                scaled = BigInteger.Zero;
            }

            if (scaled > maxStored)
            {
                return TooLarge(json, unit, maxStored);
            }

            stored = (long)scaled;
            return null;
        }

        private static string TooLarge(string json, ClinicalUnit unit, long maxStored)
        {
            return json + " " + unit.Label + " is beyond the largest value the pump can store here (" + unit.Format(maxStored) + " " + unit.Label + ")";
        }

        private static string NotExact(string json, ClinicalUnit unit)
        {
            string step = unit.StoredPerClinical == 60
                ? "whole seconds (steps of 1/60 min, e.g. 40.5 min)"
                : "steps of " + unit.Format(1) + " " + unit.Label + " (whole " + unit.StoredLabel + ")";
            return json + " " + unit.Label + " does not convert exactly to whole " + unit.StoredLabel + "; the pump stores " + step;
        }

        /// <summary>Reads -?digits(.digits)?([eE][+-]?digits)? as mantissa × 10^exponent.</summary>
        private static bool TryParse(string text, out BigInteger mantissa, out long exponent)
        {
            mantissa = BigInteger.Zero;
            exponent = 0;
            int i = 0;
            bool negative = i < text.Length && text[i] == '-';
            if (negative)
            {
                i++;
            }

            int digits = 0;
            long fraction = 0;
            bool inFraction = false;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c >= '0' && c <= '9')
                {
                    mantissa = mantissa * 10 + (c - '0');
                    digits++;
                    fraction += inFraction ? 1 : 0;
                }
                else if (c == '.' && !inFraction)
                {
                    inFraction = true;
                }
                else
                {
                    break;
                }
            }

            if (digits == 0)
            {
                return false;
            }

            if (i < text.Length)
            {
                if (text[i] != 'e' && text[i] != 'E')
                {
                    return false;
                }

                string e = text.Substring(i + 1);
                if (!long.TryParse(e, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long exp) || exp > 1_000_000 || exp < -1_000_000)
                {
                    return false;
                }

                exponent = exp;
            }

            exponent -= fraction;
            if (negative)
            {
                mantissa = -mantissa;
            }

            return true;
        }
    }
}
