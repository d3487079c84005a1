using Pump.Core.Link;

namespace Pump.Core.Interlock
{
    /// <summary>
    /// Runs a declared <see cref="VitalRule"/> table over accepted frames and time. All state lives in arrays
    /// sized once from the table; <see cref="OnFrame"/> and <see cref="Evaluate"/> allocate nothing and are
    /// linear in the table length, so the controller can call them every tick.
    ///
    /// Semantics (hardware-docs/interlock.md):
    /// - NIBP rules see each cuff reading once (a new reading number); other value rules see every frame.
    /// - An unavailable value neither clears a condition nor stops its persistence clock: missing data is unsafe,
    ///   and the data-age rules (NIBP age, SpO2 lost, link silent) turn prolonged absence into a hold or stop.
    /// - Advisory: active while its condition holds. Hold: latched when it fires; cleared only by
    ///   <see cref="Resume"/> once acknowledged and a sample taken after the latch is back inside the limit.
    ///   Stop: latched for the rest of the session.
    /// </summary>
    internal sealed class VitalLimitEvaluator
    {
        private readonly VitalRule[] _rules;
        private readonly bool[] _raw;
        private readonly long[] _rawSinceMs;
        private readonly int[] _streak;
        private readonly long[] _lastQualifyingReadingMs;
        private readonly bool[] _fired;
        private readonly bool[] _latched;
        private readonly bool[] _acknowledged;
        private readonly int[] _samplesSinceLatch;

        private bool _active;
        private readonly VitalBaseline _base = new VitalBaseline();
        private long _lastFrameMs;
        private long _lastSpo2GoodMs;
        private long _lastNibpMeasuredMs;
        private int _lastNibpReadingNumber;
        private InterlockLevel _level;
        private int _activeIndex;
        private bool _stopped;

        /// <summary>Rules a persisted latch mask can name (bit 63 is the sign).</summary>
        public const int MaskBits = 63;

        public VitalLimitEvaluator(VitalRule[] rules)
        {
            _rules = rules;
            int n = rules.Length;
            _raw = new bool[n];
            _rawSinceMs = new long[n];
            _streak = new int[n];
            _lastQualifyingReadingMs = new long[n];
            _fired = new bool[n];
            _latched = new bool[n];
            _acknowledged = new bool[n];
            _samplesSinceLatch = new int[n];
            _activeIndex = -1;
        }

        /// <summary>True between <see cref="BeginSession"/> and <see cref="EndSession"/>.</summary>
        public bool Active => _active;

        /// <summary>Highest level now: latched holds/stops and active advisories.</summary>
        public InterlockLevel Level => _level;

        /// <summary>The rule behind <see cref="Level"/> (first in table order among equals), or null when None.</summary>
        public VitalRule? ActiveRule => _activeIndex >= 0 ? _rules[_activeIndex] : null;

        /// <summary>A stop limit was crossed: the session cannot resume.</summary>
        public bool Stopped => _stopped;

        public int RuleCount => _rules.Length;

        public VitalRule RuleAt(int index)
        {
            return _rules[index];
        }

