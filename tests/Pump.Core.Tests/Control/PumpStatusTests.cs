using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Panel;
using Pump.Hal;
using Pump.Core.Tests.Fakes;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// The published pump status: what a person at the bedside can know, refreshed every tick, which the screens and
    /// the simulated clinician read instead of the controller's parts (SIM-036, PNL-007, PNL-403).
    /// </summary>
    public sealed class PumpStatusTests
    {
        // Proves: SIM-036, PNL-007, PNL-403
        [Fact]
        public void Status_KetamineInfusingForAMinute_CarriesTheSessionTheDeliveryAndTheVitals()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(60);
            PumpStatus s = rig.Controller.Status;
            Assert.Equal(PumpState.Infusing, s.State);
            Assert.Same(rig.Controller.Program, s.Program);
            Assert.Equal("KETAMINE PSYCH 40min", s.Drug!.Name);
            Assert.Equal(Pump.Core.Programming.PatientId.None, s.PatientId);   // "no id" was chosen on the patient screen

            // 35 mL over 40 min is 875 µL a minute; 1 mg/mL makes the dose 1 µg per µL, rounded down.
            Assert.InRange(s.DeliveredVolumeNl, 860_000, 880_000);
            Assert.Equal(s.DeliveredVolumeNl / 1000, s.DeliveredDoseUg);
            Assert.Equal(rig.Controller.Ledger.CountedMicrosteps, s.CountedMicrosteps);
            Assert.True(s.CountedMicrosteps > 0);
            Assert.Equal(AlarmCode.None, s.HighestAlarm);
            Assert.Null(s.ActiveVitalRule);

            Assert.True(s.VitalsShown);
            Assert.Equal(128, s.LatestVitals!.SystolicMmHg);
            Assert.Equal(72, s.LatestVitals.HeartRateBpm);
            Assert.True(s.LinePrimed);
            Assert.True(s.PrimedOnce);
            Assert.Equal("", s.LastRejection);
            Assert.Equal(-1, s.UnrestoredDeliveredNl);
            Assert.Null(s.ReviewResult);
            Assert.Null(s.EntryFinding);
        }

        // Proves: SIM-036, PNL-007
        [Fact]
        public void Status_ClampOpenedWhileInfusing_ShowsTheAlarmStateAndItsAlarmOnTheNextTick()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Sensors.ClampClosed = false;
            rig.Step();
            PumpStatus s = rig.Controller.Status;
            Assert.Equal(PumpState.Alarm, s.State);
            Assert.Equal(AlarmCode.SyringeNotSecured, s.HighestAlarm);
            Assert.Equal(rig.Controller.DeliveredVolumeNl(), s.DeliveredVolumeNl);
        }

        // Proves: SIM-036, VIT-010
        [Fact]
        public void Status_VitalHold_NamesTheRuleBehindIt()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(20);
            rig.Vitals = PumpRig.Typical(sbp: 175);
            rig.NewNibpReading();
            Assert.True(rig.RunUntil(() => rig.State == PumpState.InterlockHold, 2));
            rig.Run(1);
            PumpStatus s = rig.Controller.Status;
            Assert.Equal(PumpState.InterlockHold, s.State);
            Assert.Equal("SBP_HOLD_RISE40", s.ActiveVitalRule?.Code);
            Assert.Equal(175, s.LatestVitals!.SystolicMmHg);
        }

        // Proves: SIM-036, PNL-003
        [Fact]
        public void Status_OnReview_CarriesTheReviewedProgramOnlyWhileProgramming()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            Assert.Equal(PumpState.Idle, rig.Controller.Status.State);
            Assert.False(rig.Controller.Status.PrimedOnce);
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);   // ketamine, no id
            rig.EnterField("0700");
            rig.EnterDoseAndDuration("0050", "040");             // library defaults and BD 60 -> review
            PumpStatus s = rig.Controller.Status;
            Assert.Equal(PumpState.Programming, s.State);
            Assert.NotNull(s.ReviewResult);
            Assert.Null(s.Program);
            rig.AcceptReview();
            Assert.Equal(PumpState.Ready, s.State);
            Assert.Null(s.ReviewResult);
            Assert.NotNull(s.Program);
            Assert.False(s.LinePrimed);
        }

        // Proves: SIM-036, PNL-401
        [Fact]
        public void Status_ValueBeyondASoftLimitJustEntered_CarriesTheFindingItsScreenShows()
        {
            var rig = new PumpRig();
            rig.Run(0.2);
            rig.Press(PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);
            rig.EnterDigits("0300");                            // 30 kg: below the 45 kg soft minimum
            Assert.Equal(PanelStep.EntryFinding, rig.Controller.Panel.Step);
            Assert.NotNull(rig.Controller.Status.EntryFinding);
            Assert.True(rig.Controller.Status.EntryFinding!.IsSoft);
        }

        // Proves: SIM-036
        [Fact]
        public void Status_BeforeTheFirstTick_SelfTestWithNothingRefusedNothingUnrestoredAndNoPatientChosen()
        {
            var rig = new PumpRig();
            PumpStatus s = rig.Controller.Status;
            Assert.Equal(PumpState.SelfTest, s.State);
            Assert.Null(s.Program);
            Assert.Equal("", s.LastRejection);
            Assert.Equal(-1, s.UnrestoredDeliveredNl);   // -1: no unrestored session, not "one that delivered nothing"
            Assert.Equal(Pump.Core.Programming.PatientId.NotChosen, s.PatientId);
            Assert.False(s.VitalsShown);
        }

        // Proves: SIM-036, INT-010
        [Fact]
        public void Status_DrugNeedsVitalsButNoFrameAccepted_VitalsNotShown()
        {
            var rig = new PumpRig { Vitals = null };   // the monitor sends nothing
            rig.ProgramKetamine(prime: false);
            PumpStatus s = rig.Controller.Status;
            Assert.Equal(PumpState.Ready, s.State);
            Assert.True(rig.Controller.InterlockRequired);
            Assert.False(s.VitalsShown);
        }

        // Proves: SIM-036
        [Fact]
        public void Status_FramesArriveButNoDrugNeedsThem_VitalsNotShown()
        {
            var rig = new PumpRig();
            rig.Run(5);                                   // Idle: frames accepted, no program asks for vitals
            PumpStatus s = rig.Controller.Status;
            Assert.Equal(PumpState.Idle, s.State);
            Assert.True(rig.Controller.Interlock.Verdict.HasVitals);
            Assert.False(s.VitalsShown);
        }

        // Proves: SIM-036, PNL-401
        [Fact]
        public void Status_SoftWeightKeptThenProgramConfirmed_NoEntryFindingOnceReady()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine(weight: "0400", prime: false);   // 40 kg: below the 45 kg soft minimum, kept
            for (int i = 0; i < 4 && rig.State == PumpState.Programming; i++)
            {
                rig.Press(PanelKey.Ok);                        // the soft limit confirmed again at review
            }

            Assert.Equal(PumpState.Ready, rig.State);
            Assert.NotNull(rig.Controller.Panel.Wizard.EntryFinding);   // the wizard still remembers it
            Assert.Null(rig.Controller.Status.EntryFinding);             // but no screen shows it outside programming
        }

        // Proves: SIM-036
        [Fact]
        public void Status_SecondProgramReadyAfterAnEndedSession_NothingDeliveredYet()
        {
            var rig = SyringeContentsTests.SecondProgramReadyAfterASession(120_000 - 60 * 1_000_000 / 556);
            PumpStatus s = rig.Controller.Status;
            Assert.Equal(0, s.DeliveredVolumeNl);
            Assert.Equal(0, s.DeliveredDoseUg);
            Assert.Equal(0, s.CountedMicrosteps);
        }
    }
}
