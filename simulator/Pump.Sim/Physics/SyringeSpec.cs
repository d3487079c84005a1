using System;
using System.Collections.Generic;
using System.Globalization;
using CoreSyringeSpec = Pump.Core.Units.SyringeSpec;
using CoreSyringeTable = Pump.Core.Units.SyringeTable;

namespace Pump.Sim.Physics
{
    /// <summary>
    /// One syringe as the physical world sees it, taken from the core's syringe table
    /// (firmware/Pump.Core/Units/SyringeTable.cs, hardware-docs/syringes.md). The world uses the true π and
    /// floating point; the firmware's exact rational calibration is judged against it.
    /// </summary>
    public sealed class SyringeSpec
    {
        public SyringeSpec(string id, int coreId, string description, double nominalMl, double innerDiameterMm)
        {
            Id = id;
            CoreId = coreId;
            Description = description;
            NominalMl = nominalMl;
            InnerDiameterMm = innerDiameterMm;
        }

        /// <summary>Short scenario name, e.g. "BD60".</summary>
        public string Id { get; }

        /// <summary>Id in the core's syringe table.</summary>
        public int CoreId { get; }

        public string Description { get; }

        public double NominalMl { get; }

        public double InnerDiameterMm { get; }

        /// <summary>Bore area in mm²; 1 µm of travel displaces this many nL.</summary>
        public double AreaMm2 => Math.PI * InnerDiameterMm * InnerDiameterMm / 4.0;

        /// <summary>Travel for the nominal volume, in µm.</summary>
        public double StrokeMicrometres => NominalMl * 1_000_000.0 / AreaMm2;

        internal static SyringeSpec FromCore(CoreSyringeSpec s)
        {
            return new SyringeSpec(ShortId(s.DisplayName), s.Id, s.DisplayName, s.NominalVolumeNl / 1_000_000.0, s.InnerDiameterUm / 1000.0);
        }

        /// <summary>"BD PLASTIPAK 60" → "BD60", "TERUMO 20" → "TERUMO20", "HSW NORMJECT 50" → "HSW50".</summary>
        private static string ShortId(string displayName)
        {
            string[] words = displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length == 0 ? displayName : words[0] + words[^1];
        }
    }

    /// <summary>The syringes the simulator can load: every entry of the core's syringe table.</summary>
    public static class SyringeCatalog
    {
        private static readonly SyringeSpec[] All = Load();

        public static IReadOnlyList<SyringeSpec> Syringes => All;

        /// <summary>Finds a syringe by short id ("BD60"), the table's display name or its numeric id.</summary>
        public static bool TryGet(string id, out SyringeSpec spec)
        {
            foreach (SyringeSpec s in All)
            {
                if (string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(s.Description, id, StringComparison.OrdinalIgnoreCase)
                    || s.CoreId.ToString(CultureInfo.InvariantCulture) == id)
                {
                    spec = s;
                    return true;
                }
            }
            spec = All[0];
            return false;
        }

        private static SyringeSpec[] Load()
        {
            var list = new List<SyringeSpec>();
            for (int i = 0; i < CoreSyringeTable.Count; i++)
            {
                list.Add(SyringeSpec.FromCore(CoreSyringeTable.GetAt(i)));
            }
            return list.ToArray();
        }
    }
}
