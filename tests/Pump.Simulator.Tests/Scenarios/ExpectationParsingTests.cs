using System.Linq;
using Pump.Sim.Scenarios;
using Pump.Sim.Scenarios.Expectations;
using Xunit;

namespace Pump.Simulator.Tests.Scenarios
{
    /// <summary>The `expect` block is read like every other field: wrong, unknown and contradictory expectations name the field.</summary>
    public class ExpectationParsingTests
    {
        private static ScenarioException Fails(string expect) =>
            Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("{\"endAfterMin\": 45, \"expect\": " + expect + "}"));

        // Proves: SIM-022
        [Theory]
        [InlineData("{\"outcom\": \"completed\"}", "expect.outcom", "unknown field")]
        [InlineData("{\"outcome\": \"finished\"}", "expect.outcome", "is not one of: completed")]
        [InlineData("{\"finalState\": \"DONE\"}", "expect.finalState", "is not one of")]
        [InlineData("{\"deliveredMl\": 35}", "expect.deliveredMl", "expected an object")]
        [InlineData("{\"deliveredMl\": {\"min\": 36, \"max\": 35}}", "expect.deliveredMl", "contradictory: min 36 is above max 35")]
        [InlineData("{\"deliveredMl\": {\"value\": 35, \"max\": 36}}", "expect.deliveredMl", "not both")]
        [InlineData("{\"deliveredMl\": {\"tolerance\": 1}}", "expect.deliveredMl.value", "required with tolerance")]
        [InlineData("{\"deliveredMl\": {\"value\": 35, \"tolerance\": -1}}", "expect.deliveredMl.tolerance", "out of range")]
        [InlineData("{\"holds\": -1}", "expect.holds", "out of range")]
        [InlineData("{\"holds\": 1.5}", "expect.holds", "whole number")]
        [InlineData("{\"ledgerNeverBelowTruth\": false}", "expect.ledgerNeverBelowTruth", "omit the field")]
        [InlineData("{\"alarms\": [{\"priority\": \"high\"}]}", "expect.alarms[0].code", "required")]
        [InlineData("{\"alarms\": [{\"code\": \"Explosion\"}]}", "expect.alarms[0].code", "is not one of")]
        [InlineData("{\"alarms\": [{\"code\": \"VitalStop\", \"priority\": \"low\"}]}", "expect.alarms[0].priority", "VitalStop is declared high priority")]
        [InlineData("{\"alarms\": [{\"code\": \"VitalStop\", \"fromS\": 100, \"toS\": 50}]}", "expect.alarms[0].toS", "before fromS")]
        [InlineData("{\"alarms\": [{\"code\": \"VitalStop\", \"toS\": 3000}]}", "expect.alarms[0].toS", "out of range")]
        [InlineData("{\"noAlarms\": [{}]}", "expect.noAlarms[0]", "needs a code, a priority")]
        [InlineData("{\"interlockTrips\": [{\"maxStopLatencyMs\": 50}]}", "expect.interlockTrips[0].cause", "required")]
        [InlineData("{\"interlockTrips\": {\"cause\": \"vitals\"}}", "expect.interlockTrips", "expected an array")]
        [InlineData("{\"rejection\": [\"\"]}", "expect.rejection[0]", "non-empty string")]
        [InlineData("{}", "expect", "at least one expectation")]
        [InlineData("{\"outcome\": \"held\", \"finalState\": \"STOPPED\"}", "expect.finalState", "contradictory: outcome 'held' ends in VITALS HOLD or PAUSED")]
        [InlineData("{\"outcome\": \"stopped\", \"timeToCompleteMin\": {\"max\": 41}}", "expect.timeToCompleteMin", "contradictory: a time to complete needs outcome 'completed'")]
        [InlineData("{\"outcome\": \"rejected\", \"holds\": 1}", "expect.holds", "never started")]
        [InlineData("{\"holds\": 1, \"resumes\": 2}", "expect.resumes", "contradictory")]
        [InlineData("{\"interlockTrips\": [{\"cause\": \"occlusion\"}], \"interlockTripCount\": 0}", "expect.interlockTripCount", "contradictory: no trips")]
        [InlineData("{\"neverMoreThanProgrammed\": true, \"deliveredMl\": {\"min\": 36}}", "expect.deliveredMl", "more than the 35 mL programmed")]
        [InlineData("{\"alarms\": [{\"code\": \"Occlusion\", \"fromS\": 100, \"toS\": 200}], \"noAlarms\": [{\"priority\": \"high\"}]}", "expect.noAlarms[0]", "contradicts expect.alarms[0]")]
        public void Parse_BadExpectation_ErrorNamesTheField(string expect, string field, string problem)
        {
            ScenarioException e = Fails(expect);
            Assert.Contains(e.Errors, x => x.Field == field && x.Problem.Contains(problem, System.StringComparison.Ordinal));
        }

