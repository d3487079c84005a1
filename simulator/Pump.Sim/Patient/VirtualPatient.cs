using System;

namespace Pump.Sim.Patient
{
    /// <summary>
    /// Ketamine in one patient: Clements two-compartment pharmacokinetics (amounts in mg, volumes scaled by
    /// weight), an effect site (dCe/dt = ke0·(Cp − Ce)) and the sigmoid-Emax haemodynamic response of
    /// clinical.md §4/§6c. Integrated with fourth-order Runge–Kutta at the caller's step (1 s in the runner).
    /// Optional desaturation events pull SpO2 down and let it recover (the drug itself has no SpO2 effect).
    /// </summary>
    public sealed class VirtualPatient
    {
        private readonly PatientParameters _p;
        private double _a1Mg;
        private double _a2Mg;
        private double _ceNgPerMl;
        private double _spo2DropPct;
        private double _desatTargetDropPct;
        private long _desatUntilMs = -1;

        public VirtualPatient(PatientParameters parameters)
        {
            _p = parameters;
        }

        public PatientParameters Parameters => _p;

        public double TimeMin { get; private set; }

        /// <summary>Drug received so far, mg.</summary>
        public double ReceivedMg { get; private set; }

        /// <summary>Plasma concentration, ng/mL (mg/L × 1000).</summary>
        public double CpNgPerMl => _a1Mg / _p.V1Litres * 1000.0;

        public double CeNgPerMl => _ceNgPerMl;

        /// <summary>Fraction of the maximal effect at the current effect-site concentration.</summary>
        public double EffectFraction
        {
            get
            {
                double ceG = Math.Pow(Math.Max(_ceNgPerMl, 0), _p.Gamma);
                return ceG / (Math.Pow(_p.Ec50NgPerMl, _p.Gamma) + ceG);
            }
        }

        public double SbpMmHg => _p.BaselineSbpMmHg + (_p.EmaxSbpMmHg * EffectFraction);

        public double DbpMmHg => _p.BaselineDbpMmHg + (_p.EmaxDbpMmHg * EffectFraction);

        public double HrBpm => _p.BaselineHrBpm + (_p.EmaxHrBpm * EffectFraction);

        public double Spo2Pct => _p.BaselineSpo2Pct - _spo2DropPct;

        public double RrPerMin => _p.BaselineRrPerMin;

        /// <summary>
        /// Dissociation D = clamp(Ce / DissociationFullCeNgPerMl, 0, 1) (clinical.md §4, after Bowdle 1998). It follows
        /// the effect-site level, so it rises and falls with Ce, which trails plasma with ke0 (0.3/min: t½ 2.3 min).
        /// </summary>
        public double Dissociation => Math.Clamp(_ceNgPerMl / _p.DissociationFullCeNgPerMl, 0, 1);

        /// <summary>Starts a desaturation to <paramref name="spo2Pct"/> lasting <paramref name="durationMs"/>.</summary>
        public void StartDesaturation(double spo2Pct, long nowMs, long durationMs)
        {
            _desatTargetDropPct = Math.Max(0, _p.BaselineSpo2Pct - spo2Pct);
            _desatUntilMs = nowMs + durationMs;
        }

        /// <summary>Advances by <paramref name="dtS"/> seconds during which <paramref name="infusedMg"/> entered the vein at a constant rate.</summary>
        public void Advance(double dtS, double infusedMg, long nowMs)
        {
            double h = dtS / 60.0;
            double rMgPerMin = h > 0 ? infusedMg / h : 0;
            double k10 = _p.K10PerMin, k12 = _p.K12PerMin, k21 = _p.K21PerMin, ke0 = _p.Ke0PerMin;
            double v1 = _p.V1Litres;
            double a1 = _a1Mg, a2 = _a2Mg, ce = _ceNgPerMl;

            // RK4 on (a1, a2, ce).
            Deriv(a1, a2, ce, out double d1a, out double d2a, out double dca);
            Deriv(a1 + (h / 2 * d1a), a2 + (h / 2 * d2a), ce + (h / 2 * dca), out double d1b, out double d2b, out double dcb);
            Deriv(a1 + (h / 2 * d1b), a2 + (h / 2 * d2b), ce + (h / 2 * dcb), out double d1c, out double d2c, out double dcc);
            Deriv(a1 + (h * d1c), a2 + (h * d2c), ce + (h * dcc), out double d1d, out double d2d, out double dcd);
            _a1Mg = a1 + (h / 6 * (d1a + (2 * d1b) + (2 * d1c) + d1d));
            _a2Mg = a2 + (h / 6 * (d2a + (2 * d2b) + (2 * d2c) + d2d));
            _ceNgPerMl = ce + (h / 6 * (dca + (2 * dcb) + (2 * dcc) + dcd));
            ReceivedMg += infusedMg;
            TimeMin += h;

            // Desaturation: first-order approach (time constant 20 s) to the target drop, then recovery.
            double target = nowMs < _desatUntilMs ? _desatTargetDropPct : 0;
            _spo2DropPct += (target - _spo2DropPct) * (1 - Math.Exp(-dtS / 20.0));

            void Deriv(double x1, double x2, double xe, out double dx1, out double dx2, out double dxe)
            {
                dx1 = rMgPerMin - ((k10 + k12) * x1) + (k21 * x2);
                dx2 = (k12 * x1) - (k21 * x2);
                dxe = ke0 * ((x1 / v1 * 1000.0) - xe);
            }
        }
    }
}
