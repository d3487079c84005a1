using System;
using Pump.Sim.Scenarios;

namespace Pump.Sim.Running
{
    /// <summary>
    /// What the scenario asks to be programmed, computed independently of the pump (the oracle the pump's
    /// delivery is judged against): dose = mg/kg × kg, volume = dose / concentration, rate = volume / duration.
    /// </summary>
    public sealed class ProgrammedInfusion
    {
        public double DoseMg { get; init; }
        public double VolumeMl { get; init; }
        public double RateMlPerHour { get; init; }
        public double DurationMin { get; init; }

        public static ProgrammedInfusion From(Scenario s)
        {
            double dose = s.Program.DoseMgPerKg * s.Patient.WeightKg;
            double volume = dose / s.Program.ConcentrationMgPerMl;
            return new ProgrammedInfusion
            {
                DoseMg = dose,
                VolumeMl = volume,
                DurationMin = s.Program.DurationMin,
                RateMlPerHour = volume / s.Program.DurationMin * 60,
            };
        }

        /// <summary>Volume due by <paramref name="nowMs"/> if delivery began at <paramref name="startMs"/> (-1: not begun).</summary>
        public double ExpectedByMs(long nowMs, long startMs)
        {
            if (startMs < 0 || nowMs <= startMs)
            {
                return 0;
            }
            return Math.Min(VolumeMl, RateMlPerHour * (nowMs - startMs) / 3_600_000.0);
        }
    }
}
