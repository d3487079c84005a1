using Pump.Core.Common;
using Pump.Core.Link;

namespace Pump.Core.Interlock
{
    /// <summary>
    /// The permission to infuse (DESIGN.md D7; MD PnP "ticket"). Pure and time-driven: it holds only state
    /// and the caller's times, reads no clock, and runs out by itself. A valid frame with every required
    /// vital sign usable and inside the hold/stop limits sets the expiry to
    /// min(oldest continuous value's measurement time + lease length, NIBP measurement time + NIBP max age). A frame that fails any of
    /// those checks ends the lease at once. Held means nowMs &lt; <see cref="ExpiresAtMs"/>.
    /// </summary>
    public sealed class VitalSignLease
    {
        private readonly int _leaseMs;
        private readonly long _nibpMaxAgeMs;
        private readonly bool _respRateRequired;
        private long _expiresAtMs;
        private LeaseCause _causeAtExpiry;
        private LeaseCause _revokedCause;

        /// <param name="leaseMs">Lease length from the frame's receive time (at least 1).</param>
        /// <param name="nibpMaxAgeS">Oldest NIBP reading the lease may run on.</param>
        /// <param name="respRateRequired">Whether a missing respiratory rate blocks renewal.</param>
        public VitalSignLease(int leaseMs, int nibpMaxAgeS, bool respRateRequired)
        {
            _leaseMs = leaseMs < 1 ? 1 : leaseMs;
            _nibpMaxAgeMs = (long)nibpMaxAgeS * 1000L;
            _respRateRequired = respRateRequired;
            Clear();
        }

        /// <summary>First instant at which the lease is no longer held.</summary>
        public long ExpiresAtMs => _expiresAtMs;

        public bool IsHeld(long nowMs)
        {
            return nowMs < _expiresAtMs;
        }

        /// <summary>Why the lease is not held at <paramref name="nowMs"/>; None while held.</summary>
        public LeaseCause Cause(long nowMs)
        {
            if (IsHeld(nowMs))
            {
                return LeaseCause.None;
            }

            return _revokedCause != LeaseCause.None ? _revokedCause : _causeAtExpiry;
        }

        /// <summary>Not held, never granted (start of a session).</summary>
        public void Clear()
        {
            _expiresAtMs = long.MinValue;
            _causeAtExpiry = LeaseCause.NeverGranted;
            _revokedCause = LeaseCause.None;
        }

        /// <summary>
        /// Offers an accepted frame. Returns the cause that prevented renewal, or None when renewed.
        /// <paramref name="withinLimits"/> is the limit evaluator's verdict (no hold or stop active).
        /// A refused frame revokes the lease at once; stale or future frames never extend it.
        /// </summary>
        public LeaseCause Renew(VitalSigns frame, long nowMs, bool withinLimits)
        {
            LeaseCause problem = Check(frame, nowMs, withinLimits);
            if (problem != LeaseCause.None)
            {
                Revoke(problem, nowMs);
                return problem;
            }

            long byLink = frame.ReceivedAtMs - frame.ContinuousAgeMs(_respRateRequired) + _leaseMs;
            long byNibp = frame.NibpMeasuredAtMs + _nibpMaxAgeMs;
            if (byNibp < byLink)
            {
                _expiresAtMs = byNibp;
                _causeAtExpiry = LeaseCause.NibpStale;
            }
            else
            {
                _expiresAtMs = byLink;
                _causeAtExpiry = LeaseCause.LinkLost;
            }

            // Check() refused any frame whose link or NIBP expiry is not after nowMs, so this grants.
            _revokedCause = LeaseCause.None;
            return LeaseCause.None;
        }

        /// <summary>
        /// What <see cref="Renew"/> would decide for this frame if the limits were clear, without changing
        /// anything: None when the frame is fresh and carries every required vital sign.
        /// </summary>
        public LeaseCause WouldGrant(VitalSigns frame, long nowMs)
        {
            return Check(frame, nowMs, true);
        }

        /// <summary>Ends the lease now (unless already expired) and records why.</summary>
        public void Revoke(LeaseCause cause, long nowMs)
        {
            _expiresAtMs = IntMath.Min(_expiresAtMs, nowMs);

            _revokedCause = cause == LeaseCause.None ? LeaseCause.LinkLost : cause;
        }

        private LeaseCause Check(VitalSigns frame, long nowMs, bool withinLimits)
        {
            // Each value keeps its own measurement time: the lease runs from the oldest continuous one.
            if (frame.ReceivedAtMs > nowMs || nowMs - frame.ReceivedAtMs + frame.ContinuousAgeMs(_respRateRequired) >= _leaseMs)
            {
                return LeaseCause.LinkLost;
            }

            if (!frame.HeartRateAvailable)
            {
                return LeaseCause.HeartRateMissing;
            }

            if ((frame.StatusFlags & VitalSigns.StatusSpo2ProbeOff) != 0)
            {
                return LeaseCause.Spo2ProbeOff;
            }

            if (!frame.Spo2Usable)
            {
                return LeaseCause.Spo2Missing;
            }

            if (_respRateRequired && !frame.RespiratoryRateAvailable)
            {
                return LeaseCause.RespiratoryRateMissing;
            }

            if (!frame.NibpUsable)
            {
                return LeaseCause.NibpMissing;
            }

            if (nowMs - frame.NibpMeasuredAtMs >= _nibpMaxAgeMs)
            {
                return LeaseCause.NibpStale;
            }

            return withinLimits ? LeaseCause.None : LeaseCause.OutsideLimits;
        }
    }
}
