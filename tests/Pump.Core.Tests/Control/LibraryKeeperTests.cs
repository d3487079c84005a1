using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Core.Tests.Fakes;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>Which library the pump uses, and that every install and refusal is logged (LIB-008, SEC-050).</summary>
    public sealed class LibraryKeeperTests
    {
        private static byte[] Encoded(uint revision)
        {
            var shipped = ShippedLibrary.Build();
            var entries = new DrugEntry[shipped.Count];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = shipped.GetAt(i);
            }

            return LibraryCodec.Encode(new DrugLibrary(revision, entries))!;
        }

        // Proves: LIB-008
        [Fact]
        public void Install_Accepted_LoggedWithRevisionAndEntryCount()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            byte[] bytes = Encoded(11);
            Assert.True(rig.Controller.InstallLibrary(bytes, 0, bytes.Length).IsAccepted);
            var logged = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.LibraryInstalled));
            Assert.Equal(11, logged.Arg0);
            Assert.Equal(rig.Controller.Library.Count, logged.Arg1);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.LibraryRefused));
        }

        // Proves: LIB-008, SEC-050
        [Fact]
        public void Install_Corrupted_RefusalLoggedWithItsErrorAndNotInstalled()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            byte[] bytes = Encoded(12);
            bytes[bytes.Length / 2] ^= 0x40;
            LibraryLoadResult result = rig.Controller.InstallLibrary(bytes, 0, bytes.Length);
            Assert.False(result.IsAccepted);
            var logged = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.LibraryRefused));
            Assert.Equal((int)result.Error, logged.Arg0);
            Assert.Equal(0, logged.Arg1);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.LibraryInstalled));
        }

        // Proves: LIB-008, PER-013, LIB-007
        [Fact]
        public void Install_StoreCannotWriteIt_RefusedAsStoreFailedPreviousLibraryStaysAndLogged()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Store.FailFrom = StoreLayout.DrugLibraryAddress;
            rig.Store.FailTo = StoreLayout.DrugLibraryAddress + 2 * StoreLayout.DrugLibrarySlotBytes;
            byte[] bytes = Encoded(13);
            LibraryLoadResult result = rig.Controller.InstallLibrary(bytes, 0, bytes.Length);
            Assert.False(result.IsAccepted);
            Assert.Equal(LibraryError.StoreWriteFailed, result.Error);
            Assert.Equal("LIB STORE FAILED", result.ShortMessage);
            Assert.Contains("could not be written to storage", result.LongMessage);   // LIB-007: the longer message says why
            Assert.Equal(ShippedLibrary.Revision, rig.Controller.Library.Revision);
            var logged = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.LibraryRefused));
            Assert.Equal(1, logged.Arg1);
        }

        // Proves: SEC-050, PER-011
        [Fact]
        public void PowerUp_StoredLibraryRecordDamaged_LibraryDamagedAlarmedAndLogged()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            byte[] bytes = Encoded(14);
            Assert.True(rig.Controller.InstallLibrary(bytes, 0, bytes.Length).IsAccepted);
            for (int i = 0; i < 2 * StoreLayout.DrugLibrarySlotBytes; i += StoreLayout.DrugLibrarySlotBytes)
            {
                rig.Store.Bytes[StoreLayout.DrugLibraryAddress + i + 40] ^= 0x01;
            }

            var rebooted = new PumpRig(rig.Store);
            rebooted.Run(0.2);
            Assert.Equal("LIBRARY DAMAGED", rebooted.Controller.LibraryRefusal);
            Assert.True(rebooted.Controller.Alarms.IsShown(AlarmCode.LibraryRefused));
            var logged = Assert.Single(PumpRigLog.Controller(rebooted, PumpEvent.LibraryRefused));
            Assert.Equal(1, logged.Arg1);
        }

        // Proves: SEC-050
        [Fact]
        public void PowerUp_StoredRecordIntactButLibraryInsideFailsItsChecks_ShippedUsedRefusalNamedAlarmedAndLogged()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            byte[] bytes = Encoded(15);
            bytes[bytes.Length / 2] ^= 0x40;
            Assert.True(rig.Controller.Persistence.Library.TryWrite(bytes, 0, bytes.Length));

            var rebooted = new PumpRig(rig.Store);
            rebooted.Run(0.2);
            Assert.Equal(ShippedLibrary.Revision, rebooted.Controller.Library.Revision);
            Assert.Equal("LIB CRC FAIL", rebooted.Controller.LibraryRefusal);
            Assert.True(rebooted.Controller.Alarms.IsShown(AlarmCode.LibraryRefused));
            var logged = Assert.Single(PumpRigLog.Controller(rebooted, PumpEvent.LibraryRefused));
            Assert.Equal((int)LibraryCodec.Decode(bytes, 0, bytes.Length).Error, logged.Arg0);
            Assert.Equal(0, logged.Arg1);
        }

        // Proves: SEC-050
        [Fact]
        public void PowerUp_NoStoredLibrary_ShippedUsedWithoutRefusalOrAlarm()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            Assert.Equal(ShippedLibrary.Revision, rig.Controller.Library.Revision);
            Assert.Equal("", rig.Controller.LibraryRefusal);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.LibraryRefused));
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.LibraryRefused));
        }
    }
}
