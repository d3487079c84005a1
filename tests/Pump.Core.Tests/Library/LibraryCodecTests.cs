using System;
using CsCheck;
using Pump.Core.Library;
using Xunit;

namespace Pump.Core.Tests.Library
{
    public sealed class LibraryCodecTests
    {
        // Proves: LIB-001
        [Fact]
        public void Encode_ThenDecode_SameEntriesAndIdenticalBytes()
        {
            byte[] bytes = LibraryTestData.ShippedBytes();
            LibraryLoadResult r = LibraryCodec.Decode(bytes, 0, bytes.Length);
            Assert.True(r.IsAccepted, r.LongMessage);
            DrugLibrary lib = r.Library!;
            Assert.Equal(ShippedLibrary.Revision, lib.Revision);
            DrugLibrary shipped = ShippedLibrary.Build();
            Assert.Equal(shipped.Count, lib.Count);
            for (int i = 0; i < lib.Count; i++)
            {
                DrugEntry a = shipped.GetAt(i);
                DrugEntry b = lib.GetAt(i);
                Assert.Equal(a.DrugId, b.DrugId);
                Assert.Equal(a.Name, b.Name);
                Assert.Equal(a.Mode, b.Mode);
                Assert.Equal(a.BolusAllowed, b.BolusAllowed);
                Assert.Equal(a.ConcentrationsUgPerMl, b.ConcentrationsUgPerMl);
                for (int k = 0; k < DrugEntry.StoredLimitCount; k++)
                {
                    Limits la = a.GetLimits((LimitKind)k);
                    Limits lb = b.GetLimits((LimitKind)k);
                    Assert.Equal(new[] { la.HardMin, la.SoftMin, la.SoftMax, la.HardMax }, new[] { lb.HardMin, lb.SoftMin, lb.SoftMax, lb.HardMax });
                }
            }

            Assert.Equal(bytes, LibraryCodec.Encode(lib));
        }

        // Proves: LIB-001
        [Fact]
        public void Encode_Header_MagicVersionRevisionCountLength()
        {
            byte[] b = LibraryTestData.ShippedBytes();
            Assert.Equal((byte)'P', b[0]);
            Assert.Equal((byte)'L', b[1]);
            Assert.Equal((byte)'I', b[2]);
            Assert.Equal((byte)'B', b[3]);
            Assert.Equal(LibraryCodec.FormatVersion, BitConverter.ToUInt16(b, 4));
            Assert.Equal(ShippedLibrary.Revision, BitConverter.ToUInt32(b, 6));
            Assert.Equal(2, BitConverter.ToUInt16(b, 10));
            Assert.Equal((uint)b.Length, BitConverter.ToUInt32(b, 12));
            Assert.Equal(Pump.Core.Common.Crc32.Compute(b, 0, b.Length - 4), BitConverter.ToUInt32(b, b.Length - 4));
        }

        // Proves: SEC-050
        [Fact]
        public void Decode_AnySingleCorruptedByte_Refused()
        {
            byte[] good = LibraryTestData.ShippedBytes();
            for (int i = 0; i < good.Length; i++)
            {
                byte[] bad = (byte[])good.Clone();
                bad[i] ^= 0x5A;
                LibraryLoadResult r = LibraryCodec.Decode(bad, 0, bad.Length);
                Assert.False(r.IsAccepted, "byte " + i);
                Assert.Null(r.Library);
                if (i >= 4 && (i < 12 || i >= 16))
                {
                    Assert.Equal(LibraryError.CrcMismatch, r.Error);
                    Assert.Equal("LIB CRC FAIL", r.ShortMessage);
                    Assert.Contains("CRC-32 mismatch", r.LongMessage);
                }
            }
        }

