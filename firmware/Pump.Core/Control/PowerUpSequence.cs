using Pump.Core.Alarms;
using Pump.Core.Persistence;
using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// Power-up self-test (STM-004): storage opened and recovered, the library valid, the sensors and counter
    /// readable, the driver quiet, the display reachable, the watchdog armed, no latched failsafe from before
    /// the reset. An open session is brought back first (PER-015), so even Failsafe shows what was delivered.
    /// The verdict goes to the table as SelfTestPassed or SelfTestFailed; nothing here starts anything.
    /// </summary>
    public sealed class PowerUpSequence
    {
        private readonly PumpHardware _hw;
        private readonly SensorFrame _frame;
        private readonly PumpPersistence _persistence;
        private readonly AlarmManager _alarms;
        private readonly LibraryKeeper _libraries;
        private readonly SessionRestorer _restorer;
        private readonly TriggerQueue _queue;

        internal PowerUpSequence(PumpHardware hw, SensorFrame frame, PumpPersistence persistence, AlarmManager alarms,
            LibraryKeeper libraries, SessionRestorer restorer, TriggerQueue queue)
        {
            _hw = hw;
            _frame = frame;
            _persistence = persistence;
            _alarms = alarms;
            _libraries = libraries;
            _restorer = restorer;
            _queue = queue;
        }

        /// <summary>Runs once, in the first tick, after the sensors were read. Returns what recovery found.</summary>
        internal PowerOnReport Run(long nowUs)
        {
            PowerOnReport report = _persistence.Open();
            PumpSnapshot snap = _persistence.State.Current;
            bool ok = _persistence.StoreFits && !report.WriteFailed
                && _frame.CounterOk && _frame.ForceOk && _frame.PositionOk && _frame.ClampReadable
                && !_hw.MotorDriver.IsFaulted && _hw.Display.IsHealthy && _hw.Watchdog.IsArmed
                && snap.PumpStateCode != (int)PumpState.Failsafe;
            if (_hw.Watchdog.LastResetWasWatchdog)
            {
                _alarms.RaiseEvent(AlarmCode.WatchdogReset, nowUs);
            }

            _libraries.LoadStored(nowUs);
            Log(PumpEvent.LibraryLoaded, (int)_libraries.Library.Revision, _libraries.Library.Count);
            long deliveredUl = snap.VolumeDeliveredNl > 0 ? snap.VolumeDeliveredNl / 1000 : 0;
            bool wasOpen = SessionRestorer.WasOpen(report, snap);
            Log(PumpEvent.PowerOn, wasOpen ? 1 : 0, (int)(deliveredUl > int.MaxValue ? int.MaxValue : deliveredUl));
            if (wasOpen)
            {
                _restorer.Restore(snap, _libraries.Library, nowUs);
            }

            if (!ok)
            {
                _queue.Enqueue(PumpTrigger.SelfTestFailed);
                return report;
            }

            _queue.Enqueue(PumpTrigger.SelfTestPassed);
            if (_restorer.FollowUp >= 0)
            {
                // The session comes back where it was held: the table moves Paused on to InterlockHold or Alarm.
                _queue.Enqueue((PumpTrigger)_restorer.FollowUp);
            }

            return report;
        }

        private void Log(int code, int arg0, int arg1)
        {
            _persistence.Log.Append(code, 0, 0, arg0, arg1);
        }
    }
}
