using Pump.Core.Control;
using Pump.Core.Interlock;
using Pump.Core.Library;

namespace Pump.Core.Panel
{
    /// <summary>
    /// When the panel redraws (NFR-008): at once, in the tick it happens, on everything a person must see at once
    /// (<see cref="RedrawCause"/>: a key, a state entered, an alarm change, the vitals verdict, a refusal, a screen
    /// closing, a new drug library, the display coming back), otherwise once per <see cref="RefreshUs"/> for the
    /// running figures, as a 1 Hz run screen does. Rendering is most of the panel's cost, so a quiet tick compares
    /// a few values and draws nothing. It remembers what the last drawn screen was built from and never allocates.
    /// </summary>
    public sealed class RedrawSchedule
    {
        /// <summary>
        /// Period of the running figures. A whole second, so a period starts exactly when an information page
        /// (<see cref="SessionScreen.PageUs"/>) turns and a seconds count (time left, time since an alarm) moves.
        /// </summary>
        public const long RefreshUs = 1000000;

        private bool _keyRead;
        private long _period = -1;
        private PumpState _state;
        private long _stateEnteredUs;
        private int _alarmRevision;
        private VitalRule? _vitalRule;
        private bool _vitalsShown;
        private long _refusalUs;
        private bool _refusalShown;
        private DrugLibrary? _library;
        private bool _displayHealthy = true;
        private int _redraws;
        private RedrawCause _lastCause;

        /// <summary>How many times the panel was drawn since power-up (benchmarks and tests).</summary>
        public int Redraws { get { return _redraws; } }

        /// <summary>Why the last drawing happened.</summary>
        public RedrawCause LastCause { get { return _lastCause; } }

        /// <summary>A key was read in this tick.</summary>
        internal void KeyRead()
        {
            _keyRead = true;
        }

        /// <summary>
        /// Whether to draw now and why (None: keep the screen as it is). Called once per tick after the status is
        /// published; a cause other than None records what this drawing shows.
        /// </summary>
        internal RedrawCause Decide(PumpController pump, bool screenClosed, bool displayHealthy, long nowUs)
        {
            PumpStatus status = pump.Status;
            string reason;
            bool refusalShown = pump.RecentRejection(nowUs, PanelModel.RejectionShownUs, out reason) && reason.Length > 0;
            long period = nowUs < 0 ? 0 : nowUs / RefreshUs;
            RedrawCause cause = RedrawCause.None;
            if (displayHealthy && !_displayHealthy)
            {
                cause = RedrawCause.DisplayBack;
            }
            else if (_keyRead)
            {
                cause = RedrawCause.Key;
            }
            else if (status.State != _state || pump.StateEnteredUs != _stateEnteredUs)
            {
                cause = RedrawCause.State;
            }
            else if (pump.Alarms.Revision != _alarmRevision)
            {
                cause = RedrawCause.Alarm;
            }
            else if (status.ActiveVitalRule != _vitalRule || status.VitalsShown != _vitalsShown)
            {
                cause = RedrawCause.Vitals;
            }
            else if (pump.LastRejectionUs != _refusalUs || refusalShown != _refusalShown)
            {
                cause = RedrawCause.Refusal;
            }
            else if (screenClosed)
            {
                cause = RedrawCause.ScreenClosed;
            }
            else if (pump.Library != _library)
            {
                cause = RedrawCause.Library;
            }
            else if (period != _period)
            {
                cause = RedrawCause.Cadence;
            }

            _displayHealthy = displayHealthy;
            if (cause == RedrawCause.None)
            {
                return cause;
            }

            _keyRead = false;
            _period = period;
            _state = status.State;
            _stateEnteredUs = pump.StateEnteredUs;
            _alarmRevision = pump.Alarms.Revision;
            _vitalRule = status.ActiveVitalRule;
            _vitalsShown = status.VitalsShown;
            _refusalUs = pump.LastRejectionUs;
            _refusalShown = refusalShown;
            _library = pump.Library;
            _redraws++;
            _lastCause = cause;
            return cause;
        }
    }
}
