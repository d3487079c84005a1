using System;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;
using Xunit;

namespace Pump.Device.Tests.Logic
{
    /// <summary>
    /// The device logic that runs every control tick allocates nothing once constructed (GC pauses
    /// stop every thread on nanoFramework). Measured on .NET with the per-thread allocation counter;
    /// the same code runs on the device.
    /// </summary>
    public sealed class AllocationTests
    {
        private static long AllocatedBy(Action action)
        {
            action();   // warm-up: JIT, statics
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // Proves: DEV-020
        [Fact]
        public void StepGeneratorLogic_ManyBursts_AllocatesNothing()
        {
            var timing = StepTiming.Default();
            var planner = new StepBurstPlanner(8, timing);
            var writers = new[] { new RmtItemWriter(new byte[1100 * 4]), new RmtItemWriter(new byte[1100 * 4]) };
            long anchor = 0;
            long step = 0;
            long now = 0;
            int c = 0;
            long bytes = AllocatedBy(() =>
            {
                for (int tick = 0; tick < 200; tick++)
                {
                    now += 50_000;
                    if (planner.QueuedSegments < 4)
                    {
                        planner.TryEnqueue(new StepSegment(anchor, step, step + 500, 7, 3_000));
                        step += 500;
                    }

                    planner.Retire(now);
                    if (planner.HasStepDueBefore(now + timing.WindowUs) && planner.EncodeBurst(now, writers[c]) > 0)
                    {
                        c = 1 - c;
                    }
                }
            });
            Assert.Equal(0, bytes);
        }

        // Proves: DEV-020
        [Fact]
        public void PanelAndAnnunciatorLogic_EveryTick_AllocatesNothing()
        {
            var keys = new KeyDebouncer(30_000, 30_000_000);
            var buzzer = new BuzzerSequencer();
            var lamp = new LampSequencer();
            var loop = new ControlLoopTiming(0, 50);
            var extender = new PulseCountExtender(63, 10_000);
            var force = new LoadCellScale(0, 100_000, 49_033, 1000);
            var pot = new PotentiometerScale(300, 3700, 100_000, 4095, 60, 3000);
            var health = new DisplayHealth(3, true);
            var row = "Rate  50.0 mL/h     ".ToCharArray();
            var i2c = new byte[21 * 4];
            long now = 0;
            long count = 0;
            long bytes = AllocatedBy(() =>
            {
                for (int tick = 0; tick < 400; tick++)
                {
                    now += 50_000;
                    keys.Sample((tick / 3) % 2 == 0 ? 1 << 4 : 0, now);
                    keys.TryTake(out PanelKey _);
                    buzzer.Select(tick < 200 ? AlarmSound.HighPriority : AlarmSound.MediumPriority, now);
                    buzzer.TryTakePulse(now, out int _);
                    lamp.Select(AlarmLight.HighFlashing, now);
                    lamp.Evaluate(now, out bool _, out bool _);
                    loop.TickStarted(now);
                    loop.Advance(now + 5_000);
                    loop.SleepMs(now + 6_000);
                    count += 37;
                    extender.Update(count);
                    force.TryConvert(tick * 100, out int _);
                    pot.TryConvert(300 + tick, out int _);
                    Hd44780Codec.EncodeRow(tick % 4, row, 20, i2c);
                    health.WriteSucceeded();
                    LinkReadPolicy.BytesToTake(tick, 64);
                }
            });
            Assert.Equal(0, bytes);
        }
    }
}
