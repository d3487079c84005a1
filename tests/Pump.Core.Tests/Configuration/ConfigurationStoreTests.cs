using Pump.Core.Configuration;
using Pump.Core.Persistence;
using Pump.Core.Tests.Persistence;
using Pump.Core.Tests.Service;
using Xunit;

namespace Pump.Core.Tests.Configuration
{
    public class ConfigurationStoreTests
    {
        private static PowerCutStore NewStore() => new(StoreLayout.Esp32ConfigPartitionBytes);

        // Proves: CFG-001
        [Fact]
        public void Load_EmptyStore_ReportsNoRecordAndLeavesDefaults()
        {
            var target = new DeviceConfiguration();
            Assert.Equal(ConfigProblem.NoRecord, new ConfigurationStore(NewStore()).TryLoad(target));
            Assert.Equal("", target.Serial);
            Assert.False(target.IsCalibrated);
        }

        // Proves: CFG-001
        [Fact]
        public void WriteThenLoad_AfterReboot_ReturnsEveryField()
        {
            PowerCutStore store = NewStore();
            DeviceConfiguration written = ServiceRig.Calibrated();
            written.PairedMonitorId = 0x4D4F4E31;
            written.PairingKeySlot = 3;
            written.OcclusionLevel = 2;
            written.NearEmptyLeadS = 600;
            Assert.Equal(ConfigProblem.None, new ConfigurationStore(store).TryWrite(written));
            var read = new DeviceConfiguration();
            Assert.Equal(ConfigProblem.None, new ConfigurationStore(store).TryLoad(read));
            Assert.Equal(ServiceRig.Encode(written), ServiceRig.Encode(read));
        }

        // Proves: CFG-001
        [Theory]
        [InlineData(0)]
        [InlineData(10)]
        [InlineData(50)]
        [InlineData(16)]
        [InlineData(99)]
        public void Write_CutByPowerLoss_KeepsThePreviousConfiguration(int bytesBeforeCut)
        {
            PowerCutStore store = NewStore();
            Assert.Equal(ConfigProblem.None, new ConfigurationStore(store).TryWrite(ServiceRig.Calibrated("OLD-1")));
            store.CutPowerAfter(bytesBeforeCut);
            Assert.NotEqual(ConfigProblem.None, new ConfigurationStore(store).TryWrite(ServiceRig.Calibrated("NEW-2")));
            store.Reboot();
            var read = new DeviceConfiguration();
            Assert.Equal(ConfigProblem.None, new ConfigurationStore(store).TryLoad(read));
            Assert.Equal("OLD-1", read.Serial);
        }

        // Proves: CFG-002
        [Fact]
        public void Load_BothSlotsCorrupted_RefusesAndLeavesTargetUntouched()
        {
            PowerCutStore store = NewStore();
            var cs = new ConfigurationStore(store);
            Assert.Equal(ConfigProblem.None, cs.TryWrite(ServiceRig.Calibrated("A-1")));
            Assert.Equal(ConfigProblem.None, cs.TryWrite(ServiceRig.Calibrated("A-2")));
            store.FlipBit(StoreLayout.ConfigurationAddress + StoreLayout.RecordHeaderBytes + 3, 1);
            store.FlipBit(StoreLayout.ConfigurationAddress + StoreLayout.ConfigurationSlotBytes + StoreLayout.RecordHeaderBytes + 40, 4);
            var target = new DeviceConfiguration { Serial = "UNTOUCHED" };
            Assert.Equal(ConfigProblem.RecordDamaged, new ConfigurationStore(store).TryLoad(target));
            Assert.Equal("UNTOUCHED", target.Serial);
            Assert.Equal(0, target.ForceSpanCounts);
        }

        // Proves: CFG-002
        [Fact]
        public void Load_NewestSlotCorrupted_UsesTheOlderValidCopy()
        {
            PowerCutStore store = NewStore();
            var cs = new ConfigurationStore(store);
            Assert.Equal(ConfigProblem.None, cs.TryWrite(ServiceRig.Calibrated("A-1")));
            Assert.Equal(ConfigProblem.None, cs.TryWrite(ServiceRig.Calibrated("A-2")));
            store.FlipBit(StoreLayout.ConfigurationAddress + StoreLayout.ConfigurationSlotBytes + StoreLayout.RecordHeaderBytes + 5, 0);
            var read = new DeviceConfiguration();
            Assert.Equal(ConfigProblem.None, new ConfigurationStore(store).TryLoad(read));
            Assert.Equal("A-1", read.Serial);
        }

        // Proves: CFG-002
        [Fact]
        public void Load_NewestCopyCrcValidButFailingAChecks_FallsBackAndNeverHalfUses()
        {
            PowerCutStore store = NewStore();
            Assert.Equal(ConfigProblem.None, new ConfigurationStore(store).TryWrite(ServiceRig.Calibrated("GOOD-1")));
            // A CRC-valid record from other firmware with an impossible force span.
            byte[] bad = ServiceRig.Encode(ServiceRig.Calibrated("BAD-2"));
            LittleEndian.WriteInt32(bad, DeviceConfigurationCodec.OForceSpan, 5);
            var raw = new DualSlotRecord(store, StoreLayout.ConfigurationAddress, StoreLayout.ConfigurationSlotBytes,
                StoreLayout.ConfigurationMagic, 1, 1);
            Assert.True(raw.TryWrite(1, bad, 0, bad.Length));
            var read = new DeviceConfiguration();
            var cs = new ConfigurationStore(store);
            Assert.Equal(ConfigProblem.None, cs.TryLoad(read));
            Assert.Equal("GOOD-1", read.Serial);
            Assert.True(cs.LoadReport.AnyDamage);
        }

