using Pump.Hal;

namespace Pump.Hal.Esp32.Logic
{
    /// <summary>Why a segment was refused.</summary>
    public enum SegmentRejection
    {
        None = 0,
        QueueFull = 1,
        Malformed = 2,
        TooFast = 3,
        NotContiguous = 4,
        WouldOverflow = 5,
    }

    /// <summary>
    /// Turns the core's absolute step schedule (<see cref="StepSegment"/>) into RMT bursts
    /// (DESIGN.md D5). Each burst holds every step due before its start (send time + latency) + window; its rising edges sit
    /// at the steps' due times measured from the burst's estimated hardware start, so consecutive
    /// bursts (on two RMT channels ORed onto STEP) keep the absolute schedule with no drift.
    /// A step whose due time has passed (the loop stalled) is emitted as soon as allowed, never
    /// closer than the programmed spacing divided by <see cref="StepTiming.CatchUpRateFactor"/>, and
    /// never closer than <see cref="StepTiming.MinStepIntervalUs"/>: a stall delays steps, it never
    /// becomes a bolus. No step beyond a queued segment's LastStep is ever encoded.
    /// Preallocated; nothing here allocates after construction.
    /// </summary>
    public sealed class StepBurstPlanner
    {
        private readonly StepTiming _timing;
        private readonly StepSegment[] _segments;
        private readonly long[] _lastPulseUs;
        private int _head;
        private int _count;
        private int _encodeOffset;   // segments [head, head+encodeOffset) are fully encoded
        private long _nextStep;      // next step number of the segment being encoded
        private bool _nextStepValid;
        private long _lastPulseAnyUs;
        private bool _anyPulse;

        public StepBurstPlanner(int capacitySegments, StepTiming timing)
        {
            _timing = timing;
            _segments = new StepSegment[capacitySegments];
            _lastPulseUs = new long[capacitySegments];
        }

        public int Capacity { get { return _segments.Length; } }

        /// <summary>Segments not yet fully emitted (encoded and their last pulse in the past).</summary>
        public int QueuedSegments { get { return _count; } }

        /// <summary>Steps encoded into bursts since construction.</summary>
        public long EncodedSteps { get; private set; }

        /// <summary>Estimated absolute time of the last rising edge encoded (valid when <see cref="EncodedSteps"/> &gt; 0).</summary>
        public long LastPulseUs { get { return _lastPulseAnyUs; } }

        /// <summary>Largest lateness (µs) of any step encoded so far: how far a stall pushed a step past its due time.</summary>
        public long MaxLatenessUs { get; private set; }

        /// <summary>Checks and queues a segment. Never blocks.</summary>
        public SegmentRejection TryEnqueue(StepSegment segment)
        {
            if (_count >= _segments.Length)
            {
                return SegmentRejection.QueueFull;
            }

            if (segment.RateMicrosteps <= 0 || segment.RatePeriodUs <= 0 || segment.FirstStep < 0 || segment.LastStep <= segment.FirstStep || segment.AnchorUs < 0)
            {
                return SegmentRejection.Malformed;
            }

            // n * RatePeriodUs (StepSegment.DueUs) must not overflow for any step of the segment.
            if (segment.LastStep > long.MaxValue / segment.RatePeriodUs || segment.AnchorUs > long.MaxValue / 2)
            {
                return SegmentRejection.WouldOverflow;
            }

            // Programmed spacing RatePeriodUs / RateMicrosteps must not be below the mechanism's minimum.
            if (segment.RateMicrosteps > long.MaxValue / _timing.MinStepIntervalUs
                || segment.RatePeriodUs < segment.RateMicrosteps * _timing.MinStepIntervalUs)
            {
                return SegmentRejection.TooFast;
            }

            if (_count > 0)
            {
                StepSegment last = _segments[(_head + _count - 1) % _segments.Length];
                bool sameSchedule = last.AnchorUs == segment.AnchorUs && last.RateMicrosteps == segment.RateMicrosteps && last.RatePeriodUs == segment.RatePeriodUs;
                if (sameSchedule ? segment.FirstStep != last.LastStep : segment.DueUs(segment.FirstStep + 1) < last.EndUs)
                {
                    return SegmentRejection.NotContiguous;
                }
            }

            _segments[(_head + _count) % _segments.Length] = segment;
            _count++;
            return SegmentRejection.None;
        }

