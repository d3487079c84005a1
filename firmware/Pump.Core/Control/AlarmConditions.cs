using Pump.Core.Alarms;

namespace Pump.Core.Control
{
    /// <summary>
    /// Alarm conditions as data (DESIGN.md D8, ALM-001): for each condition-driven alarm, the supervision fact that
    /// raises it and the states it is armed in. Supervision builds the facts, then this table decides: an alarm's
    /// condition is present when its fact holds in a state it is armed in. Event alarms (power restored, watchdog
    /// reset, infusion complete...) are raised where they happen and have no row. hardware-docs/alarms.md lists it.
    /// </summary>
    public sealed class AlarmConditions
    {
        private const int Everywhere = (1 << PumpStates.Count) - 1;
        private const int AfterSelfTest = Everywhere & ~(1 << (int)PumpState.SelfTest);

        // The rows are built per instance, by the constructor, once with the pump: not in a static initializer,
        // because nanoCLR runs every type's static constructor at load in an order that does not follow
        // dependencies, so an initializer reading StateTraits could see its table still null (NFR-003: that made
        // every tick throw on nanoCLR and the pump go to FAILSAFE); not on first use in a tick, because the first
        // fact to come true (the untouched-panel callback after 60 s) then allocated the table mid-infusion
        // (BLD-004). One instance costs the same arrays a static table would, plus one object.
        private readonly AlarmCode[] _codes;
        private readonly int[] _facts;

        // Armed states as a bit set over PumpState; from the declared traits where one says it.
        private readonly int[] _armed;

        public AlarmConditions()
        {
            _codes = new AlarmCode[]
            {
                AlarmCode.CounterFault, AlarmCode.MotorStall, AlarmCode.MotorRunaway, AlarmCode.OverInfusion,
                AlarmCode.UnderInfusion, AlarmCode.Occlusion, AlarmCode.SyringeEmpty, AlarmCode.NearEmpty,
                AlarmCode.DoseLimitReached, AlarmCode.SyringeNotSecured, AlarmCode.DriverFault, AlarmCode.ForceSensorFault,
                AlarmCode.PositionSensorFault, AlarmCode.StorageFault, AlarmCode.DisplayFault, AlarmCode.CallbackPaused,
                AlarmCode.CallbackProgramming, AlarmCode.ClockInvalid, AlarmCode.VitalAdvisory, AlarmCode.VitalHold,
                AlarmCode.VitalStop, AlarmCode.VitalsLeaseLost, AlarmCode.UnpairedMonitor, AlarmCode.LinkErrors,
            };
            _facts = new int[]
            {
                SupervisionFacts.CounterFault, SupervisionFacts.MotorStall, SupervisionFacts.MotorRunaway, SupervisionFacts.OverInfusion,
                SupervisionFacts.UnderInfusion, SupervisionFacts.Occluded, SupervisionFacts.SyringeEmpty, SupervisionFacts.NearEmpty,
                SupervisionFacts.OverDose, SupervisionFacts.SyringeNotSecured, SupervisionFacts.DriverFault, SupervisionFacts.ForceSensorFault,
                SupervisionFacts.PositionSensorFault, SupervisionFacts.StorageFault, SupervisionFacts.DisplayFault, SupervisionFacts.StateLong,
                SupervisionFacts.Untouched, SupervisionFacts.ClockInvalid, SupervisionFacts.VitalAdvisory, SupervisionFacts.VitalHold,
                SupervisionFacts.VitalStop, SupervisionFacts.LeaseLost, SupervisionFacts.UnpairedMonitor, SupervisionFacts.LinkErrors,
            };
            _armed = new int[]
            {
                WithTrait(StateTraits.ProgramLoaded), Everywhere, Everywhere, Everywhere,
                Everywhere, States(PumpState.Infusing, PumpState.Alarm), State(PumpState.Infusing), State(PumpState.Infusing),
                WithTrait(StateTraits.SessionOpen) | States(PumpState.Completed, PumpState.Stopped), WithTrait(StateTraits.SyringeMustBeSecured), WithTrait(StateTraits.ProgramLoaded), WithTrait(StateTraits.ProgramLoaded),
                WithTrait(StateTraits.ProgramLoaded), WithTrait(StateTraits.MotorPermitted), AfterSelfTest, WithTrait(StateTraits.AwaitsClinician),
                States(PumpState.Programming, PumpState.Ready), AfterSelfTest, WithTrait(StateTraits.SessionOpen), WithTrait(StateTraits.SessionOpen),
                WithTrait(StateTraits.SessionOpen), States(PumpState.Infusing, PumpState.InterlockHold), WithTrait(StateTraits.ProgramLoaded), WithTrait(StateTraits.ProgramLoaded),
            };
        }

        public int Count { get { return _codes.Length; } }

        public AlarmCode CodeAt(int index)
        {
            return _codes[index];
        }

        public int FactAt(int index)
        {
            return _facts[index];
        }

        /// <summary>Whether the condition at an index is armed in a state.</summary>
        public bool ArmedIn(int index, PumpState state)
        {
            return (_armed[index] & (1 << (int)state)) != 0;
        }

        /// <summary>Sets every condition-driven alarm from this tick's facts in the current state.</summary>
        internal void Apply(SupervisionFacts facts, PumpState state, AlarmManager alarms, long nowUs)
        {
            for (int i = 0; i < _codes.Length; i++)
            {
                alarms.SetCondition(_codes[i], facts.Get(_facts[i]) && ArmedIn(i, state), nowUs);
            }
        }

        private static int WithTrait(int trait)
        {
            int mask = 0;
            for (int s = 0; s < PumpStates.Count; s++)
            {
                if (StateTraits.Has((PumpState)s, trait))
                {
                    mask |= 1 << s;
                }
            }

            return mask;
        }

        private static int State(PumpState a)
        {
            return 1 << (int)a;
        }

        private static int States(PumpState a, PumpState b)
        {
            return State(a) | State(b);
        }
    }
}