        [Fact]
        public void Parse_FullExpectBlock_ReadsEveryKind()
        {
            Scenario s = ScenarioLoader.Parse(@"{ ""expect"": {
                ""outcome"": ""stopped"", ""finalState"": ""STOPPED"",
                ""deliveredMl"": { ""value"": 17.1, ""tolerance"": 0.1 }, ""ledgerMl"": { ""min"": 17 },
                ""ledgerNeverBelowTruth"": true, ""neverMoreThanProgrammed"": 0.5,
                ""alarms"": [ { ""code"": ""VitalStop"", ""priority"": ""high"", ""fromS"": 1200, ""toS"": 1210, ""count"": 1 } ],
                ""noAlarms"": [ { ""code"": ""Occlusion"" } ],
                ""interlockTrips"": [ { ""cause"": ""vitals"", ""maxStopLatencyMs"": 50, ""maxStepsAfterTrip"": 5 } ],
                ""interlockTripCount"": { ""min"": 1, ""max"": 2 }, ""deliveredThroughOnly"": [], ""holds"": 0, ""resumes"": 0,
                ""peakLinePressureKPa"": { ""max"": 10 }, ""controllerBoots"": 1 } }");

            Assert.Equal(15, s.Expectations.Count);
            Expectation delivered = s.Expectations.Single(e => e.Kind.Field == "deliveredMl");
            Assert.Equal(17.0, delivered.Range.Min, 9);
            Assert.Equal(17.2, delivered.Range.Max, 9);
            Assert.Equal(0.01, s.Expectations.Single(e => e.Kind.Field == "ledgerNeverBelowTruth").Tolerance);
            Assert.Equal(0.5, s.Expectations.Single(e => e.Kind.Field == "neverMoreThanProgrammed").Tolerance);
            AlarmExpectation a = s.Expectations.Single(e => e.Kind.Field == "alarms").Alarms.Single();
            Assert.Equal(("VitalStop", "high", 1200.0, 1210.0, 1.0, 1.0), (a.Code, a.Priority, a.FromS, a.ToS, a.Count.Min, a.Count.Max));
            TripExpectation t = s.Expectations.Single(e => e.Kind.Field == "interlockTrips").Trips.Single();
            Assert.Equal(("vitals", 50.0, 5L), (t.Cause, t.MaxStopLatencyMs, t.MaxStepsAfterTrip));
        }

        // Proves: SIM-023
        [Fact]
        public void Parse_ManyProblems_AllReportedAtOnceEachWithItsPath()
        {
            ScenarioException e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(@"{
                ""seed"": ""one"", ""patient"": { ""weightKg"": 70.05, ""colour"": ""blue"" },
                ""program"": { ""durationMin"": 40.5 },
                ""events"": [ { ""atS"": 10, ""type"": ""occlusion"" }, { ""atS"": 5, ""type"": ""explode"" } ],
                ""expect"": { ""outcome"": ""done"" } }"));

            Assert.Equal(new[] { "seed", "patient.weightKg", "patient.colour", "program.durationMin", "events[0].durationS", "events[1].type", "expect.outcome" },
                e.Errors.Select(x => x.Field).ToArray());
            Assert.Equal(7, e.Message.Split('\n').Length);
        }

        // Proves: SIM-024
        [Theory]
        [InlineData("{\"patient\": {\"weightKg\": 70.05}}", "patient.weightKg", "70.05 kg cannot be entered on the pump's panel: it takes steps of 0.1 kg")]
        [InlineData("{\"program\": {\"doseMgPerKg\": 0.505}}", "program.doseMgPerKg", "steps of 0.01 mg/kg")]
        [InlineData("{\"program\": {\"durationMin\": 40.5}}", "program.durationMin", "steps of 1 min")]
        [InlineData("{\"program\": {\"durationMin\": 1000}}", "program.durationMin", "does not fit the panel's 3-digit field")]
        [InlineData("{\"program\": {\"doseMgPerKg\": 100}}", "program.doseMgPerKg", "does not fit the panel's 4-digit field")]
        [InlineData("{\"program\": {\"doseMgPerKg\": 0.001}}", "program.doseMgPerKg", "steps of 0.01 mg/kg")]
        public void Parse_ValueThePanelCannotTake_RefusedInsteadOfTruncated(string json, string field, string problem)
        {
            ScenarioException e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json));
            Assert.Equal(field, e.Field);
            Assert.Contains(problem, e.Problem);
        }

        [Theory]
        [InlineData("{\"patient\": {\"weightKg\": 70.1}, \"program\": {\"doseMgPerKg\": 0.35, \"durationMin\": 999}}")]
        [InlineData("{\"patient\": {\"weightKg\": 0.3e3}, \"program\": {\"doseMgPerKg\": 0.07}}")]
        public void Parse_ValueOnThePanelsGrid_Accepted(string json)
        {
            Assert.NotNull(ScenarioLoader.Parse(json));
        }
    }
}
