using System;
using System.Collections.Generic;
using Pump.Core.Control;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Pump.Core.Tests.Fakes;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>
    /// The clinician's resume is one interlock command (INT-013): the table's guard reads the interlock's resume rule,
    /// the entry action acknowledges and resumes in one decision, and a refusal names its real cause.
    /// </summary>
    public sealed class ResumeCommandTests
    {
        private const string Spo2HoldRule = "SPO2_HOLD_LT92_30S";

        // Proves: INT-013, INT-012, STM-006
        [Fact]
        public void Resume_LatchedHoldStillOutsideItsLimit_RefusedNamingTheRule_NothingAcknowledgedNoBounce()
        {
            var rig = HeldBySpo2();
            var transitions = new TransitionRecorder();
            rig.Controller.SetObserver(transitions);
            int enables = rig.Driver.EnableCount;

            rig.Press(PanelKey.Start);
            rig.Run(1);

            Assert.Equal(PumpState.InterlockHold, rig.State);
            Assert.Empty(transitions.Seen);
            Assert.Equal(enables, rig.Driver.EnableCount);
            Assert.Equal("SPO2<92 FOR 30S", rig.Controller.LastRejection);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.HoldsAcknowledged));
            Assert.NotEqual(0, rig.Controller.Interlock.Verdict.LatchedRules);
        }

        // Proves: INT-013, STM-006
        [Fact]
        public void Resume_LatchedHoldBackInsideItsLimit_OneKeyAcknowledgesLogsTheRuleAndInfuses()
        {
            var rig = HeldBySpo2();
            long ruleBit = 1L << RuleIndex(rig, Spo2HoldRule);
            Assert.Equal(ruleBit, rig.Controller.Interlock.Verdict.LatchedRules & ruleBit);
            rig.Vitals = PumpRig.Typical();
            rig.Run(2);
            Assert.Equal(PumpState.InterlockHold, rig.State); // back inside the limit does not resume by itself
            var transitions = new TransitionRecorder();
            rig.Controller.SetObserver(transitions);

            rig.Press(PanelKey.Start);
            rig.Run(1);

            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.Single(transitions.Seen);
            var logged = Assert.Single(PumpRigLog.Controller(rig, PumpEvent.HoldsAcknowledged));
            Assert.Equal(ruleBit, logged.Arg1 & ruleBit);
            Assert.Equal(0, rig.Controller.Interlock.Verdict.LatchedRules);
            Assert.True(rig.Controller.Interlock.Verdict.MayInfuse);
        }

        // Proves: INT-013
        [Fact]
        public void Resume_RefusedWhileOutsideThenVitalsReturn_StillNeedsTheClinicianAndOneMoreKey()
        {
            var rig = HeldBySpo2();
            rig.Press(PanelKey.Start);
            rig.Run(1);
            Assert.Equal(PumpState.InterlockHold, rig.State);

            rig.Vitals = PumpRig.Typical();
            rig.Run(10);

            Assert.Equal(PumpState.InterlockHold, rig.State);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.HoldsAcknowledged));
            rig.Press(PanelKey.Start);
            rig.Run(1);
            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.Single(PumpRigLog.Controller(rig, PumpEvent.HoldsAcknowledged));
        }

        // Proves: INT-013, STM-006
        [Fact]
        public void Resume_FromPauseWithNothingLatched_InfusesWithoutAnAcknowledgementRecord()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            rig.Press(PanelKey.PauseStop);
            Assert.Equal(PumpState.Paused, rig.State);

            Assert.True(rig.Controller.Commands.Resume());
            rig.Step();

            Assert.Equal(PumpState.Infusing, rig.State);
            Assert.Empty(PumpRigLog.Controller(rig, PumpEvent.HoldsAcknowledged));
        }

        /// <summary>A running ketamine infusion held by SpO2 91 % for over 30 s (hold level, above the stop limit).</summary>
        private static PumpRig HeldBySpo2()
        {
            var rig = PumpControllerTests.StartedKetamine();
            rig.Run(5);
            VitalSigns low = PumpRig.Typical();
            low.Spo2Percent = 91;
            rig.Vitals = low;
            Assert.True(rig.RunUntil(() => rig.State == PumpState.InterlockHold, 45));
            Assert.Equal(Spo2HoldRule, rig.Controller.Interlock.Verdict.ActiveRule!.Code);
            return rig;
        }

        private sealed class TransitionRecorder : IPumpObserver
        {
            public List<(PumpState From, PumpState To)> Seen { get; } = new();

            public void OnTransition(PumpState from, PumpTrigger trigger, PumpState to, long nowUs) => Seen.Add((from, to));
            public void OnRejected(PumpState state, PumpTrigger trigger, string reason, long nowUs) { }
            public void OnAlarmRaised(Pump.Core.Alarms.AlarmCode code, long nowUs) { }
            public void OnMotorStopped(long nowUs, long countedMicrosteps) { }
        }

        private static int RuleIndex(PumpRig rig, string code)
        {
            VitalRule[] rules = rig.Controller.Interlock.Profile.Rules;
            int index = Array.FindIndex(rules, r => r.Code == code);
            Assert.True(index >= 0);
            return index;
        }
    }
}
