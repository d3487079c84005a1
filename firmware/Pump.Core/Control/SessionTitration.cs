using Pump.Core.Common;
using Pump.Core.Library;
using Pump.Core.Programming;
using Pump.Core.Units;

namespace Pump.Core.Control
{
    /// <summary>
    /// The running rate of one session against its programmed one (TIT): plans a new rate from the programmed
    /// program (<see cref="TitrationPlanner"/>), holds the clinician's confirmed choice until the table lets it
    /// take effect, and remembers the titrated rate for the snapshot and the restore. The totals never change;
    /// only the schedule's rate does. Nothing here moves the motor (InfusionSession re-anchors it).
    /// </summary>
    public sealed class SessionTitration
    {
        private readonly PumpSettings _settings;
        private readonly SessionLog _log;
        private InfusionProgram? _programmed;
        private ProgramResult? _pending;
        private long _titratedRate;

        internal SessionTitration(PumpSettings settings, SessionLog log)
        {
            _settings = settings;
            _log = log;
        }

        /// <summary>The program as confirmed at review (the base every titration is planned from).</summary>
        public InfusionProgram? Programmed { get { return _programmed; } }

        /// <summary>The running rate in the drug's titration unit when titrated; 0 at the programmed rate.</summary>
        public long TitratedRate { get { return _titratedRate; } }

        /// <summary>A checked and confirmed rate waits for the table (guard fact, TIT-002).</summary>
        public bool Pending { get { return _pending != null; } }

        /// <summary>A newly adopted (or restored) program runs at its programmed rate.</summary>
        internal void Adopted(InfusionProgram? programmed)
        {
            _programmed = programmed;
            _pending = null;
            _titratedRate = 0;
        }

        /// <summary>The programmed infusion at a new rate, checked against the entry (null when nothing is programmed).</summary>
        internal ProgramResult? Plan(DrugEntry? drug, SyringeCalibration? calibration, long rate)
        {
            if (_programmed == null || drug == null || calibration == null)
            {
                return null;
            }

            return TitrationPlanner.Plan(drug, _programmed, calibration, rate, _settings.MaxMicrostepsPerSecond);
        }

        /// <summary>
        /// The clinician confirmed this plan (its soft findings included). Refused when it was rejected or planned for
        /// another program. A hard refusal shown at entry is logged by <see cref="LogRefused"/>.
        /// </summary>
        internal bool Confirm(ProgramResult plan)
        {
            InfusionProgram? p = plan.Program;
            if (p == null || plan.Outcome == ProgramOutcome.Rejected || _programmed == null
                || p.DrugId != _programmed.DrugId || p.TotalMicrosteps != _programmed.TotalMicrosteps || p.VolumeNl != _programmed.VolumeNl)
            {
                _pending = null;
                return false;
            }

            _pending = plan;
            return true;
        }

        /// <summary>A confirmation answers one question in one state: any other transition drops it.</summary>
        internal void Drop()
        {
            _pending = null;
        }

        /// <summary>
        /// Takes the confirmed rate: logs each soft-limit override and the change (old and new rate), and returns the
        /// program to run; null when nothing was pending.
        /// </summary>
        internal InfusionProgram? Take(InfusionProgram running)
        {
            ProgramResult? plan = _pending;
            _pending = null;
            if (plan == null || plan.Program == null || _programmed == null)
            {
                return null;
            }

            for (int i = 0; i < plan.FindingCount; i++)
            {
                Finding f = plan.GetFinding(i);
                _log.Append(PumpEvent.SoftLimitOverride, 0, (int)f.Kind, Clip(f.Value));
            }

            InfusionProgram next = plan.Program;
            long newRate = TitrationPlanner.RateOf(next);
            _log.Append(PumpEvent.RateTitrated, 0, Clip(LoggedRate(running)), Clip(LoggedRate(next)));
            _titratedRate = next == _programmed ? 0 : newRate;
            return next;
        }

        /// <summary>A restored session: the titrated program the snapshot described (recomputed and matched by the restorer).</summary>
        internal void Restored(InfusionProgram running, long titratedRate)
        {
            _titratedRate = titratedRate;
            _log.Append(PumpEvent.TitratedRateRestored, 0, Clip(LoggedRate(running)), 0);
        }

        /// <summary>A rate refused at entry by a hard limit: the attempt is on record (kind and value entered).</summary>
        internal void LogRefused(ProgramResult plan)
        {
            if (plan.FindingCount > 0)
            {
                Finding f = plan.GetFinding(0);
                _log.Append(PumpEvent.TitrationRefused, 0, (int)f.Kind, Clip(f.Value));
            }
        }

        /// <summary>The logged unit: µg/kg/h, or µL/h for a plain mL/h program (nL/h would not fit an int).</summary>
        private static long LoggedRate(InfusionProgram p)
        {
            return p.Mode == DoseMode.PlainRate ? p.RateNlPerH / 1000 : p.RateUgPerKgPerH;
        }

        private static int Clip(long v)
        {
            return (int)IntMath.Max(IntMath.Min(v, int.MaxValue), int.MinValue);
        }
    }
}
