using System;
using Pump.Sim.Patient;
using Xunit;

namespace Pump.Simulator.Tests.Patient
{
    /// <summary>The virtual patient's dissociation follows the effect-site level (clinical.md §4: D = Ce/200).</summary>
    public class DissociationTests
    {
        private static VirtualPatient Typical() => new VirtualPatient(PatientParameters.Typical(70, Baseline.Typical));

        /// <summary>Advances one minute at the given ketamine rate, in 1-s steps.</summary>
        private static void Minute(VirtualPatient p, double mgPerMin, ref long ms)
        {
            for (int s = 0; s < 60; s++)
            {
                ms += 1000;
                p.Advance(1.0, mgPerMin / 60, ms);
            }
        }

        // Proves: SIM-037
        [Fact]
        public void Dissociation_DuringAndAfterTheInfusion_IsTheEffectSiteLevelOver200ClampedToOne()
        {
            var p = Typical();
            long ms = 0;
            for (int m = 0; m < 90; m++)
            {
                Minute(p, m < 40 ? 35.0 / 40 : 0, ref ms);
                Assert.Equal(Math.Clamp(p.CeNgPerMl / 200, 0, 1), p.Dissociation, 12);
            }
        }

        // Proves: SIM-037
        [Fact]
        public void Dissociation_InfusionStoppedAt25Min_PeaksWithinMinutesThenFallsWithTheLevel()
        {
            var p = Typical();
            long ms = 0;
            var d = new double[56];
            for (int m = 1; m <= 55; m++)
            {
                Minute(p, m <= 25 ? 35.0 / 40 : 0, ref ms);
                d[m] = p.Dissociation;
            }

            int peak = Array.IndexOf(d, System.Linq.Enumerable.Max(d));
            Assert.InRange(peak, 25, 30);                          // Ce trails plasma by ke0 0.3/min (t½ 2.3 min)
            for (int m = peak + 1; m <= 55; m++)
            {
                Assert.True(d[m] < d[m - 1], $"dissociation rose again at {m} min: {d[m - 1]:F3} -> {d[m]:F3}");
            }

            // Plasma falls slowly after the distribution phase (clinical.md §4: BP half-life 20-30 min), and D with it.
            Assert.True(d[55] < d[peak] * 0.8, $"D {d[55]:F3} 30 min after the stop, peak {d[peak]:F3}");
        }

        // Proves: SIM-037
        [Fact]
        public void Dissociation_RateLoweredToAThirdAt21Min_StopsRisingWithinMinutes()
        {
            // What the titration-raise-back scenario's clinician sees: 0.75 -> 0.25 mg/kg/h holds Ce about level,
            // while 0.75 mg/kg/h throughout keeps it rising.
            var lowered = Typical();
            var kept = Typical();
            long ms1 = 0, ms2 = 0;
            double at28 = 0, at35Lowered = 0, at28Kept = 0, at35Kept = 0;
            for (int m = 1; m <= 35; m++)
            {
                Minute(lowered, m <= 21 ? 0.875 : 0.875 / 3, ref ms1);
                Minute(kept, 0.875, ref ms2);
                if (m == 28)
                {
                    at28 = lowered.Dissociation;
                    at28Kept = kept.Dissociation;
                }
            }

            at35Lowered = lowered.Dissociation;
            at35Kept = kept.Dissociation;
            Assert.InRange(at35Lowered - at28, -0.02, 0.005);
            Assert.True(at35Kept - at28Kept > 0.05, $"kept rate: {at28Kept:F3} -> {at35Kept:F3}");
        }
    }
}
