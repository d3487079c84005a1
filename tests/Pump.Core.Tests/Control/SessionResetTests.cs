using System;
using System.Collections.Generic;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Persistence;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// A reset (power loss or watchdog) in every state of the table, at several points in the state: an open
    /// session comes back stopped, with its program, its delivered dose and its latched holds and alarms, and
    /// never resumes by itself; a state without an open session comes back Idle (Failsafe stays Failsafe).
    /// </summary>
    public sealed class SessionResetTests
    {
        /// <summary>How each state of the table is reached on the rig, the way a clinician and the world would.</summary>
        private static readonly Dictionary<PumpState, Func<PumpRig>> Reach = new()
        {
            [PumpState.SelfTest] = () => new PumpRig(),
            [PumpState.Idle] = () =>
            {
                var rig = new PumpRig();
                rig.Run(0.5);
                return rig;
            },
            [PumpState.Programming] = () =>
            {
                var rig = new PumpRig();
                rig.Run(0.2);
                rig.Press(PanelKey.Ok, PanelKey.Down);
                return rig;
            },
            [PumpState.Ready] = () =>
            {
                var rig = new PumpRig();
                rig.ProgramKetamine();
                return rig;
            },
            [PumpState.Priming] = () =>
            {
                var rig = new PumpRig();
                rig.ProgramKetamine(prime: false);
                rig.Press(PanelKey.Ok);
                return rig;
            },
            [PumpState.Infusing] = () => PumpControllerTests.StartedKetamine(),
            [PumpState.Paused] = () =>
            {
                var rig = PumpControllerTests.StartedKetamine();
                rig.Run(20);
                rig.Press(PanelKey.PauseStop);
                return rig;
            },
            [PumpState.InterlockHold] = () =>
            {
                var rig = PumpControllerTests.StartedKetamine();
                rig.Run(20);
                rig.Vitals = null;
                rig.RunUntil(() => rig.State == PumpState.InterlockHold, 10);
                rig.Vitals = PumpRig.Typical();
                return rig;
            },
            [PumpState.Alarm] = () =>
            {
                var rig = PumpControllerTests.StartedKetamine();
                rig.Run(20);
                rig.Sensors.ClampClosed = false;
                rig.Step();
                rig.Sensors.ClampClosed = true;
                return rig;
            },
            [PumpState.Stopped] = () =>
            {
                var rig = PumpControllerTests.StartedKetamine();
                rig.Run(20);
                rig.Press(PanelKey.PauseStop, PanelKey.PauseStop, PanelKey.Ok);
                return rig;
            },
            [PumpState.Completed] = () =>
            {
                var rig = new PumpRig();
                rig.ProgramPlainRate("00100", "0001");   // 10.0 mL/h, 0.1 mL
                rig.Press(PanelKey.Start);
                rig.RunUntil(() => rig.State == PumpState.Completed, 120);
                return rig;
            },
            [PumpState.Failsafe] = () =>
            {
                var rig = PumpControllerTests.StartedKetamine();
                rig.Run(20);
                rig.Steps.RunawayPulses = 500;
                rig.Step();
                return rig;
            },
        };

        /// <summary>Where each state comes back after a reset (PER-015, STM-004).</summary>
        private static PumpState ExpectedAfterReset(PumpState before) => before switch
        {
            PumpState.Infusing or PumpState.Paused => PumpState.Paused,
            PumpState.InterlockHold => PumpState.InterlockHold,
            PumpState.Alarm => PumpState.Alarm,
            PumpState.Failsafe => PumpState.Failsafe,
            _ => PumpState.Idle,
        };

        public static IEnumerable<object[]> EveryStateResetKindAndPoint()
        {
            for (int s = 0; s < PumpStates.Count; s++)
            {
                foreach (bool watchdog in new[] { false, true })
                {
                    foreach (double afterS in new[] { 0.0, 7.0 })
                    {
                        yield return new object[] { (PumpState)s, watchdog, afterS };
                    }
                }
            }
        }

        // Proves: PER-015, STM-004, STM-014, PER-006
        [Theory]
        [MemberData(nameof(EveryStateResetKindAndPoint))]
        public void Reset_InEveryState_OpenSessionComesBackStoppedWithDoseAndLatchesAndNeverResumesByItself(PumpState state, bool watchdog, double afterS)
        {
            PumpRig before = Reach[state]();
            Assert.Equal(state, before.State);
            before.Run(afterS);
            if (state != PumpState.Infusing && state != PumpState.Priming && state != PumpState.SelfTest)
            {
                Assert.Equal(state, before.State);
            }

            bool sessionOpen = StateTraits.Has(before.State, StateTraits.SessionOpen);
            long deliveredBefore = before.Controller.Ledger.CountedMicrosteps;
            long shownBefore = before.Controller.Alarms.ShownBits;

            PumpRig after = Reboot(before, watchdog);
            after.Run(2);
            PumpState expected = ExpectedAfterReset(before.State);
            Assert.Equal(expected, after.State);
            Assert.Equal(watchdog, after.Controller.Alarms.IsShown(AlarmCode.WatchdogReset));
            if (sessionOpen)
            {
                Assert.True(after.Controller.Alarms.IsShown(AlarmCode.PowerRestored));
                Assert.NotNull(after.Controller.Program);
                Assert.Equal(before.Controller.Program!.TotalMicrosteps, after.Controller.Program!.TotalMicrosteps);
                Assert.True(after.Controller.Ledger.CountedMicrosteps >= deliveredBefore,
                    $"recorded {after.Controller.Ledger.CountedMicrosteps} < delivered {deliveredBefore}");
                Assert.Equal(before.Controller.SessionStartUtcSeconds, after.Controller.SessionStartUtcSeconds);
                Assert.Matches("mL|mg", after.Display.Row(1)); // an information line: drug, dose, volume or time left
                for (int i = 1; i < AlarmCodes.Count; i++)
                {
                    if ((shownBefore & (1L << i)) != 0 && AlarmTable.For((AlarmCode)i).Latches)
                    {
                        Assert.True(after.Controller.Alarms.IsShown((AlarmCode)i), $"latched {(AlarmCode)i} lost by the reset");
                    }
                }
            }
            else
            {
                Assert.False(after.Controller.Alarms.IsShown(AlarmCode.PowerRestored));
            }

            // Never resumes by itself, with vitals valid and the syringe secured throughout.
            after.Run(30);
            Assert.Equal(expected, after.State);
            Assert.False(after.Driver.IsEnabled);
            Assert.Equal(0, after.Steps.Counted);
        }

        // Proves: PER-015, STM-007
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Reset_InInterlockHold_HoldStaysLatchedUntilTheClinicianResumes(bool watchdog)
        {
            PumpRig after = Reboot(Reach[PumpState.InterlockHold](), watchdog);
            after.Run(60);
            Assert.Equal(PumpState.InterlockHold, after.State);
            after.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, after.State);
            Assert.True(after.Driver.IsEnabled);
        }

        /// <summary>A hold latched by the relative systolic rule (baseline 128, reading 175: a rise of 47).</summary>
        private static PumpRig HeldBySystolicRise()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(20);
            rig.Vitals = PumpRig.Typical(sbp: 175);
            rig.NewNibpReading();
            Assert.True(rig.RunUntil(() => rig.State == PumpState.InterlockHold, 2));
            rig.Run(1);
            return rig;
        }

        // Proves: INT-501, PER-015
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Reset_InInterlockHold_RestoredHoldShowsAndLogsTheRuleThatLatchedIt(bool watchdog)
        {
            PumpRig before = HeldBySystolicRise();
            int rise = before.Controller.Interlock.Evaluator.IndexOf("SBP_HOLD_RISE40");
            Assert.Equal("SBP RISE>=40", before.Display.Row(2).TrimEnd());
            Assert.Contains(PumpRigLog.Controller(before, PumpEvent.VitalRuleLatched), e => e.Arg0 == rise);

            PumpRig after = Reboot(before, watchdog);
            after.Vitals = PumpRig.Typical(sbp: 175);   // the monitor still reads high after the reset
            after.Run(2);
            Assert.Equal(PumpState.InterlockHold, after.State);
            Assert.Equal("SBP RISE>=40", after.Display.Row(2).TrimEnd());
            Assert.Equal("SBP_HOLD_RISE40", after.Controller.Status.ActiveVitalRule?.Code);
            var restored = Assert.Single(PumpRigLog.Controller(after, PumpEvent.VitalRulesRestored));
            Assert.Equal(rise, restored.Arg0);
            Assert.Equal(1L << rise, restored.Arg1);
            var log = PumpRigLog.Entries(after);
            int restoredAt = log.FindIndex(e => e.Category == 0 && e.Code == PumpEvent.VitalRulesRestored);
            Assert.DoesNotContain(log.GetRange(restoredAt, log.Count - restoredAt), e => e.Category == 0 && e.Code == PumpEvent.VitalRuleLatched);   // a restore is not a new latch

            // Still the same rule's hold: no resume while the reading stays high, even acknowledged.
            after.Press(PanelKey.Start);
            after.Run(1);
            Assert.Equal(PumpState.InterlockHold, after.State);
            Assert.False(after.Driver.IsEnabled);

            // A new reading back inside the limit, then the clinician's resume.
            after.Vitals = PumpRig.Typical();
            after.NewNibpReading();
            after.Run(2);
            Assert.Equal(PumpState.InterlockHold, after.State);
            after.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, after.State);
        }

        // Proves: INT-501, PER-005
        [Fact]
        public void Reset_InInterlockHoldFromAnOlderRecordWithoutTheRule_StillHoldsWithTheGenericReason()
        {
            PumpRig before = HeldBySystolicRise();
            var editor = new PumpPersistence(before.Store, before.Clock, before.Rtc);
            editor.Open();
            editor.State.Current.VitalLatchedRules = 0;   // what a version-2 record reads as
            Assert.True(editor.State.TrySave());

            PumpRig after = Reboot(before, watchdog: false);
            after.Run(2);
            Assert.Equal(PumpState.InterlockHold, after.State);
            Assert.False(after.Driver.IsEnabled);
            Assert.Empty(PumpRigLog.Controller(after, PumpEvent.VitalRulesRestored));
            after.Run(30);
            Assert.Equal(PumpState.InterlockHold, after.State);
            Assert.Equal(0, after.Steps.Counted);
        }

        // Proves: PER-015, STM-009
        [Fact]
        public void Reset_InAlarm_ComesBackInAlarmAndNeedsTheAlarmClearedBeforeResume()
        {
            PumpRig after = Reboot(Reach[PumpState.Alarm](), watchdog: false);
            after.Run(2);
            after.Press(PanelKey.Start);
            Assert.Equal(PumpState.Alarm, after.State);
            after.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Paused, after.State);
            after.Press(PanelKey.Start);
            Assert.Equal(PumpState.Infusing, after.State);
        }

        // Proves: PER-015, PER-012
        [Fact]
        public void Reset_InPausedThenSessionEnded_NextResetComesBackIdle()
        {
            PumpRig second = Reboot(Reach[PumpState.Paused](), watchdog: false);
            second.Run(1);
            Assert.Equal(PumpState.Paused, second.State);
            second.Press(PanelKey.PauseStop, PanelKey.Ok, PanelKey.Ok);
            Assert.Equal(PumpState.Idle, second.State);
            PumpRig third = Reboot(second, watchdog: false);
            third.Run(1);
            Assert.Equal(PumpState.Idle, third.State);
            Assert.False(third.Controller.Alarms.IsShown(AlarmCode.PowerRestored));
        }

        // Proves: PER-016, PNL-010
        [Fact]
        public void Reset_ProgramCannotBeRebuilt_HighAlarmShowsDeliveredAndClosesTheSessionForGood()
        {
            PumpRig before = Reach[PumpState.Paused]();
            long deliveredNl = before.Controller.DeliveredVolumeNl();
            Assert.True(deliveredNl > 0);
            // The syringe recorded is one this firmware no longer knows.
            var editor = new PumpPersistence(before.Store, before.Clock, before.Rtc);
            editor.Open();
            editor.State.Current.SyringeId = 999;
            Assert.True(editor.State.TrySave());

            PumpRig after = Reboot(before, watchdog: false);
            after.Run(1);
            Assert.Equal(PumpState.Idle, after.State);
            Assert.True(after.Controller.Alarms.IsShown(AlarmCode.SessionNotRestored));
            Assert.Equal(AlarmPriority.High, AlarmTable.For(AlarmCode.SessionNotRestored).Priority);
            Assert.Equal(AlarmCode.SessionNotRestored, after.Controller.Alarms.Highest);
            Assert.True(after.Controller.UnrestoredDeliveredNl >= deliveredNl);
            Assert.Equal("SESSION NOT RESTORED", after.Display.Row(0).TrimEnd());
            Assert.StartsWith("GIVEN <=", after.Display.Row(1));
            var session = new SessionRecord();
            Assert.True(after.Controller.Persistence.History.TryGetSession(0, session));
            Assert.True(session.Final);
            Assert.True(session.DeliveredUg >= before.Controller.DeliveredDoseUg());
            Assert.Single(PumpRigLog.Controller(after, PumpEvent.SessionNotRestored));

            // The first OK acknowledges; nothing is programmed until the clinician has seen it.
            after.Press(PanelKey.Ok);
            Assert.Equal(PumpState.Idle, after.State);
            Assert.False(after.Controller.Alarms.IsShown(AlarmCode.SessionNotRestored));

            // The ledger is closed: the next power-up reports nothing open.
            PumpRig third = Reboot(after, watchdog: false);
            third.Run(1);
            Assert.Equal(PumpState.Idle, third.State);
            Assert.False(third.Controller.Alarms.IsShown(AlarmCode.SessionNotRestored));
            Assert.False(third.Controller.PowerOn!.DeliveryInterrupted);
        }

        // Proves: PER-016
        [Fact]
        public void Reset_LibraryNoLongerHasTheDrug_SessionNotRestoredWithItsDeliveredBound()
        {
            PumpRig before = Reach[PumpState.InterlockHold]();
            long deliveredNl = before.Controller.DeliveredVolumeNl();
            var plainOnly = new Pump.Core.Library.DrugLibrary(2, new[] { Pump.Core.Library.ShippedLibrary.NoDrug() });
            var after = new PumpRig(before.Store, startUs: 2_000_000, library: plainOnly);
            after.StartPositionUm = before.Sensors.PositionUm;
            after.Sensors.PositionUm = before.Sensors.PositionUm;
            after.Run(30);
            Assert.Equal(PumpState.Idle, after.State);
            Assert.True(after.Controller.Alarms.IsShown(AlarmCode.SessionNotRestored));
            Assert.True(after.Controller.UnrestoredDeliveredNl >= deliveredNl);
            Assert.Null(after.Controller.Program);
            Assert.Equal(0, after.Steps.Counted);
            var logged = Assert.Single(PumpRigLog.Controller(after, PumpEvent.SessionNotRestored));
            Assert.Equal(RestoreRefusal.DrugNotInLibrary, logged.Arg0);
        }

        // Proves: STM-015, ALM-008
        [Fact]
        public void Tick_ExceptionWhileInfusing_FailsafeThroughTheTableLoggedWithTheSoftwareFault()
        {
            PumpRig rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Sensors.ThrowOnForceRead = true;
            rig.Step();
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(1, PumpRigLog.Transitions(rig, PumpState.Infusing, PumpState.Failsafe));
            Assert.Contains(PumpRigLog.Controller(rig, PumpEvent.AlarmRaised), e => e.Arg0 == (int)AlarmCode.SoftwareFault);
            Assert.True(rig.Controller.Alarms.IsShown(AlarmCode.SoftwareFault));

            // Latched across a reset: the next self-test refuses the persisted Failsafe.
            PumpRig after = Reboot(rig, watchdog: true);
            after.Run(1);
            Assert.Equal(PumpState.Failsafe, after.State);
        }

        // Proves: STM-015, ALM-008, TEC-010
        [Fact]
        public void Tick_DriverEnabledOutsideAMotorState_FailsafeThroughTheTableLoggedAndNoKick()
        {
            var rig = new PumpRig();
            rig.ProgramKetamine();
            Assert.Equal(PumpState.Ready, rig.State);
            int kicks = rig.Watchdog.Kicks;
            rig.Driver.Enable();   // a glitch: the driver enabled with no motion allowed
            rig.Step();
            Assert.Equal(PumpState.Failsafe, rig.State);
            Assert.False(rig.Driver.IsEnabled);
            Assert.Equal(kicks, rig.Watchdog.Kicks);
            Assert.Equal(1, PumpRigLog.Transitions(rig, PumpState.Ready, PumpState.Failsafe));
            Assert.Contains(PumpRigLog.Controller(rig, PumpEvent.AlarmRaised), e => e.Arg0 == (int)AlarmCode.SoftwareFault);
        }

        internal static PumpRig Reboot(PumpRig before, bool watchdog)
        {
            var after = new PumpRig(before.Store, startUs: 2_000_000);
            after.StartPositionUm = before.Sensors.PositionUm;
            after.Sensors.PositionUm = before.Sensors.PositionUm;
            after.Watchdog.LastResetWasWatchdog = watchdog;
            after.Rtc.UtcSeconds = before.Rtc.UtcSeconds + 60;
            return after;
        }
    }
}
