using Pump.Hal;
using Pump.Hal.Esp32.Logic;
using Xunit;

namespace Pump.Device.Tests.Logic
{
    public sealed class KeyDebouncerTests
    {
        private const long Tick = 50_000;
        private const int Start = 1 << 4;     // PanelKey.Start = 5 → bit 4
        private const int Silence = 1 << 6;

        private static KeyDebouncer Debouncer() => new KeyDebouncer(30_000, 30_000_000);

        // Proves: DEV-012
        [Fact]
        public void Sample_PressThenRelease_ReportsOnePressOnRelease()
        {
            var keys = Debouncer();
            long t = 0;
            keys.Sample(0, t);
            keys.Sample(Start, t += Tick);
            keys.Sample(Start, t += Tick);
            Assert.False(keys.TryTake(out _));      // held: not yet a press
            keys.Sample(0, t += Tick);
            keys.Sample(0, t += Tick);
            Assert.True(keys.TryTake(out PanelKey key));
            Assert.Equal(PanelKey.Start, key);
            Assert.False(keys.TryTake(out _));
        }

        // Proves: DEV-012
        [Fact]
        public void Sample_SingleSampleGlitch_Ignored()
        {
            var keys = Debouncer();
            long t = 0;
            keys.Sample(0, t);
            keys.Sample(Start, t += Tick);
            keys.Sample(0, t += Tick);
            keys.Sample(0, t += Tick);
            Assert.False(keys.TryTake(out _));
        }

        // Proves: DEV-012
        [Fact]
        public void Sample_KeyHeldAtPowerUp_NoPressUntilReleasedAndPressedAgain()
        {
            var keys = Debouncer();
            long t = 0;
            keys.Sample(Start, t);
            keys.Sample(Start, t += Tick);
            keys.Sample(0, t += Tick);
            keys.Sample(0, t += Tick);
            Assert.False(keys.TryTake(out _));
            keys.Sample(Start, t += Tick);
            keys.Sample(Start, t += Tick);
            keys.Sample(0, t += Tick);
            keys.Sample(0, t += Tick);
            Assert.True(keys.TryTake(out PanelKey key));
            Assert.Equal(PanelKey.Start, key);
        }

        // Proves: DEV-012
        [Fact]
        public void Sample_KeyStuckBeyondLimit_ReportedOnceAndReleaseSuppressed()
        {
            var keys = Debouncer();
            long t = 0;
            keys.Sample(0, t);
            for (int i = 0; i < 700; i++)
            {
                keys.Sample(Silence, t += Tick);   // 35 s held
            }

            Assert.Equal(PanelKey.Silence, keys.TakeStuckKey());
            Assert.Equal(PanelKey.None, keys.TakeStuckKey());
            keys.Sample(0, t += Tick);
            keys.Sample(0, t += Tick);
            Assert.False(keys.TryTake(out _));
        }

        // Proves: DEV-012
        [Fact]
        public void Sample_MorePressesThanQueue_OldestKeptNewestDroppedAndCounted()
        {
            var keys = Debouncer();
            long t = 0;
            keys.Sample(0, t);
            for (int i = 0; i < 10; i++)
            {
                keys.Sample(Start, t += Tick);
                keys.Sample(Start, t += Tick);
                keys.Sample(0, t += Tick);
                keys.Sample(0, t += Tick);
            }

            int taken = 0;
            while (keys.TryTake(out _))
            {
                taken++;
            }

            Assert.Equal(8, taken);
            Assert.Equal(2, keys.DroppedPresses);
        }

        [Fact]
        public void Sample_EveryKeyBit_MapsToItsPanelKey()
        {
            for (int bit = 0; bit < 7; bit++)
            {
                var keys = Debouncer();
                long t = 0;
                keys.Sample(0, t);
                keys.Sample(1 << bit, t += Tick);
                keys.Sample(1 << bit, t += Tick);
                keys.Sample(0, t += Tick);
                keys.Sample(0, t += Tick);
                Assert.True(keys.TryTake(out PanelKey key));
                Assert.Equal((PanelKey)(bit + 1), key);
            }
        }
    }
}
