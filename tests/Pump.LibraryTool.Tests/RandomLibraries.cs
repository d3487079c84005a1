using System;
using Pump.Core.Library;
using Pump.LibraryTool.Source;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    /// <summary>
    /// Random libraries that pass the pump's checks, with values on the grid a source can express
    /// (durations whole multiples of 3 s, so minutes have a finite decimal), built from one seed.
    /// </summary>
    internal static class RandomLibraries
    {
        public static LibrarySource Valid(int seed)
        {
            var r = new Random(seed);
            int count = r.Next(1, DrugLibrary.MaxEntries + 1);
            var entries = new SourceEntry[count];
            for (int i = 0; i < count; i++)
            {
                DrugEntry e = r.Next(3) == 0 ? Plain(r, 1 + (i * 997) % 65535) : WeightBased(r, 1 + (i * 997) % 65535);
                var notes = new LimitNote?[DrugEntry.StoredLimitCount];
                for (int k = 0; k < notes.Length; k++)
                {
                    notes[k] = new LimitNote("why " + r.Next(), "source \"" + r.Next() + "\" §" + k);
                }

                entries[i] = new SourceEntry(e, notes);
            }

            var source = new LibrarySource((uint)r.NextInt64(0, uint.MaxValue + 1L), entries, null);
            if (r.Next(2) == 0)
            {
                Assert.True(LibraryCodec.TryContentCrc(source.ToDraftLibrary(), out uint crc));
                var signOff = new LibrarySignOff("Author " + r.Next(1000), "Reviewer " + r.Next(1000), 20000101 + (r.Next(100) * 10000) + (r.Next(12) * 100) + r.Next(28), crc);
                source = new LibrarySource(source.Revision, entries, signOff);
            }

            return source;
        }

        private static DrugEntry WeightBased(Random r, int id)
        {
            var limits = new Limits[DrugEntry.StoredLimitCount];
            int n = r.Next(1, DrugEntry.MaxConcentrations + 1);
            var conc = new int[n];
            int c = 0;
            for (int i = 0; i < n; i++)
            {
                c += r.Next(1, 100_000);
                conc[i] = c;
            }

            limits[(int)LimitKind.ConcentrationUgPerMl] = Around(r, conc[0], conc[n - 1], 1, LibraryChecks.MaxConcentrationUgPerMl);
            long dose = r.NextInt64(1, 1_000_000_000);
            limits[(int)LimitKind.DoseUgPerKg] = Around(r, dose, dose, 0, LibraryChecks.MaxFiniteLimit);
            long duration = 3 * r.NextInt64(1, 100_000);
            Limits d = Around(r, duration, duration, 3, LibraryChecks.MaxFiniteLimit / 3);
            limits[(int)LimitKind.DurationS] = new Limits(Multiple3(d.HardMin), Multiple3(d.SoftMin), Multiple3(d.SoftMax), Multiple3(d.HardMax));
            for (int k = 0; k < DrugEntry.StoredLimitCount; k++)
            {
                limits[k] ??= Any(r, (LimitKind)k);
            }

            if (limits[(int)LimitKind.WeightG].HardMax == 0)
            {
                limits[(int)LimitKind.WeightG] = new Limits(0, 0, 0, 1);
            }

            return new DrugEntry(id, Name(r), DoseMode.WeightBasedTotalOverDuration, r.Next(2) == 0, conc, conc[r.Next(n)], dose, duration, 0, limits, 3 * r.Next(0, 10_000));
        }

        private static DrugEntry Plain(Random r, int id)
        {
            var limits = new Limits[DrugEntry.StoredLimitCount];
            for (int k = 0; k < DrugEntry.StoredLimitCount; k++)
            {
                limits[k] = Any(r, (LimitKind)k);
            }

            long rate = r.NextInt64(LibraryChecks.DeviceMinRateNlPerH, LibraryChecks.DeviceMaxRateNlPerH + 1);
            limits[(int)LimitKind.RateNlPerH] = Around(r, rate, rate, LibraryChecks.DeviceMinRateNlPerH, LibraryChecks.DeviceMaxRateNlPerH);
            if (limits[(int)LimitKind.VolumeNl].HardMax == 0)
            {
                limits[(int)LimitKind.VolumeNl] = new Limits(0, 0, 1, 1);
            }

            return new DrugEntry(id, Name(r), DoseMode.PlainRate, false, [], r.Next(0, 1000), 0, 0, rate, limits, 3 * r.Next(0, 10_000));
        }

        private static Limits Any(Random r, LimitKind kind)
        {
            if (kind == LimitKind.RateNlPerH)
            {
                long v = r.NextInt64(LibraryChecks.DeviceMinRateNlPerH, LibraryChecks.DeviceMaxRateNlPerH + 1);
                return Around(r, v, v, LibraryChecks.DeviceMinRateNlPerH, LibraryChecks.DeviceMaxRateNlPerH);
            }

            long max = kind == LimitKind.DurationS ? LibraryChecks.MaxFiniteLimit / 3 : LibraryChecks.MaxFiniteLimit;
            long x = r.NextInt64(0, 1_000_000_000);
            Limits l = Around(r, x, x, 0, max);
            if (kind == LimitKind.DurationS)
            {
                l = new Limits(Multiple3(l.HardMin), Multiple3(l.SoftMin), Multiple3(l.SoftMax), Multiple3(l.HardMax));
            }

            if (r.Next(4) == 0)
            {
                l = new Limits(l.HardMin, l.SoftMin, r.Next(2) == 0 ? l.SoftMax : Limits.Unlimited, Limits.Unlimited);
            }

            return l;
        }

        /// <summary>hardMin &lt;= softMin &lt;= low, high &lt;= softMax &lt;= hardMax, all within [floor, ceiling].</summary>
        private static Limits Around(Random r, long low, long high, long floor, long ceiling)
        {
            long softMin = r.NextInt64(floor, low + 1);
            long hardMin = r.NextInt64(floor, softMin + 1);
            long softMax = r.NextInt64(high, ceiling + 1);
            long hardMax = r.NextInt64(softMax, ceiling + 1);
            return new Limits(hardMin, softMin, softMax, hardMax);
        }

        private static long Multiple3(long v) => v / 3 * 3;

        private static string Name(Random r)
        {
            int length = r.Next(1, DrugEntry.MaxNameChars + 1);
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)r.Next(i == 0 ? '!' : ' ', '~' + 1);
            }

            return new string(chars);
        }
    }
}
