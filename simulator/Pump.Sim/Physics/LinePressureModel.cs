using System;

namespace Pump.Sim.Physics
{
    /// <summary>
    /// Syringe-and-line hydraulics as one compliance C discharging through a downstream resistance R:
    /// dP/dt = (Qin − P/R)/C, integrated exactly for a constant inflow over each step, so any step length is
    /// stable. An occlusion multiplies R. The plunger force is P·A plus the stopper's sliding friction, which
    /// opposes the motion: it adds while the plunger advances and subtracts while it is backed off (the
    /// pusher then pulls on the gripped flange, so the load cell can read below zero).
    /// Parameters are [P] engineering values: occlusion pressure reaches 50 kPa in seconds at 50 mL/h.
    /// </summary>
    public sealed class LinePressureModel
    {
        private readonly double _areaMm2;

        public LinePressureModel(double areaMm2)
        {
            _areaMm2 = areaMm2;
        }

        /// <summary>Volume stored per kPa (syringe stopper, tubing), nL/kPa.</summary>
        public double ComplianceNanoLitresPerKPa { get; init; } = 2000;

        /// <summary>Open-line resistance (cannula, filter), kPa·s/nL.</summary>
        public double ResistanceKPaSecondsPerNanoLitre { get; init; } = 1e-4;

        /// <summary>Resistance multiplier while occluded.</summary>
        public double OcclusionFactor { get; init; } = 1e5;

        /// <summary>Stopper sliding friction while the plunger moves, mN.</summary>
        public double SlidingFrictionMilliNewtons { get; init; } = 3000;

        public bool Occluded { get; set; }

        public double PressureKPa { get; private set; }

        /// <summary>Fluid delivered out of the line since load, nL (what a balance would weigh).</summary>
        public double DeliveredNanoLitres { get; private set; }

        /// <summary>+1 while the plunger advances, −1 while it is backed off, 0 at rest (over the last step).</summary>
        public int PlungerDirection { get; private set; }

        public bool PlungerMoving => PlungerDirection != 0;

        /// <summary>Force on the load cell, mN (1 kPa on 1 mm² is 1 mN).</summary>
        public double PlungerForceMilliNewtons =>
            (PressureKPa * _areaMm2) + (PlungerDirection * SlidingFrictionMilliNewtons);

        /// <summary>Advances by <paramref name="dtUs"/> with <paramref name="displacedNanoLitres"/> pushed in by the plunger.</summary>
        public void Advance(double displacedNanoLitres, long dtUs)
        {
            if (dtUs <= 0)
            {
                return;
            }
            double dt = dtUs / 1_000_000.0;
            double r = ResistanceKPaSecondsPerNanoLitre * (Occluded ? OcclusionFactor : 1.0);
            double c = ComplianceNanoLitresPerKPa;
            double qIn = displacedNanoLitres / dt;
            double pSteady = qIn * r;
            double decay = Math.Exp(-dt / (r * c));
            double p0 = PressureKPa;
            double p1 = pSteady + ((p0 - pSteady) * decay);
            if (p1 < 0 && !Occluded)
            {
                // A withdrawn plunger draws back fluid, but the line cannot hold a vacuum.
                p1 = 0;
            }
            DeliveredNanoLitres += displacedNanoLitres - (c * (p1 - p0));
            PressureKPa = p1;
            PlungerDirection = Math.Sign(displacedNanoLitres);
        }
    }
}
