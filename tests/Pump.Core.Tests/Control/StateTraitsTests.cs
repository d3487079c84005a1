using System.Linq;
using Pump.Core.Control;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>The declared state traits, read against STM-014's own list, and what a code outside the states means.</summary>
    public sealed class StateTraitsTests
    {
        private static PumpState[] With(int trait) =>
            Enumerable.Range(0, PumpStates.Count).Select(s => (PumpState)s).Where(s => StateTraits.Has(s, trait)).ToArray();

        // Proves: STM-014
        [Fact]
        public void Traits_EachHoldsExactlyInTheStatesTheRequirementNames()
        {
            Assert.Equal(new[] { PumpState.Priming, PumpState.Infusing }, With(StateTraits.MotorPermitted));
            Assert.Equal(new[] { PumpState.Infusing, PumpState.Paused, PumpState.InterlockHold, PumpState.Alarm }, With(StateTraits.SessionOpen));
            Assert.Equal(new[] { PumpState.Paused, PumpState.InterlockHold, PumpState.Alarm }, With(StateTraits.AwaitsClinician));
            Assert.Equal(With(StateTraits.MotorPermitted).Union(With(StateTraits.SessionOpen)).OrderBy(s => s), With(StateTraits.SyringeMustBeSecured));
            Assert.Equal(Enumerable.Range((int)PumpState.Ready, PumpStates.Count - (int)PumpState.Ready).Select(s => (PumpState)s), With(StateTraits.ProgramLoaded));
            Assert.Equal(new[] { PumpState.Idle, PumpState.Programming, PumpState.Ready }, With(StateTraits.SyringeChangeable));
        }

        // Proves: STM-014
        [Fact]
        public void Has_StateCodeOutsideTheStates_HasNoTrait()
        {
            for (int i = 0; i < StateTraits.Count; i++)
            {
                Assert.False(StateTraits.Has((PumpState)(-1), StateTraits.At(i)));
                Assert.False(StateTraits.Has((PumpState)PumpStates.Count, StateTraits.At(i)));
                Assert.False(StateTraits.Has((PumpState)int.MaxValue, StateTraits.At(i)));
            }
        }

        // Proves: STM-014
        [Fact]
        public void Traits_AreDistinctBitsWithDistinctNames_AndANonTraitIsNamedQuestionMark()
        {
            var traits = Enumerable.Range(0, StateTraits.Count).Select(StateTraits.At).ToArray();
            Assert.Equal(new[] { StateTraits.MotorPermitted, StateTraits.SessionOpen, StateTraits.AwaitsClinician,
                StateTraits.SyringeMustBeSecured, StateTraits.ProgramLoaded, StateTraits.SyringeChangeable }, traits);
            Assert.Equal(StateTraits.Count, traits.Select(StateTraits.Name).Distinct().Count());
            Assert.DoesNotContain("?", traits.Select(StateTraits.Name));
            Assert.Equal("?", StateTraits.Name(0));
            Assert.Equal("?", StateTraits.Name(StateTraits.MotorPermitted | StateTraits.SessionOpen));
            Assert.Equal("?", StateTraits.Name(StateTraits.At(StateTraits.Count)));
        }

        // Proves: STM-014
        [Fact]
        public void Name_EachTrait_IsTheWordingOfTheRequirementThatTheStateTableDocumentPrints()
        {
            Assert.Equal("motor permitted", StateTraits.Name(StateTraits.MotorPermitted));
            Assert.Equal("session open", StateTraits.Name(StateTraits.SessionOpen));
            Assert.Equal("awaits clinician", StateTraits.Name(StateTraits.AwaitsClinician));
            Assert.Equal("syringe must be secured", StateTraits.Name(StateTraits.SyringeMustBeSecured));
            Assert.Equal("program loaded", StateTraits.Name(StateTraits.ProgramLoaded));
            Assert.Equal("syringe changeable", StateTraits.Name(StateTraits.SyringeChangeable));
        }
    }
}