        /// <summary>Discards every queued segment (after a hardware stop). The spacing from the last pulse is kept.</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
            _encodeOffset = 0;
            _nextStepValid = false;
        }

        /// <summary>Drops segments whose last pulse lies before <paramref name="nowUs"/>.</summary>
        public void Retire(long nowUs)
        {
            while (_count > 0 && _encodeOffset > 0 && _lastPulseUs[_head] + _timing.PulseHighUs <= nowUs)
            {
                _head = (_head + 1) % _segments.Length;
                _count--;
                _encodeOffset--;
            }
        }

        /// <summary>True when some step not yet encoded is due before <paramref name="horizonUs"/>.</summary>
        public bool HasStepDueBefore(long horizonUs)
        {
            if (_encodeOffset >= _count)
            {
                return false;
            }

            StepSegment segment = _segments[(_head + _encodeOffset) % _segments.Length];
            long n = _nextStepValid ? _nextStep : segment.FirstStep + 1;
            return segment.DueUs(n) < horizonUs;
        }

        /// <summary>
        /// Encodes the next burst into <paramref name="writer"/> for a send at <paramref name="sendUs"/>
        /// (monotonic µs taken just before the send call). Returns the number of steps encoded; 0 means
        /// nothing is due in the window and nothing must be sent.
        /// </summary>
        public int EncodeBurst(long sendUs, RmtItemWriter writer)
        {
            writer.Reset();
            long startUs = sendUs + _timing.SendLatencyUs;
            // The window runs from when this burst's pulses can start: measured from the send, a step due in the last
            // SendLatencyUs before the next send would miss this burst and come out late in the next (DEV-001).
            long horizonUs = startUs + _timing.WindowUs;
            long cursorUs = startUs;
            int steps = 0;

            while (_encodeOffset < _count)
            {
                int index = (_head + _encodeOffset) % _segments.Length;
                StepSegment segment = _segments[index];
                if (!_nextStepValid)
                {
                    _nextStep = segment.FirstStep + 1;
                    _nextStepValid = true;
                }

                long dueUs = segment.DueUs(_nextStep);
                if (dueUs >= horizonUs)
                {
                    break;
                }

                long catchUpSpacing = segment.RatePeriodUs / (segment.RateMicrosteps * _timing.CatchUpRateFactor);
                long spacing = catchUpSpacing > _timing.MinStepIntervalUs ? catchUpSpacing : _timing.MinStepIntervalUs;
                long pulseUs = dueUs;
                if (pulseUs < cursorUs)
                {
                    pulseUs = cursorUs;
                }

                if (_anyPulse && pulseUs < _lastPulseAnyUs + spacing)
                {
                    pulseUs = _lastPulseAnyUs + spacing;
                }

                // Room for the low gap, the pulse, the tail and the closing half.
                long lowTicks = pulseUs - cursorUs;
                if (RmtItemWriter.HalvesFor(lowTicks) + 3 > writer.FreeHalves)
                {
                    break;
                }

                writer.Append(false, lowTicks);
                writer.Append(true, _timing.PulseHighUs);
                cursorUs = pulseUs + _timing.PulseHighUs;
                _lastPulseAnyUs = pulseUs;
                _anyPulse = true;
                if (pulseUs - dueUs > MaxLatenessUs)
                {
                    MaxLatenessUs = pulseUs - dueUs;
                }

                steps++;
                _nextStep++;
                if (_nextStep > segment.LastStep)
                {
                    _lastPulseUs[index] = pulseUs;
                    _encodeOffset++;
                    _nextStepValid = false;
                }
            }

            if (steps > 0)
            {
                writer.Append(false, _timing.PulseHighUs);
                writer.Finish(false);
                EncodedSteps += steps;
            }

            return steps;
        }
    }
}
