using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using Pump.Core.Common;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Sim.Physics;
using Pump.Sim.Running;

namespace Pump.Sim.Reports
{
    /// <summary>
    /// What a report must name to be a record of one run: the programme, the drug library (revision and CRC-32 of
    /// its stored bytes), the firmware (version and commit of the core that ran), the scenario and the seed.
    /// </summary>
    public static class RunIdentity
    {
        /// <summary>The core's version and the commit it was built from (from its informational version, "1.0.0+sha").</summary>
        public static (string Version, string Commit) Firmware()
        {
            string info = typeof(PumpController).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            int plus = info.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? (info, "unknown") : (info.Substring(0, plus), info.Substring(plus + 1));
        }

        /// <summary>Revision and CRC-32 (as the stored bytes carry it) of the library the simulated pump runs.</summary>
        public static (uint Revision, uint Crc) Library()
        {
            DrugLibrary lib = ShippedLibrary.Build();
            byte[]? bytes = LibraryCodec.Encode(lib);
            return (lib.Revision, bytes == null ? 0 : Crc32.Compute(bytes, 0, bytes.Length - LibraryCodec.CrcBytes));
        }

        public static List<(string Key, string Value)> Rows(SimulationRun run, RunSummary s)
        {
            var inv = CultureInfo.InvariantCulture;
            var p = run.Scenario.Program;
            string syringe = run.Scenario.Syringe;
            if (SyringeCatalog.TryGet(syringe, out SyringeSpec spec))
            {
                syringe = spec.Description + " (" + spec.Id + ", " + spec.NominalMl.ToString(inv) + " mL, filled " + (run.Scenario.FillMl ?? spec.NominalMl).ToString(inv) + " mL)";
            }
            (string version, string commit) = Firmware();
            (uint revision, uint crc) = Library();
            return new List<(string, string)>
            {
                ("Scenario", s.Scenario + " (" + run.Scenario.Source + ")"),
                ("Seed", s.Seed.ToString(inv) + (run.Scenario.Patient.Variability == "population" ? " (patient drawn from the population)" : " (typical patient)")),
                ("Drug", p.Drug + ", " + p.ConcentrationMgPerMl.ToString(inv) + " mg/mL"),
                ("Patient weight", run.Scenario.Patient.WeightKg.ToString(inv) + " kg"),
                ("Dose", p.DoseMgPerKg.ToString(inv) + " mg/kg = " + s.Programmed.DoseMg.ToString("0.###", inv) + " mg = " + s.Programmed.VolumeMl.ToString("0.###", inv) + " mL"),
                ("Duration", (p.DurationMin * 60).ToString(inv) + " s (" + p.DurationMin.ToString(inv) + " min on the panel) at " + s.Programmed.RateMlPerHour.ToString("0.###", inv) + " mL/h"),
                ("Syringe", syringe),
                ("Drug library", "revision " + revision.ToString(inv) + ", CRC-32 0x" + crc.ToString("X8", inv)),
                ("Firmware (Pump.Core)", "version " + version + ", commit " + commit),
            };
        }
    }
}
