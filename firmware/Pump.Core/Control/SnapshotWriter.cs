using Pump.Core.Alarms;
using Pump.Core.Interlock;
using Pump.Core.Persistence;

namespace Pump.Core.Control
{
    /// <summary>
    /// Writes the pump snapshot (PER-004): after every transition (state, program, latched alarms, audio pause,
    /// vital hold), and while a session is open whenever the latched vital-sign rules or the audio pause change, so a
    /// hold restored after a reset names the rule that latched it (INT-501) and a pause it ended is logged (PER-015). A failed write is reported once to supervision.
    /// </summary>
    internal sealed class SnapshotWriter
    {
        private readonly PumpPersistence _persistence;
        private readonly InfusionSession _session;
        private readonly AlarmManager _alarms;
        private readonly VitalSignInterlock _interlock;
        private bool _failed;

        internal SnapshotWriter(PumpPersistence persistence, InfusionSession session, AlarmManager alarms, VitalSignInterlock interlock)
        {
            _persistence = persistence;
            _session = session;
            _alarms = alarms;
            _interlock = interlock;
        }

        internal void Save(PumpState state)
        {
            PumpSnapshot snap = _persistence.State.Current;
            snap.PumpStateCode = (int)state;
            _session.FillProgramSnapshot(snap);
            snap.LatchedAlarmBits = _alarms.ShownBits;
            snap.AlarmAudioPausedUntilMs = _alarms.AudioPausedUntilUs / 1000;
            snap.VitalHoldLatched = state == PumpState.InterlockHold;
            snap.VitalLatchedRules = _interlock.Verdict.LatchedRules;
            if (!_persistence.State.TrySave())
            {
                _failed = true;
            }
        }

        /// <summary>
        /// A Silence pressed again while the audio is paused moves the pause's end; that is saved only once it has moved
        /// this far, so a stuck or bouncing Silence key costs at most one store write per this time, not one per tick.
        /// </summary>
        public const long AudioPauseResaveMs = 10_000;

        /// <summary>
        /// While a session is open, what changes without a transition is saved too: a rule that latches (a second hold
        /// while held, INT-501), and the alarm-audio pause when Silence starts it and when it ends, so a reset logs the
        /// end of a pause that was running and of no other (PER-015).
        /// </summary>
        internal void SaveIfChanged(PumpState state)
        {
            PumpSnapshot saved = _persistence.State.Current;
            long pausedUntilMs = _alarms.AudioPausedUntilUs / 1000;
            bool pauseChanged = (pausedUntilMs > 0) != (saved.AlarmAudioPausedUntilMs > 0)
                || pausedUntilMs - saved.AlarmAudioPausedUntilMs >= AudioPauseResaveMs;
            if (StateTraits.Has(state, StateTraits.SessionOpen)
                && (_interlock.Verdict.LatchedRules != saved.VitalLatchedRules || pauseChanged))
            {
                Save(state);
            }
        }

        /// <summary>Whether a write failed since the last call.</summary>
        internal bool TakeFailure()
        {
            bool failed = _failed;
            _failed = false;
            return failed;
        }
    }
}
