using System;
using System.Collections.Generic;

namespace Pump.Evidence.Accuracy
{
    /// <summary>
    /// One gravimetric-style run: the cumulative delivered volume read every <see cref="SampleIntervalMs"/>
    /// (a balance reading converted to volume), starting with the reading at the start of the infusion.
    /// </summary>
    public sealed class GravimetricRun
    {
        public GravimetricRun(long setRateNlPerHour, int sampleIntervalMs, IReadOnlyList<long> cumulativeNl)
        {
            if (setRateNlPerHour <= 0) throw new ArgumentOutOfRangeException(nameof(setRateNlPerHour), "the set rate must be positive");
            if (sampleIntervalMs <= 0) throw new ArgumentOutOfRangeException(nameof(sampleIntervalMs), "the sample interval must be positive");
            if (cumulativeNl.Count < 2) throw new ArgumentException("at least two readings are needed", nameof(cumulativeNl));
            SetRateNlPerHour = setRateNlPerHour;
            SampleIntervalMs = sampleIntervalMs;
            CumulativeNl = cumulativeNl;
        }

        public long SetRateNlPerHour { get; }
        public int SampleIntervalMs { get; }
        /// <summary>Reading i is taken at i × interval after the start; reading 0 is the tare.</summary>
        public IReadOnlyList<long> CumulativeNl { get; }

        /// <summary>Number of flow samples (one per interval).</summary>
        public int SampleCount => CumulativeNl.Count - 1;

        public double SetRateMlPerHour => SetRateNlPerHour / 1e6;
    }

    /// <summary>Ep(max) and Ep(min) for one observation-window length.</summary>
    public readonly struct TrumpetPoint
    {
        public TrumpetPoint(double windowMinutes, int windowSamples, int windowCount, double epMaxPercent, double epMinPercent)
        {
            WindowMinutes = windowMinutes;
            WindowSamples = windowSamples;
            WindowCount = windowCount;
            EpMaxPercent = epMaxPercent;
            EpMinPercent = epMinPercent;
        }

        public double WindowMinutes { get; }
        /// <summary>P: flow samples per window.</summary>
        public int WindowSamples { get; }
        /// <summary>m: windows of this length that fit in the analysis period (sliding by one sample).</summary>
        public int WindowCount { get; }
        public double EpMaxPercent { get; }
        public double EpMinPercent { get; }
    }

    /// <summary>The results of <see cref="FlowAccuracyAnalysis.Analyse"/>.</summary>
    public sealed class AccuracyReport
    {
        public AccuracyReport(double[] flowMlPerHour, double[] sampleEndMinutes, int analysisFirstSample, int analysisSampleCount,
            double meanErrorPercent, IReadOnlyList<TrumpetPoint> trumpet, double totalVolumeErrorPercent, long deliveredNl, long expectedNl)
        {
            FlowMlPerHour = flowMlPerHour;
            SampleEndMinutes = sampleEndMinutes;
            AnalysisFirstSample = analysisFirstSample;
            AnalysisSampleCount = analysisSampleCount;
            MeanErrorPercent = meanErrorPercent;
            Trumpet = trumpet;
            TotalVolumeErrorPercent = totalVolumeErrorPercent;
            DeliveredNl = deliveredNl;
            ExpectedNl = expectedNl;
        }

        /// <summary>Q_i: flow of each sample interval (the start-up curve is Q_i against <see cref="SampleEndMinutes"/>).</summary>
        public double[] FlowMlPerHour { get; }
        public double[] SampleEndMinutes { get; }
        public int AnalysisFirstSample { get; }
        public int AnalysisSampleCount { get; }
        /// <summary>A: mean flow error over the analysis period, percent of the set rate.</summary>
        public double MeanErrorPercent { get; }
        public IReadOnlyList<TrumpetPoint> Trumpet { get; }
        /// <summary>Delivered volume at the end against set rate × run time, percent.</summary>
        public double TotalVolumeErrorPercent { get; }
        public long DeliveredNl { get; }
        public long ExpectedNl { get; }
    }

