using Pump.Core.Alarms;
using Pump.Core.Interlock;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Units;

namespace Pump.Core.Control
{
    /// <summary>
    /// What the clinician can ask of the pump from the panel: requests for the state table and the few
    /// confirmations and acknowledgements that are the clinician's own effects (each logged). The panel calls
    /// these, never the coordinator; nothing here moves the motor: only the table's transitions do.
    /// </summary>
    public sealed class ClinicianCommands : IProgrammingContext
    {
        private readonly PumpController _pump;
        private readonly TriggerQueue _queue;
        private readonly InfusionSession _session;
        private readonly VitalSignInterlock _interlock;
        private readonly AlarmManager _alarms;
        private readonly EventLog _log;
        private readonly LibraryKeeper _libraries;
        private readonly PumpSettings _settings;

        internal ClinicianCommands(PumpController pump, TriggerQueue queue, InfusionSession session, VitalSignInterlock interlock,
            AlarmManager alarms, EventLog log, LibraryKeeper libraries, PumpSettings settings)
        {
            _libraries = libraries;
            _settings = settings;
            _pump = pump;
            _queue = queue;
            _session = session;
            _interlock = interlock;
            _alarms = alarms;
            _log = log;
        }

        /// <summary>Queues a request for the table; false when the clinician's share of the queue is full.</summary>
        public bool Request(PumpTrigger trigger)
        {
            return _queue.Request(trigger);
        }

        /// <summary>
        /// The resume key: asks the table to resume. Acknowledging the latched vital-sign holds is part of the
        /// interlock's resume command, run by the entry action only when the table grants the resume (STM-006).
        /// </summary>
        public bool Resume()
        {
            return _queue.Request(PumpTrigger.RequestResume);
        }

        /// <summary>The second deliberate step before a re-prime (PNL-008): logged; Ready only.</summary>
        public bool ConfirmLineDisconnected()
        {
            if (_pump.State != PumpState.Ready)
            {
                return false;
            }

            _session.Line.ConfirmDisconnected();
            return true;
        }

        /// <summary>Less drug loaded than the program needs, not yet confirmed, with both volumes (PNL-009).</summary>
        public bool StartShortfall(out long loadedNl, out long programNl)
        {
            return _session.Shortfall(out loadedNl, out programNl);
        }

        /// <summary>The clinician saw both volumes and starts anyway (logged); Ready only.</summary>
        public bool ConfirmShortfall()
        {
            return _pump.State == PumpState.Ready && _session.ConfirmShortfall();
        }

        /// <summary>
        /// A new running rate in the drug's unit (µg/kg/h, or nL/h for a plain mL/h program), checked against the
        /// entry at entry (TIT-001); a hard refusal is logged. Null when no program is loaded.
        /// </summary>
        public ProgramResult? CheckTitration(long rate)
        {
            ProgramResult? plan = _session.Titration.Plan(_session.Drug, _session.Calibration, rate);
            if (plan != null && plan.Outcome == ProgramOutcome.Rejected)
            {
                _session.Titration.LogRefused(plan);
            }

            return plan;
        }

        /// <summary>
        /// The clinician confirmed the new rate (after every soft finding was confirmed twice): the table decides
        /// whether it takes effect (Infusing only, TIT-002). False when the clinician's share of the queue is full.
        /// </summary>
        public bool ConfirmTitration(ProgramResult plan)
        {
            _session.Titration.Confirm(plan);
            return _queue.Request(PumpTrigger.ConfirmTitration);
        }

        /// <summary>Silence: pauses the alarm audio for at most two minutes (ALM-003), logged.</summary>
        public void SilenceAlarms(long nowUs)
        {
            if (_alarms.PauseAudio(nowUs))
            {
                _log.Append(PumpEvent.AudioPaused, 0, 0, (int)_alarms.Highest, 0);
            }
        }

        /// <summary>OK on an alarm screen: latched alarms whose cause has gone are cleared. Returns how many.</summary>
        public int AcknowledgeAlarms(long nowUs)
        {
            int n = _alarms.Acknowledge(nowUs);
            if (n > 0)
            {
                _log.Append(PumpEvent.AlarmsAcknowledged, 0, 0, n, 0);
            }

            return n;
        }

        /// <summary>The wizard's validated program at the end of review; the table then moves to Ready.</summary>
        internal void AdoptConfirmedProgram(DrugEntry drug, SyringeCalibration calibration, ProgramResult result, long patientId)
        {
            if (_session.AdoptConfirmed(drug, calibration, result, patientId))
            {
                _queue.Enqueue(PumpTrigger.ConfirmProgram);
            }
        }

        public DrugLibrary Library { get { return _libraries.Library; } }

        public Mechanism Mechanism { get { return _settings.Mechanism; } }

        public SpacingCheckResult SpacingCheck { get { return _session.Spacing.Result; } }

        public bool WithinMechanism(InfusionProgram program)
        {
            return _session.WithinMechanism(program);
        }

        public SpacingCheckResult CheckSpacing(DrugEntry drug)
        {
            return _session.Spacing.Check(drug);
        }
    }
}
