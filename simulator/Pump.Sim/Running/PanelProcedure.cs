using System.Collections.Generic;
using Pump.Hal;
using Pump.Sim.Scenarios;

namespace Pump.Sim.Running
{
    /// <summary>
    /// How a clinician operates the pump's panel, as key presses. PROVISIONAL until the panel (lead's work)
    /// lands: it assumes the library flow Drug (Ok) → Weight (Up/Down in 1 kg from 70 kg, Ok) → Dose
    /// (Up/Down in 0.05 mg/kg from the library default 0.5, Ok) → Duration (Up/Down in 1 min from 40, Ok) →
    /// soft-limit confirmation (Ok, only when the scenario confirms) → Start. Only this file changes when the
    /// real screens are known.
    /// </summary>
    public static class PanelProcedure
    {
        public const double DefaultWeightKg = 70;
        public const double WeightStepKg = 1;
        public const double DefaultDoseMgPerKg = 0.5;
        public const double DoseStepMgPerKg = 0.05;
        public const double DefaultDurationMin = 40;
        public const double DurationStepMin = 1;

        /// <summary>Keys that program <paramref name="program"/> for a patient of <paramref name="weightKg"/> and start it.</summary>
        public static List<PanelKey> ProgramAndStart(ProgramSpec program, double weightKg)
        {
            var keys = new List<PanelKey>();
            keys.Add(PanelKey.Ok); // drug from the library
            Adjust(keys, weightKg, DefaultWeightKg, WeightStepKg);
            keys.Add(PanelKey.Ok);
            Adjust(keys, program.DoseMgPerKg, DefaultDoseMgPerKg, DoseStepMgPerKg);
            keys.Add(PanelKey.Ok);
            Adjust(keys, program.DurationMin, DefaultDurationMin, DurationStepMin);
            keys.Add(PanelKey.Ok);
            if (program.ConfirmSoftLimits)
            {
                keys.Add(PanelKey.Ok);
            }
            keys.Add(PanelKey.Start);
            return keys;
        }

        /// <summary>Acknowledges an active alarm: silence the audio, then confirm on the alarm screen.</summary>
        public static PanelKey[] Acknowledge { get; } = { PanelKey.Silence, PanelKey.Ok };

        /// <summary>Resumes a held infusion.</summary>
        public static PanelKey[] Resume { get; } = { PanelKey.Start };

        private static void Adjust(List<PanelKey> keys, double target, double start, double step)
        {
            long n = (long)System.Math.Round((target - start) / step);
            PanelKey k = n >= 0 ? PanelKey.Up : PanelKey.Down;
            for (long i = 0; i < System.Math.Abs(n); i++)
            {
                keys.Add(k);
            }
        }
    }
}
