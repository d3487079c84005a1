using System.Collections.Generic;
using System.Linq;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Pump.Sim.Scenarios.Expectations;
using Xunit;

namespace Pump.Simulator.Tests.Scenarios
{
    /// <summary>Each kind of expectation judged against run facts built by hand: it passes on the truth and fails, with expected and actual, otherwise.</summary>
    public class ExpectationEvaluationTests
    {
        private static RunFacts Facts(string outcome = "stopped", double deliveredMl = 17.144, double? ledgerMl = 17.1426, int holds = 0, int resumes = 0,
            double? timeMin = null, List<RunSummary.AlarmBlock>? alarms = null, List<RunSummary.TripBlock>? trips = null, List<RunSummary.TripBlock>? through = null) =>
            new RunFacts
            {
                Summary = new RunSummary
                {
                    Outcome = outcome,
                    FinalState = outcome == "completed" ? "COMPLETED" : "STOPPED",
                    Programmed = new RunSummary.ProgrammedBlock { VolumeMl = 35 },
                    Delivered = new RunSummary.DeliveredBlock { VolumeMl = deliveredMl, LedgerVolumeMl = ledgerMl, PeakLinePressureKPa = 8.3 },
                    Alarms = alarms ?? new List<RunSummary.AlarmBlock> { new RunSummary.AlarmBlock { AtMs = 1_201_000, Code = "VitalStop", Priority = "high" } },
                    InterlockTrips = trips ?? new List<RunSummary.TripBlock> { new RunSummary.TripBlock { AtMs = 1_201_000, Cause = "vitals sbp=205", StopLatencyMs = 0, StepsAfterTrip = 0 } },
                    TriggersWithoutStop = through ?? new List<RunSummary.TripBlock>(),
                    ControllerBoots = 1,
                },
                Holds = holds,
                Resumes = resumes,
                TimeToCompleteMin = timeMin,
            };

        private static Verdict[] Judge(string expect, RunFacts facts)
        {
            Scenario s = ScenarioLoader.Parse("{\"expect\": " + expect + "}");
            return s.Expectations.SelectMany(e => e.Evaluate(facts)).ToArray();
        }

        // Proves: SIM-022
        [Theory]
        [InlineData("{\"outcome\": \"stopped\"}", true)]
        [InlineData("{\"outcome\": \"held\"}", false)]
        [InlineData("{\"deliveredMl\": {\"value\": 17.144, \"tolerance\": 0.01}}", true)]
        [InlineData("{\"deliveredMl\": {\"value\": 17.2, \"tolerance\": 0.01}}", false)]
        [InlineData("{\"ledgerNeverBelowTruth\": true}", true)]
        [InlineData("{\"ledgerNeverBelowTruth\": 0.001}", false)]
        [InlineData("{\"neverMoreThanProgrammed\": true}", true)]
        [InlineData("{\"alarms\": [{\"code\": \"VitalStop\", \"priority\": \"high\", \"fromS\": 1200, \"toS\": 1202}]}", true)]
        [InlineData("{\"alarms\": [{\"code\": \"VitalStop\", \"fromS\": 1202}]}", false)]
        [InlineData("{\"alarms\": [{\"code\": \"VitalStop\", \"count\": 2}]}", false)]
        [InlineData("{\"alarms\": [{\"code\": \"Occlusion\"}]}", false)]
        [InlineData("{\"noAlarms\": [{\"code\": \"Occlusion\"}]}", true)]
        [InlineData("{\"noAlarms\": [{\"priority\": \"high\"}]}", false)]
        [InlineData("{\"noAlarms\": [{\"code\": \"VitalStop\", \"toS\": 1200}]}", true)]
        [InlineData("{\"interlockTrips\": [{\"cause\": \"vitals\", \"maxStopLatencyMs\": 50, \"maxStepsAfterTrip\": 5}]}", true)]
        [InlineData("{\"interlockTrips\": [{\"cause\": \"vitals sbp=205\", \"fromS\": 1201, \"toS\": 1202}]}", true)]
        [InlineData("{\"interlockTrips\": [{\"cause\": \"vital\"}]}", false)]
        [InlineData("{\"interlockTrips\": [{\"cause\": \"occlusion\"}]}", false)]
        [InlineData("{\"interlockTripCount\": 1, \"deliveredThroughOnly\": [], \"holds\": 0, \"resumes\": 0, \"controllerBoots\": 1}", true)]
        [InlineData("{\"holds\": {\"min\": 1}}", false)]
        [InlineData("{\"peakLinePressureKPa\": {\"max\": 8}}", false)]
        [InlineData("{\"timeToCompleteMin\": {\"min\": 39.95, \"max\": 40.05}}", false)]
        public void Evaluate_AgainstAStoppedRun_PassesOnlyWhatIsTrue(string expect, bool passes)
        {
            Verdict[] verdicts = Judge(expect, Facts());
            Assert.NotEmpty(verdicts);
            Assert.Equal(passes, verdicts.All(v => v.Passed));
        }

