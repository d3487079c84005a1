using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>The near-empty band (TEC-002, TEC-014): raised below the lead, cleared only a whole band above it.</summary>
    public sealed class NearEmptyTests
    {
        private static PumpRig NearEmptyRaised()
        {
            var rig = new PumpRig();
            // 4.40 mL loaded: the 300 s lead at 52.5 mL/h is 4.375 mL, so the threshold is crossed in about 2 s.
            rig.StartPositionUm = 120_000 - 4_400_000 / 556;
            rig.Sensors.PositionUm = rig.StartPositionUm;
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start, PanelKey.Ok);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.True(rig.RunUntil(() => rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty), 10));
            return rig;
        }

        /// <summary>One tick with the plunger read this many µm further back (more drug left) than the mechanism put it.</summary>
        private static void TickWithPositionBack(PumpRig rig, int backUm)
        {
            rig.StepWithoutTick();
            rig.Sensors.PositionUm -= backUm;
            rig.Controller.Tick();
        }

        // Proves: TEC-014
        [Fact]
        public void NearEmpty_ContentsRiseLessThanTheBand_StaysRaised()
        {
            PumpRig rig = NearEmptyRaised();
            TickWithPositionBack(rig, rig.Settings.NearEmptyHysteresisUm / 2);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));
        }

        // Proves: TEC-014
        [Fact]
        public void NearEmpty_ContentsRiseMoreThanTheBand_Clears()
        {
            PumpRig rig = NearEmptyRaised();
            TickWithPositionBack(rig, rig.Settings.NearEmptyHysteresisUm + 200);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));
            Assert.Equal(PumpState.Infusing, rig.State);
        }
        // Proves: TEC-002
        [Fact]
        public void NearEmpty_ContentsLastLessThanTheLeadButTheProgramNeedsLess_NeverRaised()
        {
            var rig = new PumpRig();
            // 0.5 mL loaded lasts 3 min at 10 mL/h (under the 5 min lead), but the program needs only 0.4 mL of it.
            rig.StartPositionUm = 120_000 - 500_000 / 556;
            rig.Sensors.PositionUm = rig.StartPositionUm;
            rig.ProgramPlainRate("00100", "0004");   // 10.0 mL/h, 0.4 mL
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);

            bool raised = false;
            while (rig.State == PumpState.Infusing && rig.Clock.NowUs < 200_000_000)
            {
                rig.Step();
                raised |= rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty);
            }

            Assert.Equal(PumpState.Completed, rig.State);
            Assert.False(raised);
        }

        // Proves: TEC-003
        [Fact]
        public void Infusing_PlungerExactlyAtTheEmptyPosition_StopsWithSyringeEmpty()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(2);
            rig.StepWithoutTick();
            rig.Sensors.PositionUm = rig.Settings.EmptyPositionUm - 1;
            rig.Controller.Tick();
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.SyringeEmpty));

            rig.StepWithoutTick();
            rig.Sensors.PositionUm = rig.Settings.EmptyPositionUm;
            rig.Controller.Tick();

            Assert.Equal(PumpState.Alarm, rig.State);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.SyringeEmpty));
            Assert.False(rig.Driver.IsEnabled);
        }

        // Proves: TEC-014, TEC-002
        [Fact]
        public void NearEmpty_LatchedInTheLastSession_NewProgramInsideTheBandStartsWithoutIt()
        {
            PumpRig rig = NearEmptyRaised();
            rig.Press(PanelKey.PauseStop, PanelKey.PauseStop, PanelKey.Ok);
            Assert.Equal(PumpState.Stopped, rig.State);
            rig.Press(PanelKey.Ok);
            rig.Run(1);
            Assert.Equal(PumpState.Idle, rig.State);
            rig.Press(PanelKey.Ok);
            rig.ChooseDrug("NO DRUG");
            rig.EnterDigits("00100");              // 10.0 mL/h
            rig.EnterDigits("0050");               // 5.0 mL
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);   // syringe, review 1/2, 2/2, prime
            rig.Run(1);
            rig.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Ready, rig.State);
            var program = rig.Controller.Program!;
            long leadSteps = (long)rig.Settings.NearEmptyLeadS * 1_000_000L * program.RateMicrosteps / program.RatePeriodUs;
            Assert.True(rig.Controller.Session.Calibration!.TryMicrostepsToTravelUm(leadSteps, out long leadUm));

            // A new syringe holding the lead plus half the band: not near empty yet, and not cleared either.
            long position = rig.Settings.EmptyPositionUm - leadUm - rig.Settings.NearEmptyHysteresisUm / 2;
            rig.StartPositionUm = position - rig.MechanicalMicrosteps * 1000 / 3200;
            rig.Sensors.PositionUm = position;
            rig.Press(PanelKey.Start, PanelKey.Ok);    // start; "TOO LITTLE DRUG" confirmed
            Assert.Equal(PumpState.Infusing, rig.State);
            rig.Run(1);

            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));
            Assert.True(rig.RunUntil(() => rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty), 80));
        }
    }
}