        /// <summary>Index of the rule with this code, or -1.</summary>
        public int IndexOf(string code)
        {
            for (int i = 0; i < _rules.Length; i++)
            {
                if (_rules[i].Code == code)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Condition (after persistence) true at the last evaluation.</summary>
        public bool IsFired(int index)
        {
            return _fired[index];
        }

        public bool IsLatched(int index)
        {
            return _latched[index];
        }

        /// <summary>Starts monitoring against <paramref name="baseline"/>; forgets all previous state.</summary>
        public void BeginSession(VitalBaseline baseline)
        {
            for (int i = 0; i < _rules.Length; i++)
            {
                _raw[i] = false;
                _rawSinceMs[i] = 0;
                _streak[i] = 0;
                _lastQualifyingReadingMs[i] = 0;
                _fired[i] = false;
                _latched[i] = false;
                _acknowledged[i] = false;
                _samplesSinceLatch[i] = 0;
            }

            _base.SystolicMmHg = baseline.SystolicMmHg;
            _base.DiastolicMmHg = baseline.DiastolicMmHg;
            _base.HeartRateBpm = baseline.HeartRateBpm;
            _base.Spo2Percent = baseline.Spo2Percent;
            _base.RespiratoryRatePerMin = baseline.RespiratoryRatePerMin;
            _lastFrameMs = baseline.CapturedAtMs;
            _lastSpo2GoodMs = baseline.CapturedAtMs;
            _lastNibpMeasuredMs = baseline.NibpMeasuredAtMs;
            _lastNibpReadingNumber = baseline.NibpReadingNumber;
            _level = InterlockLevel.None;
            _activeIndex = -1;
            _stopped = false;
            _active = baseline.Valid;
        }

        public void EndSession()
        {
            _active = false;
        }

        /// <summary>Feeds one accepted frame (its ReceivedAtMs is the sample time). Call <see cref="Evaluate"/> after.</summary>
        public void OnFrame(VitalSigns frame)
        {
            if (!_active)
            {
                return;
            }

            long rxMs = frame.ReceivedAtMs;
            if (rxMs > _lastFrameMs)
            {
                _lastFrameMs = rxMs;
            }

            if (frame.Spo2Usable && rxMs > _lastSpo2GoodMs)
            {
                _lastSpo2GoodMs = rxMs;
            }

            bool newReading = frame.NibpUsable && frame.NibpReadingNumber != _lastNibpReadingNumber;
            long measuredMs = frame.NibpMeasuredAtMs;
            if (newReading)
            {
                _lastNibpReadingNumber = frame.NibpReadingNumber;
                if (measuredMs > _lastNibpMeasuredMs)
                {
                    _lastNibpMeasuredMs = measuredMs;
                }
            }

            for (int i = 0; i < _rules.Length; i++)
            {
                VitalRule rule = _rules[i];
                int value;
                long sampleMs;
                if (!VitalSample.TryRead(rule, frame, _base, newReading, out value, out sampleMs))
                {
                    continue;
                }

                bool raw = rule.Holds(value);
                if (rule.ReadingsRequired > 1)
                {
                    if (!raw)
                    {
                        _streak[i] = 0;
                    }
                    else
                    {
                        bool continues = _streak[i] > 0 && sampleMs - _lastQualifyingReadingMs[i] <= rule.MaxReadingGapMs;
                        _streak[i] = continues ? (_streak[i] < int.MaxValue ? _streak[i] + 1 : _streak[i]) : 1;
                        _lastQualifyingReadingMs[i] = sampleMs;
                    }
                }

                if (raw && !_raw[i])
                {
                    _rawSinceMs[i] = sampleMs;
                }

                _raw[i] = raw;
                if (_latched[i] && _samplesSinceLatch[i] < int.MaxValue)
                {
                    _samplesSinceLatch[i]++;
                }
            }
        }

        /// <summary>Applies persistence and time-derived rules at <paramref name="nowMs"/>; updates Level and ActiveRule.</summary>
        public void Evaluate(long nowMs)
        {
            if (!_active)
            {
                _level = InterlockLevel.None;
                _activeIndex = -1;
                return;
            }

            InterlockLevel best = InterlockLevel.None;
            int bestIndex = -1;
            for (int i = 0; i < _rules.Length; i++)
            {
                VitalRule rule = _rules[i];
                bool fired;
                if (rule.IsDataAge)
                {
                    _raw[i] = rule.Holds(DataAgeMs(rule.Parameter, nowMs));
                    fired = _raw[i];
                }
                else if (rule.ReadingsRequired > 1)
                {
                    fired = _streak[i] >= rule.ReadingsRequired;
                }
                else if (rule.SustainMs > 0)
                {
                    fired = _raw[i] && nowMs - _rawSinceMs[i] >= rule.SustainMs;
                }
                else
                {
                    fired = _raw[i];
                }

                _fired[i] = fired;
                if (fired && rule.Level >= InterlockLevel.Hold && !_latched[i])
                {
                    _latched[i] = true;
                    _acknowledged[i] = false;
                    _samplesSinceLatch[i] = 0;
                    if (rule.Level == InterlockLevel.Stop)
                    {
                        _stopped = true;
                    }
                }

                InterlockLevel level = _latched[i] ? rule.Level : (fired ? rule.Level : InterlockLevel.None);
                if (level > best)
                {
                    best = level;
                    bestIndex = i;
                }
            }

            _level = best;
            _activeIndex = bestIndex;
        }

        /// <summary>Latched hold and stop rules of the running session as bits by table index (persisted with the session, INT-501).</summary>
        public long LatchedMask()
        {
            long mask = 0;
            for (int i = 0; _active && i < _rules.Length && i < MaskBits; i++)
            {
                mask |= _latched[i] ? 1L << i : 0;
            }

            return mask;
        }

        /// <summary>
        /// After a reset (INT-501): latches the persisted rules again, unacknowledged, so the hold names its rule and
        /// clears only by the clinician's acknowledgement and a new sample inside the limit. Unknown bits are ignored.
        /// </summary>
        public void RestoreLatched(long mask, long nowMs)
        {
            for (int i = 0; i < _rules.Length && i < MaskBits; i++)
            {
                if ((mask & (1L << i)) != 0 && _rules[i].Level >= InterlockLevel.Hold)
                {
                    _latched[i] = true;
                    _acknowledged[i] = false;
                    _samplesSinceLatch[i] = 0;
                    _stopped |= _rules[i].Level == InterlockLevel.Stop;
                }
            }

            Evaluate(nowMs);
        }

        /// <summary>The clinician acknowledges every latched hold (stops cannot be cleared).</summary>
        public void Acknowledge()
        {
            for (int i = 0; i < _rules.Length; i++)
            {
                if (_latched[i])
                {
                    _acknowledged[i] = true;
                }
            }
        }

        /// <summary>
        /// True when no stop is latched and every latched hold is acknowledged and back inside its limit on a
        /// sample taken after it latched (data-age rules: the age is back under the limit now).
        /// </summary>
        public bool ResumePermitted(long nowMs)
        {
            return ResumeCheck(nowMs, false);
        }

        /// <summary>
        /// True when <see cref="ResumePermitted"/> would be true once the clinician acknowledges every latched hold now:
        /// the interlock's resume command acknowledges and resumes in one decision.
        /// </summary>
        public bool ResumableOnAcknowledge(long nowMs)
        {
            return ResumeCheck(nowMs, true);
        }

        private bool ResumeCheck(long nowMs, bool acknowledging)
        {
            if (!_active || _stopped)
            {
                return false;
            }

            for (int i = 0; i < _rules.Length; i++)
            {
                if (_latched[i] && !Clearable(i, nowMs, acknowledging))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Clears all latched holds if <see cref="ResumePermitted"/>; returns whether it did.</summary>
        public bool Resume(long nowMs)
        {
            if (!ResumePermitted(nowMs))
            {
                return false;
            }

            for (int i = 0; i < _rules.Length; i++)
            {
                if (_latched[i])
                {
                    _latched[i] = false;
                    _acknowledged[i] = false;
                    _streak[i] = 0;
                }
            }

            Evaluate(nowMs);
            return true;
        }

        private bool Clearable(int i, long nowMs, bool acknowledging)
        {
            VitalRule rule = _rules[i];
            if (rule.Level == InterlockLevel.Stop || !(acknowledging || _acknowledged[i]))
            {
                return false;
            }

            if (rule.IsDataAge)
            {
                return !rule.Holds(DataAgeMs(rule.Parameter, nowMs));
            }

            return _samplesSinceLatch[i] > 0 && !_raw[i];
        }

        private long DataAgeMs(VitalParameter parameter, long nowMs)
        {
            switch (parameter)
            {
                case VitalParameter.NibpAgeMs: return nowMs - _lastNibpMeasuredMs;
                case VitalParameter.Spo2LostMs: return nowMs - _lastSpo2GoodMs;
                default: return nowMs - _lastFrameMs;
            }
        }
    }
}
