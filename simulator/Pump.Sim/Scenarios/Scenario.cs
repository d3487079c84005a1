using System.Collections.Generic;
using Pump.Hal;
using Pump.Sim.Scenarios.Expectations;

namespace Pump.Sim.Scenarios
{
    /// <summary>A simulation scenario as loaded from JSON (simulator/README.md, scenario.schema.json).</summary>
    public sealed class Scenario
    {
        public string Name { get; set; } = "default";
        public int Seed { get; set; } = 1;
        public string Syringe { get; set; } = "BD60";
        /// <summary>Volume drawn into the syringe; defaults to its nominal volume.</summary>
        public double? FillMl { get; set; }
        public double EndAfterMin { get; set; } = 45;
        public PatientSpec Patient { get; set; } = new PatientSpec();
        public ProgramSpec Program { get; set; } = new ProgramSpec();
        public ClinicianSpec Clinician { get; set; } = new ClinicianSpec();
        public MonitorSpec Monitor { get; set; } = new MonitorSpec();
        public List<ScenarioEvent> Events { get; set; } = new List<ScenarioEvent>();
        /// <summary>What the run must show (the `expect` block); empty when the scenario declares none.</summary>
        public List<Expectation> Expectations { get; set; } = new List<Expectation>();
        /// <summary>Where it came from (file path or "built-in").</summary>
        public string Source { get; set; } = "built-in";
    }

    public sealed class PatientSpec
    {
        public double WeightKg { get; set; } = 70;
        /// <summary>The id the clinician types on the patient screen (1–8 of A–Z, 0–9); empty: "no id" is chosen.</summary>
        public string Id { get; set; } = "";
        public BaselineSpec Baseline { get; set; } = new BaselineSpec();
        /// <summary>"typical" (the §6c typical patient) or "population" (drawn from the seed).</summary>
        public string Variability { get; set; } = "typical";
        /// <summary>
        /// Chance per session of a spontaneous desaturation to 88–90 % for 1–3 min at a random time during the
        /// programmed infusion (clinical.md §6c: rare, &lt; 1 %/session). Drawn from the seed.
        /// </summary>
        public double DesaturationRiskPerSession { get; set; }
    }

    public sealed class BaselineSpec
    {
        public double Hr { get; set; } = 72;
        public double Sbp { get; set; } = 128;
        public double Dbp { get; set; } = 80;
        public double Spo2 { get; set; } = 97;
        public double Rr { get; set; } = 14;
    }

    public sealed class ProgramSpec
    {
        public string Drug { get; set; } = "ketamine";
        public double ConcentrationMgPerMl { get; set; } = 1;
        public double DoseMgPerKg { get; set; } = 0.5;
        public double DurationMin { get; set; } = 40;
        public bool ConfirmSoftLimits { get; set; }
    }

    public sealed class ClinicianSpec
    {
        /// <summary>Seconds after the start of the run at which the clinician begins programming.</summary>
        public double StartAfterS { get; set; } = 10;
        /// <summary>Seconds after an alarm sounds before the clinician acknowledges it (null = never).</summary>
        public double? AcknowledgeAfterS { get; set; } = 30;
        /// <summary>Whether the clinician resumes a held infusion once vitals are back in range.</summary>
        public bool ResumeWhenSafe { get; set; }
        /// <summary>Seconds between two key presses.</summary>
        public double KeyIntervalS { get; set; } = 0.5;
        /// <summary>When the clinician changes the running rate (null: never).</summary>
        public TitrationSpec? Titration { get; set; }
    }

    /// <summary>
    /// The clinician lowers the dose rate when the patient's dissociation is strong, and (optionally) raises it back
    /// to the programmed rate once it has eased, through the panel's titration screens (TIT).
    /// </summary>
    public sealed class TitrationSpec
    {
        /// <summary>Dissociation (0-1, the patient model's Ce/200) above which the clinician lowers the rate.</summary>
        public double DissociationAbove { get; set; } = 0.6;
        /// <summary>The lowered dose rate, mg/kg/h (a value the panel can enter: 0.01 steps).</summary>
        public double LowerToMgPerKgPerH { get; set; } = 0.5;
        /// <summary>Whether the clinician raises the rate back to the programmed one once dissociation has settled.</summary>
        public bool RaiseBack { get; set; }
        /// <summary>Dissociation must also be below this to raise the rate back (null: any level, once settled).</summary>
        public double? RaiseBackBelow { get; set; }
        /// <summary>Settled: dissociation has stayed within <see cref="SettledBand"/> of one value for this many minutes.</summary>
        public double SettledForMin { get; set; } = 5;
        /// <summary>The band (dissociation, 0-1) within which it counts as settled.</summary>
        public double SettledBand { get; set; } = 0.02;
        /// <summary>Whether the clinician confirms a soft limit the new rate crosses (otherwise leaves the rate as it is).</summary>
        public bool ConfirmSoftLimits { get; set; }
    }

    public sealed class MonitorSpec
    {
        public double NibpIntervalMin { get; set; } = 5;
        /// <summary>The monitor's link identity (the pump must be paired with it); never 0.</summary>
        public uint MonitorId { get; set; } = 0x12345678;
    }

    public enum ScenarioEventType
    {
        Vitals,
        Release,
        LinkLoss,
        Bytes,
        WrongMonitor,
        ProbeOff,
        Occlusion,
        ClampOpen,
        MotorStall,
        Runaway,
        PowerLoss,
        Key,
        Desaturation,
        DriverFault,
        SensorFault,
        Hang,
    }

    /// <summary>One timed event. Only the fields its type uses are set.</summary>
    public sealed class ScenarioEvent
    {
        public double AtS { get; set; }
        public ScenarioEventType Type { get; set; }
        public double? DurationS { get; set; }
        public double? OffS { get; set; }
        public byte[]? Bytes { get; set; }
        public PanelKey Key { get; set; }
        public double? Hr { get; set; }
        public double? Sbp { get; set; }
        public double? Dbp { get; set; }
        public double? Spo2 { get; set; }
        public double? Rr { get; set; }
        public double? RateMicrostepsPerS { get; set; }
        /// <summary>For powerLoss: cut the supply in the middle of the next non-volatile write instead of at atS.</summary>
        public bool DuringWrite { get; set; }
        /// <summary>For sensorFault: force, position, counter, clamp, store, display, rtc or generator.</summary>
        public string? Device { get; set; }
        /// <summary>Where in the file it came from, e.g. "events[3]".</summary>
        public string Path { get; set; } = "";
    }
}
