using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Tests.Fakes;
using Xunit;

namespace Pump.Core.Tests.Control
{
    public sealed class LibraryLoadingTests
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

        // Proves: SEC-050, LIB-008
        [Fact]
        public void PowerUp_StoredLibraryValid_IsUsedAndInstallLogged()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            byte[] bytes = Encoded(7);
            Assert.True(rig.Controller.InstallLibrary(bytes, 0, bytes.Length).IsAccepted);
            Assert.Equal(7u, rig.Controller.Library.Revision);
            var rebooted = new PumpRig(rig.Store);
            rebooted.Run(0.2);
            Assert.Equal(7u, rebooted.Controller.Library.Revision);
            Assert.Contains("LIBRARY REV 7", rebooted.Display.Row(2));
            Assert.Equal("", rebooted.Controller.LibraryRefusal);
        }

        // Proves: SEC-050
        [Fact]
        public void Install_CorruptedLibrary_RefusedWithSpecificMessageAndNothingChanges()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            byte[] bytes = Encoded(8);
            bytes[bytes.Length / 2] ^= 0x40;
            var result = rig.Controller.InstallLibrary(bytes, 0, bytes.Length);
            Assert.False(result.IsAccepted);
            Assert.Equal("LIB CRC FAIL", result.ShortMessage);
            Assert.Equal(ShippedLibrary.Revision, rig.Controller.Library.Revision);
        }

        // Proves: SEC-050, PER-011
        [Fact]
        public void PowerUp_StoredLibraryCorruptedInPlace_RefusedShippedUsedAndAlarmed()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            byte[] bytes = Encoded(9);
            Assert.True(rig.Controller.InstallLibrary(bytes, 0, bytes.Length).IsAccepted);
            // Flip a byte inside both slots' library payloads: the record CRC catches it first.
            int address = Pump.Core.Persistence.StoreLayout.DrugLibraryAddress;
            for (int i = 0; i < 2 * Pump.Core.Persistence.StoreLayout.DrugLibrarySlotBytes; i += Pump.Core.Persistence.StoreLayout.DrugLibrarySlotBytes)
            {
                rig.Store.Bytes[address + i + 40] ^= 0x01;
            }

            var rebooted = new PumpRig(rig.Store);
            rebooted.Run(0.2);
            Assert.Equal(ShippedLibrary.Revision, rebooted.Controller.Library.Revision);
            Assert.NotEqual("", rebooted.Controller.LibraryRefusal);
            Assert.True(rebooted.Controller.Alarms.IsShown(AlarmCode.LibraryRefused));
            Assert.Equal(PumpState.Idle, rebooted.State);
        }

        // Proves: LIB-008
        [Fact]
        public void Install_WhileInfusing_Refused()
        {
            var rig = PumpControllerTests.StartedKetamine();
            byte[] bytes = Encoded(10);
            var result = rig.Controller.InstallLibrary(bytes, 0, bytes.Length);
            Assert.False(result.IsAccepted);
            Assert.Equal(LibraryError.PumpNotIdle, result.Error);
        }
    }
}