    /// <summary>
    /// IEC 60601-2-24 style flow-accuracy analysis (pump-anchors.md §3.1), reconstructed from vendors'
    /// descriptions of the method: Δt = 0.5 min samples, Q_i = ΔV_i / Δt, start-up curve = Q_i over the whole
    /// run, trumpet curve = for each observation window of P·Δt = 2, 5, 11, 19 and 31 min the largest and
    /// smallest mean percentage deviation over all windows (sliding by one sample) inside the analysis period:
    ///   Ep = 100 / P · Σ_{i=j}^{j+P-1} (Q_i − r) / r.
    /// Pure: no simulator, no I/O.
    /// </summary>
    public static class FlowAccuracyAnalysis
    {
        public const int StandardSampleIntervalMs = 30_000;

        /// <summary>Observation windows of the trumpet curve, minutes.</summary>
        public static readonly IReadOnlyList<int> StandardWindowsMinutes = new[] { 2, 5, 11, 19, 31 };

        /// <param name="run">The readings.</param>
        /// <param name="analysisFirstSample">First flow sample of the analysis period (0 = the first interval).</param>
        /// <param name="analysisSampleCount">Flow samples in the analysis period; windows longer than it are left out.</param>
        public static AccuracyReport Analyse(GravimetricRun run, int analysisFirstSample, int analysisSampleCount)
        {
            if (analysisFirstSample < 0 || analysisSampleCount < 1 || analysisFirstSample + analysisSampleCount > run.SampleCount)
            {
                throw new ArgumentOutOfRangeException(nameof(analysisSampleCount),
                    $"analysis period [{analysisFirstSample}, +{analysisSampleCount}) does not fit in {run.SampleCount} samples");
            }
            double intervalHours = run.SampleIntervalMs / 3_600_000.0;
            double rate = run.SetRateMlPerHour;
            var flow = new double[run.SampleCount];
            var minutes = new double[run.SampleCount];
            for (int i = 0; i < run.SampleCount; i++)
            {
                flow[i] = (run.CumulativeNl[i + 1] - run.CumulativeNl[i]) / 1e6 / intervalHours;
                minutes[i] = (i + 1) * run.SampleIntervalMs / 60_000.0;
            }

            // Mean error over the analysis period from the volume delivered in it.
            long periodNl = run.CumulativeNl[analysisFirstSample + analysisSampleCount] - run.CumulativeNl[analysisFirstSample];
            double periodRate = periodNl / 1e6 / (analysisSampleCount * intervalHours);
            double meanError = 100.0 * (periodRate - rate) / rate;

            var trumpet = new List<TrumpetPoint>();
            foreach (int windowMinutes in StandardWindowsMinutes)
            {
                int p = (int)Math.Round(windowMinutes * 60_000.0 / run.SampleIntervalMs);
                if (p < 1 || p > analysisSampleCount)
                {
                    continue;
                }
                int m = analysisSampleCount - p + 1;
                double max = double.NegativeInfinity;
                double min = double.PositiveInfinity;
                // The mean of P sample errors equals the error of the volume delivered in the window
                // (the sum telescopes), so it is computed exactly from the readings.
                for (int j = 0; j < m; j++)
                {
                    int first = analysisFirstSample + j;
                    long windowNl = run.CumulativeNl[first + p] - run.CumulativeNl[first];
                    double windowRate = windowNl / 1e6 / (p * intervalHours);
                    double ep = 100.0 * (windowRate - rate) / rate;
                    max = Math.Max(max, ep);
                    min = Math.Min(min, ep);
                }
                trumpet.Add(new TrumpetPoint(windowMinutes, p, m, max, min));
            }

            long deliveredNl = run.CumulativeNl[run.SampleCount] - run.CumulativeNl[0];
            long expectedNl = (long)Math.Round(run.SetRateNlPerHour * (run.SampleCount * intervalHours));
            double totalError = 100.0 * (deliveredNl - expectedNl) / expectedNl;
            return new AccuracyReport(flow, minutes, analysisFirstSample, analysisSampleCount, meanError, trumpet, totalError, deliveredNl, expectedNl);
        }
    }
}
