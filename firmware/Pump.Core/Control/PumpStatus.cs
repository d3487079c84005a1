using Pump.Core.Alarms;
using Pump.Core.Interlock;
using Pump.Core.Link;
using Pump.Core.Programming;

namespace Pump.Core.Control
{
    /// <summary>
    /// What a person at the bedside can know about the pump, published once per tick after the act phase: the
    /// screens render from it, and the simulator's clinician decides from it and from the display. Overwritten
    /// in place every tick (no allocation); references it holds (program, vitals, rule) are read-only values.
    /// </summary>
    public sealed class PumpStatus
    {
        public PumpState State { get; private set; }

        /// <summary>The confirmed program, null without one.</summary>
        public InfusionProgram? Program { get; private set; }

        /// <summary>The program's drug entry (its name is shown while the session runs, PNL-403).</summary>
        public Library.DrugEntry? Drug { get; private set; }

        /// <summary>Delivered volume and dose, rounded down (nL, µg).</summary>
        public long DeliveredVolumeNl { get; private set; }

        public long DeliveredDoseUg { get; private set; }

        /// <summary>Counted microsteps of the program (for the time left).</summary>
        public long CountedMicrosteps { get; private set; }

        /// <summary>The alarm the annunciator shows (None without one).</summary>
        public AlarmCode HighestAlarm { get; private set; }

        /// <summary>The vital-sign rule behind a vital alarm, or null.</summary>
        public VitalRule? ActiveVitalRule { get; private set; }

        /// <summary>The drug needs vitals and a frame has been accepted: <see cref="LatestVitals"/> is meaningful.</summary>
        public bool VitalsShown { get; private set; }

        public VitalSigns? LatestVitals { get; private set; }

        public bool LinePrimed { get; private set; }

        public bool PrimedOnce { get; private set; }

        /// <summary>The last refusal's reason (empty if none).</summary>
        public string LastRejection { get; private set; } = "";

        /// <summary>A session that could not be restored: its delivered upper bound (nL; -1 when none) and dose (µg).</summary>
        public long UnrestoredDeliveredNl { get; private set; } = -1;

        public long UnrestoredDoseUg { get; private set; }

        /// <summary>While programming: the reviewed program with its findings (the review and soft-limit screens show them), or null.</summary>
        public ProgramResult? ReviewResult { get; private set; }

        /// <summary>While programming: the limit a value just entered crosses (its own screen shows it), or null.</summary>
        public Finding? EntryFinding { get; private set; }

        internal void Publish(PumpController pump)
        {
            State = pump.State;
            Program = pump.Program;
            Drug = pump.Drug;
            DeliveredVolumeNl = pump.DeliveredVolumeNl();
            DeliveredDoseUg = pump.DeliveredDoseUg();
            CountedMicrosteps = pump.Ledger.CountedMicrosteps;
            HighestAlarm = pump.Alarms.Highest;
            InterlockVerdict verdict = pump.Interlock.Verdict;
            ActiveVitalRule = verdict.ActiveRule;
            VitalsShown = pump.InterlockRequired && verdict.HasVitals;
            LatestVitals = verdict.LatestVitals;
            LinePrimed = pump.LinePrimed;
            PrimedOnce = pump.PrimedOnce;
            LastRejection = pump.LastRejection;
            UnrestoredDeliveredNl = pump.UnrestoredDeliveredNl;
            UnrestoredDoseUg = pump.UnrestoredDoseUg;
            bool programming = State == PumpState.Programming;
            ReviewResult = programming ? pump.Panel.Wizard.Result : null;
            EntryFinding = programming ? pump.Panel.Wizard.EntryFinding : null;
        }
    }
}
