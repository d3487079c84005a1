using System;
using System.Collections.Generic;
using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Supervision;

namespace Pump.Evidence.Accuracy
{
    /// <summary>
    /// A test rate and how a clinician programs it. The ketamine rates come from the limits of the shipped
    /// profile "KETAMINE PSYCH 40min" (clinical.md §6a, ShippedLibrary): rate = dose × weight ÷ duration ÷
    /// concentration, pushed to each end of the hard limits (hardware-docs/performance.md explains the choice).
    /// </summary>
    public sealed class RateCase
    {
        public RateCase(string name, string how, double rateMlPerHour, double durationMin, Action<BenchRig> program)
        {
            Name = name;
            How = how;
            RateMlPerHour = rateMlPerHour;
            DurationMin = durationMin;
            Program = program;
        }

        public string Name { get; }
        public string How { get; }
        public double RateMlPerHour { get; }
        public double DurationMin { get; }
        public Action<BenchRig> Program { get; }

        public static RateCase Lowest { get; } = new RateCase("lowest ketamine",
            "2 mg/mL, 30 kg, 0.10 mg/kg over 120 min (hard minimum weight, lowest studied dose, hard maximum duration, highest concentration; soft limits confirmed)",
            0.75, 120, r => r.ProgramKetamine(2, "0300", "0010", "120"));

        public static RateCase OneMlPerHour { get; } = new RateCase("1 mL/h",
            "plain mL/h profile (NO DRUG), 1.0 mL/h, 2.0 mL",
            1.0, 120, r => r.ProgramPlainRate("00010", "0020"));

        public static RateCase Intermediate { get; } = new RateCase("intermediate ketamine",
            "1 mg/mL, 70 kg, 0.50 mg/kg over 40 min (the profile's defaults)",
            52.5, 40, r => r.ProgramKetamine(1, "0700", "0050", "040"));

        public static RateCase Highest { get; } = new RateCase("highest ketamine",
            "1 mg/mL, 100 kg, 0.50 mg/kg over 20 min (hard minimum duration at the hard rate caps 150 mg/h and 1.5 mg/kg/h; soft limits confirmed)",
            150, 20, r => r.ProgramKetamine(1, "1000", "0050", "020"));

        public static IReadOnlyList<RateCase> All { get; } = new[] { Lowest, OneMlPerHour, Intermediate, Highest };
    }

    /// <summary>One flow-accuracy run: the readings, the analysis and the end-of-infusion volume.</summary>
    public sealed class FlowRun
    {
        public FlowRun(RateCase rate, GravimetricRun readings, AccuracyReport report, long programmedNl, long deliveredAtEndNl, bool completed)
        {
            Rate = rate;
            Readings = readings;
            Report = report;
            ProgrammedNl = programmedNl;
            DeliveredAtEndNl = deliveredAtEndNl;
            Completed = completed;
        }

        public RateCase Rate { get; }
        public GravimetricRun Readings { get; }
        public AccuracyReport Report { get; }
        public long ProgrammedNl { get; }
        /// <summary>Balance reading 60 s after the pump reported Completed, from the tare at Start.</summary>
        public long DeliveredAtEndNl { get; }
        public bool Completed { get; }
        public double EndVolumeErrorPercent => 100.0 * (DeliveredAtEndNl - ProgrammedNl) / ProgrammedNl;
    }

    /// <summary>One occlusion run at a rate and an alarm level.</summary>
    public sealed class OcclusionRun
    {
        public RateCase Rate { get; init; } = RateCase.Intermediate;
        public OcclusionLevel Level { get; init; }
        public int LevelMmHg { get; init; }
        public bool Alarmed { get; init; }
        public double TimeToAlarmS { get; init; }
        public double PressureAtAlarmMmHg { get; init; }
        public double PeakPressureMmHg { get; init; }
        public double PressureAfterReliefMmHg { get; init; }
        public double ReleaseBolusMl { get; init; }
        public PumpState StateAfter { get; init; }
    }

    /// <summary>The IEC 60601-2-24 style runs on the bench (pump-anchors.md §3.1).</summary>
    public static class AccuracyBench
    {
        public const double KPaToMmHg = 7.500617;
        private const long SampleUs = FlowAccuracyAnalysis.StandardSampleIntervalMs * 1000L;

