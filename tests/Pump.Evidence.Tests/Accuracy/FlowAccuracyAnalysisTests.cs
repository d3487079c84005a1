using System;
using System.Linq;
using Pump.Evidence.Accuracy;
using Xunit;

namespace Pump.Evidence.Tests.Accuracy
{
    /// <summary>The IEC 60601-2-24 style analysis against synthetic readings with hand-computed results.</summary>
    public sealed class FlowAccuracyAnalysisTests
    {
        private const long SixtyMlPerHourNl = 60_000_000; // 0.5 mL per 30-s sample

        private static GravimetricRun Run(long rateNlPerHour, params long[] perSampleNl)
        {
            var cumulative = new long[perSampleNl.Length + 1];
            for (int i = 0; i < perSampleNl.Length; i++)
            {
                cumulative[i + 1] = cumulative[i] + perSampleNl[i];
            }
            return new GravimetricRun(rateNlPerHour, FlowAccuracyAnalysis.StandardSampleIntervalMs, cumulative);
        }

        private static long[] Constant(int samples, long nl) => Enumerable.Repeat(nl, samples).ToArray();

        [Fact]
        public void Analyse_ExactDelivery_EveryErrorIsZero()
        {
            AccuracyReport report = FlowAccuracyAnalysis.Analyse(Run(SixtyMlPerHourNl, Constant(120, 500_000)), 0, 120);

            Assert.All(report.FlowMlPerHour, q => Assert.Equal(60.0, q, 9));
            Assert.Equal(0.0, report.MeanErrorPercent, 9);
            Assert.Equal(0.0, report.TotalVolumeErrorPercent, 9);
            Assert.Equal(5, report.Trumpet.Count);
            Assert.All(report.Trumpet, p => { Assert.Equal(0.0, p.EpMaxPercent, 9); Assert.Equal(0.0, p.EpMinPercent, 9); });
        }

        [Fact]
        public void Analyse_OnePercentOverDelivery_EveryWindowShowsOnePercent()
        {
            AccuracyReport report = FlowAccuracyAnalysis.Analyse(Run(SixtyMlPerHourNl, Constant(120, 505_000)), 0, 120);

            Assert.Equal(1.0, report.MeanErrorPercent, 9);
            Assert.Equal(1.0, report.TotalVolumeErrorPercent, 9);
            Assert.All(report.Trumpet, p => { Assert.Equal(1.0, p.EpMaxPercent, 9); Assert.Equal(1.0, p.EpMinPercent, 9); });
        }

        [Fact]
        public void Analyse_OneSampleWithExtraVolume_TrumpetNarrowsAsOneOverWindow()
        {
            long[] samples = Constant(120, 500_000);
            samples[70] += 100_000; // 0.1 mL extra in one sample

            AccuracyReport report = FlowAccuracyAnalysis.Analyse(Run(SixtyMlPerHourNl, samples), 60, 60);

            // A window of W minutes expects W mL at 60 mL/h: Ep(max) = 0.1 / W × 100 %.
            double[] expectedMax = { 5.0, 2.0, 100.0 * 0.1 / 11, 100.0 * 0.1 / 19 };
            Assert.Equal(4, report.Trumpet.Count); // the 31-min window (62 samples) does not fit in 60 samples
            for (int k = 0; k < 4; k++)
            {
                Assert.Equal(expectedMax[k], report.Trumpet[k].EpMaxPercent, 9);
                Assert.Equal(0.0, report.Trumpet[k].EpMinPercent, 9);
            }
            Assert.Equal(new[] { 4, 10, 22, 38 }, report.Trumpet.Select(p => p.WindowSamples));
            Assert.Equal(new[] { 57, 51, 39, 23 }, report.Trumpet.Select(p => p.WindowCount));
        }

        [Fact]
        public void Analyse_StartUpDelay_ShowsInTheStartUpCurveAndTotalError()
        {
            long[] samples = Constant(80, 500_000);
            for (int i = 0; i < 4; i++)
            {
                samples[i] = 0; // nothing for the first 2 minutes
            }

            AccuracyReport report = FlowAccuracyAnalysis.Analyse(Run(SixtyMlPerHourNl, samples), 20, 60);

            Assert.Equal(0.0, report.FlowMlPerHour[3], 9);
            Assert.Equal(60.0, report.FlowMlPerHour[4], 9);
            Assert.Equal(2.5, report.SampleEndMinutes[4], 9);
            Assert.Equal(-5.0, report.TotalVolumeErrorPercent, 9); // 4 of 80 samples missing
            Assert.Equal(0.0, report.MeanErrorPercent, 9);         // the analysis period excludes the start-up
        }

        [Fact]
        public void Analyse_SlowThenFastHalves_EpMaxAndEpMinFromTheExtremeWindows()
        {
            long[] samples = Constant(124, 495_000); // -1 %
            for (int i = 62; i < 124; i++)
            {
                samples[i] = 510_000; // +2 %
            }

            AccuracyReport report = FlowAccuracyAnalysis.Analyse(Run(SixtyMlPerHourNl, samples), 0, 124);

            TrumpetPoint longest = report.Trumpet[4];
            Assert.Equal(31, longest.WindowMinutes);
            Assert.Equal(2.0, longest.EpMaxPercent, 9);
            Assert.Equal(-1.0, longest.EpMinPercent, 9);
            Assert.Equal(0.5, report.MeanErrorPercent, 9);
        }

        [Fact]
        public void Analyse_PeriodOutsideTheRun_Refused()
        {
            GravimetricRun run = Run(SixtyMlPerHourNl, Constant(10, 500_000));

            Assert.Throws<ArgumentOutOfRangeException>(() => FlowAccuracyAnalysis.Analyse(run, 5, 6));
            Assert.Throws<ArgumentOutOfRangeException>(() => new GravimetricRun(0, 30_000, new long[] { 0, 1 }));
        }
    }
}
