namespace Pump.Core.Units
{
    /// <summary>
    /// Exact integer ratio arithmetic for unit conversions. floor(a * n / d) is computed digit by
    /// digit (base 256) so the 128-bit product a * n is never formed: with n and d below 2^54
    /// every intermediate stays below 2^63 (r &lt; d, so r * 256 &lt; 2^62; digit * n &lt; 2^62).
    /// Eight fixed iterations: cheap enough for a control tick, no allocation.
    /// </summary>
    public static class Ratio
    {
        /// <summary>Largest numerator or denominator TryMulDivFloor accepts (2^54 - 1).</summary>
        public const long MaxOperand = (1L << 54) - 1;

        /// <summary>
        /// result = floor(a * n / d) for a &gt;= 0, 0 &lt;= n &lt;= MaxOperand, 0 &lt; d &lt;= MaxOperand.
        /// False (result 0) if an argument is out of range or the result does not fit in a long.
        /// </summary>
        public static bool TryMulDivFloor(long a, long n, long d, out long result)
        {
            long remainder;
            return TryMulDiv(a, n, d, out result, out remainder);
        }

        /// <summary>
        /// result = ceil(a * n / d), same ranges as <see cref="TryMulDivFloor"/>. For checks against a
        /// maximum: an exact value exceeds an integer bound exactly when its ceiling does.
        /// </summary>
        public static bool TryMulDivCeil(long a, long n, long d, out long result)
        {
            long remainder;
            if (!TryMulDiv(a, n, d, out result, out remainder))
            {
                return false;
            }

            if (remainder != 0)
            {
                if (result == long.MaxValue)
                {
                    result = 0;
                    return false;
                }

                result++;
            }

            return true;
        }

        // Long division of a * n by d in base-256 digits of a; remainder ends as (a * n) mod d.
        private static bool TryMulDiv(long a, long n, long d, out long result, out long remainder)
        {
            result = 0;
            remainder = 0;
            if (a < 0 || n < 0 || d <= 0 || n > MaxOperand || d > MaxOperand)
            {
                return false;
            }

            long quotient = 0;
            for (int shift = 56; shift >= 0; shift -= 8)
            {
                long digit = (a >> shift) & 0xFF;
                long t = (remainder << 8) + digit * n;
                long q = t / d;
                remainder = t - q * d;
                if (quotient > (long.MaxValue - q) >> 8)
                {
                    remainder = 0;
                    return false;
                }

                quotient = (quotient << 8) + q;
            }

            result = quotient;
            return true;
        }

        /// <summary>Greatest common divisor of two non-negative numbers (gcd(0, 0) = 0).</summary>
        public static long Gcd(long a, long b)
        {
            while (b != 0)
            {
                long t = a % b;
                a = b;
                b = t;
            }

            return a;
        }
    }
}
