using Pump.Core.Common;

namespace Pump.Core.Persistence
{
    /// <summary>
    /// Write-ahead reservation of delivered microsteps (PER-006, PER-007): the persisted delivered
    /// value is never less than what the motor truly delivered, whenever power is cut.
    ///
    /// Protocol the delivery engine follows (all values are microsteps of the current program):
    /// <list type="number">
    /// <item>New program: <see cref="TryBeginDelivery"/> persists 0, exact.</item>
    /// <item>Before commanding any step whose cumulative index would exceed <see cref="ReservedMicrosteps"/>,
    ///   call <see cref="TryCover"/> (or <see cref="TryReserveUpTo"/>) with the commanded end; it persists a
    ///   new upper bound = commanded end + a reservation window (named parameter, default
    ///   <see cref="DefaultReservationWindowMs"/> of steps at the programmed rate). Only if the call
    ///   returns true (the write is durable and verified) may the engine command those steps.</item>
    /// <item>On an orderly stop (motor disabled, generator stopped, counter read):
    ///   <see cref="TryRecordExact"/> with the counted total persists the exact value.</item>
    /// </list>
    /// A power cut tears at most the write in progress; the other slot still holds the previous bound,
    /// which covered every step commanded so far. Over-statement after a cut is at most the window plus
    /// the engine's look-ahead (hardware-docs/persistence.md gives the measured figure).
    /// After a restart the ledger is closed: <see cref="ContinueAfterRestart"/> or a new program opens it;
    /// <see cref="TryCloseInterrupted"/> ends an interrupted delivery without continuing it.
    /// </summary>
    public sealed class PersistentDeliveryLedger
    {
        /// <summary>Default reservation window: the steps due in the next 10 s at the programmed rate.</summary>
        public const long DefaultReservationWindowMs = 10000;

        /// <summary>Default refresh margin: reserve again once fewer than 2 s of steps remain reserved
        /// ahead of the commanded end, so the write happens before it is urgent.</summary>
        public const long DefaultRefreshMarginMs = 2000;

        private readonly PumpStateStore _state;
        private long _reserved;
        private bool _exact = true;
        private bool _active;
        private long _volumeNl;
        private long _calibrationNl;
        private long _calibrationMicrosteps;
        private bool _open;
        private long _overrunMicrosteps;
        private int _writeFailures;

        internal PersistentDeliveryLedger(PumpStateStore state)
        {
            _state = state;
        }

        /// <summary>The persisted upper bound of delivered microsteps (exact when <see cref="IsExact"/>).
        /// The engine must never command a step beyond it.</summary>
        public long ReservedMicrosteps => _reserved;

        /// <summary>True after an orderly stop recorded the counted value; false while a reservation stands.</summary>
        public bool IsExact => _exact;

        /// <summary>Volume of <see cref="ReservedMicrosteps"/> in nL; -1 without a calibration.</summary>
        public long VolumeDeliveredNl => _volumeNl;

        /// <summary>Persisted: delivery started and not yet stopped in order. Set at power-up means power was
        /// lost while the motor could run.</summary>
        public bool IsDeliveryActive => _active;

        /// <summary>True while a program's delivery may reserve and record.</summary>
        public bool IsOpen => _open;

        /// <summary>Largest amount a recorded count exceeded the reservation by (0 when the protocol held):
        /// a non-zero value is a delivery fault for the technical alarms.</summary>
        public long ReservationOverrunMicrosteps => _overrunMicrosteps;

        /// <summary>Persist writes that failed since power-up (each one is a technical alarm).</summary>
        public int WriteFailureCount => _writeFailures;

        internal void LoadFrom(PumpSnapshot loaded)
        {
            _reserved = loaded.DeliveredMicrosteps;
            _exact = loaded.DeliveredIsExact;
            _active = loaded.DeliveryActive;
            _volumeNl = loaded.VolumeDeliveredNl;
            _open = false;
        }

        /// <summary>
        /// The syringe calibration as an exact ratio: <paramref name="nanolitres"/> nL per
        /// <paramref name="microsteps"/> microsteps. Used only to persist the delivered volume next to
        /// the microsteps (rounded up for a reservation, down for an exact count).
        /// </summary>
        public bool SetVolumeCalibration(long nanolitres, long microsteps)
        {
            if (nanolitres <= 0 || microsteps <= 0)
            {
                return false;
            }

            _calibrationNl = nanolitres;
            _calibrationMicrosteps = microsteps;
            return true;
        }

        /// <summary>Microsteps due in windowMs at a rate of rateMicrosteps per ratePeriodUs, rounded up.</summary>
        public static long WindowMicrosteps(long windowMs, long rateMicrosteps, long ratePeriodUs)
        {
            if (windowMs <= 0 || rateMicrosteps <= 0 || ratePeriodUs <= 0)
            {
                return 0;
            }

            return IntMath.CeilDiv(IntMath.Multiply(IntMath.Multiply(windowMs, 1000), rateMicrosteps), ratePeriodUs);
        }

