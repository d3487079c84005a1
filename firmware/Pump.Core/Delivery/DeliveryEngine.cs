using Pump.Core.Common;
using Pump.Hal;

namespace Pump.Core.Delivery
{
    /// <summary>
    /// Plans step segments ahead on an absolute schedule and hands them to the hardware generator
    /// (DESIGN.md D2, D5). It never queues a step beyond the cap (the least of the volume to be
    /// infused, every remaining dose allowance and the persisted reservation), so "cannot command
    /// beyond" is structural, and the counter checks it again independently. Allocation-free.
    /// </summary>
    public sealed class DeliveryEngine
    {
        /// <summary>Steps are queued at least this far ahead (DEL-003: ≥ 500 ms, so a GC pause cannot starve the generator).</summary>
        public const long PlanAheadUs = 1000000;

        /// <summary>Length of one planned segment.</summary>
        public const long SegmentUs = 250000;

        private readonly IStepGenerator _generator;
        private readonly DeliveryLedger _ledger;
        private StepSchedule _schedule;
        private long _base;
        private long _planned;
        private long _capMicrosteps;

        public DeliveryEngine(IStepGenerator generator, DeliveryLedger ledger)
        {
            _generator = generator;
            _ledger = ledger;
        }

        /// <summary>True while segments are being planned.</summary>
        public bool IsRunning { get; private set; }

        /// <summary>The current schedule (valid while running).</summary>
        public StepSchedule Schedule { get { return _schedule; } }

        /// <summary>Session microsteps the planner may never pass.</summary>
        public long CapMicrosteps { get { return _capMicrosteps; } }

        /// <summary>Session total of the schedule's steps due by a time (capped), for supervision.</summary>
        public long MicrostepsDueBy(long timeUs)
        {
            if (!IsRunning)
            {
                return _ledger.CountedMicrosteps;
            }

            // Beyond long is beyond the cap: saturate explicitly (nanoCLR would wrap the sum negative, NFR-005).
            long due;
            return IntMath.TryAdd(_base, _schedule.StepsDueBy(timeUs), out due) ? IntMath.Min(due, _capMicrosteps) : _capMicrosteps;
        }

        /// <summary>
        /// Starts (or re-anchors) delivery at the current time from what was counted (the caller has
        /// just read the counter into the ledger): step 1 of the new schedule is due one step period
        /// after nowUs. Returns false for an unusable rate.
        /// </summary>
        public bool Start(long nowUs, long rateMicrosteps, long ratePeriodUs, long capMicrosteps)
        {
            _generator.StopNow();
            _ledger.CancelInFlight();
            _schedule = new StepSchedule(nowUs, rateMicrosteps, ratePeriodUs);
            if (!_schedule.IsValid)
            {
                IsRunning = false;
                return false;
            }

            _base = _ledger.CountedMicrosteps;
            _planned = 0;
            _capMicrosteps = capMicrosteps;
            IsRunning = true;
            return true;
        }

        /// <summary>
        /// Lowers or raises the cap. A cap below what is already queued stops the generator and
        /// re-plans from the counter (limits only tighten what can still happen).
        /// </summary>
        public void SetCap(long nowUs, long capMicrosteps)
        {
            if (IsRunning && capMicrosteps < _ledger.CommandedMicrosteps)
            {
                // Start stops the generator and cancels the in-flight steps first, then re-anchors at the
                // same rate from the counter.
                Start(nowUs, _schedule.RateMicrosteps, _schedule.RatePeriodUs, capMicrosteps);
                return;
            }

            _capMicrosteps = capMicrosteps;
        }

        /// <summary>Tops up the generator so steps are queued at least <see cref="PlanAheadUs"/> ahead.</summary>
        public void Service(long nowUs)
        {
            if (!IsRunning)
            {
                return;
            }

            long horizonUs = nowUs + PlanAheadUs;
            while (_generator.QueuedSegments < _generator.Capacity)
            {
                long capRelative = _capMicrosteps - _base;
                if (_planned >= capRelative)
                {
                    return;
                }

                // All steps due before step (_planned + 1) are queued: that is how far we are covered.
                long coveredUs = _schedule.DueUs(_planned + 1) - 1;
                if (coveredUs >= horizonUs)
                {
                    return;
                }

                long segmentEndUs = IntMath.Max(coveredUs, nowUs) + SegmentUs;
                long last = IntMath.Min(IntMath.Max(_schedule.StepsDueBy(segmentEndUs), _planned + 1), capRelative);
                var segment = new StepSegment(_schedule.AnchorUs, _planned, last, _schedule.RateMicrosteps, _schedule.RatePeriodUs);
                if (!_generator.TryEnqueue(segment))
                {
                    return;
                }

                _planned = last;
                _ledger.Commanded(_base + _planned);
            }
        }

        /// <summary>
        /// Hardware first: stops the generator at once. The caller then reads the counter into the
        /// ledger and cancels what was queued but never emitted (<see cref="DeliveryLedger.CancelInFlight"/>).
        /// </summary>
        public void Halt()
        {
            _generator.StopNow();
            IsRunning = false;
        }

        /// <summary>True when every step up to the cap has been queued.</summary>
        public bool AllPlanned { get { return IsRunning && _base + _planned >= _capMicrosteps; } }
    }
}
