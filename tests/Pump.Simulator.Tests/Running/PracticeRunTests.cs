using Pump.Hal;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    /// <summary>`interactive` with a person as the clinician: keys at the panel, the line connected by hand.</summary>
    public sealed class PracticeRunTests
    {
        // Proves: PNL-404
        [Fact]
        public void PersonAsClinician_LineConnectedAfterPriming_PatientReceivesTheDeliveredKetamine()
        {
            Scenario s = DefaultScenario.Create();
            s.Clinician.StartAfterS = s.EndAfterMin * 60 + 1;   // the virtual clinician stays away, as in `interactive`
            s.Clinician.AcknowledgeAfterS = null;
            var run = new SimulationRun(s);
            Step(run, 2000);
            // The 15-press default program (PNL-400): new, ketamine 1 mg/mL, no id, 70 kg (Down x3, ones, tenths, commit),
            // the library's dose, duration and BD 60 with one OK, review 1/2 and 2/2, prime; then primed and start.
            Press(run, PanelKey.Ok, PanelKey.Ok, PanelKey.Ok, PanelKey.Down, PanelKey.Down, PanelKey.Down, PanelKey.Ok, PanelKey.Ok,
                PanelKey.Ok, PanelKey.Ok, PanelKey.Ok, PanelKey.Ok, PanelKey.Ok);
            Step(run, 3000);
            Press(run, PanelKey.Ok);                            // primed
            Assert.False(run.LineOnPatient);
            run.ConnectLineByHand();
            Assert.True(run.LineOnPatient);
            Press(run, PanelKey.Start);
            Assert.Equal("INFUSING", run.Observation.State?.ToUpperInvariant());
            Step(run, 5 * 60 * 1000);
            Assert.True(run.DeliveredMl > 4, "delivered to the patient: " + run.DeliveredMl);
            Assert.True(run.Patient.CpNgPerMl > 20, "plasma ketamine " + run.Patient.CpNgPerMl); // 0 until the line is connected
        }

        // Proves: PNL-404
        [Fact]
        public void PracticeKeys_EachInjectsItsScenarioFault()
        {
            Scenario s = DefaultScenario.Create();
            bool raised = false;
            foreach (char key in "123456")
            {
                ScenarioEvent? e = Pump.Simulator.Commands.InteractiveCommand.Practice(key, s, ref raised);
                Assert.NotNull(e);
            }

            Assert.True(raised);
            Assert.Equal(ScenarioEventType.Release, Pump.Simulator.Commands.InteractiveCommand.Practice('4', s, ref raised)!.Type);
            Assert.Null(Pump.Simulator.Commands.InteractiveCommand.Practice('x', s, ref raised));
        }

        private static void Press(SimulationRun run, params PanelKey[] keys)
        {
            foreach (PanelKey k in keys)
            {
                run.Pump.Keypad.Press(k);
                Step(run, 300);
            }
        }

        private static void Step(SimulationRun run, long ms)
        {
            long until = run.NowMs + ms;
            while (run.NowMs < until && !run.Finished)
            {
                run.Step();
            }
        }
    }
}
