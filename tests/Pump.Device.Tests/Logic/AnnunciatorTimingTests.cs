using System.Collections.Generic;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;
using Xunit;

namespace Pump.Device.Tests.Logic
{
    public sealed class AnnunciatorTimingTests
    {
        /// <summary>Polls the sequencer every 50 ms like the control loop; returns pulse start times (ms).</summary>
        private static List<long> Pulses(AlarmSound sound, long durationMs, out int widthMs)
        {
            var sequencer = new BuzzerSequencer();
            sequencer.Select(sound, 0);
            var starts = new List<long>();
            widthMs = 0;
            for (long t = 0; t < durationMs * 1000; t += 50_000)
            {
                if (sequencer.TryTakePulse(t, out int w))
                {
                    starts.Add(t / 1000);
                    widthMs = w;
                }
            }

            return starts;
        }

        // Proves: DEV-013
        [Fact]
        public void HighPriority_Burst_TenPulsesWithinIec60601_1_8Timing()
        {
            var starts = Pulses(AlarmSound.HighPriority, 7000, out int tp);
            Assert.Equal(10, starts.Count);
            Assert.InRange(tp, 75, 200);
            foreach (int i in new[] { 1, 2, 4, 6, 7, 9 })
            {
                Assert.InRange(starts[i] - starts[i - 1] - tp, 50, 125);          // t_s between pulses of a group
            }

            Assert.Equal(2 * 100 + tp, starts[3] - starts[2] - tp);               // 3rd→4th: 2·t_s + t_p
            Assert.Equal(2 * 100 + tp, starts[8] - starts[7] - tp);
            Assert.InRange(starts[5] - starts[4] - tp, 350, 1300);                // 5th→6th
        }

        // Proves: DEV-013
        [Fact]
        public void HighPriority_Repeats_Every2_5To15Seconds()
        {
            var starts = Pulses(AlarmSound.HighPriority, 21000, out _);
            Assert.Equal(30, starts.Count);
            Assert.InRange(starts[10] - starts[0], 2500, 15000);
            Assert.Equal(starts[10] - starts[0], starts[20] - starts[10]);
        }

        // Proves: DEV-013
        [Fact]
        public void MediumPriority_Burst_ThreePulsesWithinIecTiming()
        {
            var starts = Pulses(AlarmSound.MediumPriority, 8000, out int tp);
            Assert.Equal(3, starts.Count);
            Assert.InRange(tp, 125, 250);
            Assert.InRange(starts[1] - starts[0] - tp, 125, 250);
            Assert.InRange(starts[2] - starts[1] - tp, 125, 250);
            Assert.InRange(BuzzerSequencer.RepeatMs(AlarmSound.MediumPriority), 2500, 30000);
        }

        // Proves: DEV-013
        [Fact]
        public void LowPriority_Burst_OneOrTwoPulsesRepeatedNoFasterThan15Seconds()
        {
            var starts = Pulses(AlarmSound.LowPriority, 40000, out int tp);
            Assert.InRange(tp, 125, 250);
            Assert.Equal(4, starts.Count);
            Assert.True(starts[2] - starts[0] > 15000);
        }

        [Fact]
        public void Information_PlaysOnceAndSilentPlaysNothing()
        {
            Assert.Single(Pulses(AlarmSound.Information, 30000, out _));
            Assert.Empty(Pulses(AlarmSound.Silent, 30000, out _));
        }

        // Proves: DEV-013
        [Fact]
        public void Select_SamePatternEveryTick_DoesNotRestartTheBurst()
        {
            var sequencer = new BuzzerSequencer();
            int pulses = 0;
            for (long t = 0; t < 3_500_000; t += 50_000)
            {
                sequencer.Select(AlarmSound.HighPriority, t);
                if (sequencer.TryTakePulse(t, out _))
                {
                    pulses++;
                }
            }

            Assert.Equal(10, pulses);
        }

        // Proves: DEV-013
        [Fact]
        public void PatternOffsets_AllOnTheFiftyMillisecondGrid()
        {
            foreach (AlarmSound sound in new[] { AlarmSound.HighPriority, AlarmSound.MediumPriority, AlarmSound.LowPriority, AlarmSound.Information })
            {
                Assert.All(BuzzerSequencer.StartsMs(sound), s => Assert.Equal(0, s % BuzzerSequencer.GridMs));
                Assert.Equal(0, BuzzerSequencer.RepeatMs(sound) % BuzzerSequencer.GridMs);
            }
        }

        // Proves: DEV-013
        [Theory]
        [InlineData(AlarmLight.HighFlashing, true, 1.4, 2.8)]
        [InlineData(AlarmLight.MediumFlashing, false, 0.4, 0.8)]
        public void Lamp_Flashing_FrequencyAndDutyWithinIecLimits(AlarmLight light, bool red, double minHz, double maxHz)
        {
            var lamp = new LampSequencer();
            lamp.Select(light, 0);
            int on = 0, rising = 0;
            bool previous = false;
            const int ticks = 200;   // 10 s at 50 ms
            for (int i = 0; i < ticks; i++)
            {
                lamp.Evaluate(i * 50_000L, out bool r, out bool y);
                bool lit = red ? r : y;
                Assert.False(red ? y : r);
                if (lit)
                {
                    on++;
                }

                if (lit && !previous)
                {
                    rising++;
                }

                previous = lit;
            }

            double hz = rising / 10.0;
            Assert.InRange(hz, minHz, maxHz);
            Assert.InRange(on / (double)ticks, 0.2, 0.6);
        }

        [Fact]
        public void Lamp_LowPriority_SteadyYellow()
        {
            var lamp = new LampSequencer();
            lamp.Select(AlarmLight.LowSteady, 0);
            for (long t = 0; t < 5_000_000; t += 50_000)
            {
                lamp.Evaluate(t, out bool r, out bool y);
                Assert.False(r);
                Assert.True(y);
            }
        }
    }
}
