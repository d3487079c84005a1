using System;
using System.Collections.Generic;
using Pump.Core.Control;
using Pump.Tests.Shared;
using Xunit;

namespace Pump.Core.Tests.Control
{
    public sealed class StateTableTests
    {
        private static readonly StateTable Table = new StateTable();

        internal static IEnumerable<GuardInputs> AllGuardInputs() => GuardInputCombinations.All();

        // Proves: STM-001
        [Fact]
        public void StateTable_EveryPairAndEveryGuardInput_ExactlyOneRuleApplies()
        {
            for (int s = 0; s < PumpStates.Count; s++)
            {
                for (int t = 0; t < PumpTriggers.Count; t++)
                {
                    var state = (PumpState)s;
                    var trigger = (PumpTrigger)t;
                    var primary = Table.Primary(state, trigger);
                    var alternate = Table.Alternate(state, trigger);
                    Assert.NotNull(primary);
                    foreach (var inputs in AllGuardInputs())
                    {
                        int applying = (inputs.Holds(primary.Guard) ? 1 : 0) + (alternate != null && inputs.Holds(alternate.Guard) ? 1 : 0);
                        Assert.True(applying == 1, $"{state}/{trigger}: {applying} rules apply");
                    }
                }
            }
        }

        // Proves: STM-001
        [Fact]
        public void StateTable_Rejections_AlwaysCarryAReason()
        {
            // The loops below read rules by index: an empty enumeration would pass them vacuously.
            Assert.True(Table.RuleCount >= PumpStates.Count * PumpTriggers.Count, $"{Table.RuleCount} rules");
            for (int i = 0; i < Table.RuleCount; i++)
            {
                var rule = Table.RuleAt(i);
                if (rule.Kind == RuleKind.Reject)
                {
                    Assert.False(string.IsNullOrEmpty(rule.Reason));
                    if (rule.Guard != Guard.Always)
                    {
                        foreach (var inputs in AllGuardInputs())
                        {
                            if (inputs.Holds(rule.Guard))
                            {
                                string reason = inputs.RefusalReason(rule.Guard);
                                Assert.False(string.IsNullOrEmpty(reason));
                                Assert.True(reason.Length <= 20, reason);
                            }
                        }
                    }
                }
            }
        }

        // Proves: STM-002
        [Fact]
        public void MotorPermitted_OnlyPrimingAndInfusing()
        {
            for (int s = 0; s < PumpStates.Count; s++)
            {
                var state = (PumpState)s;
                Assert.Equal(state == PumpState.Priming || state == PumpState.Infusing, PumpStates.MotorPermitted(state));
            }
        }

        // Proves: STM-004
        [Fact]
        public void SelfTestPassed_InterruptedSession_GoesToPausedNeverInfusing()
        {
            var inputs = new GuardInputs { SessionInterrupted = true, SyringeSecured = true, DeviceHealthy = true, LeaseHeld = true, LinePrimed = true, BaselineAcceptable = true, SessionAllowed = true };
            Assert.Equal(PumpState.Paused, Table.Resolve(PumpState.SelfTest, PumpTrigger.SelfTestPassed, ref inputs).Target);
            inputs.SessionInterrupted = false;
            Assert.Equal(PumpState.Idle, Table.Resolve(PumpState.SelfTest, PumpTrigger.SelfTestPassed, ref inputs).Target);
        }

        // Proves: STM-004
        [Fact]
        public void StateTable_NoAutomaticTrigger_LeadsIntoAMotorState()
        {
            // Only clinician requests may start motion: no automatic trigger from any state, under any inputs,
            // may reach Priming or Infusing.
            for (int i = 0; i < Table.RuleCount; i++)
            {
                var rule = Table.RuleAt(i);
                bool clinician = rule.Trigger is PumpTrigger.RequestStart or PumpTrigger.RequestResume or PumpTrigger.RequestPrime;
                if (rule.Kind == RuleKind.Transition && PumpStates.MotorPermitted(rule.Target) && !PumpStates.MotorPermitted(rule.State))
                {
                    Assert.True(clinician, $"{rule.State} --{rule.Trigger}--> {rule.Target}");
                }
            }
        }

        // Proves: STM-005
        [Theory]
        [InlineData(false, true, true, true, true, true, true, "SYRINGE NOT SECURED")]
        [InlineData(true, false, true, true, true, true, true, "DEVICE FAULT")]
        [InlineData(true, true, false, true, true, true, true, "PRIME LINE FIRST")]
        [InlineData(true, true, true, false, true, true, true, "TOO LITTLE DRUG")]
        [InlineData(true, true, true, true, false, true, true, "SESSION LIMIT")]
        [InlineData(true, true, true, true, true, false, true, "NO VALID VITALS")]
        [InlineData(true, true, true, true, true, true, false, "BASELINE NOT OK")]
        public void RequestStart_InReadyWithOneConditionUnmet_RejectedWithThatReason(bool secured, bool healthy, bool primed, bool enough, bool allowed, bool lease, bool baseline, string reason)
        {
            var inputs = new GuardInputs { SyringeSecured = secured, DeviceHealthy = healthy, LinePrimed = primed, DrugSufficient = enough, SessionAllowed = allowed, LeaseHeld = lease, BaselineAcceptable = baseline };
            var rule = Table.Resolve(PumpState.Ready, PumpTrigger.RequestStart, ref inputs);
            Assert.Equal(RuleKind.Reject, rule.Kind);
            Assert.Equal(reason, inputs.RefusalReason(rule.Guard));
        }

