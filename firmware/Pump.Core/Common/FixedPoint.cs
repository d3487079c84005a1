namespace Pump.Core.Common
{
    /// <summary>
    /// Integer-to-decimal text without format strings (nanoFramework has no custom formats, and
    /// float formatting would round). A value is an integer in a small unit; scaleDigits says how
    /// many of its digits are decimals in the display unit (µg shown as mg: scaleDigits 3).
    /// The text is exact: trailing zero decimals are trimmed, but never below minDecimals.
    /// Writes into a caller's char[] so nothing is allocated (Format, for logs and tests, does).
    /// </summary>
    public static class FixedPoint
    {
        /// <summary>Longest text Write can produce: sign, 19 digits, point, leading "0.".</summary>
        public const int MaxChars = 24;

        /// <summary>
        /// Writes value / 10^scaleDigits exactly into dest[offset..] and returns the number of chars
        /// written, or 0 if it would not fit in maxChars or the arguments are out of range
        /// (scaleDigits 0..18, minDecimals 0..scaleDigits).
        /// </summary>
        public static int Write(long value, int scaleDigits, int minDecimals, char[] dest, int offset, int maxChars)
        {
            if (dest == null || scaleDigits < 0 || scaleDigits > 18 || minDecimals < 0 || minDecimals > scaleDigits
                || offset < 0 || maxChars <= 0 || offset + maxChars > dest.Length)
            {
                return 0;
            }

            // |value| as ulong avoids the long.MinValue edge; digits are read by position, no buffer.
            bool negative = value < 0;
            ulong magnitude = negative ? (ulong)(-(value + 1)) + 1UL : (ulong)value;
            int count = 1;
            while (count < 20 && magnitude >= Pow10[count])
            {
                count++;
            }

            // Decimals actually shown: trim zero decimals down to minDecimals.
            int decimals = scaleDigits;
            while (decimals > minDecimals && DigitAt(magnitude, count, scaleDigits - decimals) == '0')
            {
                decimals--;
            }

            int integerDigits = count > scaleDigits ? count - scaleDigits : 1;
            int length = (negative ? 1 : 0) + integerDigits + (decimals > 0 ? 1 + decimals : 0);
            if (length > maxChars)
            {
                return 0;
            }

            int p = offset;
            if (negative)
            {
                dest[p++] = '-';
            }

            for (int i = integerDigits - 1; i >= 0; i--)
            {
                dest[p++] = DigitAt(magnitude, count, scaleDigits + i);
            }

            if (decimals > 0)
            {
                dest[p++] = '.';
                for (int i = 1; i <= decimals; i++)
                {
                    dest[p++] = DigitAt(magnitude, count, scaleDigits - i);
                }
            }

            return length;
        }

        /// <summary>Convenience for logs and tests (allocates the string).</summary>
        public static string Format(long value, int scaleDigits, int minDecimals)
        {
            char[] buffer = new char[MaxChars];
            int n = Write(value, scaleDigits, minDecimals, buffer, 0, MaxChars);
            return new string(buffer, 0, n);
        }

        /// <summary>Writes a non-negative integer; returns chars written or 0 if it does not fit.</summary>
        public static int WriteInteger(long value, char[] dest, int offset, int maxChars)
        {
            return Write(value, 0, 0, dest, offset, maxChars);
        }

        private static readonly ulong[] Pow10 = BuildPow10();

        private static ulong[] BuildPow10()
        {
            ulong[] table = new ulong[20];
            ulong p = 1UL;
            for (int i = 0; i < 20; i++)
            {
                table[i] = p;
                if (i < 19)
                {
                    p *= 10UL;
                }
            }

            return table;
        }

        // Digit with weight 10^position (0 = units of the stored integer); '0' beyond the stored digits.
        private static char DigitAt(ulong magnitude, int count, int position)
        {
            return position < count ? (char)('0' + (int)((magnitude / Pow10[position]) % 10UL)) : '0';
        }
    }
}