        /// <summary>Starts a new program's delivery: persists 0 delivered, exact, with the current snapshot.
        /// The previous program's dose must already be in the session history.</summary>
        public bool TryBeginDelivery()
        {
            // Closed until the new record is durable: a failed write can never leave the old bound usable.
            _open = false;
            if (!Persist(0, true, true))
            {
                return false;
            }

            _overrunMicrosteps = 0;
            _open = true;
            return true;
        }

        /// <summary>
        /// After a restart, opens the ledger to continue the recovered program (a clinician's decision,
        /// never automatic). Returns the recovered upper bound: the engine adds it to its fresh counter,
        /// so every limit keeps counting what may have been delivered before the cut.
        /// </summary>
        public long ContinueAfterRestart()
        {
            _open = true;
            return _reserved;
        }

        /// <summary>
        /// Persists an upper bound of at least <paramref name="upperBoundMicrosteps"/>. True when the
        /// persisted bound now covers it (no write when it already did). False on a write failure or a
        /// closed ledger: the engine must not command beyond <see cref="ReservedMicrosteps"/>.
        /// </summary>
        public bool TryReserveUpTo(long upperBoundMicrosteps)
        {
            if (!_open || upperBoundMicrosteps < 0)
            {
                return false;
            }

            if (upperBoundMicrosteps <= _reserved)
            {
                return true;
            }

            return Persist(upperBoundMicrosteps, false, true);
        }

        /// <summary>
        /// The per-tick call of the engine. commandedEndMicrosteps is the cumulative index of the last step
        /// the engine wants commanded (its look-ahead included). When fewer than refreshMarginMicrosteps
        /// remain reserved beyond it, reserves min(commandedEnd + windowMicrosteps, capMicrosteps) (never
        /// less than commandedEnd). Returns true when the commanded end is covered by the persisted bound;
        /// false means "do not command it" (write failed or ledger closed): stop the motor.
        /// </summary>
        public bool TryCover(long commandedEndMicrosteps, long windowMicrosteps, long refreshMarginMicrosteps, long capMicrosteps)
        {
            if (!_open || commandedEndMicrosteps < 0)
            {
                return false;
            }

            bool atCap = _reserved >= capMicrosteps;
            if (commandedEndMicrosteps <= _reserved && (atCap || commandedEndMicrosteps + refreshMarginMicrosteps <= _reserved))
            {
                return true;
            }

            // A sum beyond long is beyond any cap: saturate to the cap (explicitly; nanoCLR would wrap it negative).
            long wanted;
            if (!IntMath.TryAdd(commandedEndMicrosteps, IntMath.Max(windowMicrosteps, 0), out wanted))
            {
                wanted = long.MaxValue;
            }

            long target = IntMath.Max(IntMath.Min(wanted, capMicrosteps), commandedEndMicrosteps);
            if (target > _reserved)
            {
                Persist(target, false, true);
            }

            return commandedEndMicrosteps <= _reserved;
        }

        /// <summary>
        /// Orderly stop: persists the exact counted total (the motor is stopped, so it is final). A count
        /// above the reservation means steps ran unreserved: it is still recorded (the higher value is
        /// the safe one) and reported in <see cref="ReservationOverrunMicrosteps"/>.
        /// </summary>
        public bool TryRecordExact(long countedMicrosteps)
        {
            if (!_open || countedMicrosteps < 0)
            {
                return false;
            }

            _overrunMicrosteps = IntMath.Max(_overrunMicrosteps, countedMicrosteps - _reserved);

            return Persist(countedMicrosteps, true, false);
        }

        /// <summary>
        /// Closes a delivery that power loss interrupted, once the clinician ends it (no continuation):
        /// keeps the recovered upper bound as the delivered value (never lowered, still not exact) and
        /// clears the active mark, so later power-ups do not report it again.
        /// </summary>
        public bool TryCloseInterrupted()
        {
            if (!_active)
            {
                return true;
            }

            if (!Persist(_reserved, _exact, false))
            {
                return false;
            }

            _open = false;
            return true;
        }

        private bool Persist(long microsteps, bool exact, bool active)
        {
            // Closing after a restart, before any calibration is set, keeps the recovered volume.
            long volume = _calibrationMicrosteps <= 0 && microsteps == _reserved ? _volumeNl : VolumeFor(microsteps, exact);
            if (!_state.WriteWithDelivered(microsteps, exact, volume, active))
            {
                _writeFailures++;
                return false;
            }

            _reserved = microsteps;
            _exact = exact;
            _active = active;
            _volumeNl = volume;
            return true;
        }

        private long VolumeFor(long microsteps, bool exact)
        {
            if (_calibrationMicrosteps <= 0)
            {
                return -1;
            }

            long scaled = IntMath.Multiply(microsteps, _calibrationNl);
            return exact ? scaled / _calibrationMicrosteps : IntMath.CeilDiv(scaled, _calibrationMicrosteps);
        }
    }
}
