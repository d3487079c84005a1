using Pump.Core.Common;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// Session spacing for the drug being programmed (HIS): checked for the review screen, a soft finding
    /// overridden there (logged), and checked again at Start, where the override stands only if the verdict
    /// is still the same soft one (HIS-005).
    /// </summary>
    public sealed class SpacingGate
    {
        private readonly PumpHardware _hw;
        private readonly PumpPersistence _persistence;
        private readonly SpacingCheckResult _result = new SpacingCheckResult();
        private bool _overridden;

        internal SpacingGate(PumpHardware hw, PumpPersistence persistence)
        {
            _hw = hw;
            _persistence = persistence;
        }

        /// <summary>The last check, as shown on the review screen.</summary>
        public SpacingCheckResult Result { get { return _result; } }

        /// <summary>Checks the spacing of a drug now (RTC and history); a previous override is forgotten.</summary>
        internal SpacingCheckResult Check(DrugEntry drug)
        {
            _result.Clear();
            _overridden = false;
            if (!drug.HasSessionRules)
            {
                _result.Verdict = SpacingVerdict.Allowed;
                return _result;
            }

            Limits spacingH = drug.SessionSpacingLimitsH;
            Limits per7 = drug.SessionsPer7DaysLimits;
            long utc;
            bool rtcValid = _hw.RealTimeClock.TryReadUtcSeconds(out utc);
            int softMax = per7.SoftMax == Limits.Unlimited ? 0 : (int)per7.SoftMax;
            int hardMax = per7.HardMax == Limits.Unlimited ? 0 : (int)per7.HardMax;
            SessionSpacingLimits limits = new SessionSpacingLimits(spacingH.HardMin * 3600, spacingH.SoftMin * 3600, softMax, hardMax, 7L * 24 * 3600);
            _persistence.History.CheckSessionSpacing(drug.DrugId, rtcValid, utc, limits, _result);
            return _result;
        }

        /// <summary>The clinician confirmed the program: a soft spacing finding is overridden and logged.</summary>
        internal void OverrideIfSoft()
        {
            if (_result.Verdict == SpacingVerdict.SoftNeedsConfirmation)
            {
                _overridden = true;
                _persistence.Log.Append(PumpEvent.SessionSpacingOverride, 0, 0,
                    (int)IntMath.Min(_result.SecondsSinceLastSession, int.MaxValue), _result.SessionsInWindow);
            }
        }

        internal void Forget()
        {
            _overridden = false;
        }

        /// <summary>Checked again at Start; a soft override stands only for the same soft verdict.</summary>
        internal bool AllowedAtStart(DrugEntry? drug)
        {
            if (drug == null)
            {
                return false;
            }

            bool overridden = _overridden && _result.Verdict == SpacingVerdict.SoftNeedsConfirmation;
            Check(drug);
            _overridden = overridden && _result.Verdict == SpacingVerdict.SoftNeedsConfirmation;
            return _result.Verdict == SpacingVerdict.Allowed
                || (_result.Verdict == SpacingVerdict.SoftNeedsConfirmation && _overridden);
        }
    }
}
