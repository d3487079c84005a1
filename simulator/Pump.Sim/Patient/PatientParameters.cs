namespace Pump.Sim.Patient
{
    /// <summary>
    /// One virtual patient's pharmacokinetic, pharmacodynamic and baseline values. Defaults are the
    /// typical patient of brief clinical.md §6c (Clements 1981 250 µg/kg set, ke0 0.3/min, sigmoid Emax).
    /// </summary>
    public sealed class PatientParameters
    {
        public double WeightKg { get; init; } = 70;

        public double AgeYears { get; init; } = 40;

        public bool Female { get; init; }

        public bool Hypertensive { get; init; }

        public bool OnSsri { get; init; }

        /// <summary>Central volume, L (Clements250: 1.7522 L/kg).</summary>
        public double V1Litres { get; init; } = 1.7522 * 70;

        /// <summary>Elimination rate constant, 1/min.</summary>
        public double K10PerMin { get; init; } = 0.0109;

        public double K12PerMin { get; init; } = 0.0186;

        public double K21PerMin { get; init; } = 0.0137;

        /// <summary>Plasma to effect-site equilibration, 1/min.</summary>
        public double Ke0PerMin { get; init; } = 0.3;

        public double Ec50NgPerMl { get; init; } = 180;

        /// <summary>
        /// Effect-site level of full dissociation (D = Ce/this): 200 ng/mL [P], after Bowdle 1998 (effects linear over
        /// 50–200 ng/mL) and Krystal 1994 (dissociation at 100–250 ng/mL) [V], clinical.md §4 and §6c; ±30 % between patients, not sampled.
        /// </summary>
        public double DissociationFullCeNgPerMl { get; init; } = 200;

        public double Gamma { get; init; } = 2;

        public double EmaxSbpMmHg { get; init; } = 30;

        public double EmaxDbpMmHg { get; init; } = 20;

        public double EmaxHrBpm { get; init; } = 8;

        public double BaselineSbpMmHg { get; init; } = 128;

        public double BaselineDbpMmHg { get; init; } = 80;

        public double BaselineHrBpm { get; init; } = 72;

        public double BaselineSpo2Pct { get; init; } = 97;

        public double BaselineRrPerMin { get; init; } = 14;

        /// <summary>Clearance, L/min (k10·V1).</summary>
        public double ClearanceLitresPerMin => K10PerMin * V1Litres;

        /// <summary>Typical patient of the given weight and baseline (no variability).</summary>
        public static PatientParameters Typical(double weightKg, Baseline baseline)
        {
            return new PatientParameters
            {
                WeightKg = weightKg,
                V1Litres = 1.7522 * weightKg,
                BaselineSbpMmHg = baseline.SbpMmHg,
                BaselineDbpMmHg = baseline.DbpMmHg,
                BaselineHrBpm = baseline.HrBpm,
                BaselineSpo2Pct = baseline.Spo2Pct,
                BaselineRrPerMin = baseline.RrPerMin,
            };
        }
    }

    /// <summary>Resting vital signs before the drug.</summary>
    public readonly struct Baseline
    {
        public Baseline(double hrBpm, double sbpMmHg, double dbpMmHg, double spo2Pct, double rrPerMin)
        {
            HrBpm = hrBpm;
            SbpMmHg = sbpMmHg;
            DbpMmHg = dbpMmHg;
            Spo2Pct = spo2Pct;
            RrPerMin = rrPerMin;
        }

        public double HrBpm { get; }

        public double SbpMmHg { get; }

        public double DbpMmHg { get; }

        public double Spo2Pct { get; }

        public double RrPerMin { get; }

        /// <summary>clinical.md §6c typical baseline: 128/80 mmHg, 72 bpm, 97 %, 14/min.</summary>
        public static Baseline Typical => new Baseline(72, 128, 80, 97, 14);
    }
}
