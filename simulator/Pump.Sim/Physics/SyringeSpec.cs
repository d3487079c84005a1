using System;
using System.Collections.Generic;

namespace Pump.Sim.Physics
{
    /// <summary>
    /// One syringe model as the physical world sees it. Inner diameters are the commonly published
    /// BD Plastipak values [R: check against the core's syringe table (dosing work) and the maker's data].
    /// </summary>
    public sealed class SyringeSpec
    {
        public SyringeSpec(string id, string description, int nominalMl, double innerDiameterMm)
        {
            Id = id;
            Description = description;
            NominalMl = nominalMl;
            InnerDiameterMm = innerDiameterMm;
        }

        public string Id { get; }

        public string Description { get; }

        public int NominalMl { get; }

        public double InnerDiameterMm { get; }

        /// <summary>Bore area in mm²; 1 µm of travel displaces this many nL.</summary>
        public double AreaMm2 => Math.PI * InnerDiameterMm * InnerDiameterMm / 4.0;

        /// <summary>Travel for the nominal volume, in µm.</summary>
        public double StrokeMicrometres => NominalMl * 1_000_000.0 / AreaMm2;
    }

    /// <summary>The syringes the simulator can load, by scenario id.</summary>
    public static class SyringeCatalog
    {
        private static readonly SyringeSpec[] All =
        {
            new SyringeSpec("BD60", "BD Plastipak 60 mL", 60, 26.59),
            new SyringeSpec("BD50", "BD Plastipak 50 mL", 50, 26.59),
            new SyringeSpec("BD30", "BD Plastipak 30 mL", 30, 21.59),
            new SyringeSpec("BD20", "BD Plastipak 20 mL", 20, 19.13),
            new SyringeSpec("BD10", "BD Plastipak 10 mL", 10, 14.50),
        };

        public static IReadOnlyList<SyringeSpec> Syringes => All;

        public static bool TryGet(string id, out SyringeSpec spec)
        {
            foreach (SyringeSpec s in All)
            {
                if (string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    spec = s;
                    return true;
                }
            }
            spec = All[0];
            return false;
        }
    }
}
