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

        // Proves: TEC-014
        [Fact]
        public void NearEmpty_LatchedWhenTheLastSessionEnded_DoesNotCarryIntoTheNextSession()
        {
            // The band keeps a raised alarm raised; it must not keep the last session's alarm. A new syringe whose
            // contents sit inside the band (above the lead, less than a band above it) starts without NEAR EMPTY.
            PumpRig rig = NearEmptyRaised();
            rig.Press(PanelKey.PauseStop, PanelKey.PauseStop, PanelKey.Ok);   // pause, end, confirmed: Stopped
            rig.Press(PanelKey.Ok);                                          // session ended: Idle
            Assert.Equal(PumpState.Idle, rig.State);
            rig.Rtc.UtcSeconds += 8 * 86_400;                               // past the ketamine session spacing

            // A new syringe: 4.375 mL (the 300 s lead at 52.5 mL/h) plus half the band, after priming.
            long wantedLeftUm = 4_375_000 / 556 + rig.Settings.NearEmptyHysteresisUm / 2;
            long positionUm = 120_000 - wantedLeftUm - PrimeTravelUm;
            rig.StartPositionUm = positionUm - rig.MechanicalMicrosteps * 1000 / 3200;
            rig.Sensors.PositionUm = positionUm;
            rig.ProgramKetamine();
            rig.Press(PanelKey.Start, PanelKey.Ok);                          // start, too little drug confirmed
            Assert.Equal(PumpState.Infusing, rig.State);
            long leftUm = 120_000 - rig.Sensors.PositionUm;
            Assert.InRange(leftUm, 4_375_000 / 556 + 50, 4_375_000 / 556 + rig.Settings.NearEmptyHysteresisUm - 50);

            rig.Run(1);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));
            Assert.Equal(PumpState.Infusing, rig.State);
        }

        /// <summary>What ProgramKetamine's one second of priming moves the plunger (measured: 158 µm).</summary>
        private const long PrimeTravelUm = 160;
    }
}
