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

        // Proves: TEC-007, TEC-002
        [Fact]
        public void NearEmpty_PositionSensorFails_TheLevelIsWithdrawnAndThePositionFaultShown()
        {
            PumpRig rig = NearEmptyRaised();

            rig.Sensors.PositionBroken = true;
            rig.Step();

            // The last reading said near empty; with no reading the pump claims no level at all.
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.PositionSensorFault));
            Assert.False(rig.Driver.IsEnabled);
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

        // Proves: TEC-002
        [Fact]
        public void NearEmpty_ContentsExactlyTheLead_NotRaisedUntilTheyAreBelowIt()
        {
            var (rig, leadSteps) = LongPlainRateInfusing();

            TickWithContents(rig, leadSteps);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));

            TickWithContentsUm(rig, UmFor(rig, leadSteps) - 1);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));
        }

        // Proves: TEC-014
        [Fact]
        public void NearEmpty_ContentsBackToExactlyTheLeadPlusTheBand_Clears()
        {
            var (rig, leadSteps) = LongPlainRateInfusing();
            Assert.True(rig.Controller.Session.Calibration!.TryTravelUmToMicrosteps(rig.Settings.NearEmptyHysteresisUm, out long bandSteps));
            TickWithContentsUm(rig, UmFor(rig, leadSteps) - 50);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));

            TickWithContentsUm(rig, UmFor(rig, leadSteps + bandSteps) - 1);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));
            TickWithContents(rig, leadSteps + bandSteps);
            Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));
        }

        // Proves: TEC-002, TEC-014
        [Fact]
        public void NearEmpty_ProgramNeedsExactlyWhatRemains_NotShown()
        {
            var rig = new PumpRig();
            rig.ProgramPlainRate("00100", "0004");   // 10.0 mL/h, 0.4 mL: all of it inside the 5 min lead
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            // The program's count starts at Start; the counter also holds the priming pulses.
            long total = rig.Controller.Program!.TotalMicrosteps + rig.Steps.Counted - rig.Controller.Ledger.CountedMicrosteps;

            // Contents a little below what the program still needs: raised (the program cannot finish on them).
            rig.StepWithoutTick();
            rig.Sensors.PositionUm = rig.Settings.EmptyPositionUm - TravelUm(rig, (total - rig.Steps.Counted) / 2);
            rig.Controller.Tick();
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));

            // Then contents exactly what the program still needs (on the first tick where a whole µm gives that count).
            for (int tick = 0; tick < 200; tick++)
            {
                rig.StepWithoutTick();
                long um = UmOrNone(rig, total - rig.Steps.Counted);
                if (um >= 0)
                {
                    rig.Sensors.PositionUm = rig.Settings.EmptyPositionUm - um;
                    rig.Controller.Tick();
                    Assert.Equal(PumpState.Infusing, rig.State);
                    Assert.False(rig.Controller.Alarms.IsShown(AlarmCode.NearEmpty));
                    return;
                }

                rig.Sensors.PositionUm = rig.Settings.EmptyPositionUm - TravelUm(rig, (total - rig.Steps.Counted) / 2);
                rig.Controller.Tick();
            }

            Assert.Fail("no tick left a count that whole micrometres can give");
        }

        /// <summary>
        /// A 5 mL plain-rate infusion at 12.3 mL/h whose near-empty lead (in whole seconds, near the default) is a
        /// step count that whole micrometres of travel can give exactly; returns that lead in microsteps.
        /// </summary>
        private static (PumpRig Rig, long LeadSteps) LongPlainRateInfusing()
        {
            var rig = new PumpRig();
            rig.ProgramPlainRate("00123", "0050");   // 12.3 mL/h: 19.7 microsteps/s, so whole-second leads fall on many step counts
            rig.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, rig.State);
            var program = rig.Controller.Program!;
            for (int leadS = 300; leadS > 250; leadS--)
            {
                long leadSteps = leadS * 1_000_000L * program.RateMicrosteps / program.RatePeriodUs;
                if (UmOrNone(rig, leadSteps) >= 0)
                {
                    rig.Settings.NearEmptyLeadS = leadS;
                    return (rig, leadSteps);
                }
            }

            throw new Xunit.Sdk.XunitException("no lead near 300 s is a whole number of micrometres");
        }

        /// <summary>The whole µm of travel whose microsteps (rounded down, as the pump converts) are exactly <paramref name="steps"/>.</summary>
        private static long UmFor(PumpRig rig, long steps)
        {
            long um = UmOrNone(rig, steps);
            Assert.True(um >= 0, $"{steps} microsteps is not a whole number of micrometres");
            return um;
        }

        /// <summary>As <see cref="UmFor"/>, or -1 when no whole µm gives exactly that count.</summary>
        private static long UmOrNone(PumpRig rig, long steps)
        {
            var calibration = rig.Controller.Session.Calibration!;
            Assert.True(calibration.TryMicrostepsToTravelUm(steps, out long near));
            for (long um = near - 2; um <= near + 2; um++)
            {
                if (calibration.TryTravelUmToMicrosteps(um, out long s) && s == steps)
                {
                    return um;
                }
            }

            return -1;
        }

        private static long TravelUm(PumpRig rig, long steps)
        {
            Assert.True(rig.Controller.Session.Calibration!.TryMicrostepsToTravelUm(steps, out long um));
            return um;
        }

        private static void TickWithContents(PumpRig rig, long steps)
        {
            TickWithContentsUm(rig, UmFor(rig, steps));
        }

        private static void TickWithContentsUm(PumpRig rig, long um)
        {
            rig.StepWithoutTick();
            rig.Sensors.PositionUm = rig.Settings.EmptyPositionUm - um;
            rig.Controller.Tick();
        }
    }
}
