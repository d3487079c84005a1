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

        /// <summary>
        /// Primed and Ready with a ketamine program the plunger holds exactly, less <paramref name="lessUm"/> of travel.
        /// The loaded steps are the travel left times 3.2 rounded down, so not every step count is reachable: the
        /// weight goes up by 0.1 kg until the program's step count is one the plunger can hold.
        /// </summary>
        private static PumpRig PrimedWithExactlyTheProgramLoadedLess(int lessUm)
        {
            for (int w = 700; w < 760; w++)
            {
                string weight = w.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
                var probe = new PumpRig();
                probe.ProgramKetamine(weight: weight);
                long total = probe.Controller.Program!.TotalMicrosteps;
                long primedUm = probe.Sensors.PositionUm - probe.StartPositionUm;
                long perRev = probe.Settings.Mechanism.MicrostepsPerRev;
                long leadUm = probe.Settings.Mechanism.LeadUm;
                long exactUm = (total * leadUm + perRev - 1) / perRev;
                if (exactUm * perRev / leadUm != total)
                {
                    continue;
                }

                var rig = new PumpRig();
                rig.StartPositionUm = EmptyPositionUm - exactUm - primedUm + lessUm;
                rig.Sensors.PositionUm = rig.StartPositionUm;
                rig.ProgramKetamine(weight: weight);
                Assert.Equal(PumpState.Ready, rig.State);
                Assert.Equal(total, rig.Controller.Program!.TotalMicrosteps);
                Assert.Equal(EmptyPositionUm - exactUm + lessUm, rig.Sensors.PositionUm);
                return rig;
            }

            throw new Xunit.Sdk.XunitException("no weight from 70.0 to 75.9 kg gives a step count the plunger can hold exactly");
        }

        // Proves: STM-005, PNL-009
        [Fact]
        public void Start_ExactlyWhatTheProgramNeedsLoaded_StartsWithoutAQuestion()
        {
            var rig = PrimedWithExactlyTheProgramLoadedLess(0);
            Assert.False(rig.Controller.Commands.StartShortfall(out _, out _));
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.ShortfallConfirmed));
        }

        // Proves: STM-005, PNL-009
        [Fact]
        public void Start_OneMicrometreLessThanTheProgramNeeds_AskedWithBothVolumesNotStarted()
        {
            var rig = PrimedWithExactlyTheProgramLoadedLess(1);
            Assert.True(rig.Controller.Commands.StartShortfall(out long loadedNl, out long programNl));
            Assert.Equal(rig.Controller.Program!.VolumeNl, programNl);
            Assert.True(loadedNl < programNl);
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.StartsWith("TOO LITTLE DRUG", rig.Display.Row(0));
        }

        // Proves: STM-005
        [Fact]
        public void Start_RequestedWithoutTheQuestionAnswered_RefusedTooLittleDrug()
        {
            // The panel asks first; the pump itself still refuses a start the clinician did not confirm.
            var rig = ReadyWithPlungerAt(EmptyPositionUm - HalfAMillilitreUm, prime: true);
            Assert.True(rig.Controller.Commands.Request(PumpTrigger.RequestStart));
            rig.Step();
            Assert.Equal(PumpState.Ready, rig.State);
            Assert.Equal("TOO LITTLE DRUG", rig.Controller.LastRejection);
        }

        /// <summary>A ketamine session that delivered for two minutes and was ended; then, past the session spacing, a new
        /// syringe with the plunger at <paramref name="positionUm"/> and the same program again, Ready and not primed.</summary>
        internal static PumpRig SecondProgramReadyAfterASession(long positionUm)
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(120);
            rig.Press(PanelKey.PauseStop, PanelKey.PauseStop, PanelKey.Ok);   // pause, end, confirmed: Stopped
            Assert.Equal(PumpState.Stopped, rig.State);
            Assert.InRange(rig.Controller.DeliveredVolumeNl(), 1_700_000, 1_800_000);   // 2 min at 52.5 mL/h
            rig.Press(PanelKey.Ok);                                          // session ended: Idle
            Assert.Equal(PumpState.Idle, rig.State);
            rig.Rtc.UtcSeconds += 8 * 86_400;                               // past the ketamine session spacing
            rig.Sensors.PositionUm = positionUm;
            rig.ProgramKetamine(prime: false);
            Assert.Equal(PumpState.Ready, rig.State);
            return rig;
        }

        // Proves: PNL-009, STM-005
        [Fact]
        public void Shortfall_SecondProgramAfterAnEndedSession_ComparedWithTheWholeNewProgram()
        {
            // The ended session's delivery is not the new program's: it still needs all of its 35 mL.
            var rig = SecondProgramReadyAfterASession(EmptyPositionUm - HalfAMillilitreUm);
            Assert.True(rig.Controller.Commands.StartShortfall(out long loadedNl, out long programNl));
            Assert.InRange(loadedNl, 490_000, 500_000);
            Assert.Equal(35_000_000, programNl);
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
