namespace Pump.Core.Supervision
{
    /// <summary>Verdict of the plunger-position check.</summary>
    public enum PositionVerdict
    {
        Ok = 0,
        /// <summary>Plunger ahead of the ledger (motion without pulses).</summary>
        Over = 1,
        /// <summary>Plunger behind the ledger (pulses without motion).</summary>
        Under = 2,
    }

    /// <summary>
    /// Cross-checks the independent plunger position with the ledger (TEC-005): the position expected
    /// from the counted microsteps since the last re-base, against the measured one. A deviation beyond
    /// the tolerance held for longer than the window raises over- or under-infusion. The tolerance is
    /// set above the position sensor's noise; the window is seconds, not GIP's 15 minutes.
    /// </summary>
    public sealed class PositionSupervisor
    {
        /// <summary>Deviation tolerance (µm): above a 12-bit potentiometer's noise over 100 mm of travel.</summary>
        public const int ToleranceMicrometres = 400;

        /// <summary>How long a deviation must persist.</summary>
        public const long WindowUs = 3000000;

        private long _baseCounted;
        private int _basePositionUm;
        private long _deviatingSinceUs;
        private int _deviatingSign;

        /// <summary>Microsteps per micrometre of plunger travel, as numerator/denominator.</summary>
        private readonly long _microstepsPerMm;

        public PositionSupervisor(long microstepsPerMillimetre)
        {
            _microstepsPerMm = microstepsPerMillimetre;
        }

        /// <summary>Last deviation, measured − expected (µm).</summary>
        public long DeviationMicrometres { get; private set; }

        /// <summary>Takes a new reference: the plunger is at positionUm when the counter reads countedMicrosteps.</summary>
        public void Rebase(long countedMicrosteps, int positionMicrometres)
        {
            _baseCounted = countedMicrosteps;
            _basePositionUm = positionMicrometres;
            _deviatingSinceUs = -1;
            _deviatingSign = 0;
            DeviationMicrometres = 0;
        }

        /// <summary>Checks one reading.</summary>
        public PositionVerdict Check(long countedMicrosteps, int positionMicrometres, long nowUs)
        {
            long expectedUm = _basePositionUm + ((countedMicrosteps - _baseCounted) * 1000 / _microstepsPerMm);
            long deviation = positionMicrometres - expectedUm;
            DeviationMicrometres = deviation;
            int sign = deviation > ToleranceMicrometres ? 1 : (deviation < -ToleranceMicrometres ? -1 : 0);
            if (sign == 0)
            {
                _deviatingSinceUs = -1;
                _deviatingSign = 0;
                return PositionVerdict.Ok;
            }

            if (sign != _deviatingSign || _deviatingSinceUs < 0)
            {
                _deviatingSign = sign;
                _deviatingSinceUs = nowUs;
            }

            if (nowUs - _deviatingSinceUs < WindowUs)
            {
                return PositionVerdict.Ok;
            }

            return sign > 0 ? PositionVerdict.Over : PositionVerdict.Under;
        }
    }
}
