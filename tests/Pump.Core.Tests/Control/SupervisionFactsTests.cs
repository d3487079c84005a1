using Pump.Core.Control;
using Xunit;

namespace Pump.Core.Tests.Control
{
    /// <summary>The tick's facts: one value per fact, and no fact outside the declared range ever reads as present.</summary>
    public sealed class SupervisionFactsTests
    {
        // Proves: ALM-001
        [Fact]
        public void Get_EachFactSetAlone_OnlyThatFactHolds()
        {
            var facts = new SupervisionFacts();
            for (int f = SupervisionFacts.None + 1; f < SupervisionFacts.Count; f++)
            {
                facts.Set(f, true);
                for (int g = SupervisionFacts.None + 1; g < SupervisionFacts.Count; g++)
                {
                    Assert.Equal(f == g, facts.Get(g));
                }

                facts.Set(f, false);
                Assert.False(facts.Get(f));
            }
        }

        // Proves: ALM-001
        [Fact]
        public void Get_NoneOrOutsideTheRange_NeverHoldsEvenWithEveryFactSet()
        {
            var facts = new SupervisionFacts();
            for (int f = SupervisionFacts.None; f < SupervisionFacts.Count; f++)
            {
                facts.Set(f, true);
            }

            Assert.False(facts.Get(SupervisionFacts.None));
            Assert.False(facts.Get(-1));
            Assert.False(facts.Get(SupervisionFacts.Count));
            Assert.False(facts.Get(int.MaxValue));
            Assert.True(facts.Get(SupervisionFacts.Count - 1));
        }
    }
}
