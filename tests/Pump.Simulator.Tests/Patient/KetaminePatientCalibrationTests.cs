using System;
using System.Linq;
using Pump.Sim.Patient;
using Xunit;
using Xunit.Abstractions;

namespace Pump.Simulator.Tests.Patient
{
    /// <summary>The calibration checks of clinical.md §6c, for 0.5 mg/kg over 40 min.</summary>
    public class KetaminePatientCalibrationTests
    {
        private const int Population = 1000;

        // The figures go to the test's own output, not the console: the CLI tests capture the process-wide
        // Console.Out while they run, and a line written there from this class in parallel corrupted their JSON.
        private readonly ITestOutputHelper _output;

        public KetaminePatientCalibrationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>Runs one patient for <paramref name="minutes"/> at 1-s steps; returns ΔSBP per minute (index = minute).</summary>
        private static double[] Simulate(VirtualPatient p, double doseMg, double infusionMin, int minutes, out double cpAtEndOfInfusion)
        {
            var dSbp = new double[minutes + 1];
            double mgPerS = doseMg / (infusionMin * 60);
            cpAtEndOfInfusion = 0;
            for (int s = 1; s <= minutes * 60; s++)
            {
                p.Advance(1.0, s <= infusionMin * 60 ? mgPerS : 0, s * 1000L);
                if (s == (int)(infusionMin * 60))
                {
                    cpAtEndOfInfusion = p.CpNgPerMl;
                }
                if (s % 60 == 0)
                {
                    dSbp[s / 60] = p.SbpMmHg - p.Parameters.BaselineSbpMmHg;
                }
            }
            return dSbp;
        }

        // Proves: SIM-010
        [Fact]
        public void TypicalPatient_HalfMgPerKgOver40Min_CpAt40MinIs150To200()
        {
            var p = new VirtualPatient(PatientParameters.Typical(70, Baseline.Typical));
            Simulate(p, 35, 40, 40, out double cp40);
            Assert.InRange(cp40, 150, 200);
            Assert.InRange(cp40, 172, 182); // the brief's own Clements250 simulation gives 177
            Assert.Equal(35, p.ReceivedMg, 9);
        }

        // Proves: SIM-010
        [Fact]
        public void Population_HalfMgPerKgOver40Min_MeanSbpRisePeaksAt30To45MinBy8To16()
        {
            var mean = new double[181];
            for (int seed = 1; seed <= Population; seed++)
            {
                var p = new VirtualPatient(PopulationSampler.Sample(seed, 70, Baseline.Typical));
                double[] d = Simulate(p, 0.5 * 70, 40, 180, out _);
                for (int m = 0; m <= 180; m++)
                {
                    mean[m] += d[m] / Population;
                }
            }
            int peakMin = Array.IndexOf(mean, mean.Max());
            Assert.InRange(peakMin, 30, 45);
            Assert.InRange(mean[peakMin], 8, 16);
            // Check 4: back within 5 mmHg of baseline by 90 min after the end of the infusion.
            Assert.InRange(mean[40 + 90], -5, 5);
        }

        // Proves: SIM-010
        [Fact]
        public void TypicalPatient_90MinAfterTheEnd_SbpWithin5MmHgOfBaseline()
        {
            var p = new VirtualPatient(PatientParameters.Typical(70, Baseline.Typical));
            double[] d = Simulate(p, 35, 40, 130, out _);
            Assert.InRange(d[130], -5, 5);
            Assert.InRange(d.Max(), 12, 16); // brief §4: ΔSBP 13.9 at 40 min for the typical patient
        }

        /// <summary>Share of started sessions (baseline below the §6b pre-start block) whose true BP reaches a threshold.</summary>
        private sealed class SevereShare
        {
            public int Started;
            public int Sbp180;
            public int Dbp110;
            public int Either180Or110;
            public int Either200Or120;
            public int OlderOrHypertensive;
            public int OlderOrHypertensiveSevere;
            public int Others => Started - OlderOrHypertensive;
            public int OthersSevere => Either180Or110 - OlderOrHypertensiveSevere;

            public static double Pct(int n, int of) => 100.0 * n / of;
        }

