using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Panel;
using Pump.Core.Programming;
using Pump.Hal;

namespace Pump.OnTarget.Scenarios
{
    /// <summary>
    /// The differential scenarios: the same script runs the core on nanoCLR and on .NET, and the two traces must
    /// be identical line by line. Each scenario starts from a fresh pump except power loss, which builds a
    /// second controller on the first one's store. Nano-compatible: no generics, lambdas or I/O.
    /// </summary>
    public static class ScenarioScript
    {
        /// <summary>The last line of a complete run; a trace without it did not finish.</summary>
        public const string EndMarker = "SCENARIOS COMPLETE";

        public static void RunAll(ILineSink sink)
        {
            ProgrammingThroughThePanel(sink);
            WholeInfusion(sink);
            HoldAndResume(sink);
            VitalStop(sink);
            LinkLoss(sink);
            Occlusion(sink);
            Rejections(sink);
            PowerLoss(sink);
            Titration(sink);
            sink.Line(EndMarker);
        }

        public static void ProgrammingThroughThePanel(ILineSink sink)
        {
            sink.Line("# programming through the panel");
            ScenarioBench bench = NewBench(sink);
            bench.RunTicks(4);
            bench.Screen("idle");
            bench.Press(PanelKey.Ok);
            bench.Screen("drug");
            bench.Press(PanelKey.Ok);
            bench.Screen("patient");
            bench.Press(PanelKey.Up);       // A
            bench.Press(PanelKey.Ok);
            bench.Press(PanelKey.Down);     // 9
            bench.Press(PanelKey.Ok);
            bench.Screen("patient-id");
            bench.Press(PanelKey.Ok);       // the blank ends the id: "A9"
            bench.EnterDigits("0700");
            bench.Screen("defaults");
            bench.Press(PanelKey.Ok);       // dose, duration and syringe as pre-filled, checked as if entered
            bench.Screen("review");
            bench.Press(PanelKey.Ok);
            bench.Screen("review-2");
            bench.Press(PanelKey.Ok);
            bench.Screen("accepted");
            bench.Trace("programmed");
        }

        public static void WholeInfusion(ILineSink sink)
        {
            sink.Line("# whole infusion");
            ScenarioBench bench = StartedKetamine(sink);
            bool completed = bench.RunUntilState(PumpState.Completed, 41 * 60);
            sink.Line("completed=" + (completed ? "yes" : "no"));
            bench.Screen("end");
            bench.Trace("end");
        }

        public static void HoldAndResume(ILineSink sink)
        {
            sink.Line("# hold and resume");
            ScenarioBench bench = StartedKetamine(sink);
            bench.RunSeconds(20);
            bench.Press(PanelKey.PauseStop);
            bench.RunSeconds(10);
            bench.Screen("paused");
            bench.Press(PanelKey.Start);
            bench.RunSeconds(20);
            bench.Trace("resumed");
        }

        public static void VitalStop(ILineSink sink)
        {
            sink.Line("# vital stop");
            ScenarioBench bench = StartedKetamine(sink);
            bench.RunSeconds(60);
            bench.Vitals = ScenarioBench.Typical(205, 100);
            bench.NewNibpReading();
            bench.RunSeconds(3);
            bench.Vitals = ScenarioBench.Typical(128, 80);
            bench.RunSeconds(5);
            bench.Press(PanelKey.Start);
            bench.Screen("after start");
            bench.Trace("stopped");
        }

        public static void LinkLoss(ILineSink sink)
        {
            sink.Line("# link loss");
            ScenarioBench bench = StartedKetamine(sink);
            bench.RunSeconds(30);
            bench.Vitals = null;
            bench.RunSeconds(10);
            bench.Screen("held");
            bench.Vitals = ScenarioBench.Typical(128, 80);
            bench.RunSeconds(20);
            bench.Trace("link back");
            bench.Press(PanelKey.Start);
            bench.RunSeconds(5);
            bench.Trace("resumed");
        }

        public static void Occlusion(ILineSink sink)
        {
            sink.Line("# occlusion");
            ScenarioBench bench = StartedKetamine(sink);
            bench.RunSeconds(30);
            bench.Occluded = true;
            bench.RunUntilState(PumpState.Alarm, 120);
            bench.RunSeconds(2);
            bench.Screen("occluded");
            sink.Line("pressure=" + bench.Controller.PressureMmHg.ToString() + "mmHg relief=" + bench.Controller.LastReliefMicrosteps.ToString());
        }

        public static void Rejections(ILineSink sink)
        {
            sink.Line("# rejections");
            ScenarioBench unprimed = NewBench(sink);
            ProgramKetamine(unprimed, "0700", "0050", "040", false);
            unprimed.Press(PanelKey.Start);
            unprimed.Screen("not primed");

            ScenarioBench silent = NewBench(sink);
            ProgramKetamine(silent, "0700", "0050", "040", true);
            silent.Vitals = null;
            silent.RunSeconds(10);
            silent.Press(PanelKey.Start);
            silent.Screen("monitor silent");

            ScenarioBench hypertensive = NewBench(sink);
            hypertensive.Vitals = ScenarioBench.Typical(165, 90);
            ProgramKetamine(hypertensive, "0700", "0050", "040", true);
            hypertensive.Press(PanelKey.Start);
            hypertensive.Screen("baseline high");

            ScenarioBench overdose = NewBench(sink);
            ProgramKetamine(overdose, "0700", "9990", "040", false);
            overdose.Screen("dose above hard limit");

            ScenarioBench idle = NewBench(sink);
            idle.RunTicks(4);
            byte[] library = LibraryCodec.Encode(ShippedLibrary.Build())!;
            library[library.Length / 2] ^= 0x5A;
            LibraryLoadResult corrupt = idle.Controller.InstallLibrary(library, 0, library.Length);
            sink.Line("corrupt library accepted=" + (corrupt.IsAccepted ? "yes" : "no") + " " + corrupt.ShortMessage);
            LibraryLoadResult truncated = idle.Controller.InstallLibrary(library, 0, 7);
            sink.Line("truncated library accepted=" + (truncated.IsAccepted ? "yes" : "no") + " " + truncated.ShortMessage);
        }

