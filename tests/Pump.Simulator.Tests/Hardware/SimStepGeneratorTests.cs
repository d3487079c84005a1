using System;
using CsCheck;
using Pump.Hal;
using Pump.Sim.Hardware;
using Xunit;

namespace Pump.Simulator.Tests.Hardware
{
    public class SimStepGeneratorTests
    {
        // Proves: SIM-003
        [Fact]
        public void AdvanceTo_AnySegmentsAndIntervals_EmitsExactlyThePulsesABruteForceScheduleEmits()
        {
            var gen = Gen.Select(Gen.Long[0, 5_000], Gen.Long[1, 400], Gen.Long[1, 50], Gen.Long[1, 200_000], Gen.Int[1, 4], Gen.Int[1, 40], Gen.Long[1, 120_000]);
            gen.Sample((anchor, steps, rateSteps, ratePeriod, segments, resolution, intervalUs) =>
            {
                var power = new PowerRail();
                var g = new SimStepGenerator(power, capacity: 8, resolutionUs: resolution);
                long first = 0;
                long pulsesExpected = 0;
                long lastExpectedUs = -1;
                for (int s = 0; s < segments; s++)
                {
                    var seg = new StepSegment(anchor, first, first + steps, rateSteps, ratePeriod);
                    Assert.True(g.TryEnqueue(seg));
                    for (long n = first + 1; n <= first + steps; n++)
                    {
                        lastExpectedUs = seg.DueUs(n) / resolution * resolution;
                        pulsesExpected++;
                    }
                    first += steps;
                }
                long t = 0;
                long emitted = 0;
                while (g.QueuedSegments > 0)
                {
                    t += intervalUs;
                    long before = g.LastPulseUs;
                    emitted += g.AdvanceTo(t);
                    Assert.True(g.LastPulseUs <= t);
                    Assert.True(g.LastPulseUs >= before);
                }
                Assert.Equal(pulsesExpected, emitted);
                Assert.Equal(pulsesExpected, g.TotalPulses);
                // Segments of one schedule never start late, so the last pulse is exactly the quantized due time.
                Assert.Equal(lastExpectedUs, g.LastPulseUs);
            }, iter: 300);
        }

        // Proves: SIM-003
        [Fact]
        public void StopNow_MidSegment_NoPulseAfterTheStop()
        {
            var g = new SimStepGenerator(new PowerRail());
            Assert.True(g.TryEnqueue(new StepSegment(0, 0, 1000, 1, 1000))); // 1 step per ms
            g.AdvanceTo(250_000);
            Assert.Equal(250, g.TotalPulses);
            Assert.Equal(250_000, g.LastPulseUs);
            g.StopNow();
            Assert.Equal(0, g.AdvanceTo(900_000));
            Assert.Equal(250, g.TotalPulses);
            Assert.Equal(0, g.QueuedSegments);
        }

        [Fact]
        public void TryEnqueue_QueueFullOrPowerOff_RefusesTheSegment()
        {
            var power = new PowerRail();
            var g = new SimStepGenerator(power, capacity: 2);
            Assert.True(g.TryEnqueue(new StepSegment(0, 0, 10, 1, 100)));
            Assert.True(g.TryEnqueue(new StepSegment(0, 10, 20, 1, 100)));
            Assert.False(g.TryEnqueue(new StepSegment(0, 20, 30, 1, 100)));
            power.Cut();
            Assert.Equal(0, g.QueuedSegments);
            Assert.False(g.TryEnqueue(new StepSegment(0, 0, 10, 1, 100)));
            Assert.Equal(2, g.RefusedSegments);
        }

        [Fact]
        public void TryEnqueue_MalformedSegment_IsRefusedNotThrown()
        {
            var g = new SimStepGenerator(new PowerRail());
            Assert.False(g.TryEnqueue(new StepSegment(0, 0, 10, 0, 100)));
            Assert.False(g.TryEnqueue(new StepSegment(0, 10, 5, 1, 100)));
            Assert.False(g.TryEnqueue(new StepSegment(0, 0, 10, 1, 0)));
        }

        [Fact]
        public void AdvanceTo_OverdueSegment_EmitsAtActivationNotInThePast()
        {
            var g = new SimStepGenerator(new PowerRail());
            g.AdvanceTo(1_000_000);
            Assert.True(g.TryEnqueue(new StepSegment(0, 0, 5, 1, 1000))); // all due long ago
            Assert.Equal(5, g.AdvanceTo(1_050_000));
            Assert.Equal(1_000_000, g.LastPulseUs);
        }

        [Fact]
        public void StepCounter_AfterPowerUp_CountsFromZeroAndFailsWhilePowerIsOff()
        {
            var power = new PowerRail();
            var g = new SimStepGenerator(power);
            var c = new SimStepCounter(g, power);
            g.TryEnqueue(new StepSegment(0, 0, 100, 1, 100));
            g.AdvanceTo(5_000);
            Assert.True(c.TryRead(out long n));
            Assert.Equal(50, n);
            power.Cut();
            Assert.False(c.TryRead(out _));
            power.Restore();
            c.ResetAtPowerUp();
            Assert.True(c.TryRead(out n));
            Assert.Equal(0, n);
        }
    }
}
