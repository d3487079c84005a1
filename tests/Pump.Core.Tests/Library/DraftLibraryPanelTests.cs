using Pump.Core.Library;
using Pump.Core.Tests.Fakes;
using Xunit;

namespace Pump.Core.Tests.Library
{
    public sealed class DraftLibraryPanelTests
    {
        private static byte[] Encoded(uint revision, bool signed)
        {
            DrugLibrary s = ShippedLibrary.Build();
            var entries = new DrugEntry[s.Count];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = s.GetAt(i);
            }

            Assert.True(LibraryCodec.TryContentCrc(new DrugLibrary(revision, entries), out uint crc));
            LibrarySignOff? signOff = signed ? new LibrarySignOff("P. Author", "Q. Reviewer", 20261203, crc) : null;
            return LibraryCodec.Encode(new DrugLibrary(revision, entries, signOff))!;
        }

        // Proves: LIB-012
        [Fact]
        public void IdleScreen_DraftLibraryInstalled_ShowsDraftLib()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            byte[] draft = Encoded(5, signed: false);
            Assert.True(rig.Controller.InstallLibrary(draft, 0, draft.Length).IsAccepted);
            rig.Run(0.2);
            Assert.Contains("DRAFT LIB", rig.Display.Row(0));
            Assert.Contains("LIBRARY REV 5", rig.Display.Row(2));
        }

        // Proves: LIB-012
        [Fact]
        public void IdleScreen_SignedLibraryInstalled_NoDraftMarkAndSurvivesRestart()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            byte[] signed = Encoded(6, signed: true);
            Assert.True(rig.Controller.InstallLibrary(signed, 0, signed.Length).IsAccepted);
            var rebooted = new PumpRig(rig.Store);
            rebooted.Run(0.2);
            Assert.False(rebooted.Controller.Library.IsDraft);
            Assert.DoesNotContain("DRAFT", rebooted.Display.Row(0));
            Assert.Contains("LIBRARY REV 6", rebooted.Display.Row(2));
        }
    
        // Proves: LIB-012
        [Fact]
        public void ServiceInstallConfirmation_DraftSaysDraft_SignedDoesNot()
        {
            var draft = new Pump.Core.Tests.Service.ServiceRig();
            Assert.Equal(Pump.Core.Service.ServiceStatus.AwaitingPanel, draft.InstallLibraryBytes(Encoded(11, signed: false)).Status);
            draft.Tick();
            Assert.Contains("SERVICE MODE   DRAFT", draft.Display.Text);

            var signed = new Pump.Core.Tests.Service.ServiceRig();
            Assert.Equal(Pump.Core.Service.ServiceStatus.AwaitingPanel, signed.InstallLibraryBytes(Encoded(12, signed: true)).Status);
            signed.Tick();
            Assert.Contains("NEW LIBRARY REV 12", signed.Display.Text);
            Assert.DoesNotContain("DRAFT", signed.Display.Text);
        }
    }
}
