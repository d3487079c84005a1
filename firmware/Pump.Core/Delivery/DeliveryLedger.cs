namespace Pump.Core.Delivery
{
    /// <summary>
    /// Microstep accounting for one session (DESIGN.md D5). Commanded (what the planner queued) and
    /// counted (what the pulse counter saw) are kept apart; delivered means counted. The hardware
    /// counter is absolute since power-up, so the ledger keeps an origin: after a power loss the
    /// session continues from the persisted delivered value on a fresh counter.
    /// </summary>
    public sealed class DeliveryLedger
    {
        private long _counterOrigin;
        private long _deliveredAtOrigin;
        private long _lastRaw;

        /// <summary>Microsteps queued to the generator this session (≥ counted while running).</summary>
        public long CommandedMicrosteps { get; private set; }

        /// <summary>Microsteps the counter saw this session: what was delivered.</summary>
        public long CountedMicrosteps { get; private set; }

        /// <summary>Starts a session's accounting: the next counter reading maps to deliveredMicrosteps.</summary>
        public void Begin(long rawCounter, long deliveredMicrosteps)
        {
            _counterOrigin = rawCounter;
            _lastRaw = rawCounter;
            _deliveredAtOrigin = deliveredMicrosteps;
            CountedMicrosteps = deliveredMicrosteps;
            CommandedMicrosteps = deliveredMicrosteps;
        }

        /// <summary>Takes a counter reading. Returns false if the counter went backwards (hardware fault).</summary>
        public bool Observe(long rawCounter)
        {
            if (rawCounter < _lastRaw)
            {
                return false;
            }

            _lastRaw = rawCounter;
            CountedMicrosteps = _deliveredAtOrigin + (rawCounter - _counterOrigin);
            return true;
        }

        /// <summary>The planner queued steps up to this session total.</summary>
        public void Commanded(long commandedMicrosteps)
        {
            CommandedMicrosteps = commandedMicrosteps;
        }

        /// <summary>After a hardware stop: what was commanded but never emitted is cancelled.</summary>
        public void CancelInFlight()
        {
            CommandedMicrosteps = CountedMicrosteps;
        }

        /// <summary>Steps queued but not yet counted.</summary>
        public long InFlightMicrosteps { get { return CommandedMicrosteps - CountedMicrosteps; } }
    }
}
