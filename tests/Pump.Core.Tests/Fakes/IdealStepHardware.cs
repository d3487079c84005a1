using System.Collections.Generic;
using Pump.Hal;

namespace Pump.Core.Tests.Fakes
{
    /// <summary>
    /// A step generator that emits every step exactly at its due time, and the counter that sees
    /// them. Time moves only when the test calls <see cref="AdvanceTo"/> (RespiraWorks-style fake).
    /// </summary>
    internal sealed class IdealStepHardware : IStepGenerator, IStepCounter
    {
        private readonly Queue<StepSegment> _queue = new();
        private long _emittedInHead;

        public IdealStepHardware(int capacity = 8)
        {
            // Queue<T> grows once to capacity here, not inside a measured tick.
            for (int i = 0; i < capacity; i++)
            {
                _queue.Enqueue(default);
            }

            _queue.Clear();
            Capacity = capacity;
        }

        public int Capacity { get; }

        public int QueuedSegments => _queue.Count;

        public long Counted { get; private set; }

        public long LastPulseUs { get; private set; } = -1;

        public int StopCount { get; private set; }

        public bool CounterBroken { get; set; }

        /// <summary>When set, this many counter reads succeed, the next one fails, then reads work again (an intermittent read).</summary>
        public int? ReadsBeforeAFailure { get; set; }

        /// <summary>Extra pulses injected as if the motor ran away.</summary>
        public long RunawayPulses { get; set; }

        /// <summary>Every segment accepted, when <see cref="RecordSegments"/> is set (recording allocates).</summary>
        public List<StepSegment> Enqueued { get; } = new();

        public bool RecordSegments { get; set; }

        /// <summary>The generator refuses every segment (a driver that is busy or faulted).</summary>
        public bool RefuseEnqueue { get; set; }

        /// <summary>When set, the generator refuses the segments this says (a generator that fails one kind of move).</summary>
        public System.Func<StepSegment, bool>? Refuses { get; set; }

        public bool TryEnqueue(StepSegment segment)
        {
            if (RefuseEnqueue || (Refuses != null && Refuses(segment)) || _queue.Count >= Capacity || segment.LastStep <= segment.FirstStep)
            {
                return false;
            }

            _queue.Enqueue(segment);
            if (RecordSegments)
            {
                Enqueued.Add(segment);
            }
            return true;
        }

        /// <summary>
        /// The pulse under way when the generator is told to stop still completes and is counted (a hardware generator
        /// runs on its own while managed code works): a queued step is emitted by the stop itself.
        /// </summary>
        public bool PulseInProgressAtStop { get; set; }

        public void StopNow()
        {
            if (PulseInProgressAtStop && _queue.Count > 0)
            {
                LastPulseUs = _queue.Peek().DueUs(_queue.Peek().FirstStep + _emittedInHead + 1);
                Counted++;
            }

            _queue.Clear();
            _emittedInHead = 0;
            StopCount++;
        }

        public bool TryRead(out long countedMicrosteps)
        {
            countedMicrosteps = Counted + RunawayPulses;
            if (ReadsBeforeAFailure.HasValue)
            {
                if (ReadsBeforeAFailure.Value == 0)
                {
                    ReadsBeforeAFailure = null;
                    return false;
                }

                ReadsBeforeAFailure--;
            }

            return !CounterBroken;
        }

        /// <summary>Emits every queued step due at or before nowUs.</summary>
        public void AdvanceTo(long nowUs)
        {
            while (_queue.Count > 0)
            {
                var head = _queue.Peek();
                long next = head.FirstStep + _emittedInHead + 1;
                while (next <= head.LastStep && head.DueUs(next) <= nowUs)
                {
                    LastPulseUs = head.DueUs(next);
                    Counted++;
                    _emittedInHead++;
                    next++;
                }

                if (next > head.LastStep)
                {
                    _queue.Dequeue();
                    _emittedInHead = 0;
                }
                else
                {
                    return;
                }
            }
        }

        /// <summary>Due time of the last queued step, or -1 when the queue is empty.</summary>
        public long LastQueuedDueUs()
        {
            long last = -1;
            foreach (var s in _queue)
            {
                last = s.DueUs(s.LastStep);
            }

            return last;
        }
    }
}
