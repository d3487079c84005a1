namespace Pump.Core.Control
{
    /// <summary>
    /// The triggers waiting for the table, handled in order, run-to-completion, in the tick (STM-003). A fixed
    /// ring: nothing is allocated. The last slots are kept for automatic triggers so clinician requests can
    /// never crowd a stop out, and a tick's safety triggers are moved ahead of requests already waiting.
    /// </summary>
    public sealed class TriggerQueue
    {
        public const int Capacity = 32;

        /// <summary>
        /// Slots only automatic triggers may take: a tick queues at most four safety triggers (fatal, vital
        /// stop, vital hold, technical stop) plus entry-action follow-ups.
        /// </summary>
        public const int SafetyReserve = 8;

        private readonly int[] _ring = new int[Capacity];
        private int _head;
        private int _count;

        public int Count { get { return _count; } }

        /// <summary>A clinician's request; false when the clinician's share is full.</summary>
        public bool Request(PumpTrigger trigger)
        {
            return _count < Capacity - SafetyReserve && Enqueue(trigger);
        }

        /// <summary>An automatic trigger (or an entry action's follow-up); false only when the ring is full.</summary>
        public bool Enqueue(PumpTrigger trigger)
        {
            if (_count >= Capacity)
            {
                return false;
            }

            _ring[(_head + _count) % Capacity] = (int)trigger;
            _count++;
            return true;
        }

        public bool TryDequeue(out PumpTrigger trigger)
        {
            trigger = PumpTrigger.SelfTestPassed;
            if (_count == 0)
            {
                return false;
            }

            trigger = (PumpTrigger)_ring[_head];
            _head = (_head + 1) % Capacity;
            _count--;
            return true;
        }

        /// <summary>
        /// Moves the first <paramref name="waiting"/> triggers (queued before this tick's safety triggers) behind
        /// everything queued since: safety first, whoever queued earlier, each group in its own order.
        /// </summary>
        public void MoveBehind(int waiting)
        {
            for (int i = 0; i < waiting; i++)
            {
                int request = _ring[_head];
                _head = (_head + 1) % Capacity;
                _ring[(_head + _count - 1) % Capacity] = request;
            }
        }

        public void Clear()
        {
            _count = 0;
        }
    }
}