        public static void PowerLoss(ILineSink sink)
        {
            sink.Line("# power loss");
            ScenarioBench first = StartedKetamine(sink);
            first.RunSeconds(120);
            first.Trace("power cut");
            ScenarioBench second = new ScenarioBench(sink, first.Store, 2000000L, first.Sensors.PositionUm, first.Rtc.UtcSeconds + 30);
            second.PowerUp();
            second.RunSeconds(5);
            second.Screen("power back");
            second.RunSeconds(30);
            second.Trace("still paused");
            second.Press(PanelKey.Start);
            second.RunSeconds(10);
            second.Trace("resumed by clinician");
        }

        /// <summary>
        /// The rate lowered on the panel (0.75 to 0.50 mg/kg/h), a rate beyond the hard maximum refused at entry, then a
        /// power cut: the session comes back paused at the titrated rate and resumes at it only by the clinician (TIT).
        /// </summary>
        public static void Titration(ILineSink sink)
        {
            sink.Line("# titration");
            ScenarioBench first = StartedKetamine(sink);
            first.RunSeconds(60);
            first.Press(PanelKey.Down);
            first.Press(PanelKey.Down);
            first.Press(PanelKey.Down);
            first.Screen("new rate");
            first.Press(PanelKey.Ok);
            for (int i = 0; i < 5; i++)
            {
                first.Press(PanelKey.Down);
            }

            first.Press(PanelKey.Ok);
            first.Screen("change rate");
            first.Press(PanelKey.Ok);
            first.RunSeconds(30);
            first.Trace("titrated");
            first.Press(PanelKey.Up);
            first.Press(PanelKey.Back);
            first.Press(PanelKey.Back);
            first.Press(PanelKey.Up);
            first.Press(PanelKey.Ok);
            first.Press(PanelKey.Ok);
            first.Press(PanelKey.Ok);
            first.Press(PanelKey.Ok);
            first.Screen("beyond hard max");
            first.Press(PanelKey.PauseStop);
            first.RunSeconds(5);
            first.Trace("paused");
            ScenarioBench second = new ScenarioBench(sink, first.Store, 2000000L, first.Sensors.PositionUm, first.Rtc.UtcSeconds + 30);
            second.PowerUp();
            second.RunSeconds(5);
            sink.Line("restored rate=" + second.Controller.Program!.RateUgPerKgPerH.ToString() + "ug/kg/h");
            second.Press(PanelKey.Start);
            second.RunSeconds(10);
            second.Trace("resumed at the titrated rate");
        }

        /// <summary>Fresh hardware with a full syringe and an empty store, powered up.</summary>
        internal static ScenarioBench NewBench(ILineSink sink)
        {
            ScenarioBench bench = NewHardware(sink);
            bench.PowerUp();
            return bench;
        }

        /// <summary>Fresh hardware with a full syringe and an empty store, not yet powered up.</summary>
        internal static ScenarioBench NewHardware(ILineSink sink)
        {
            return new ScenarioBench(sink, new BenchStore(), 1000000L, ScenarioBench.FullSyringePositionUm, 1790000000L);
        }

        private static ScenarioBench StartedKetamine(ILineSink sink)
        {
            ScenarioBench bench = NewBench(sink);
            ProgramKetamine(bench, "0700", "0050", "040", true);
            bench.Press(PanelKey.Start);
            return bench;
        }

        /// <summary>Enters one value; a soft limit flagged at entry is kept, a hard one answers false.</summary>
        private static bool Field(ScenarioBench bench, string digits)
        {
            bench.EnterDigits(digits);
            if (bench.Controller.Panel.Step != PanelStep.EntryFinding)
            {
                return true;
            }

            Finding? f = bench.Controller.Panel.Wizard.EntryFinding;
            if (f == null || !f.IsSoft)
            {
                return false;
            }

            bench.Press(PanelKey.Ok);
            return true;
        }

        /// <summary>Ketamine at 1 mg/mL in a BD 60 mL syringe: weight, dose and minutes as panel digits.</summary>
        internal static void ProgramKetamine(ScenarioBench bench, string weight, string dose, string minutes, bool prime)
        {
            bench.RunTicks(4);
            bench.Press(PanelKey.Ok);       // new program: ketamine 1 mg/mL is offered first
            bench.Press(PanelKey.Ok);
            bench.Press(PanelKey.Ok);       // no patient id
            if (!Field(bench, weight))
            {
                return;
            }

            if (bench.Controller.Panel.Step == PanelStep.Defaults)
            {
                bench.Press(PanelKey.Down);  // change the pre-filled values: each on its own screen
            }

            if (!Field(bench, dose) || !Field(bench, minutes))
            {
                return; // refused where it was entered (PNL-401): the refusal stays on the screen
            }

            bench.Press(PanelKey.Ok);       // syringe
            bench.Press(PanelKey.Ok);       // review page 1
            bench.Press(PanelKey.Ok);       // review page 2: accepted
            if (prime)
            {
                bench.Press(PanelKey.Ok);
                bench.RunSeconds(1);
                bench.Press(PanelKey.Ok);
            }
        }
    }
}
