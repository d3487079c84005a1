using System;

namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>
    /// Every kind of expectation a scenario may declare, as data. The loader parses by this table, the run is judged
    /// by it, and the schema's `expect` block and the README's table are generated from it (tests check both).
    /// </summary>
    public static class ExpectationKinds
    {
        public static readonly string[] Outcomes = { "completed", "held", "stopped", "rejected", "alarm", "running", "not-started" };

        public static readonly ExpectationKind[] All =
        {
            new ExpectationKind("outcome", ExpectationShape.Outcome, "",
                "How the run ended (the summary's `outcome`).",
                (e, f) => ExpectationJudges.Text(e, f.Summary.Outcome)),
            new ExpectationKind("finalState", ExpectationShape.State, "",
                "The controller's state at the end of the run.",
                (e, f) => ExpectationJudges.Text(e, f.Summary.FinalState)),
            new ExpectationKind("deliveredMl", ExpectationShape.Range, "mL",
                "Volume that reached the patient, as a balance under the line weighs it.",
                (e, f) => ExpectationJudges.Range(e, f.Summary.Delivered.VolumeMl)),
            new ExpectationKind("deliveredMg", ExpectationShape.Range, "mg",
                "Dose that reached the patient (delivered volume × concentration).",
                (e, f) => ExpectationJudges.Range(e, f.Summary.Delivered.DoseMg)),
            new ExpectationKind("ledgerMl", ExpectationShape.Range, "mL",
                "The pump's own ledger of delivered volume (absent: the pump never held a programme, judged as 0).",
                (e, f) => ExpectationJudges.Range(e, f.Summary.Delivered.LedgerVolumeMl ?? 0)),
            new ExpectationKind("volumeErrorPct", ExpectationShape.Range, "%",
                "(delivered − programmed) / programmed.",
                (e, f) => ExpectationJudges.Range(e, f.Summary.Delivered.VolumeErrorPct)),
            new ExpectationKind("ledgerNeverBelowTruth", ExpectationShape.Check, "mL",
                "At the end, the pump's ledger is not below the volume that truly reached the patient by more than the tolerance.",
                ExpectationJudges.LedgerNotBelowTruth, defaultTolerance: 0.01),
            new ExpectationKind("neverMoreThanProgrammed", ExpectationShape.Check, "%",
                "The ledger never exceeds the programmed volume, and the delivered volume exceeds it by at most the tolerance.",
                ExpectationJudges.NotMoreThanProgrammed, defaultTolerance: 0.1),
            new ExpectationKind("alarms", ExpectationShape.Alarms, "",
                "Alarms that must be raised: each entry must match at least one (or `count`) alarms by code, priority and time window (scenario seconds).",
                ExpectationJudges.AlarmsRaised),
            new ExpectationKind("noAlarms", ExpectationShape.AbsentAlarms, "",
                "Alarms that must not be raised (by code, and optionally priority and time window).",
                ExpectationJudges.AlarmsAbsent),
            new ExpectationKind("interlockTrips", ExpectationShape.Trips, "",
                "Triggers after which the motor must have stopped: each entry must match a trip by cause (or its first word), time window, stop latency (ms from the trigger's arrival to the last forward STEP pulse) and steps after the trip.",
                ExpectationJudges.Trips),
            new ExpectationKind("interlockTripCount", ExpectationShape.Count, "",
                "Number of interlock trips (triggers after which the motor stopped).",
                (e, f) => ExpectationJudges.Range(e, f.Summary.InterlockTrips.Count)),
            new ExpectationKind("deliveredThroughOnly", ExpectationShape.Texts, "",
                "The only trigger causes the pump may keep delivering through (advisories, rejected link bytes); [] means none. Any other is a failure.",
                ExpectationJudges.DeliveredThroughOnly),
            new ExpectationKind("holds", ExpectationShape.Count, "",
                "Number of times the infusion was held (entered VITALS HOLD or PAUSED from another state).",
                (e, f) => ExpectationJudges.Range(e, f.Holds)),
            new ExpectationKind("resumes", ExpectationShape.Count, "",
                "Number of times a held infusion went back to INFUSING.",
                (e, f) => ExpectationJudges.Range(e, f.Resumes)),
            new ExpectationKind("rateChanges", ExpectationShape.Count, "",
                "Number of rate changes that took effect while infusing (titration: the confirm screen's OK).",
                (e, f) => ExpectationJudges.Range(e, f.RateChanges)),
            new ExpectationKind("peakLinePressureKPa", ExpectationShape.Range, "kPa",
                "Highest line pressure of the run.",
                (e, f) => ExpectationJudges.Range(e, f.Summary.Delivered.PeakLinePressureKPa)),
            new ExpectationKind("timeToCompleteMin", ExpectationShape.Range, "min",
                "Minutes from the first to the last forward STEP pulse into the patient; fails unless the infusion completed.",
                ExpectationJudges.TimeToComplete),
            new ExpectationKind("controllerBoots", ExpectationShape.Count, "",
                "Number of times the controller booted (1 + power cycles and watchdog resets).",
                (e, f) => ExpectationJudges.Range(e, f.Summary.ControllerBoots)),
            new ExpectationKind("stepPulses", ExpectationShape.Count, "",
                "STEP pulses the generator emitted in the whole run (priming included).",
                (e, f) => ExpectationJudges.Range(e, f.Summary.Delivered.StepPulses)),
            new ExpectationKind("peakCpNgPerMl", ExpectationShape.Range, "ng/mL",
                "The virtual patient's highest plasma concentration.",
                (e, f) => ExpectationJudges.Range(e, f.Summary.Patient.PeakCpNgPerMl)),
            new ExpectationKind("rejection", ExpectationShape.Texts, "",
                "Texts that must each appear in one of the reasons the programme was rejected.",
                ExpectationJudges.Rejection),
        };

        public static ExpectationKind? Find(string field) => Array.Find(All, k => k.Field == field);
    }
}