        /// <summary>
        /// Programs and starts the rate, reads the balance every 30 s until the programmed duration, then
        /// analyses. Analysis period: the second hour for runs of 2 h (as IEC 60601-2-24), otherwise from
        /// minute 2 to the end (a 20–40 min infusion has no second hour; the first 2 min are the start-up).
        /// </summary>
        public static FlowRun RunFlow(RateCase rate, int seed, bool mechanicalErrors = true)
        {
            BenchBalance balance = mechanicalErrors ? new BenchBalance(seed) : BenchBalance.Ideal(seed);
            var rig = new BenchRig("BD60", seed, OcclusionLevel.Medium, balance);
            rate.Program(rig);
            long programmedNl = rig.Controller.Program!.VolumeNl;
            long tare = rig.BalanceReadingNl();
            long t0 = rig.NowUs;
            rig.Start();
            int samples = (int)Math.Round(rate.DurationMin * 2);
            var cumulative = new long[samples + 1];
            for (int i = 1; i <= samples; i++)
            {
                long due = t0 + (i * SampleUs);
                while (rig.NowUs < due)
                {
                    rig.Step();
                }
                cumulative[i] = rig.BalanceReadingNl() - tare;
            }
            bool completed = rig.RunUntil(() => rig.State == PumpState.Completed, 120) || rig.State == PumpState.Completed;
            rig.Run(60);
            long end = rig.BalanceReadingNl() - tare;
            long rateNlPerHour = (long)Math.Round(rate.RateMlPerHour * 1_000_000);
            var readings = new GravimetricRun(rateNlPerHour, FlowAccuracyAnalysis.StandardSampleIntervalMs, cumulative);
            int first = samples >= 240 ? 120 : 4;
            int count = samples >= 240 ? 120 : samples - 4;
            AccuracyReport report = FlowAccuracyAnalysis.Analyse(readings, first, count);
            return new FlowRun(rate, readings, report, programmedNl, end, completed);
        }

        /// <summary>
        /// Starts the rate, lets it run 2 minutes, occludes the line downstream and measures the time to the
        /// occlusion alarm and the line pressure then; after the pump's pressure relief the occlusion is
        /// released and the volume that leaves the line in the next 60 s is the release bolus.
        /// </summary>
        public static OcclusionRun RunOcclusion(RateCase rate, OcclusionLevel level, int seed)
        {
            var rig = new BenchRig("BD60", seed, level);
            rate.Program(rig);
            rig.Start();
            rig.Run(120);
            long occludedAtUs = rig.NowUs;
            rig.Pump.Line.Occluded = true;
            double peak = 0;
            bool alarmed = rig.RunUntil(() =>
            {
                peak = Math.Max(peak, rig.Pump.Line.PressureKPa * KPaToMmHg);
                return rig.Controller.Alarms.IsShown(AlarmCode.Occlusion);
            }, 3600);
            double timeToAlarmS = (rig.NowUs - occludedAtUs) / 1e6;
            double pressureAtAlarm = rig.Pump.Line.PressureKPa * KPaToMmHg;
            // Let the relief (back-off) finish, then release the occlusion and weigh what comes out.
            rig.RunUntil(() =>
            {
                peak = Math.Max(peak, rig.Pump.Line.PressureKPa * KPaToMmHg);
                return false;
            }, 10);
            double afterRelief = rig.Pump.Line.PressureKPa * KPaToMmHg;
            double atRelease = rig.Pump.Line.DeliveredNanoLitres;
            rig.Pump.Line.Occluded = false;
            rig.Run(60);
            double bolusMl = (rig.Pump.Line.DeliveredNanoLitres - atRelease) / 1e6;
            return new OcclusionRun
            {
                Rate = rate,
                Level = level,
                LevelMmHg = OcclusionDetector.LevelMmHg[(int)level],
                Alarmed = alarmed,
                TimeToAlarmS = timeToAlarmS,
                PressureAtAlarmMmHg = pressureAtAlarm,
                PeakPressureMmHg = peak,
                PressureAfterReliefMmHg = afterRelief,
                ReleaseBolusMl = bolusMl,
                StateAfter = rig.State,
            };
        }
    }
}
