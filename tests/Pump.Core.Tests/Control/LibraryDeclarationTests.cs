using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>Library entries declare what a session of them needs; the plain mL/h entry is optional (PRG-012).</summary>
    public sealed class LibraryDeclarationTests
    {
        // Proves: PRG-012
        [Fact]
        public void ShippedEntries_Declare_KetamineNeedsVitalsAndSessionRulesPlainRateNeither()
        {
            DrugEntry ketamine = ShippedLibrary.KetaminePsych40();
            DrugEntry plain = ShippedLibrary.NoDrug();
            Assert.True(ketamine.RequiresVitalInterlock);
            Assert.True(ketamine.HasSessionRules);
            Assert.False(plain.RequiresVitalInterlock);
            Assert.False(plain.HasSessionRules);
        }

        // Proves: PRG-012
        [Fact]
        public void Library_WithoutThePlainRateEntry_IsAcceptedAndOffersNoWayAroundTheKetamineLimits()
        {
            var library = new DrugLibrary(ShippedLibrary.Revision + 1, new[] { ShippedLibrary.KetaminePsych40() });
            Assert.True(LibraryChecks.Check(library).IsAccepted);
            byte[] bytes = LibraryCodec.Encode(library)!;
            Assert.True(LibraryCodec.Decode(bytes, 0, bytes.Length).IsAccepted);

            var rig = new PumpRig(library: library);
            rig.Run(0.2);
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Programming, rig.State);
            Assert.Contains("KETAMINE", rig.Display.Row(1));
            // Scrolling the drug list never reaches a plain mL/h entry.
            for (int i = 0; i < 3; i++)
            {
                rig.Press(PanelKey.Down);
                Assert.DoesNotContain("mL/h", rig.Display.Row(1));
            }

            rig.Press(PanelKey.Up, PanelKey.Up, PanelKey.Up);
            rig.Press(PanelKey.Ok, PanelKey.Ok);   // drug, no patient id
            rig.EnterDigits("0700");
            rig.EnterDoseAndDuration("0050", "040");
            rig.AcceptReview();
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.True(rig.Controller.InterlockRequired);
        }
    }
}
