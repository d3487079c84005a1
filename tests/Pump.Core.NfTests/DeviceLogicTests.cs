using nanoFramework.TestFramework;
using Pump.Hal;
using Pump.Hal.Esp32.Logic;

namespace Pump.Core.NfTests
{
    /// <summary>
    /// The safety-critical device logic on the real runtime: the step schedule encoded into RMT items
    /// and the 64-bit pulse-count extension (the desktop suite in tests/Pump.Device.Tests covers the rest).
    /// </summary>
    [TestClass]
    public class DeviceLogicTests
    {
        [TestMethod]
        public void StepBurstPlanner_OneBurst_RisingEdgesAtDueTimes()
        {
            StepTiming timing = new StepTiming(10, 200, 200000, 0, 2);
            StepBurstPlanner planner = new StepBurstPlanner(4, timing);
            StepSegment segment = new StepSegment(1000L, 0L, 50L, 1000L, 3000000L);
            Assert.AreEqual((int)SegmentRejection.None, (int)planner.TryEnqueue(segment));
            RmtItemWriter writer = new RmtItemWriter(new byte[400 * 4]);
            int steps = planner.EncodeBurst(0L, writer);
            Assert.AreEqual(50, steps);

            long t = 0;
            int edge = 0;
            bool level = false;
            for (int half = 0; half < writer.ItemCount * 2; half++)
            {
                bool l;
                int ticks;
                RmtItemWriter.ReadHalf(writer.Buffer, half, out l, out ticks);
                Assert.IsTrue(ticks > 0);
                if (l && !level)
                {
                    edge++;
                    Assert.AreEqual(segment.DueUs(edge), t);
                }

                level = l;
                t += ticks;
            }

            Assert.AreEqual(50, edge);
        }

        [TestMethod]
        public void AlarmMelody_HighPriorityBurst_PlaysC5D4G4C5D4Twice()
        {
            BuzzerSequencer sequencer = new BuzzerSequencer();
            sequencer.Select(AlarmSound.HighPriority, 0L);
            int[] expected = { 523, 294, 392, 523, 294, 523, 294, 392, 523, 294 };
            int played = 0;
            for (long t = 0; t < 7000000L; t += 50000L)
            {
                int pulseMs;
                int index;
                if (sequencer.TryTakePulse(t, out pulseMs, out index))
                {
                    Assert.AreEqual(150, pulseMs);
                    Assert.AreEqual(expected[played], AlarmMelody.PitchHz(AlarmSound.HighPriority, index));
                    played++;
                }
            }

            Assert.AreEqual(10, played);
        }

        [TestMethod]
        public void PulseCountExtender_SixteenBitWrap_Monotonic()
        {
            PulseCountExtender extender = new PulseCountExtender(16, 20000);
            extender.Rebase(65530);
            Assert.IsTrue(extender.Update(4));
            Assert.AreEqual(10L, extender.Total);
            Assert.IsTrue(extender.Update(10004));
            Assert.AreEqual(10010L, extender.Total);
        }
    }
}
