using Pump.Core.Alarms;
using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// The act end of the alarms in a tick: every alarm raised anywhere in it is logged and reported (ALM-008),
    /// then the annunciator shows the highest one and the running lamp (written only when it changes).
    /// </summary>
    public sealed class AlarmReporter
    {
        private readonly AlarmManager _alarms;
        private readonly IAnnunciator _annunciator;
        private readonly SessionLog _log;
        private bool _runningLamp;
        private bool _runningLampPrimed;

        internal AlarmReporter(AlarmManager alarms, IAnnunciator annunciator, SessionLog log)
        {
            _alarms = alarms;
            _annunciator = annunciator;
            _log = log;
        }

        internal IPumpObserver? Observer { get; set; }

        /// <summary>Logs and reports every alarm raised in this tick (supervision, entry actions, keys).</summary>
        internal void ReportRaised(long nowUs)
        {
            for (int i = 0; i < _alarms.RaisedThisTickCount; i++)
            {
                AlarmCode code = _alarms.RaisedThisTick(i);
                _log.Append(PumpEvent.AlarmRaised, (int)AlarmTable.For(code).Priority, (int)code, 0);
                if (Observer != null)
                {
                    Observer.OnAlarmRaised(code, nowUs);
                }
            }
        }

        internal void Annunciate(bool running, long nowUs)
        {
            ReportRaised(nowUs);
            _alarms.Annunciate(_annunciator, nowUs);
            if (!_runningLampPrimed || running != _runningLamp)
            {
                _annunciator.SetRunning(running);
                _runningLamp = running;
                _runningLampPrimed = true;
            }
        }
    }
}
