using System;
using Pump.Sim.Physics;

namespace Pump.Sim.Patient
{
    /// <summary>
    /// Draws a virtual patient from the population of clinical.md §6c: CL and V log-normal (CV 30 %),
    /// women +20 % CL, ke0 0.15–0.7, EC50 CV 40 %, Emax CV 50 % (see <see cref="EmaxCv"/>) with covariates (×1.5 age ≥ 50,
    /// ×1.5 hypertensive, ×1.2 SSRI), baseline SD 15/10/10/1.5/2, 35 % hypertensive.
    /// The Emax covariate product is divided by its population mean so the population-mean Emax stays at the
    /// brief's 30/20/8 (the calibration checks are on population means) [P].
    /// </summary>
    public static class PopulationSampler
    {
        /// <summary>[P] Age range of the clinic population (uniform).</summary>
        public const double MinAgeYears = 20;
        public const double MaxAgeYears = 70;

        /// <summary>
        /// [P] Between-patient CV of Emax. The brief proposes 70 %; with the covariates that gives a peak-rise SD of
        /// about 13 mmHg, above the Yale SD of 11.2 the brief calibrates against. 50 % gives about 11.8.
        /// </summary>
        public const double EmaxCv = 0.50;

        /// <summary>[P] Share on an SSRI.</summary>
        public const double SsriFraction = 0.3;

        /// <summary>clinical.md §6c: 35 % hypertensive (Emory cohort 36 %).</summary>
        public const double HypertensiveFraction = 0.35;

        private static double MeanCovariateFactor =>
            (1 + (0.5 * (MaxAgeYears - 50) / (MaxAgeYears - MinAgeYears)))
            * (1 + (0.5 * HypertensiveFraction))
            * (1 + (0.2 * SsriFraction));

        public static PatientParameters Sample(int seed, double weightKg, Baseline baselineMean)
        {
            var g = new Gaussian(new Random(SeedMixer.Mix(seed, 0x5EED_7A7)));
            Random r = g.Random;
            double age = MinAgeYears + (r.NextDouble() * (MaxAgeYears - MinAgeYears));
            bool female = r.NextDouble() < 0.5;
            bool hypertensive = r.NextDouble() < HypertensiveFraction;
            bool ssri = r.NextDouble() < SsriFraction;

            double fV = g.LogNormalFactor(0.30);
            double fCl = g.LogNormalFactor(0.30) * (female ? 1.2 : 1.0);
            double v1 = 1.7522 * weightKg * fV;
            double k10 = 0.0109 * fCl / fV;
            double ke0 = Math.Clamp(0.3 * g.LogNormalFactor(0.4), 0.15, 0.7);
            double ec50 = 180 * g.LogNormalFactor(0.40);
            double cov = (age >= 50 ? 1.5 : 1.0) * (hypertensive ? 1.5 : 1.0) * (ssri ? 1.2 : 1.0) / MeanCovariateFactor;
            double fEmax = g.LogNormalFactor(EmaxCv) * cov;

            return new PatientParameters
            {
                WeightKg = weightKg,
                AgeYears = age,
                Female = female,
                Hypertensive = hypertensive,
                OnSsri = ssri,
                V1Litres = v1,
                K10PerMin = k10,
                Ke0PerMin = ke0,
                Ec50NgPerMl = ec50,
                EmaxSbpMmHg = 30 * fEmax,
                EmaxDbpMmHg = 20 * fEmax,
                EmaxHrBpm = 8 * fEmax,
                BaselineSbpMmHg = Math.Clamp(baselineMean.SbpMmHg + (15 * g.Next()), 95, 175),
                BaselineDbpMmHg = Math.Clamp(baselineMean.DbpMmHg + (10 * g.Next()), 55, 105),
                BaselineHrBpm = Math.Clamp(baselineMean.HrBpm + (10 * g.Next()), 50, 105),
                BaselineSpo2Pct = Math.Clamp(baselineMean.Spo2Pct + (1.5 * g.Next()), 94, 100),
                BaselineRrPerMin = Math.Clamp(baselineMean.RrPerMin + (2 * g.Next()), 10, 22),
            };
        }
    }
}
