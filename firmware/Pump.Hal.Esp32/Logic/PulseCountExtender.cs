namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// Turns successive raw readings of a hardware pulse counter into one monotonic 64-bit count since
    /// power-up. The raw counter is treated as counting modulo 2^<c>bits</c> (16 for a bare ESP32
    /// PCNT unit; 63 when the firmware already extends it, as nanoFramework's GpioPulseCounter does),
    /// so a wrap between two polls is absorbed. A reading that moves by more than
    /// <c>maxDeltaPerPoll</c> (more pulses than the STEP line can carry between two polls) or, for a
    /// 63-bit counter, moves backwards, is impossible: the extender latches a fault and stops
    /// reporting, because the dose can no longer be accounted for (IStepCounter contract).
    /// </summary>
    public sealed class PulseCountExtender
    {
        private readonly int _bits;
        private readonly long _mask;
        private readonly long _maxDeltaPerPoll;
        private long _lastRaw;
        private bool _hasBaseline;

        public PulseCountExtender(int bits, long maxDeltaPerPoll)
        {
            _bits = bits < 2 ? 2 : (bits > 63 ? 63 : bits);
            _mask = _bits == 63 ? long.MaxValue : (1L << _bits) - 1;
            _maxDeltaPerPoll = maxDeltaPerPoll;
        }

        /// <summary>Monotonic total since construction.</summary>
        public long Total { get; private set; }

        /// <summary>True once an impossible reading was seen (latched).</summary>
        public bool IsFaulted { get; private set; }

        /// <summary>Sets the raw value that corresponds to the current total (after the counter was (re)started).</summary>
        public void Rebase(long raw)
        {
            _lastRaw = raw & _mask;
            _hasBaseline = true;
        }

        /// <summary>Feeds one raw reading; false when the reading is impossible (and from then on).</summary>
        public bool Update(long raw)
        {
            if (IsFaulted)
            {
                return false;
            }

            if (_bits == 63 && raw < 0)
            {
                IsFaulted = true;
                return false;
            }

            long masked = raw & _mask;
            if (!_hasBaseline)
            {
                Rebase(masked);
                return true;
            }

            long delta;
            if (_bits == 63)
            {
                delta = masked - _lastRaw;
                if (delta < 0)
                {
                    IsFaulted = true;
                    return false;
                }
            }
            else
            {
                delta = (masked - _lastRaw) & _mask;
            }

            if (delta > _maxDeltaPerPoll)
            {
                IsFaulted = true;
                return false;
            }

            // 2^63 pulses are centuries at any step rate, but the check is explicit: nanoCLR would wrap (NFR-005).
            if (Total > long.MaxValue - delta)
            {
                IsFaulted = true;
                return false;
            }

            _lastRaw = masked;
            Total += delta;
            return true;
        }
    }
}
