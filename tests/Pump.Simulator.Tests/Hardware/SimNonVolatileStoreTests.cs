using System;
using Pump.Sim.Hardware;
using Xunit;

namespace Pump.Simulator.Tests.Hardware
{
    public class SimNonVolatileStoreTests
    {
        // Proves: SIM-005
        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(15)]
        public void TryWrite_PowerCutArmed_WritesOnlyThePrefixAndDropsPower(int prefix)
        {
            var power = new PowerRail();
            var store = new SimNonVolatileStore(power, 64);
            byte[] old = new byte[16];
            Array.Fill(old, (byte)0x11);
            Assert.True(store.TryWrite(8, old, 0, 16));
            byte[] fresh = new byte[16];
            Array.Fill(fresh, (byte)0x22);
            store.ArmPowerCutDuringNextWrite(prefix);

            Assert.False(store.TryWrite(8, fresh, 0, 16));

            Assert.False(power.IsOn);
            power.Restore();
            byte[] back = new byte[16];
            Assert.True(store.TryRead(8, back, 0, 16));
            for (int i = 0; i < 16; i++)
            {
                Assert.Equal(i < prefix ? (byte)0x22 : (byte)0x11, back[i]);
            }
            Assert.Equal(1, store.TornWrites);
        }

        // Proves: SIM-005
        [Fact]
        public void TryWrite_RandomTear_LeavesAPrefixOfEveryLength()
        {
            var seen = new bool[8];
            var rng = new Random(5);
            for (int k = 0; k < 400; k++)
            {
                var power = new PowerRail();
                var store = new SimNonVolatileStore(power, 16);
                store.ArmPowerCutDuringNextWrite(rng);
                byte[] data = { 1, 2, 3, 4, 5, 6, 7, 8 };
                store.TryWrite(0, data, 0, 8);
                power.Restore();
                byte[] back = new byte[8];
                store.TryRead(0, back, 0, 8);
                int p = 0;
                while (p < 8 && back[p] == data[p])
                {
                    p++;
                }
                for (int i = p; i < 8; i++)
                {
                    Assert.Equal(0xFF, back[i]);
                }
                seen[p] = true;
            }
            for (int p = 0; p < 8; p++)
            {
                Assert.True(seen[p], "prefix length " + p + " never produced");
            }
        }

        [Fact]
        public void TryReadTryWrite_OutOfRangeOrPowerOff_ReturnFalse()
        {
            var power = new PowerRail();
            var store = new SimNonVolatileStore(power, 32);
            byte[] b = new byte[8];
            Assert.False(store.TryWrite(30, b, 0, 8));
            Assert.False(store.TryRead(-1, b, 0, 1));
            Assert.False(store.TryRead(0, b, 4, 8));
            power.Cut();
            Assert.False(store.TryRead(0, b, 0, 8));
        }
    }
}
