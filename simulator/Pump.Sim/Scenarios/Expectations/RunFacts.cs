using System;
using Pump.Sim.Running;

namespace Pump.Sim.Scenarios.Expectations
{
    /// <summary>
    /// What expectations are judged against: the run's summary plus what is read from its event log (holds and
    /// resumes) and the pump's delivery time. Built from a finished run, or directly in tests.
    /// </summary>
    public sealed class RunFacts
    {
        public static readonly string[] HeldStates = { "VITALS HOLD", "PAUSED" };

        public RunSummary Summary { get; init; } = new RunSummary();

        /// <summary>Transitions from a state that was not held into VITALS HOLD or PAUSED.</summary>
        public int Holds { get; init; }

        /// <summary>Transitions from VITALS HOLD or PAUSED into INFUSING.</summary>
        public int Resumes { get; init; }

        /// <summary>Rate changes that took effect (INFUSING -> INFUSING on ConfirmTitration).</summary>
        public int RateChanges { get; init; }

        /// <summary>Minutes from the first to the last forward STEP pulse into the patient; null unless the infusion completed.</summary>
        public double? TimeToCompleteMin { get; init; }

        public static RunFacts From(SimulationRun run, RunSummary summary)
        {
            int holds = 0, resumes = 0, rateChanges = 0;
            foreach (SimEvent e in run.Events)
            {
                if (e.Kind != "state" || !TryParseTransition(e.Detail, out string from, out string to))
                {
                    continue;
                }
                if (from == "INFUSING" && to == "INFUSING" && e.Detail.EndsWith("(ConfirmTitration)", StringComparison.Ordinal))
                {
                    rateChanges++;
                }
                bool fromHeld = Array.IndexOf(HeldStates, from) >= 0;
                if (!fromHeld && Array.IndexOf(HeldStates, to) >= 0)
                {
                    holds++;
                }
                if (fromHeld && to == "INFUSING")
                {
                    resumes++;
                }
            }
            double? minutes = null;
            if (summary.Outcome == "completed" && run.FirstPulseMs >= 0)
            {
                minutes = Math.Round((run.Pump.LastForwardPulseUs / 1000.0 - run.FirstPulseMs) / 60_000.0, 4);
            }
            return new RunFacts { Summary = summary, Holds = holds, Resumes = resumes, RateChanges = rateChanges, TimeToCompleteMin = minutes };
        }

        /// <summary>Reads "FROM -> TO (trigger)", the state lines of the event log.</summary>
        public static bool TryParseTransition(string detail, out string from, out string to)
        {
            from = to = "";
            int arrow = detail.IndexOf(" -> ", StringComparison.Ordinal);
            if (arrow < 0)
            {
                return false;
            }
            from = detail.Substring(0, arrow);
            int paren = detail.IndexOf(" (", arrow, StringComparison.Ordinal);
            to = paren < 0 ? detail.Substring(arrow + 4) : detail.Substring(arrow + 4, paren - arrow - 4);
            return true;
        }
    }
}
