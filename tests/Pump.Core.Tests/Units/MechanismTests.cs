using Pump.Core.Units;
using Xunit;

namespace Pump.Core.Tests.Units
{
    public sealed class MechanismTests
    {
        // Proves: UNT-002
        [Fact]
        public void Mechanism_Reference_Is1mmLead200Steps16Microsteps()
        {
            Assert.Equal(1000, Mechanism.Reference.LeadUm);
            Assert.Equal(200, Mechanism.Reference.FullStepsPerRev);
            Assert.Equal(16, Mechanism.Reference.Microstepping);
            Assert.Equal(3200, Mechanism.Reference.MicrostepsPerRev);
        }

        // Proves: UNT-002
        [Theory]
        [InlineData(99, 200, 16)]
        [InlineData(20001, 200, 16)]
        [InlineData(1000, 0, 16)]
        [InlineData(1000, 401, 16)]
        [InlineData(1000, 200, 0)]
        [InlineData(1000, 200, 257)]
        [InlineData(1000, 200, 128)] // 25600 microsteps per revolution: above the proven cap
        public void Mechanism_OutOfRange_Refused(int leadUm, int steps, int micro)
        {
            Assert.False(Mechanism.TryCreate(leadUm, steps, micro, out Mechanism? m));
            Assert.Null(m);
        }

        // Proves: UNT-002
        [Fact]
        public void Mechanism_InRange_Created()
        {
            Assert.True(Mechanism.TryCreate(800, 200, 32, out Mechanism? m));
            Assert.Equal(6400, m!.MicrostepsPerRev);
        }
    }
}
