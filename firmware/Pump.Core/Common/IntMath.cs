namespace Pump.Core.Common
{
    /// <summary>
    /// Integer helpers. System.Math is not part of nanoFramework's mscorlib and has no long
    /// overloads on the device, so the core carries the few it needs. All are exact.
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

        /// <summary>floor(a * b / c) for non-negative a, b and positive c, without overflowing
        /// as long as the result and c fit in a long (splits a into quotient and remainder by c).</summary>
        public static long MulDiv(long a, long b, long c)
        {
            long q = a / c;
            long r = a % c;
            return checked(q * b + (r * b) / c);
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