        // Proves: SEC-051
        [Fact]
        public void Decode_OtherFormatVersionWithValidCrc_RefusedNamingTheVersion()
        {
            byte[] b = LibraryTestData.ShippedBytes();
            b[4] = 1;
            LibraryTestData.FixCrc(b);
            LibraryLoadResult r = LibraryCodec.Decode(b, 0, b.Length);
            Assert.Equal(LibraryError.UnsupportedFormatVersion, r.Error);
            Assert.Equal("LIB FORMAT V1", r.ShortMessage);
            Assert.Contains("format version 1 is not supported (this firmware reads version 2)", r.LongMessage);
        }

        // Proves: SEC-054
        [Fact]
        public void Decode_EveryTruncation_RefusedWithoutThrowing()
        {
            byte[] good = LibraryTestData.ShippedBytes();
            for (int n = 0; n < good.Length; n++)
            {
                LibraryLoadResult r = LibraryCodec.Decode(good, 0, n);
                Assert.False(r.IsAccepted, "length " + n);
                Assert.InRange(r.ShortMessage.Length, 1, LibraryLoadResult.MaxShortMessageChars);
            }

            Assert.Equal(LibraryError.TooShort, LibraryCodec.Decode(null!, 0, 0).Error);
            Assert.Equal(LibraryError.TooShort, LibraryCodec.Decode(good, good.Length, 30).Error);
            Assert.Equal(LibraryError.TooShort, LibraryCodec.Decode(good, -1, 30).Error);
        }

        // Proves: SEC-054
        [Fact]
        public void Decode_LargerStoreRegion_IgnoresBytesAfterDeclaredLength()
        {
            byte[] good = LibraryTestData.ShippedBytes();
            byte[] region = new byte[good.Length + 100];
            for (int i = 0; i < region.Length; i++)
            {
                region[i] = 0xFF; // erased flash
            }

            Array.Copy(good, 0, region, 10, good.Length);
            LibraryLoadResult r = LibraryCodec.Decode(region, 10, region.Length - 10);
            Assert.True(r.IsAccepted, r.LongMessage);
        }

        // Proves: SEC-054
        [Fact]
        public void Decode_UnexplainedBytesBeforeCrc_Refused()
        {
            byte[] good = LibraryTestData.ShippedBytes();
            byte[] longer = new byte[good.Length + 3];
            Array.Copy(good, 0, longer, 0, good.Length - 4);
            BitConverter.GetBytes((uint)longer.Length).CopyTo(longer, 12);
            LibraryTestData.FixCrc(longer);
            LibraryLoadResult r = LibraryCodec.Decode(longer, 0, longer.Length);
            Assert.Equal(LibraryError.LengthMismatch, r.Error);
            Assert.Contains("3 unexplained bytes", r.LongMessage);
        }

        // Proves: SEC-052
        [Fact]
        public void Decode_RandomBytes_NeverThrowsNeverAccepts()
        {
            Gen.Byte.Array[0, 2000].Sample(bytes =>
            {
                LibraryLoadResult r = LibraryCodec.Decode(bytes, 0, bytes.Length);
                Assert.False(r.IsAccepted);
                Assert.Null(r.Library);
                Assert.InRange(r.ShortMessage.Length, 1, LibraryLoadResult.MaxShortMessageChars);
                Assert.False(string.IsNullOrEmpty(r.LongMessage));
            });
        }

        // Proves: SEC-052
        // Proves: LIB-003
        [Fact]
        public void Decode_MutatedBodyWithRecomputedCrc_NeverThrowsAndAcceptsOnlyConsistentLibraries()
        {
            byte[] good = LibraryTestData.ShippedBytes();
            Gen.Select(Gen.Int[LibraryCodec.HeaderBytes, good.Length - 5], Gen.Byte, Gen.Int[1, 4]).Sample((index, value, span) =>
            {
                byte[] b = (byte[])good.Clone();
                for (int i = index; i < Math.Min(index + span, good.Length - 4); i++)
                {
                    b[i] = value;
                }

                LibraryTestData.FixCrc(b);
                LibraryLoadResult r = LibraryCodec.Decode(b, 0, b.Length);
                Assert.InRange(r.ShortMessage.Length, 1, LibraryLoadResult.MaxShortMessageChars);
                if (r.IsAccepted)
                {
                    Assert.True(LibraryChecks.Check(r.Library!).IsAccepted);
                }
                else
                {
                    Assert.Null(r.Library);
                }
            }, iter: 5000);
        }