        [Fact]
        public void Evaluate_StepsAfterTripAboveTheLimit_FailsWithWhatHappened()
        {
            var trips = new List<RunSummary.TripBlock> { new RunSummary.TripBlock { AtMs = 900_000, Cause = "occlusion", StopLatencyMs = 2738, StepsAfterTrip = 231 } };

            Verdict v = Judge("{\"interlockTrips\": [{\"cause\": \"occlusion\", \"maxStopLatencyMs\": 3000, \"maxStepsAfterTrip\": 200}]}", Facts(trips: trips)).Single();

            Assert.False(v.Passed);
            Assert.Equal("expect.interlockTrips[0]", v.Field);
            Assert.Contains("at most 200 steps after", v.Expected);
            Assert.Contains("stopped after 2738 ms, 231 steps after", v.Actual);
        }

        [Fact]
        public void Evaluate_LedgerBelowTheBalance_FailsNamingBoth()
        {
            Verdict v = Judge("{\"ledgerNeverBelowTruth\": true}", Facts(deliveredMl: 13.3332, ledgerMl: 12.7559)).Single();

            Assert.False(v.Passed);
            Assert.Equal("ledger 12.7559 mL, delivered 13.3332 mL", v.Actual);
        }

        [Fact]
        public void Evaluate_LedgerAboveProgrammed_FailsNeverMoreThanProgrammed()
        {
            Assert.False(Judge("{\"neverMoreThanProgrammed\": true}", Facts(deliveredMl: 35, ledgerMl: 35.001)).Single().Passed);
            Assert.False(Judge("{\"neverMoreThanProgrammed\": true}", Facts(deliveredMl: 35.05, ledgerMl: 35)).Single().Passed);
            Assert.True(Judge("{\"neverMoreThanProgrammed\": true}", Facts(deliveredMl: 35.0013, ledgerMl: 35)).Single().Passed);
        }

        [Fact]
        public void Evaluate_DeliveredThroughAnUnlistedTrigger_FailsNamingIt()
        {
            var through = new List<RunSummary.TripBlock> { new RunSummary.TripBlock { AtMs = 306_000, Cause = "bytes" }, new RunSummary.TripBlock { AtMs = 900_000, Cause = "sensorFault:force" } };

            Verdict v = Judge("{\"deliveredThroughOnly\": [\"bytes\"]}", Facts(through: through)).Single();

            Assert.False(v.Passed);
            Assert.Equal("delivered through sensorFault:force at 900 s", v.Actual);
        }

        [Fact]
        public void Evaluate_TimeToComplete_JudgedOnlyWhenCompleted()
        {
            Assert.True(Judge("{\"timeToCompleteMin\": {\"min\": 39.95, \"max\": 40.05}}", Facts(outcome: "completed", timeMin: 39.9992)).Single().Passed);
            Verdict v = Judge("{\"timeToCompleteMin\": {\"max\": 41}}", Facts()).Single();
            Assert.False(v.Passed);
            Assert.Equal("did not complete (outcome stopped)", v.Actual);
        }

        [Fact]
        public void Transition_EventLogLine_IsReadIntoFromAndTo()
        {
            Assert.True(RunFacts.TryParseTransition("INFUSING -> VITALS HOLD (VitalsHold)", out string from, out string to));
            Assert.Equal(("INFUSING", "VITALS HOLD"), (from, to));
            Assert.False(RunFacts.TryParseTransition("power lost", out _, out _));
        }
    }
}
