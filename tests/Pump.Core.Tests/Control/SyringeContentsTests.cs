using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// What the syringe holds, read from the plunger position, against what the program needs (STM-005, PNL-009):
    /// less is asked about with both volumes and starts only when confirmed; contents the pump cannot read are
    /// never enough.
    /// </summary>
    public sealed class SyringeContentsTests
    {
        private const int EmptyPositionUm = 120_000;

        // The rig's BD 60 mL moves 1 µm per 0.556 µL: 899 µm of travel hold 0.5 mL.
        private const int HalfAMillilitreUm = 500_000 / 556;

        private static PumpRig ReadyWithPlungerAt(long positionUm, bool prime)
        {
            var rig = new PumpRig();
            rig.StartPositionUm = positionUm;
            rig.Sensors.PositionUm = positionUm;
            rig.ProgramKetamine(prime: prime);
            Assert.Equal(PumpState.Ready, rig.State);
            return rig;
        }

        // Proves: PNL-009, STM-005
        [Fact]
        public void Shortfall_PlungerAtTheEmptyPosition_NothingLoadedAgainstTheWholeProgram()
        {
            var rig = ReadyWithPlungerAt(EmptyPositionUm, prime: false);
            Assert.True(rig.Controller.Commands.StartShortfall(out long loadedNl, out long programNl));
            Assert.Equal(0, loadedNl);
            Assert.Equal(35_000_000, programNl);
        }

        // Proves: PNL-009, STM-005
        [Fact]
        public void Shortfall_PlungerPastTheEmptyPosition_NothingLoaded()
        {
            var rig = ReadyWithPlungerAt(EmptyPositionUm + 2_000, prime: false);
            Assert.True(rig.Controller.Commands.StartShortfall(out long loadedNl, out _));
            Assert.Equal(0, loadedNl);
        }

        // Proves: PNL-009
        [Fact]
        public void Shortfall_HalfAMillilitreLoaded_LoadedVolumeRoundedDownFromThePosition()
        {
            var rig = ReadyWithPlungerAt(EmptyPositionUm - HalfAMillilitreUm, prime: false);
            Assert.True(rig.Controller.Commands.StartShortfall(out long loadedNl, out long programNl));
            Assert.InRange(loadedNl, 490_000, 500_000);
            Assert.Equal(35_000_000, programNl);
        }

        // Proves: STM-005
        [Fact]
        public void Start_PositionUnreadable_NotEnoughAndNoQuestionAsked()
        {
            var rig = ReadyWithPlungerAt(EmptyPositionUm - HalfAMillilitreUm, prime: true);
            rig.Sensors.PositionBroken = true;
            rig.Step();
            Assert.False(rig.Controller.Commands.StartShortfall(out _, out _));
            Assert.False(rig.Controller.Commands.ConfirmShortfall());
            rig.Press(PanelKey.Start, PanelKey.Ok);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.ShortfallConfirmed));
        }

        // Proves: PNL-009, STM-005
        [Fact]
        public void ConfirmShortfall_Once_AnsweredSoNoSecondQuestionAndLoggedOnce()
        {
            var rig = ReadyWithPlungerAt(EmptyPositionUm - HalfAMillilitreUm, prime: true);
            Assert.True(rig.Controller.Commands.ConfirmShortfall());
            Assert.False(rig.Controller.Commands.StartShortfall(out _, out _));
            Assert.False(rig.Controller.Commands.ConfirmShortfall());
            var logged = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.ShortfallConfirmed));
            Assert.InRange(logged.Arg0, 400, 500);    // loaded after the prime, µL rounded down
            Assert.Equal(35_000, logged.Arg1);          // programmed, µL
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
        }

        // Proves: STM-005
        [Fact]
        public void Start_ConfirmedShortfallThenTheSyringeTakenOut_AskedAgainForTheNewSyringe()
        {
            var rig = ReadyWithPlungerAt(EmptyPositionUm - HalfAMillilitreUm, prime: true);
            Assert.True(rig.Controller.Commands.ConfirmShortfall());
            rig.Sensors.ClampClosed = false;
            rig.Step();
            rig.Sensors.ClampClosed = true;
            rig.Step();
            Assert.True(rig.Controller.Commands.StartShortfall(out _, out _));
        }
        // Proves: STM-005, STM-011
        [Fact]
        public void ConfirmShortfall_ThenTheProgramEditedAndConfirmedAgain_AskedAgain()
        {
            var rig = ReadyWithPlungerAt(EmptyPositionUm - HalfAMillilitreUm, prime: true);
            Assert.True(rig.Controller.Commands.ConfirmShortfall());
            Assert.False(rig.Controller.Commands.StartShortfall(out _, out _));

            rig.Press(PanelKey.Back);                  // edit: a confirmation answers one question in one state
            Assert.Equal(PumpState.Programming, rig.State);
            int guard = 0;
            while (rig.State == PumpState.Programming && guard++ < 20)
            {
                rig.Press(PanelKey.Ok);
            }

            Assert.Equal(PumpState.Ready, rig.State);
            Assert.True(rig.Controller.Commands.StartShortfall(out _, out _));
        }
    }
}
