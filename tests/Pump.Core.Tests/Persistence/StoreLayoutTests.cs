using System.Linq;
using Pump.Core.Persistence;
using Xunit;

namespace Pump.Core.Tests.Persistence
{
    public sealed class StoreLayoutTests
    {
        // Proves: PER-001
        [Fact]
        public void StoreLayout_Regions_AreDisjointOrderedAndFitHalfTheConfigPartition()
        {
            var regions = new (int Start, int Bytes)[]
            {
                (StoreLayout.SnapshotAddress, 2 * StoreLayout.SnapshotSlotBytes),
                (StoreLayout.SessionHistoryAddress, 2 * StoreLayout.SessionHistorySlotBytes),
                (StoreLayout.DrugLibraryAddress, 2 * StoreLayout.DrugLibrarySlotBytes),
                (StoreLayout.ConfigurationAddress, 2 * StoreLayout.ConfigurationSlotBytes),
                (StoreLayout.LinkKeyAddress, 2 * StoreLayout.LinkKeySlotBytes),
                (StoreLayout.ReplayFloorAddress, 2 * StoreLayout.ReplayFloorSlotBytes),
                (StoreLayout.EventLogAddress, StoreLayout.EventLogEntryBytes * StoreLayout.EventLogCapacityEntries),
            };
            for (int i = 1; i < regions.Length; i++)
            {
                Assert.True(regions[i - 1].Start + regions[i - 1].Bytes <= regions[i].Start, "region " + i + " overlaps its predecessor");
            }

            Assert.Equal(StoreLayout.RequiredCapacityBytes, regions[^1].Start + regions[^1].Bytes);
            Assert.True(StoreLayout.RequiredCapacityBytes <= StoreLayout.Esp32ConfigPartitionBytes / 2);
            Assert.Equal(81920, StoreLayout.RequiredCapacityBytes);
            Assert.True(StoreLayout.Fits(StoreLayout.Esp32ConfigPartitionBytes));
            Assert.False(StoreLayout.Fits(StoreLayout.RequiredCapacityBytes - 1));
        }

        // Proves: PER-001
        [Fact]
        public void StoreLayout_Slots_HoldTheirPayloads()
        {
            Assert.True(PumpSnapshotCodec.PayloadBytes <= StoreLayout.SnapshotMaxPayloadBytes);
            Assert.True(4 + SessionHistory.MaxSessions * 24 <= StoreLayout.SessionHistoryMaxPayloadBytes);
            Assert.True(StoreLayout.DrugLibraryMaxBytes + StoreLayout.RecordOverheadBytes <= StoreLayout.DrugLibrarySlotBytes);
            Assert.True(StoreLayout.EventLogCapacityEntries >= 1000);
            Assert.True(Pump.Core.Configuration.LinkKeyRecord.PayloadBytes + StoreLayout.RecordOverheadBytes <= StoreLayout.LinkKeySlotBytes);
            Assert.True(Pump.Core.Link.ReplayFloor.PayloadBytes + StoreLayout.RecordOverheadBytes <= StoreLayout.ReplayFloorSlotBytes);
            Assert.True(Pump.Core.Configuration.DeviceConfigurationCodec.PayloadBytes + StoreLayout.RecordOverheadBytes <= StoreLayout.ConfigurationSlotBytes);
        }

        // Proves: PER-001
        [Fact]
        public void StoreLayout_Magics_AreDistinct()
        {
            Assert.Equal(3, new[] { StoreLayout.SnapshotMagic, StoreLayout.SessionHistoryMagic, StoreLayout.DrugLibraryMagic }.Distinct().Count());
        }
    }
}
