using System.Globalization;
using CsCheck;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    public class RandomScenarioTests
    {
        private static readonly string[] Types = { "linkLoss", "wrongMonitor", "probeOff", "occlusion", "clampOpen", "motorStall", "runaway", "driverFault", "hang" };

        // Proves: SIM-020
        [Fact]
        public void AnyAcceptedScenario_RunsToItsEnd_WithoutAnExceptionReachingTheCaller()
        {
            var gen = Gen.Select(Gen.Double[20, 200], Gen.Double[0.05, 1.5], Gen.OneOfConst(0.5, 1.0, 2.0, 10.0), Gen.Int[5, 120],
                Gen.OneOfConst("BD60", "BD20", "TERUMO60", "HSW50"), Gen.Int[0, Types.Length - 1], Gen.Double[30, 200], Gen.Double[0.1, 90]);
            gen.Sample((kg, dose, conc, minutes, syringe, type, atS, durS) =>
            {
                string json = string.Format(CultureInfo.InvariantCulture,
                    "{{\"seed\": 3, \"syringe\": \"{0}\", \"endAfterMin\": 4, \"patient\": {{\"weightKg\": {1}}}, " +
                    "\"program\": {{\"doseMgPerKg\": {2}, \"concentrationMgPerMl\": {3}, \"durationMin\": {4}, \"confirmSoftLimits\": true}}, " +
                    "\"clinician\": {{\"resumeWhenSafe\": true, \"acknowledgeAfterS\": 5}}, " +
                    "\"events\": [{{\"atS\": {5}, \"type\": \"{6}\", \"durationS\": {7}}}, {{\"atS\": {8}, \"type\": \"powerLoss\", \"offS\": 5, \"duringWrite\": true}}]}}",
                    // Weight and dose on the panel's grid (0.1 kg, 0.01 mg/kg): the loader refuses what the panel cannot take.
                    syringe, System.Math.Round(kg, 1), System.Math.Round(dose, 2), conc, minutes, atS, Types[type], durS, atS + 10);
                Scenario s = ScenarioLoader.Parse(json);
                var run = new SimulationRun(s);
                run.Run();
                RunSummary summary = RunSummary.From(run, 0);
                Assert.Equal(240_000, summary.SimulatedMs);
                Assert.DoesNotContain(run.Events, e => e.Kind == "crash");
                Assert.DoesNotContain(summary.Alarms, a => a.Code == "SoftwareFault");
            }, iter: 60);
        }
    }
}
