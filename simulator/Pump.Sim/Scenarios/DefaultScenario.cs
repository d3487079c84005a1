namespace Pump.Sim.Scenarios
{
    /// <summary>
    /// The built-in scenario (issue: ketamine 0.5 mg/kg, 70 kg, 1 mg/mL, 40 min, 60 mL syringe, typical
    /// patient; the clinician programs it on the panel and starts it). Runs to 45 min so the end of the
    /// infusion and the first minutes after it are seen.
    /// </summary>
    public static class DefaultScenario
    {
        public static Scenario Create()
        {
            return new Scenario
            {
                Name = "default: ketamine 0.5 mg/kg over 40 min, 70 kg",
                Seed = 1,
                Syringe = "BD60",
                EndAfterMin = 45,
                Patient = new PatientSpec { WeightKg = 70, Variability = "typical" },
                Program = new ProgramSpec { Drug = "ketamine", ConcentrationMgPerMl = 1, DoseMgPerKg = 0.5, DurationMin = 40 },
                Clinician = new ClinicianSpec { StartAfterS = 10, AcknowledgeAfterS = 30, ResumeWhenSafe = false },
                Source = "built-in",
            };
        }
    }
}
