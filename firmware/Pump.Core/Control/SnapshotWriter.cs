using Pump.Core.Alarms;
using Pump.Core.Interlock;
using Pump.Core.Persistence;

namespace Pump.Core.Control
{
    /// <summary>
    /// Writes the pump snapshot (PER-004): after every transition (state, program, latched alarms, audio pause,
    /// vital hold) and whenever the set of latched vital-sign rules changes while a session is open, so a hold
    /// restored after a reset names the rule that latched it (INT-501). A failed write is reported once to supervision.
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

        /// <summary>A rule that latches without a transition (a second hold while held) is saved too.</summary>
        internal void SaveIfRulesChanged(PumpState state)
        {
            if (_interlock.Verdict.LatchedRules != _persistence.State.Current.VitalLatchedRules
                && StateTraits.Has(state, StateTraits.SessionOpen))
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
