using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Pump.Core.Supervision;
using Pump.Evidence.Accuracy;
using Pump.Evidence.Docs;
using Xunit;

namespace Pump.Evidence.Tests.Accuracy
{
    /// <summary>
    /// IEC 60601-2-24 style runs of the real controller on the simulator (BenchRig), bounded by the targets
    /// of pump-anchors.md §7–8. `dotnet run -c Release --project tests/Pump.Evidence -- performance` writes the
    /// same runs to hardware-docs/performance.md.
    /// </summary>
    public sealed class PerformanceTests : IClassFixture<PerformanceMeasurement>
    {
        private readonly PerformanceMeasurement _measured;

        public PerformanceTests(PerformanceMeasurement measured)
        {
            _measured = measured;
        }

        private static double WorstEp(FlowRun run, double minWindowMinutes) =>
            run.Report.Trumpet.Where(p => p.WindowMinutes >= minWindowMinutes)
                .Max(p => Math.Max(Math.Abs(p.EpMaxPercent), Math.Abs(p.EpMinPercent)));

        public static TheoryData<string> Rates => new TheoryData<string>(RateCase.All.Select(r => r.Name));

        // Proves: DEL-001, DEL-002
        [Theory]
        [MemberData(nameof(Rates))]
        public void Flow_FirmwareOnSimulator_TrumpetWithinOnePercentFromFiveMinutesAndVolumeExact(string rate)
        {
            FlowRun run = _measured.IdealFlow(rate);

            Assert.True(run.Completed, "the infusion did not complete");
            Assert.True(WorstEp(run, 5) <= 1.0, $"|Ep| {WorstEp(run, 5):F3} % over windows >= 5 min");
            Assert.True(Math.Abs(run.Report.MeanErrorPercent) <= 0.1, $"mean error {run.Report.MeanErrorPercent:F3} %");
            // Doses round down by less than one microstep of a 60 mL syringe (about 0.17 uL).
            Assert.InRange(run.ProgrammedNl - run.DeliveredAtEndNl, -50, 400);
        }

        // Proves: DEL-001
        [Theory]
        [InlineData("intermediate ketamine")]
        [InlineData("highest ketamine")]
        public void Flow_WithMechanicalErrors_TrumpetWithinOnePercentFromFiveMinutes(string rate)
        {
            FlowRun run = _measured.Flow(rate);

            Assert.True(WorstEp(run, 5) <= 1.0, $"|Ep| {WorstEp(run, 5):F3} % over windows >= 5 min");
            Assert.True(Math.Abs(run.EndVolumeErrorPercent) <= 0.1, $"end-of-infusion error {run.EndVolumeErrorPercent:F3} %");
        }

        [Theory]
        [InlineData("lowest ketamine")]
        [InlineData("1 mL/h")]
        public void Flow_LowRateWithMechanicalErrors_WithinOnePercentOverThirtyOneMinutes(string rate)
        {
            FlowRun run = _measured.Flow(rate);

            Assert.True(WorstEp(run, 31) <= 1.0, $"|Ep| {WorstEp(run, 31):F3} % over 31-min windows");
            Assert.True(Math.Abs(run.EndVolumeErrorPercent) <= 0.5, $"end-of-infusion error {run.EndVolumeErrorPercent:F3} %");
        }

        // Proves: STM-009, TEC-001
        [Theory]
        [MemberData(nameof(Rates))]
        public void Occlusion_EveryLevel_AlarmsBeforeTheLevelReliefLeavesNoBackflowAndBolusAtMost300Microlitres(string rate)
        {
            foreach (OcclusionLevel level in new[] { OcclusionLevel.Low, OcclusionLevel.Medium, OcclusionLevel.High })
            {
                OcclusionRun run = _measured.Occlusion(rate, level);

                Assert.True(run.Alarmed, $"{level}: no occlusion alarm within 60 min");
                Assert.Equal(Pump.Core.Control.PumpState.Alarm, run.StateAfter);
                Assert.True(run.PressureAtAlarmMmHg <= run.LevelMmHg, $"{level}: alarm at {run.PressureAtAlarmMmHg:F0} mmHg");
                Assert.True(run.ReleaseBolusMl <= 0.3, $"{level}: release bolus {run.ReleaseBolusMl:F3} mL");
                // The back-off must not draw fluid back from the patient's line (reverse flow).
                Assert.True(run.PressureAfterReliefMmHg >= 0 && run.ReleaseBolusMl >= 0,
                    $"{level}: after relief {run.PressureAfterReliefMmHg:F0} mmHg, release {run.ReleaseBolusMl:F3} mL");
            }
        }

        [Fact]
        public void PerformanceDocument_Committed_MatchesTheseRuns()
        {
            string committed = File.ReadAllText(RepositoryPaths.InRepository(PerformanceReport.RelativePath)).Replace("\r\n", "\n");
            string fresh = PerformanceReport.Render(_measured.Flows, _measured.IdealFlows, _measured.Occlusions);

            Assert.True(committed == fresh,
                $"{PerformanceReport.RelativePath} is stale. Regenerate it with `{PerformanceReport.Command}` and commit it.");
        }
    }

    /// <summary>The report's runs, measured once for all the tests that bound them (seed 1, as the command).</summary>
    public sealed class PerformanceMeasurement
    {
        public PerformanceMeasurement()
        {
            (Flows, IdealFlows, Occlusions) = PerformanceReport.Measure();
        }

        public IReadOnlyList<FlowRun> Flows { get; }

        public IReadOnlyList<FlowRun> IdealFlows { get; }

        public IReadOnlyList<OcclusionRun> Occlusions { get; }

        public FlowRun Flow(string rate) => Flows.Single(f => f.Rate.Name == rate);

        public FlowRun IdealFlow(string rate) => IdealFlows.Single(f => f.Rate.Name == rate);

        public OcclusionRun Occlusion(string rate, OcclusionLevel level) =>
            Occlusions.Single(o => o.Rate.Name == rate && o.Level == level);
    }
}
