using System;
using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>
    /// The hardware step generator (ESP32 RMT/LEDC) as a model that costs O(segments) per simulation
    /// step, not O(pulses): the pulses due in an interval are computed analytically from each
    /// <see cref="StepSegment"/>'s absolute schedule, with the timer's quantization (a pulse is emitted at
    /// its due time rounded down to the timer resolution, i.e. early by less than one timer tick, as the
    /// segment contract allows). The time of the last pulse is kept exactly so stop latency and steps after
    /// a trip are measured, not estimated.
    /// </summary>
    public sealed class SimStepGenerator : IStepGenerator
    {
        /// <summary>RMT at APB 80 MHz with divider 80: 1 µs per tick [P, brief nanoframework.md].</summary>
        public const int DefaultResolutionUs = 1;

        private readonly StepSegment[] _queue;
        private readonly PowerRail _power;
        private int _head;
        private int _count;
        private long _headEmittedStep;
        private bool _headStarted;
        private long _headActivationUs;
        private long _advancedToUs;

        private readonly SimClock? _clock;

        /// <param name="clock">When given, segment anchors (firmware time) are converted to simulator time.</param>
        public SimStepGenerator(PowerRail power, int capacity = 8, int resolutionUs = DefaultResolutionUs, SimClock? clock = null)
        {
            _clock = clock;
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity));
            }
            if (resolutionUs < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(resolutionUs));
            }
            _power = power;
            _queue = new StepSegment[capacity];
            ResolutionUs = resolutionUs;
            _power.PoweredOff += StopNow;
        }

        public int ResolutionUs { get; }

        public int Capacity => _queue.Length;

        public int QueuedSegments => _count;

        /// <summary>Every pulse emitted on the STEP line since the model was built (all power cycles).</summary>
        public long TotalPulses { get; private set; }

        /// <summary>Simulator time of the most recent pulse, or -1 before the first.</summary>
        public long LastPulseUs { get; private set; } = -1;

        /// <summary>Segments refused because the queue was full, the power off, or the segment malformed.</summary>
        public int RefusedSegments { get; private set; }

        /// <summary>Calls to <see cref="StopNow"/>.</summary>
        public int StopCount { get; private set; }

        /// <summary>Optional fault: the generator refuses every segment.</summary>
        public bool RefuseAll { get; set; }

        public bool TryEnqueue(StepSegment segment)
        {
            if (!_power.IsOn || RefuseAll || _count == _queue.Length || segment.RateMicrosteps <= 0
                || segment.RatePeriodUs <= 0 || segment.LastStep < segment.FirstStep || segment.FirstStep < 0)
            {
                RefusedSegments++;
                return false;
            }
            if (_clock != null)
            {
                segment.AnchorUs = _clock.ToSimTimeUs(segment.AnchorUs);
            }
            _queue[(_head + _count) % _queue.Length] = segment;
            _count++;
            return true;
        }

        public void StopNow()
        {
            StopCount++;
            _count = 0;
            _headStarted = false;
        }

        /// <summary>
        /// Emits every pulse due up to and including simulator time <paramref name="nowUs"/> and returns how many.
        /// </summary>
        public long AdvanceTo(long nowUs)
        {
            if (nowUs < _advancedToUs)
            {
                throw new ArgumentOutOfRangeException(nameof(nowUs));
            }
            long startUs = _advancedToUs;
            _advancedToUs = nowUs;
            long emitted = 0;
            // Latest due time whose quantized emission time is <= now.
            long lastDueUs = ((nowUs / ResolutionUs) * ResolutionUs) + ResolutionUs - 1;
            while (_count > 0)
            {
                ref StepSegment seg = ref _queue[_head];
                if (!_headStarted)
                {
                    _headStarted = true;
                    _headEmittedStep = seg.FirstStep;
                    _headActivationUs = Math.Max(startUs, LastPulseUs);
                }
                long reachable = lastDueUs < seg.AnchorUs
                    ? long.MinValue
                    : (long)((Int128)(lastDueUs - seg.AnchorUs) * seg.RateMicrosteps / seg.RatePeriodUs);
                long upTo = Math.Min(reachable, seg.LastStep);
                if (upTo > _headEmittedStep)
                {
                    long n = upTo - _headEmittedStep;
                    emitted += n;
                    long emitUs = (seg.DueUs(upTo) / ResolutionUs) * ResolutionUs;
                    // Steps already overdue when the segment became active go out at activation.
                    LastPulseUs = Math.Max(emitUs, Math.Max(_headActivationUs, LastPulseUs));
                    _headEmittedStep = upTo;
                }
                if (_headEmittedStep >= seg.LastStep)
                {
                    _head = (_head + 1) % _queue.Length;
                    _count--;
                    _headStarted = false;
                    continue;
                }
                break;
            }
            TotalPulses += emitted;
            return emitted;
        }
    }
}