        // Proves: STM-005
        [Fact]
        public void RequestStart_InReadyWithAllConditionsMet_Infuses()
        {
            var inputs = new GuardInputs { SyringeSecured = true, DeviceHealthy = true, LinePrimed = true, DrugSufficient = true, SessionAllowed = true, LeaseHeld = true, BaselineAcceptable = true };
            Assert.Equal(PumpState.Infusing, Table.Resolve(PumpState.Ready, PumpTrigger.RequestStart, ref inputs).Target);
            inputs.VitalConditionActive = true;
            Assert.Equal(RuleKind.Reject, Table.Resolve(PumpState.Ready, PumpTrigger.RequestStart, ref inputs).Kind);
        }

        // Proves: STM-006, STM-007
        [Theory]
        [InlineData(PumpState.Paused)]
        [InlineData(PumpState.InterlockHold)]
        public void RequestResume_VitalsStillOutOfRange_Rejected(PumpState state)
        {
            var inputs = new GuardInputs { SyringeSecured = true, DeviceHealthy = true, LeaseHeld = true, VitalConditionActive = true };
            var rule = Table.Resolve(state, PumpTrigger.RequestResume, ref inputs);
            Assert.Equal(RuleKind.Reject, rule.Kind);
            Assert.Equal("VITALS OUT OF RANGE", inputs.RefusalReason(rule.Guard));
            inputs.VitalConditionActive = false;
            Assert.Equal(PumpState.Infusing, Table.Resolve(state, PumpTrigger.RequestResume, ref inputs).Target);
        }

        // Proves: STM-007
        [Fact]
        public void VitalHold_WhileInfusing_LatchesInterlockHold()
        {
            var inputs = new GuardInputs();
            Assert.Equal(PumpState.InterlockHold, Table.Resolve(PumpState.Infusing, PumpTrigger.VitalHold, ref inputs).Target);
            Assert.Equal(RuleKind.Ignore, Table.Resolve(PumpState.InterlockHold, PumpTrigger.VitalHold, ref inputs).Kind);
            // Vitals back in range do not release the hold by themselves: no automatic trigger leaves it except stop/complete.
            foreach (PumpTrigger t in Enum.GetValues<PumpTrigger>())
            {
                var rule = Table.Resolve(PumpState.InterlockHold, t, ref inputs);
                if (rule.Kind == RuleKind.Transition)
                {
                    Assert.Contains(rule.Target, new[] { PumpState.Stopped, PumpState.Completed, PumpState.Failsafe, PumpState.Infusing });
                    if (rule.Target == PumpState.Infusing)
                    {
                        Assert.Equal(PumpTrigger.RequestResume, t);
                    }
                }
            }
        }

        // Proves: STM-008
        [Fact]
        public void Stopped_AnyTriggerButEndSession_NeverLeavesExceptFailsafe()
        {
            foreach (var inputs in AllGuardInputs())
            {
                var copy = inputs;
                foreach (PumpTrigger t in Enum.GetValues<PumpTrigger>())
                {
                    var rule = Table.Resolve(PumpState.Stopped, t, ref copy);
                    if (rule.Kind == RuleKind.Transition)
                    {
                        Assert.True(t == PumpTrigger.EndSession && rule.Target == PumpState.Idle
                            || rule.Target == PumpState.Failsafe, t.ToString());
                    }
                }
            }
        }

        // Proves: STM-010
        [Fact]
        public void FatalFault_FromEveryState_GoesToFailsafeAndNothingLeavesIt()
        {
            var inputs = new GuardInputs();
            for (int s = 0; s < PumpStates.Count; s++)
            {
                var rule = Table.Resolve((PumpState)s, PumpTrigger.FatalFault, ref inputs);
                Assert.Equal(PumpState.Failsafe, rule.Kind == RuleKind.Transition ? rule.Target : (PumpState)s);
            }

            foreach (var all in AllGuardInputs())
            {
                var copy = all;
                foreach (PumpTrigger t in Enum.GetValues<PumpTrigger>())
                {
                    var rule = Table.Resolve(PumpState.Failsafe, t, ref copy);
                    Assert.NotEqual(RuleKind.Transition, rule.Kind);
                }
            }
        }

        // Proves: STM-009
        [Fact]
        public void ClearAlarm_CauseStillPresent_Rejected()
        {
            var inputs = new GuardInputs { TechnicalConditionActive = true };
            Assert.Equal(RuleKind.Reject, Table.Resolve(PumpState.Alarm, PumpTrigger.ClearAlarm, ref inputs).Kind);
            inputs.TechnicalConditionActive = false;
            Assert.Equal(PumpState.Paused, Table.Resolve(PumpState.Alarm, PumpTrigger.ClearAlarm, ref inputs).Target);
        }

        // Proves: STM-013
        [Fact]
        public void ClinicianRequest_NotInTable_RejectedNotAvailable()
        {
            var inputs = new GuardInputs();
            var rule = Table.Resolve(PumpState.Idle, PumpTrigger.RequestStart, ref inputs);
            Assert.Equal(RuleKind.Reject, rule.Kind);
            Assert.Equal("NOT AVAILABLE NOW", rule.Reason);
            Assert.Equal(RuleKind.Ignore, Table.Resolve(PumpState.Idle, PumpTrigger.VitalHold, ref inputs).Kind);
        }
    }
}
