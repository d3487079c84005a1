using System.Collections.Generic;
using System.Linq;
using Pump.Sim.Running;

namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>How each kind of expectation is judged against a run (the evaluators <see cref="ExpectationKinds.All"/> names).</summary>
    public static class ExpectationJudges
    {
        public static Verdict[] Text(Expectation e, string actual) =>
            One(e.Path, actual == e.Text, e.Text, actual);

        public static Verdict[] Range(Expectation e, double actual) =>
            One(e.Path, e.Range.Contains(actual), e.Range.Describe(e.Kind.Unit), ValueRange.F(actual) + Unit(e.Kind.Unit));

        public static Verdict[] LedgerNotBelowTruth(Expectation e, RunFacts f)
        {
            RunSummary.DeliveredBlock d = f.Summary.Delivered;
            double ledger = d.LedgerVolumeMl ?? 0;
            return One(e.Path, ledger >= d.VolumeMl - e.Tolerance - 1e-9,
                "ledger at least the delivered volume − " + ValueRange.F(e.Tolerance) + " mL",
                "ledger " + (d.LedgerVolumeMl is double l ? ValueRange.F(l) + " mL" : "not kept (0)") + ", delivered " + ValueRange.F(d.VolumeMl) + " mL");
        }

        public static Verdict[] NotMoreThanProgrammed(Expectation e, RunFacts f)
        {
            RunSummary.DeliveredBlock d = f.Summary.Delivered;
            double programmed = f.Summary.Programmed.VolumeMl;
            double ledger = d.LedgerVolumeMl ?? 0;
            bool ok = ledger <= programmed + 1e-9 && d.VolumeMl <= programmed * (1 + (e.Tolerance / 100)) + 1e-9;
            return One(e.Path, ok,
                "ledger at most " + ValueRange.F(programmed) + " mL programmed, delivered at most " + ValueRange.F(e.Tolerance) + " % more",
                "ledger " + ValueRange.F(ledger) + " mL, delivered " + ValueRange.F(d.VolumeMl) + " mL");
        }

        public static Verdict[] AlarmsRaised(Expectation e, RunFacts f)
        {
            var verdicts = new Verdict[e.Alarms.Length];
            for (int i = 0; i < e.Alarms.Length; i++)
            {
                AlarmExpectation a = e.Alarms[i];
                int n = f.Summary.Alarms.Count(x => a.Matches(x.Code, x.Priority, x.AtMs));
                verdicts[i] = new Verdict(a.Path, a.Count.Contains(n), a.Describe() + (a.Count.Min == 1 && double.IsPositiveInfinity(a.Count.Max) ? "" : ", " + a.Count.Describe("times")),
                    n + " matching" + Occurrences(f.Summary.Alarms.Where(x => x.Code == a.Code)));
            }
            return verdicts;
        }

        public static Verdict[] AlarmsAbsent(Expectation e, RunFacts f)
        {
            var verdicts = new Verdict[e.Alarms.Length];
            for (int i = 0; i < e.Alarms.Length; i++)
            {
                AlarmExpectation a = e.Alarms[i];
                var hits = f.Summary.Alarms.Where(x => a.Matches(x.Code, x.Priority, x.AtMs)).ToList();
                verdicts[i] = new Verdict(a.Path, hits.Count == 0, "no " + a.Describe(), hits.Count == 0 ? "none" : hits.Count + " raised" + Occurrences(hits));
            }
            return verdicts;
        }

        public static Verdict[] Trips(Expectation e, RunFacts f)
        {
            var verdicts = new Verdict[e.Trips.Length];
            for (int i = 0; i < e.Trips.Length; i++)
            {
                TripExpectation t = e.Trips[i];
                var candidates = f.Summary.InterlockTrips.Where(x => TripExpectation.CauseMatches(t.Cause, x.Cause)).ToList();
                bool ok = candidates.Any(x => t.InWindow(x.AtMs) && x.StopLatencyMs is double ms && ms <= t.MaxStopLatencyMs && x.StepsAfterTrip <= t.MaxStepsAfterTrip);
                string actual = candidates.Count == 0
                    ? "no trip with that cause" + (f.Summary.InterlockTrips.Count == 0 ? "" : " (trips: " + string.Join(", ", f.Summary.InterlockTrips.Select(x => x.Cause)) + ")")
                    : string.Join("; ", candidates.Select(x => x.Cause + " at " + ValueRange.F(x.AtMs / 1000.0) + " s, stopped after "
                        + (x.StopLatencyMs is double l ? ValueRange.F(l) : "?") + " ms, " + x.StepsAfterTrip + " steps after"));
                verdicts[i] = new Verdict(t.Path, ok, t.Describe(), actual);
            }
            return verdicts;
        }

        public static Verdict[] DeliveredThroughOnly(Expectation e, RunFacts f)
        {
            var others = f.Summary.TriggersWithoutStop.Where(x => !e.Texts.Any(t => TripExpectation.CauseMatches(t, x.Cause))).ToList();
            return One(e.Path, others.Count == 0,
                e.Texts.Length == 0 ? "no trigger the pump delivered through" : "only " + string.Join(", ", e.Texts),
                others.Count == 0 ? "none other" : "delivered through " + string.Join(", ", others.Select(x => x.Cause + " at " + ValueRange.F(x.AtMs / 1000.0) + " s")));
        }

        public static Verdict[] TimeToComplete(Expectation e, RunFacts f)
        {
            if (f.TimeToCompleteMin is not double m)
            {
                return One(e.Path, false, e.Range.Describe("min"), "did not complete (outcome " + f.Summary.Outcome + ")");
            }
            return One(e.Path, e.Range.Contains(m), e.Range.Describe("min"), ValueRange.F(m) + " min");
        }

        public static Verdict[] Rejection(Expectation e, RunFacts f)
        {
            string[] reasons = f.Summary.Rejection ?? System.Array.Empty<string>();
            var verdicts = new Verdict[e.Texts.Length];
            for (int i = 0; i < e.Texts.Length; i++)
            {
                string t = e.Texts[i];
                verdicts[i] = new Verdict(e.Path + "[" + i + "]", reasons.Any(r => r.Contains(t, System.StringComparison.Ordinal)),
                    "a rejection reason containing \"" + t + "\"", reasons.Length == 0 ? "not rejected" : string.Join(" | ", reasons));
            }
            return verdicts;
        }

        private static Verdict[] One(string path, bool ok, string expected, string actual) => new[] { new Verdict(path, ok, expected, actual) };

        private static string Unit(string unit) => unit.Length == 0 ? "" : " " + unit;

        private static string Occurrences(IEnumerable<RunSummary.AlarmBlock> alarms)
        {
            var list = alarms.Take(6).Select(x => x.Code + " (" + x.Priority + ") at " + ValueRange.F(x.AtMs / 1000.0) + " s").ToList();
            return list.Count == 0 ? "" : " (" + string.Join(", ", list) + (alarms.Count() > 6 ? ", ..." : "") + ")";
        }
    }
}
