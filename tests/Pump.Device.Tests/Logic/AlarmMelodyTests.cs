using System.Collections.Generic;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;
using Xunit;

namespace Pump.Device.Tests.Logic
{
    public sealed class AlarmMelodyTests
    {
        /// <summary>The pitches the buzzer plays over one burst, polled every 50 ms like the control loop.</summary>
        private static List<int> BurstPitches(AlarmSound sound, long durationMs)
        {
            var sequencer = new BuzzerSequencer();
            sequencer.Select(sound, 0);
            var pitches = new List<int>();
            for (long t = 0; t < durationMs * 1000; t += 50_000)
            {
                if (sequencer.TryTakePulse(t, out _, out int index))
                {
                    pitches.Add(AlarmMelody.PitchHz(sound, index));
                }
            }

            return pitches;
        }

        // Proves: DEV-022
        [Fact]
        public void HighPriority_TenPulses_PlayTheDrugDeliveryMelodyTwice()
        {
            int c5 = AlarmMelody.C5Hz, d4 = AlarmMelody.D4Hz, g4 = AlarmMelody.G4Hz;
            Assert.Equal(new[] { c5, d4, g4, c5, d4, c5, d4, g4, c5, d4 }, BurstPitches(AlarmSound.HighPriority, 7000));
        }

        // Proves: DEV-022
        [Fact]
        public void MediumAndLowPriority_PlayTheMelodysFirstNotes()
        {
            Assert.Equal(new[] { AlarmMelody.C5Hz, AlarmMelody.D4Hz, AlarmMelody.G4Hz }, BurstPitches(AlarmSound.MediumPriority, 8000));
            Assert.Equal(new[] { AlarmMelody.C5Hz, AlarmMelody.D4Hz }, BurstPitches(AlarmSound.LowPriority, 20000));
        }

        // Proves: DEV-022
        [Theory]
        [InlineData(AlarmSound.HighPriority)]
        [InlineData(AlarmSound.MediumPriority)]
        [InlineData(AlarmSound.LowPriority)]
        [InlineData(AlarmSound.Information)]
        public void EveryPulse_PitchInsideIec60601_1_8FundamentalRange(AlarmSound sound)
        {
            for (int i = 0; i < BuzzerSequencer.StartsMs(sound).Length; i++)
            {
                Assert.InRange(AlarmMelody.PitchHz(sound, i), 150, 1000);
            }
        }

        // Proves: DEV-022
        [Fact]
        public void NoPulse_NoPitch()
        {
            Assert.Equal(0, AlarmMelody.PitchHz(AlarmSound.Silent, 0));
            Assert.Equal(0, AlarmMelody.PitchHz(AlarmSound.HighPriority, 10));
            Assert.Equal(0, AlarmMelody.PitchHz(AlarmSound.LowPriority, -1));
            Assert.Equal(261.63, AlarmMelody.C4Hz, 0);   // equal temperament, rounded to whole hertz
            Assert.Equal(523.25, AlarmMelody.C5Hz, 0);
            Assert.Equal(293.66, AlarmMelody.D4Hz, 0);
            Assert.Equal(392.00, AlarmMelody.G4Hz, 0);
        }
    }
}