        // Proves: SEC-053
        [Fact]
        public void Encode_InconsistentLibrary_ReturnsNull()
        {
            DrugEntry bad = LibraryTestData.WithLimit(ShippedLibrary.KetaminePsych40(), LimitKind.DoseUgPerKg, new Limits(0, 100, 1200, 1000));
            Assert.Null(LibraryCodec.Encode(new DrugLibrary(1, new[] { bad })));
        }

        // Proves: SEC-053
        // Proves: LIB-003
        [Fact]
        public void Decode_InconsistentLimitsWithValidCrc_RefusedNamingEntryAndField()
        {
            // Soft max 0.75 -> 1.2 mg/kg, above the hard max 1.0, patched into valid bytes.
            byte[] b = LibraryTestData.ShippedBytes();
            byte[] softMax = BitConverter.GetBytes(750L);
            int at = IndexOf(b, softMax);
            Assert.True(at > 0);
            BitConverter.GetBytes(1200L).CopyTo(b, at);
            LibraryTestData.FixCrc(b);
            LibraryLoadResult r = LibraryCodec.Decode(b, 0, b.Length);
            Assert.Equal(LibraryError.InconsistentLimits, r.Error);
            Assert.Equal("ID10:DOSE LIMITS", r.ShortMessage);
            Assert.Contains("KETAMINE PSYCH 40min", r.LongMessage);
            Assert.Contains("dose per kg limits are inconsistent", r.LongMessage);
            Assert.Equal(1, r.EntryIndex);
            Assert.Equal(10, r.DrugId);
        }

        // Proves: LIB-001
        [Fact]
        public void Encode_LargestLibrary_FitsThePersistenceSlot()
        {
            var entries = new DrugEntry[DrugLibrary.MaxEntries];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = LibraryTestData.With(ShippedLibrary.KetaminePsych40(), drugId: 100 + i, name: "KETAMINE PSYCH 40m" + (10 + i),
                    concentrations: new[] { 500, 600, 700, 800, 900, 1000, 1500, 2000 });
            }

            byte[]? bytes = LibraryCodec.Encode(new DrugLibrary(7, entries));
            Assert.NotNull(bytes);
            Assert.Equal(LibraryCodec.HeaderBytes + LibraryCodec.SignOffBytes + LibraryCodec.CrcBytes + DrugLibrary.MaxEntries * LibraryCodec.MaxEntryBytes, bytes!.Length);
            Assert.True(bytes.Length <= LibraryCodec.MaxEncodedBytes);
            Assert.True(LibraryCodec.MaxEncodedBytes <= Pump.Core.Persistence.StoreLayout.DrugLibraryMaxBytes);
            Assert.True(LibraryCodec.Decode(bytes, 0, bytes.Length).IsAccepted);

            var tooMany = new DrugEntry[DrugLibrary.MaxEntries + 1];
            for (int i = 0; i < tooMany.Length; i++)
            {
                tooMany[i] = LibraryTestData.With(ShippedLibrary.KetaminePsych40(), drugId: 100 + i);
            }

            Assert.Null(LibraryCodec.Encode(new DrugLibrary(7, tooMany)));
            Assert.Equal(LibraryError.TooManyEntries, LibraryChecks.Check(new DrugLibrary(7, tooMany)).Error);
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                bool match = true;
                for (int j = 0; j < needle.Length && match; j++)
                {
                    match = haystack[i + j] == needle[j];
                }

                if (match)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
