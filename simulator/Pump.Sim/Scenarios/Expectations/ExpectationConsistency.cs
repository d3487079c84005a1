using System;
using System.Collections.Generic;
using Pump.Sim.Running;

namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>
    /// Expectations that cannot all be true of one run (or of the scenario's programme) are refused before the run,
    /// each naming the field that contradicts another.
    /// </summary>
    internal static class ExpectationConsistency
    {
        private static readonly string[] NeverStarted = { "rejected", "not-started" };

        public static void Check(List<Expectation> list, ProgrammedInfusion programmed, (string Outcome, string[] States)[] outcomeStates, List<ScenarioError> errors)
        {
            Expectation? outcome = Get(list, "outcome");
            Expectation? state = Get(list, "finalState");
            if (outcome != null && state != null)
            {
                string[] states = Array.Find(outcomeStates, o => o.Outcome == outcome.Text).States;
                if (Array.IndexOf(states, state.Text) < 0)
                {
                    Add(errors, state, "outcome '" + outcome.Text + "' ends in " + string.Join(" or ", states) + ", not " + state.Text);
                }
            }
            Expectation? time = Get(list, "timeToCompleteMin");
            if (time != null && outcome != null && outcome.Text != "completed")
            {
                Add(errors, time, "a time to complete needs outcome 'completed', not '" + outcome.Text + "'");
            }
            if (outcome != null && Array.IndexOf(NeverStarted, outcome.Text) >= 0)
            {
                foreach (string field in new[] { "interlockTrips", "holds", "resumes", "timeToCompleteMin" })
                {
                    Expectation? e = Get(list, field);
                    if (e != null && (e.Trips.Length > 0 || e.Range.Min > 0))
                    {
                        Add(errors, e, "an infusion with outcome '" + outcome.Text + "' never started, so it cannot have " + field);
                    }
                }
                Expectation? count = Get(list, "interlockTripCount");
                if (count != null && count.Range.Min > 0)
                {
                    Add(errors, count, "an infusion with outcome '" + outcome.Text + "' never started, so it cannot trip");
                }
            }
            Expectation? holds = Get(list, "holds");
            Expectation? resumes = Get(list, "resumes");
            if (holds != null && resumes != null && resumes.Range.Min > holds.Range.Max)
            {
                Add(errors, resumes, "at least " + ValueRange.F(resumes.Range.Min) + " resumes need as many holds, but holds is at most " + ValueRange.F(holds.Range.Max));
            }
            Expectation? trips = Get(list, "interlockTrips");
            Expectation? tripCount = Get(list, "interlockTripCount");
            if (trips != null && tripCount != null && trips.Trips.Length > 0 && tripCount.Range.Max < 1)
            {
                Add(errors, tripCount, "no trips, but interlockTrips expects " + trips.Trips.Length);
            }
            Expectation? never = Get(list, "neverMoreThanProgrammed");
            Expectation? delivered = Get(list, "deliveredMl");
            if (never != null && delivered != null && delivered.Range.Min > programmed.VolumeMl * (1 + (never.Tolerance / 100)))
            {
                Add(errors, delivered, "at least " + ValueRange.F(delivered.Range.Min) + " mL is more than the " + ValueRange.F(programmed.VolumeMl)
                    + " mL programmed, and neverMoreThanProgrammed is expected");
            }
            Expectation? raised = Get(list, "alarms");
            Expectation? absent = Get(list, "noAlarms");
            if (raised != null && absent != null)
            {
                foreach (AlarmExpectation a in raised.Alarms)
                {
                    foreach (AlarmExpectation n in absent.Alarms)
                    {
                        bool samePriority = n.Priority == null || a.Priority == null || n.Priority == a.Priority;
                        bool covers = n.FromS <= a.FromS && n.ToS >= a.ToS;
                        if ((n.Code.Length == 0 || a.Code == n.Code) && samePriority && covers && a.Count.Min > 0)
                        {
                            errors.Add(new ScenarioError(n.Path, "contradicts " + a.Path + ": " + a.Code + " must be raised in a window where it must not"));
                        }
                    }
                }
            }
        }

        private static Expectation? Get(List<Expectation> list, string field) => list.Find(e => e.Kind.Field == field);

        private static void Add(List<ScenarioError> errors, Expectation e, string problem) => errors.Add(new ScenarioError(e.Path, "contradictory: " + problem));
    }
}
