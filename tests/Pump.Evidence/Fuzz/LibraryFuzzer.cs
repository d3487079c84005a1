using System;
using Pump.Core.Common;
using Pump.Core.Library;

namespace Pump.Evidence.Fuzz
{
    /// <summary>Totals of a library-decoder fuzz run.</summary>
    public sealed class LibraryFuzzTotals
    {
        public long Inputs { get; set; }
        public long Accepted { get; set; }

        /// <summary>Inputs by outcome, indexed by <see cref="LibraryError"/> (0 = accepted).</summary>
        public long[] ByError { get; } = new long[32];
    }

    /// <summary>
    /// Mutated drug-library binaries for the pump's decoder (<see cref="LibraryCodec.Decode"/>), the bytes a
    /// service link or a damaged store hands it. Seeds: the shipped draft, the same library signed, the largest
    /// library (16 entries of 8 concentrations) and a one-entry library. Per input 1..3 mutations (a byte
    /// flipped or set to an extreme, an 8-byte field set to an extreme long, a header field rewritten, a cut
    /// or an extension), then 9 times in 10 the trailing CRC recomputed so the input reaches the field checks.
    /// Oracles: nothing escapes Decode; a refusal has no library and a panel line of 1..20 characters; an
    /// accepted library passes LibraryCodec.Check and re-encodes to exactly the bytes it was decoded from.
    /// </summary>
    public sealed class LibraryFuzzer
    {
        private static readonly long[] ExtremeLongs = { 0, 1, -1, long.MaxValue, long.MinValue, LibraryChecks.MaxFiniteLimit + 1, int.MaxValue + 1L, 100_000 };

        private readonly Random _random;
        private readonly byte[][] _seeds;

        public LibraryFuzzer(int seed)
        {
            _random = new Random(seed);
            _seeds = Seeds();
        }

        public static byte[][] Seeds()
        {
            DrugLibrary shipped = ShippedLibrary.Build();
            DrugEntry[] both = { shipped.GetAt(0), shipped.GetAt(1) };
            LibraryCodec.TryContentCrc(shipped, out uint crc);
            var largest = new DrugEntry[DrugLibrary.MaxEntries];
            DrugEntry k = ShippedLibrary.KetaminePsych40();
            for (int i = 0; i < largest.Length; i++)
            {
                var limits = new Limits[DrugEntry.StoredLimitCount];
                for (int l = 0; l < limits.Length; l++)
                {
                    limits[l] = k.GetLimits((LimitKind)l);
                }

                largest[i] = new DrugEntry(100 + i, "KETAMINE PSYCH 40m" + (10 + i), k.Mode, false, new[] { 500, 600, 700, 800, 900, 1000, 1500, 2000 },
                    1000, k.DefaultDoseUgPerKg, k.DefaultDurationS, 0, limits, k.BaselineVitalsMaxAgeS);
            }

            return new[]
            {
                LibraryCodec.Encode(shipped)!,
                LibraryCodec.Encode(new DrugLibrary(shipped.Revision, both, new LibrarySignOff("Ann Lee", "Bo Chen", 20261203, crc)))!,
                LibraryCodec.Encode(new DrugLibrary(7, largest))!,
                LibraryCodec.Encode(new DrugLibrary(3, new[] { ShippedLibrary.NoDrug() }))!,
            };
        }

        public byte[] Next()
        {
            byte[] b = (byte[])_seeds[_random.Next(_seeds.Length)].Clone();
            int mutations = 1 + _random.Next(3);
            for (int m = 0; m < mutations; m++)
            {
                b = Mutate(b);
            }

            if (_random.Next(10) != 0 && b.Length >= LibraryCodec.HeaderBytes + LibraryCodec.CrcBytes)
            {
                uint declared = BitConverter.ToUInt32(b, 12);
                int end = declared >= LibraryCodec.CrcBytes && declared <= b.Length ? (int)declared : b.Length;
                BitConverter.GetBytes(Crc32.Compute(b, 0, end - LibraryCodec.CrcBytes)).CopyTo(b, end - LibraryCodec.CrcBytes);
            }

            return b;
        }

        private byte[] Mutate(byte[] b)
        {
            if (b.Length == 0)
            {
                return b;
            }

            int at = _random.Next(b.Length);
            switch (_random.Next(6))
            {
                case 0:
                    b[at] ^= (byte)(1 << _random.Next(8));
                    return b;
                case 1:
                    b[at] = new byte[] { 0, 1, 0x7F, 0x80, 0xFF, 0x20, 0x7E }[_random.Next(7)];
                    return b;
                case 2:
                    if (at + 8 <= b.Length)
                    {
                        BitConverter.GetBytes(ExtremeLongs[_random.Next(ExtremeLongs.Length)]).CopyTo(b, at);
                    }

                    return b;
                case 3:
                    int field = new[] { 4, 6, 10, 12 }[_random.Next(4)];
                    if (field + 2 <= b.Length)
                    {
                        b[field] = (byte)_random.Next(256);
                        b[field + 1] = (byte)(_random.Next(4) == 0 ? _random.Next(256) : 0);
                    }

                    return b;
                case 4:
                    return b.AsSpan(0, at).ToArray();
                default:
                    var longer = new byte[b.Length + 1 + _random.Next(64)];
                    b.CopyTo(longer, 0);
                    return longer;
            }
        }

        /// <summary>Decodes one input and checks every oracle; throws <see cref="FuzzFailure"/>.</summary>
        public static void Check(byte[] input, LibraryFuzzTotals totals)
        {
            LibraryLoadResult r;
            try
            {
                r = LibraryCodec.Decode(input, 0, input.Length);
            }
            catch (Exception e)
            {
                throw new FuzzFailure($"{e.GetType().Name} escaped the decoder: {e.Message}", input, e);
            }

            totals.Inputs++;
            totals.ByError[(int)r.Error]++;
            if (r.ShortMessage == null || r.ShortMessage.Length < 1 || r.ShortMessage.Length > LibraryLoadResult.MaxShortMessageChars || string.IsNullOrEmpty(r.LongMessage))
            {
                throw new FuzzFailure($"{r.Error}: panel line \"{r.ShortMessage}\" is not 1..20 characters or the log message is empty", input);
            }

            if (!r.IsAccepted)
            {
                if (r.Library != null)
                {
                    throw new FuzzFailure($"{r.Error} refused but returned a library", input);
                }

                return;
            }

            totals.Accepted++;
            if (!LibraryCodec.Check(r.Library!).IsAccepted)
            {
                throw new FuzzFailure("accepted a library its own checks refuse: " + LibraryCodec.Check(r.Library!).LongMessage, input);
            }

            byte[] again = LibraryCodec.Encode(r.Library!)!;
            if (!again.AsSpan().SequenceEqual(input.AsSpan(0, again.Length)) || BitConverter.ToUInt32(input, 12) != again.Length)
            {
                throw new FuzzFailure("an accepted library does not re-encode to the bytes it came from", input);
            }
        }

        public static LibraryFuzzTotals Run(int seed, long inputs, Action<long> completed)
        {
            var fuzzer = new LibraryFuzzer(seed);
            var totals = new LibraryFuzzTotals();
            for (long i = 0; i < inputs; i++)
            {
                if (i % 1000 == 0)
                {
                    completed(i);
                }

                Check(fuzzer.Next(), totals);
            }

            return totals;
        }
    }
}
