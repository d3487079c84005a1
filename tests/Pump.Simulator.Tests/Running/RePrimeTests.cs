using System.Linq;
using Pump.Core.Control;
using Pump.Sim.Running;
using Pump.Sim.Scenarios;
using Xunit;

namespace Pump.Simulator.Tests.Running
{
    /// <summary>A re-prime in the simulator happens only after the clinician answered both questions, into waste.</summary>
    public class RePrimeTests
    {
        // Proves: STM-011, PNL-008
        [Fact]
        public void ClampOpenedWhilePriming_ClinicianConfirmsTheLineIsOffThePatient_ThePrimeGoesToWasteAndTheDoseIsExact()
        {
            var run = new SimulationRun(DefaultScenario.Create(), new RunOptions());
            while (run.Controller.Pump == null || run.Controller.Pump.State != PumpState.Priming)
            {
                Assert.True(run.Step());
            }
            run.Pump.Clamp.ClampClosed = false;
            for (int i = 0; i < 10; i++)
            {
                run.Step();
            }
            run.Pump.Clamp.ClampClosed = true;
            run.Run();

            Assert.Contains(run.Events, e => e.Kind == "clinician" && e.Detail.Contains("primes again into waste"));
            Assert.Equal(PumpState.Completed, run.Controller.Pump!.State);
            // Both primes went to waste: the patient got the programme, not the priming volume.
            Assert.InRange(run.DeliveredMl, 35 * 0.999, 35 * 1.001);
            Assert.Equal(1, run.Events.Count(e => e.Kind == "clinician" && e.Detail.Contains("connects the line")));
        }
    }
}
