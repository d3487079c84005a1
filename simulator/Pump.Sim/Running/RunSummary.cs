using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pump.Sim.Running
{
    /// <summary>The result of one run: the `--json` summary (simulator/README.md documents each field).</summary>
    public sealed class RunSummary
    {
        public string Scenario { get; init; } = "";
        public int Seed { get; init; }
        /// <summary>completed, held, stopped, rejected or alarm; "running" when the scenario ended mid-infusion, "not-started" when Start was never accepted.</summary>
        public string Outcome { get; init; } = "";
        /// <summary>How the outcome was decided: "controller" (its own state) or "hardware" (what the motor, lamps and syringe show).</summary>
        public string OutcomeSource { get; init; } = "";
        public string FinalState { get; init; } = "";
        public ProgrammedBlock Programmed { get; init; } = new ProgrammedBlock();
        public string[]? Rejection { get; init; }
        public DeliveredBlock Delivered { get; init; } = new DeliveredBlock();
        public List<AlarmBlock> Alarms { get; init; } = new List<AlarmBlock>();
        public List<TripBlock> InterlockTrips { get; init; } = new List<TripBlock>();
        /// <summary>
        /// Faults or readings that reached the pump while it delivered and after which it kept delivering (expected
        /// for advisories and rejected link bytes; a defect for anything that should stop the motor).
        /// </summary>
        public List<TripBlock> TriggersWithoutStop { get; init; } = new List<TripBlock>();
        public PatientBlock Patient { get; init; } = new PatientBlock();
        public long SimulatedMs { get; init; }
        public long WallMs { get; init; }
        public long Ticks { get; init; }
        public int ControllerBoots { get; init; }
        public string? ReportDirectory { get; set; }

        public sealed class ProgrammedBlock
        {
            public double VolumeMl { get; init; }
            public double DoseMg { get; init; }
            public double RateMlPerHour { get; init; }
            public double DurationMin { get; init; }
        }

        public sealed class DeliveredBlock
        {
            /// <summary>Fluid out of the line, measured by the virtual syringe and line (a balance).</summary>
            public double VolumeMl { get; init; }
            /// <summary>Volume the plunger pushed out of the barrel.</summary>
            public double PlungerVolumeMl { get; init; }
            /// <summary>The pump's own ledger, or null when the controller does not expose it.</summary>
            public double? LedgerVolumeMl { get; init; }
            public double DoseMg { get; init; }
            /// <summary>(delivered − programmed) / programmed, %.</summary>
            public double VolumeErrorPct { get; init; }
            public long StepPulses { get; init; }
            public long LostPulses { get; init; }
            public long RunawayMicrosteps { get; init; }
            public double PeakLinePressureKPa { get; init; }
        }

        public sealed class AlarmBlock
        {
            public long AtMs { get; init; }
            public string Code { get; init; } = "";
            public string Priority { get; init; } = "";
        }

        public sealed class TripBlock
        {
            public long AtMs { get; init; }
            public string Cause { get; init; } = "";
            public double? StopLatencyMs { get; init; }
            public long StepsAfterTrip { get; init; }
        }

        public sealed class PatientBlock
        {
            public double WeightKg { get; init; }
            public double BaselineSbpMmHg { get; init; }
            public int PeakMeasuredSbpMmHg { get; init; }
            public double PeakCpNgPerMl { get; init; }
            public double ReceivedMg { get; init; }
        }

        public static JsonSerializerOptions JsonOptions { get; } = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };

        public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

        /// <summary>Builds the summary of a finished (or stopped) run.</summary>
        public static RunSummary From(SimulationRun run, long wallMs)
        {
            PumpObservation obs = run.Observation;
            ProgrammedInfusion p = run.Programmed;
            double delivered = run.DeliveredMl;
            string outcome;
            string source;
            string[]? rejection = null;
            if (run.Clinician.GaveUp)
            {
                source = "controller";
                outcome = "rejected";
                rejection = run.Clinician.RejectionReasons.ToArray();
            }
            else if (!run.Clinician.Started && run.LastPumpRejection != null && obs.Phase == PumpPhase.Programming)
            {
                source = "controller";
                outcome = "rejected";
                rejection = new[] { run.LastPumpRejection };
            }
            else if (obs.Phase != PumpPhase.Unknown)
            {
                source = "controller";
                outcome = obs.Phase switch
                {
                    PumpPhase.Completed => "completed",
                    PumpPhase.Held => "held",
                    PumpPhase.Stopped => "stopped",
                    PumpPhase.Rejected => "rejected",
                    PumpPhase.Alarm => "alarm",
                    PumpPhase.Infusing => "running",
                    _ => run.Clinician.Started ? "stopped" : "not-started",
                };
            }
            else
            {
                source = "hardware";
                outcome = run.Pump.Annunciator.Light != Hal.AlarmLight.Off ? "alarm"
                    : delivered >= p.VolumeMl * 0.999 ? "completed"
                    : "stopped";
            }
            double peakCp = 0;
            foreach (VitalsSample v in run.Vitals)
            {
                peakCp = Math.Max(peakCp, v.CpNgPerMl);
            }
            var s = new RunSummary
            {
                Scenario = run.Scenario.Name,
                Seed = run.Seed,
                Outcome = outcome,
                OutcomeSource = source,
                FinalState = obs.State ?? "unknown",
                Programmed = new ProgrammedBlock
                {
                    VolumeMl = Round(p.VolumeMl, 4),
                    DoseMg = Round(p.DoseMg, 4),
                    RateMlPerHour = Round(p.RateMlPerHour, 4),
                    DurationMin = p.DurationMin,
                },
                Rejection = rejection,
                Delivered = new DeliveredBlock
                {
                    VolumeMl = Round(delivered, 4),
                    PlungerVolumeMl = Round(run.Pump.Mechanism.DisplacedNanoLitres / 1e6, 4),
                    LedgerVolumeMl = obs.LedgerDeliveredNl >= 0 ? Round(obs.LedgerDeliveredNl / 1e6, 4) : null,
                    DoseMg = Round(delivered * run.Scenario.Program.ConcentrationMgPerMl, 4),
                    VolumeErrorPct = p.VolumeMl > 0 ? Round((delivered - p.VolumeMl) / p.VolumeMl * 100, 4) : 0,
                    StepPulses = run.Pump.StepGenerator.TotalPulses,
                    LostPulses = run.Pump.Mechanism.LostPulses,
                    RunawayMicrosteps = run.Pump.Mechanism.RunawayMicrosteps,
                    PeakLinePressureKPa = Round(run.PeakPressureKPa, 2),
                },
                Patient = new PatientBlock
                {
                    WeightKg = run.Patient.Parameters.WeightKg,
                    BaselineSbpMmHg = Round(run.Patient.Parameters.BaselineSbpMmHg, 1),
                    PeakMeasuredSbpMmHg = run.PeakMeasuredSbpMmHg,
                    PeakCpNgPerMl = Round(peakCp, 1),
                    ReceivedMg = Round(run.Patient.ReceivedMg, 4),
                },
                SimulatedMs = run.NowMs,
                WallMs = wallMs,
                Ticks = run.Ticks,
                ControllerBoots = run.Controller.Boots,
            };
            foreach (AlarmRecord a in run.Alarms)
            {
                s.Alarms.Add(new AlarmBlock { AtMs = a.AtMs, Code = a.Code, Priority = a.Priority });
            }
            foreach (InterlockTrip t in run.Trips)
            {
                var b = new TripBlock
                {
                    AtMs = t.AtMs,
                    Cause = t.Cause,
                    StopLatencyMs = t.Stopped ? t.StopLatencyMs : null,
                    StepsAfterTrip = t.Stopped || t.StoppedAtMs > 0 ? t.StepsAfterTrip : run.Pump.ForwardPulses - t.PulsesAtTrigger,
                };
                (t.Stopped ? s.InterlockTrips : s.TriggersWithoutStop).Add(b);
            }
            return s;
        }

        private static double Round(double v, int digits) => Math.Round(v, digits, MidpointRounding.AwayFromZero);
    }
}
