using Pump.Core.Common;
using Pump.Core.Programming;
using Pump.Core.Supervision;
using Pump.Core.Units;

namespace Pump.Core.Control
{
    /// <summary>
    /// What the loaded syringe and the unit's mechanism make of a program: the occlusion detector (from the bore
    /// area), the plunger-position supervisor (from the lead screw) and the mechanism's step-rate check (PRG-011).
    /// Built when a program is adopted, forgotten with it.
    /// </summary>
    public sealed class SyringeSupervisors
    {
        private readonly PumpSettings _settings;
        private readonly MotionChannel _motion;
        private OcclusionDetector? _occlusion;
        private PositionSupervisor? _position;

        internal SyringeSupervisors(PumpSettings settings, MotionChannel motion)
        {
            _settings = settings;
            _motion = motion;
        }

        internal OcclusionDetector? Occlusion { get { return _occlusion; } }

        internal PositionSupervisor? Position { get { return _position; } }

        /// <summary>The program's step rate is one the mechanism can produce (PRG-011).</summary>
        internal bool WithinMechanism(InfusionProgram program)
        {
            // RateMicrosteps per RatePeriodUs ≤ Max per second  ⇔  RateMicrosteps × 1e6 ≤ Max × RatePeriodUs.
            // Both products stay below 1e16 for every program the programmer accepts (PRG, UNT ranges); one that
            // does not fit is refused by the explicit check (nanoCLR would wrap it, NFR-005).
            long demanded;
            long allowed;
            return IntMath.TryMultiply(program.RateMicrosteps, 1000000, out demanded)
                && IntMath.TryMultiply(_settings.MaxMicrostepsPerSecond, program.RatePeriodUs, out allowed)
                && demanded <= allowed;
        }

        /// <summary>New supervisors for the adopted program's syringe; the motion channel checks positions with them.</summary>
        internal void Build(SyringeCalibration calibration)
        {
            _occlusion = new OcclusionDetector(PlungerAreaUm2(calibration.Syringe.InnerDiameterUm), _settings.OcclusionLevel);
            Mechanism m = _settings.Mechanism;
            long perMm = calibration.MicrostepsPerMlNumerator > 0 ? (long)m.FullStepsPerRev * m.Microstepping * 1000 / m.LeadUm : 1;
            _position = new PositionSupervisor(perMm);
            _motion.Position = _position;
        }

        /// <summary>Motion starts (or resumes): pressure is judged afresh from here.</summary>
        internal void MotionStarted()
        {
            if (_occlusion != null)
            {
                _occlusion.Restart();
            }
        }

        internal void Forget()
        {
            _occlusion = null;
            _position = null;
            _motion.Position = null;
        }

        /// <summary>Bore area in µm², with π as 355/113 (the same approximation as the calibration).</summary>
        private static long PlungerAreaUm2(long innerDiameterUm)
        {
            return innerDiameterUm * innerDiameterUm * 355 / (113 * 4);
        }
    }
}