        public static TheoryData<string, int> BadValues() => new()
        {
            { "serial=", ConfigProblem.SerialMissing },
            { "serial=lower", ConfigProblem.SerialInvalid },
            { "serial=TOO-LONG-SERIAL-NUMBER", ConfigProblem.SerialInvalid },
            { "tech=a b", ConfigProblem.TechnicianInvalid },
            { "date=1000", ConfigProblem.CalibrationDateInvalid },
            { "forceSpan=999", ConfigProblem.ForceCalibrationInvalid },
            { "forceSpan=-999", ConfigProblem.ForceCalibrationInvalid },
            { "forceMn=999", ConfigProblem.ForceCalibrationInvalid },
            { "forceMn=200001", ConfigProblem.ForceCalibrationInvalid },
            { "posZero=-1", ConfigProblem.PositionCalibrationInvalid },
            { "posSpan=4096", ConfigProblem.PositionCalibrationInvalid },
            { "posSpan=799", ConfigProblem.PositionCalibrationInvalid },
            { "posUm=9999", ConfigProblem.PositionCalibrationInvalid },
            { "lead=99", ConfigProblem.MechanismInvalid },
            { "micro=512", ConfigProblem.MechanismInvalid },
            { "keyslot=1", ConfigProblem.PairingKeyInvalid },
            { "occlusion=3", ConfigProblem.ClinicSettingInvalid },
            { "nearEmpty=59", ConfigProblem.ClinicSettingInvalid },
            { "callback=601", ConfigProblem.ClinicSettingInvalid },
        };

        // Proves: CFG-002
        [Theory]
        [MemberData(nameof(BadValues))]
        public void Write_OutOfRangeValue_IsRefusedWithItsProblemAndStoresNothing(string change, int expected)
        {
            DeviceConfiguration c = ServiceRig.Calibrated();
            string[] kv = change.Split('=');
            int n = int.TryParse(kv[1], out int v) ? v : 0;
            switch (kv[0])
            {
                case "serial": c.Serial = kv[1]; break;
                case "tech": c.CalibratedBy = kv[1]; break;
                case "date": c.CalibrationUtcSeconds = n; break;
                case "forceSpan": c.ForceSpanCounts = n; break;
                case "forceMn": c.ForceSpanMilliNewtons = n; break;
                case "posZero": c.PositionZeroCounts = n; break;
                case "posSpan": c.PositionSpanCounts = n; break;
                case "posUm": c.PositionSpanMicrometres = n; break;
                case "lead": c.LeadUm = n; break;
                case "micro": c.Microstepping = n; break;
                case "keyslot": c.PairingKeySlot = n; break;
                case "occlusion": c.OcclusionLevel = n; break;
                case "nearEmpty": c.NearEmptyLeadS = n; break;
                case "callback": c.CallbackPausedS = n; break;
            }
            PowerCutStore store = NewStore();
            Assert.Equal(expected, new ConfigurationStore(store).TryWrite(c));
            Assert.Equal(ConfigProblem.NoRecord, new ConfigurationStore(store).TryLoad(new DeviceConfiguration()));
        }

        // Proves: CFG-002
        [Fact]
        public void Decode_TextWithBytesAfterItsEnd_IsRefused()
        {
            byte[] b = ServiceRig.Encode(ServiceRig.Calibrated("AB"));
            b[DeviceConfigurationCodec.OSerial + 5] = (byte)'X'; // "AB\0\0\0X": a hidden tail
            var target = new DeviceConfiguration();
            Assert.Equal(ConfigProblem.SerialInvalid, DeviceConfigurationCodec.Decode(b, 0, b.Length, new DeviceConfiguration(), target));
            Assert.Equal("", target.Serial);
        }

        // Proves: CFG-003
        [Fact]
        public void ReadyToInfuse_UncalibratedButStorable_SaysNotCalibrated()
        {
            var c = new DeviceConfiguration { Serial = "SP-0002" };
            Assert.Equal(ConfigProblem.None, ConfigurationChecks.CheckStorable(c));
            Assert.Equal(ConfigProblem.NotCalibrated, ConfigurationChecks.CheckReadyToInfuse(c));
            Assert.Equal("NOT CALIBRATED", ConfigProblem.PanelText(ConfigProblem.NotCalibrated));
        }

        // Proves: CFG-002
        [Fact]
        public void Storable_CalibrationValuesWithoutADate_AreRefusedAsHalfFinished()
        {
            var c = new DeviceConfiguration { Serial = "SP-0003", ForceSpanCounts = 90_000 };
            Assert.Equal(ConfigProblem.CalibrationDateInvalid, ConfigurationChecks.CheckStorable(c));
        }

        [Fact]
        public void PanelTexts_AllProblems_FitOnePanelRow()
        {
            for (int p = 0; p <= ConfigProblem.ReservedNotZero; p++)
            {
                Assert.InRange(ConfigProblem.PanelText(p).Length, 1, 20);
                Assert.NotEqual("Unknown configuration problem.", ConfigProblem.Describe(p));
            }
        }
    }
}
