namespace Pump.Core.Common
{
    /// <summary>
    /// Integer helpers. System.Math is not part of nanoFramework's mscorlib and has no long
    /// overloads on the device, so the core carries the few it needs. All are exact.
    /// Overflow is found by comparing the operands with the range first (the Try forms return false,
    /// the others throw <see cref="ArithmeticOverflowException"/>), never by <c>checked</c>: nanoCLR does
    /// not trap it and would return a wrapped number (NFR-005).
    /// </summary>
    public static class IntMath
    {
        /// <summary>floor(a / b) for a &gt;= 0, b &gt; 0.</summary>
        public static long FloorDiv(long a, long b)
        {
            return a / b;
        }

        /// <summary>ceil(a / b) for a &gt;= 0, b &gt; 0.</summary>
        public static long CeilDiv(long a, long b)
        {
            long q = a / b;
            return (a % b) != 0 ? q + 1 : q;
        }

        /// <summary>a * b for non-negative operands; false (product 0) when either is negative or the product does not fit.</summary>
        public static bool TryMultiply(long a, long b, out long product)
        {
            product = 0;
            if (a < 0 || b < 0 || (a != 0 && b > long.MaxValue / a))
            {
                return false;
            }

            product = a * b;
            return true;
        }

        /// <summary>a + b for non-negative operands; false (sum 0) when either is negative or the sum does not fit.</summary>
        public static bool TryAdd(long a, long b, out long sum)
        {
            sum = 0;
            if (a < 0 || b < 0 || a > long.MaxValue - b)
            {
                return false;
            }

            sum = a + b;
            return true;
        }

        /// <summary>
        /// floor(a * b / c) for non-negative a, b and positive c (splits a into quotient and remainder by c, so it
        /// works while q * b and r * b fit); false (result 0) for any other input or when an intermediate does not fit.
        /// </summary>
        public static bool TryMulDiv(long a, long b, long c, out long result)
        {
            result = 0;
            if (a < 0 || b < 0 || c <= 0)
            {
                return false;
            }

            long whole;
            long part;
            return TryMultiply(a / c, b, out whole) && TryMultiply(a % c, b, out part) && TryAdd(whole, part / c, out result);
        }

        /// <summary>floor(a * b / c) as <see cref="TryMulDiv"/>; throws <see cref="ArithmeticOverflowException"/> where it returns false.</summary>
        public static long MulDiv(long a, long b, long c)
        {
            long result;
            if (!TryMulDiv(a, b, c, out result))
            {
                throw new ArithmeticOverflowException("MulDiv");
            }

            return result;
        }

        /// <summary>a + b where both are known non-negative; throws <see cref="ArithmeticOverflowException"/> when it does not fit.</summary>
        public static long Add(long a, long b)
        {
            long sum;
            if (!TryAdd(a, b, out sum))
            {
                throw new ArithmeticOverflowException("Add");
            }

            return sum;
        }

        /// <summary>a * b where both are known non-negative; throws <see cref="ArithmeticOverflowException"/> when it does not fit.</summary>
        public static long Multiply(long a, long b)
        {
            long product;
            if (!TryMultiply(a, b, out product))
            {
                throw new ArithmeticOverflowException("Multiply");
            }

            return product;
        }

        public static long Min(long a, long b)
        {
            return a < b ? a : b;
        }

        public static long Max(long a, long b)
        {
            return a > b ? a : b;
        }

        public static int Min(int a, int b)
        {
            return a < b ? a : b;
        }

        public static int Max(int a, int b)
        {
            return a > b ? a : b;
        }

        public static long Abs(long a)
        {
            return a < 0 ? -a : a;
        }

        public static int Abs(int a)
        {
            return a < 0 ? -a : a;
        }

        public static long Clamp(long value, long min, long max)
        {
            return value < min ? min : (value > max ? max : value);
        }
    }
}
