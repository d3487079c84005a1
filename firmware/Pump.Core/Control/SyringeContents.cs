using Pump.Core.Common;
using Pump.Core.Persistence;
using Pump.Core.Programming;
using Pump.Core.Units;

namespace Pump.Core.Control
{
    /// <summary>
    /// How much drug the syringe holds, read from the plunger position, against what the program still needs
    /// (STM-005, PNL-009): less needs the clinician's confirmation after seeing both volumes, logged.
    /// </summary>
    public sealed class SyringeContents
    {
        private readonly PumpSettings _settings;
        private readonly SensorFrame _frame;
        private readonly MotionChannel _motion;
        private readonly EventLog _log;
        private const long Unknown = -1;
        private bool _confirmed;

        internal SyringeContents(PumpSettings settings, SensorFrame frame, MotionChannel motion, EventLog log)
        {
            _settings = settings;
            _frame = frame;
            _motion = motion;
            _log = log;
        }

        /// <summary>Less loaded than needed and not yet confirmed, with both volumes (nL, rounded down).</summary>
        internal bool Shortfall(InfusionProgram? program, SyringeCalibration? calibration, long deliveredNl, out long loadedNl, out long programNl)
        {
            loadedNl = 0;
            programNl = 0;
            if (program == null || calibration == null || _confirmed)
            {
                return false;
            }

            long loaded = LoadedMicrosteps(calibration);
            if (loaded == Unknown || loaded >= Needed(program))
            {
                return false;
            }

            calibration.TryMicrostepsToNl(loaded, out loadedNl);
            programNl = program.VolumeNl - deliveredNl;
            return true;
        }

        internal bool Confirm(InfusionProgram? program, SyringeCalibration? calibration, long deliveredNl)
        {
            long loadedNl;
            long programNl;
            if (!Shortfall(program, calibration, deliveredNl, out loadedNl, out programNl))
            {
                return false;
            }

            _confirmed = true;
            _log.Append(PumpEvent.ShortfallConfirmed, 0, 0, (int)IntMath.Min(loadedNl / 1000, int.MaxValue), (int)IntMath.Min(programNl / 1000, int.MaxValue));
            return true;
        }

        /// <summary>Enough loaded, or the shortfall confirmed; unknown contents are not enough.</summary>
        internal bool Sufficient(InfusionProgram? program, SyringeCalibration? calibration)
        {
            if (program == null || calibration == null)
            {
                return false;
            }

            long loaded = LoadedMicrosteps(calibration);
            return loaded != Unknown && (_confirmed || loaded >= Needed(program));
        }

        internal void Forget()
        {
            _confirmed = false;
        }

        private long Needed(InfusionProgram program)
        {
            return program.TotalMicrosteps - _motion.Ledger.CountedMicrosteps;
        }

        /// <summary>Microsteps of drug left before the empty position (0 at or past it), or Unknown when the
        /// position cannot say. Returned, not an out parameter, so every mutant of its callers compiles.</summary>
        private long LoadedMicrosteps(SyringeCalibration calibration)
        {
            if (!_frame.PositionOk)
            {
                return Unknown;
            }

            long leftUm = _settings.EmptyPositionUm - _frame.PositionUm;
            if (leftUm <= 0)
            {
                return 0;
            }

            long microsteps;
            return calibration.TryTravelUmToMicrosteps(leftUm, out microsteps) ? microsteps : Unknown;
        }
    }
}