        private static SevereShare MeasureSevereShare()
        {
            var share = new SevereShare();
            for (int seed = 1; seed <= Population; seed++)
            {
                PatientParameters pp = PopulationSampler.Sample(seed, 70, Baseline.Typical);
                // Sessions are only started below the pre-start block of clinical.md §6b (SBP < 160, DBP < 100).
                if (pp.BaselineSbpMmHg >= 160 || pp.BaselineDbpMmHg >= 100)
                {
                    continue;
                }
                share.Started++;
                var p = new VirtualPatient(pp);
                double maxS = 0, maxD = 0;
                for (int s = 1; s <= 90 * 60; s++)
                {
                    p.Advance(1.0, s <= 2400 ? 35.0 / 2400 : 0, s * 1000L);
                    maxS = Math.Max(maxS, p.SbpMmHg);
                    maxD = Math.Max(maxD, p.DbpMmHg);
                }
                bool severe = maxS >= 180 || maxD >= 110;
                bool risk = pp.AgeYears >= 50 || pp.Hypertensive;
                share.Sbp180 += maxS >= 180 ? 1 : 0;
                share.Dbp110 += maxD >= 110 ? 1 : 0;
                share.Either180Or110 += severe ? 1 : 0;
                share.Either200Or120 += maxS >= 200 || maxD >= 120 ? 1 : 0;
                share.OlderOrHypertensive += risk ? 1 : 0;
                share.OlderOrHypertensiveSevere += risk && severe ? 1 : 0;
            }
            return share;
        }

        // Calibration check 3 (clinical.md §6c: fewer than 2 % of sessions reach >= 180/110, Yale 0.98 %) is NOT met by the
        // §6c parameter set; it is an open item (simulator/README.md) until the Abuhelwa 2022 parameters replace the Emax
        // calibration. This pins the measured figures, so a recalibration that changes them is seen and re-recorded.
        [Fact]
        public void Population_HalfMgPerKg_SevereHypertensionShareIsTheRecordedOpenItemFigure()
        {
            SevereShare m = MeasureSevereShare();
            string figures = $"started {m.Started}; SBP>=180 {SevereShare.Pct(m.Sbp180, m.Started):F1} %, DBP>=110 {SevereShare.Pct(m.Dbp110, m.Started):F1} %, "
                + $"either {SevereShare.Pct(m.Either180Or110, m.Started):F1} %, >=200/120 {SevereShare.Pct(m.Either200Or120, m.Started):F1} %";
            _output.WriteLine(figures);
            Assert.True(m.Started > Population * 0.9, figures);
            Assert.True(m.Either180Or110 >= m.Started * 0.02, "check 3 is met now: close the open item and turn this into the check. " + figures);
            // Measured on seeds 1..1000 (deterministic): 955 started; SBP >= 180 3.1 %, DBP >= 110 4.9 %, either 5.5 %.
            Assert.InRange(SevereShare.Pct(m.Sbp180, m.Started), 2.6, 3.6);
            Assert.InRange(SevereShare.Pct(m.Dbp110, m.Started), 4.4, 5.4);
            Assert.InRange(SevereShare.Pct(m.Either180Or110, m.Started), 5.0, 6.0);
        }

        // The second half of check 3: the share rises in older (>= 50) or hypertensive patients.
        [Fact]
        public void Population_HalfMgPerKg_SevereHypertensionIsCommonerInOlderOrHypertensivePatients()
        {
            SevereShare m = MeasureSevereShare();
            double risk = SevereShare.Pct(m.OlderOrHypertensiveSevere, m.OlderOrHypertensive);
            double others = SevereShare.Pct(m.OthersSevere, m.Others);
            _output.WriteLine($"older or hypertensive {risk:F1} % of {m.OlderOrHypertensive}; others {others:F1} % of {m.Others}");
            Assert.True(m.OlderOrHypertensive > 100 && m.Others > 100);
            Assert.True(risk > others, $"older or hypertensive {risk:F1} %, others {others:F1} %");
        }

        // Proves: SIM-010
        [Fact]
        public void TypicalPatient_OneMgPerKg_CpAbout355()
        {
            var p = new VirtualPatient(PatientParameters.Typical(70, Baseline.Typical));
            Simulate(p, 70, 40, 40, out double cp40);
            Assert.InRange(cp40, 355 * 0.95, 355 * 1.05);
        }

        [Fact]
        public void PopulationSampler_SameSeed_SamePatient_DifferentSeed_DifferentPatient()
        {
            var a = PopulationSampler.Sample(7, 70, Baseline.Typical);
            var b = PopulationSampler.Sample(7, 70, Baseline.Typical);
            var c = PopulationSampler.Sample(8, 70, Baseline.Typical);
            Assert.Equal(a.V1Litres, b.V1Litres);
            Assert.Equal(a.EmaxSbpMmHg, b.EmaxSbpMmHg);
            Assert.NotEqual(a.V1Litres, c.V1Litres);
        }

        [Fact]
        public void Desaturation_PullsSpo2DownThenRecovers()
        {
            var p = new VirtualPatient(PatientParameters.Typical(70, Baseline.Typical));
            p.StartDesaturation(88, 0, 120_000);
            for (int s = 1; s <= 120; s++)
            {
                p.Advance(1, 0, s * 1000L);
            }
            Assert.InRange(p.Spo2Pct, 88, 89.5);
            for (int s = 121; s <= 300; s++)
            {
                p.Advance(1, 0, s * 1000L);
            }
            Assert.InRange(p.Spo2Pct, 96.5, 97);
        }
    }
}
