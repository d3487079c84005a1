using System.Collections.Generic;
using System.Numerics;
using Pump.Core.Units;
using Xunit;

namespace Pump.Core.Tests.Units
{
    public sealed class SyringeTableTests
    {
        // Proves: UNT-001
        [Fact]
        public void SyringeTable_AllEntries_ValidWithUniqueIdsAndPanelNames()
        {
            var ids = new HashSet<int>();
            Assert.True(SyringeTable.Count >= 10);
            for (int i = 0; i < SyringeTable.Count; i++)
            {
                SyringeSpec s = SyringeTable.GetAt(i);
                Assert.True(s.IsValid(), s.DisplayName);
                Assert.True(ids.Add(s.Id), "duplicate id " + s.Id);
                Assert.InRange(s.DisplayName.Length, 1, 16);
                Assert.All(s.DisplayName, c => Assert.InRange(c, ' ', '~'));
                Assert.False(string.IsNullOrWhiteSpace(s.Source));
                Assert.True(SyringeTable.TryFind(s.Id, out SyringeSpec? found));
                Assert.Same(s, found);
            }

            Assert.False(SyringeTable.TryFind(999, out SyringeSpec? none));
            Assert.Null(none);
        }

        // Proves: UNT-001
        [Theory]
        [InlineData(10)]
        [InlineData(20)]
        [InlineData(30)]
        [InlineData(50)]
        [InlineData(60)]
        public void SyringeTable_EachRequiredSize_OfferedByAtLeastTwoBrands(int sizeMl)
        {
            var brands = new HashSet<int>();
            for (int i = 0; i < SyringeTable.Count; i++)
            {
                SyringeSpec s = SyringeTable.GetAt(i);
                if (s.NominalVolumeNl == sizeMl * 1000000L)
                {
                    brands.Add(s.Id / 100); // 1xx BD, 2xx Terumo, 3xx HSW
                }
            }

            Assert.True(brands.Count >= 2, sizeMl + " mL has " + brands.Count + " brand(s)");
        }

        // Proves: UNT-001
        [Fact]
        public void SyringeTable_UsableTravel_IsSmallestWholeUmThatDisplacesNominalCapacity()
        {
            for (int i = 0; i < SyringeTable.Count; i++)
            {
                SyringeSpec s = SyringeTable.GetAt(i);

                // volume(t) in µm^3 = 355 d^2 t / 452; capacity in µm^3 = nL * 10^6.
                BigInteger d2 = (BigInteger)s.InnerDiameterUm * s.InnerDiameterUm;
                BigInteger capacity452 = (BigInteger)s.NominalVolumeNl * 1000000 * 452;
                Assert.True(355 * d2 * s.UsableTravelUm >= capacity452, s.DisplayName);
                Assert.True(355 * d2 * (s.UsableTravelUm - 1) < capacity452, s.DisplayName);
            }
        }

        // Proves: UNT-001
        [Fact]
        public void SyringeTable_CitedDiameters_MatchHardwareDocs()
        {
            string doc = System.IO.File.ReadAllText(TestPaths.InRepository("hardware-docs/syringes.md"));
            for (int i = 0; i < SyringeTable.Count; i++)
            {
                SyringeSpec s = SyringeTable.GetAt(i);
                Assert.Contains("| " + s.Id + " |", doc);
                Assert.Contains("| " + s.InnerDiameterUm + " |", doc);
                Assert.Contains("| " + s.UsableTravelUm + " |", doc);
            }
        }
    }
}
