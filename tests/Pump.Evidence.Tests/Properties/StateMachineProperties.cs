using System.Linq;
using CsCheck;
using Pump.Core.Control;
using Pump.Evidence.Conformance;
using Xunit;

namespace Pump.Evidence.Tests.Properties
{
    /// <summary>Safety properties of the firmware state table over random trigger sequences and guard facts.</summary>
    public sealed class StateMachineProperties
    {
        private const int Iterations = 2_000;

        private static readonly PumpTrigger[] AutomaticTriggers =
            ReferenceModel.AllTriggers.Where(t => !ReferenceModel.IsClinicianRequest(t)).ToArray();

        private static readonly Gen<Step> AnyStep =
            Gen.Select(Gen.Int[0, PumpTriggers.Count - 1], Gen.Int[0, GuardFacts.CombinationCount - 1],
                (t, bits) => new Step((PumpTrigger)t, GuardFacts.FromBits(bits)));

        private static readonly Gen<Step> AutomaticStep =
            Gen.Select(Gen.Int[0, AutomaticTriggers.Length - 1], Gen.Int[0, GuardFacts.CombinationCount - 1],
                (t, bits) => new Step(AutomaticTriggers[t], GuardFacts.FromBits(bits)));

        // Proves: STM-004
        [Fact]
        public void Property_AfterPowerUp_AutomaticTriggersAloneNeverMoveTheMotor()
        {
            AutomaticStep.Array[1, 80].Sample(steps =>
            {
                var firmware = new FirmwareTableAdapter();
                foreach (Step step in steps)
                {
                    firmware.Fire(step.Trigger, step.Inputs);
                    Assert.False(PumpStates.MotorPermitted(firmware.State), $"motor permitted in {firmware.State} without a clinician request");
                }
            }, iter: Iterations, seed: "0N0XvGvFnyp3");
        }

        // Proves: STM-002, STM-007, STM-008, STM-009, STM-010
        [Fact]
        public void Property_WhileInfusing_HoldStopTechnicalOrFatalTrigger_MotorStopsInTheSameStep()
        {
            AnyStep.Array[1, 120].Sample(steps =>
            {
                var firmware = new FirmwareTableAdapter();
                foreach (Step step in steps)
                {
                    PumpState before = firmware.State;
                    firmware.Fire(step.Trigger, step.Inputs);
                    bool stopping = step.Trigger == PumpTrigger.TechnicalStop || step.Trigger == PumpTrigger.FatalFault
                        || step.Trigger == PumpTrigger.SelfTestFailed
                        || (before == PumpState.Infusing && (step.Trigger == PumpTrigger.VitalHold || step.Trigger == PumpTrigger.VitalStop));
                    if (PumpStates.MotorPermitted(before) && stopping)
                    {
                        Assert.False(PumpStates.MotorPermitted(firmware.State), $"{before} --{step.Trigger}--> {firmware.State}");
                    }
                }
            }, iter: Iterations, seed: "0N0XvGvFnyp4");
        }

        // Proves: STM-005, STM-006
        [Fact]
        public void Property_InfusingIsEnteredOnlyWithLeaseSyringeAndNoVitalCondition()
        {
            AnyStep.Array[1, 120].Sample(steps =>
            {
                var firmware = new FirmwareTableAdapter();
                foreach (Step step in steps)
                {
                    PumpState before = firmware.State;
                    firmware.Fire(step.Trigger, step.Inputs);
                    if (before != PumpState.Infusing && firmware.State == PumpState.Infusing)
                    {
                        Assert.True(step.Inputs.LeaseHeld && step.Inputs.SyringeSecured && !step.Inputs.VitalConditionActive,
                            $"{before} --{step.Trigger}--> Infusing with {GuardFacts.Describe(step.Inputs)}");
                    }
                }
            }, iter: Iterations, seed: "0N0XvGvFnyp5");
        }

        // Proves: STM-008
        [Fact]
        public void Property_StoppedSession_MotorOnlyAgainAfterANewProgramIsConfirmed()
        {
            AnyStep.Array[1, 150].Sample(steps =>
            {
                var firmware = new FirmwareTableAdapter();
                bool stoppedSinceLastConfirm = false;
                foreach (Step step in steps)
                {
                    PumpState before = firmware.State;
                    firmware.Fire(step.Trigger, step.Inputs);
                    if (firmware.State == PumpState.Stopped)
                    {
                        stoppedSinceLastConfirm = true;
                    }
                    if (before == PumpState.Programming && firmware.State == PumpState.Ready)
                    {
                        stoppedSinceLastConfirm = false;
                    }
                    if (stoppedSinceLastConfirm && firmware.State == PumpState.Infusing)
                    {
                        Assert.Fail("a stopped session resumed infusing without a new program");
                    }
                }
            }, iter: Iterations, seed: "0N0XvGvFnyp6");
        }
    }
}
