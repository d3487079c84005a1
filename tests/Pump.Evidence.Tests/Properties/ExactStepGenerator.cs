using System;
using System.Collections.Generic;
using Pump.Hal;

namespace Pump.Evidence.Tests.Properties
{
    /// <summary>
    /// An ideal step generator for properties: emits every step of the queued segments exactly at its due
    /// time, in order, and counts them (the pulse counter wired back from STEP).
    /// </summary>
    internal sealed class ExactStepGenerator : IStepGenerator
    {
        private readonly Queue<StepSegment> _queue = new Queue<StepSegment>();
        private long _emittedInHead;
        private bool _headStarted;
        private bool _hasLast;
        private long _lastAnchorUs;
        private long _lastRate;
        private long _lastStep;

        public ExactStepGenerator(int capacity = 8)
        {
            Capacity = capacity;
        }

        public int Capacity { get; }
        public int QueuedSegments => _queue.Count;
        public long Counter { get; private set; }

        public bool TryEnqueue(StepSegment segment)
        {
            if (_queue.Count >= Capacity)
            {
                return false;
            }
            // The contract (StepSegment): a segment covers at least one step and starts where the previous one of
            // the same schedule ended.
            if (segment.LastStep <= segment.FirstStep
                || (_hasLast && _lastAnchorUs == segment.AnchorUs && _lastRate == segment.RateMicrosteps && segment.FirstStep != _lastStep))
            {
                throw new InvalidOperationException($"segment ({segment.FirstStep}, {segment.LastStep}] does not continue at {_lastStep}");
            }
            _hasLast = true;
            _lastAnchorUs = segment.AnchorUs;
            _lastRate = segment.RateMicrosteps;
            _lastStep = segment.LastStep;
            _queue.Enqueue(segment);
            return true;
        }

        public void StopNow()
        {
            _queue.Clear();
            _headStarted = false;
            _hasLast = false;
        }

        /// <summary>Emits every step due by <paramref name="nowUs"/>.</summary>
        public void AdvanceTo(long nowUs)
        {
            while (_queue.Count > 0)
            {
                StepSegment head = _queue.Peek();
                if (!_headStarted)
                {
                    _headStarted = true;
                    _emittedInHead = head.FirstStep;
                }
                while (_emittedInHead < head.LastStep && head.DueUs(_emittedInHead + 1) <= nowUs)
                {
                    _emittedInHead++;
                    Counter++;
                }
                if (_emittedInHead < head.LastStep)
                {
                    return;
                }
                _queue.Dequeue();
                _headStarted = false;
            }
        }
    }
}
