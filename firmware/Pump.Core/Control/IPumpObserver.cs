using Pump.Core.Alarms;

namespace Pump.Core.Control
{
    /// <summary>
    /// Optional listener for what the controller does (the simulator's reports; the device leaves it
    /// null and relies on the event log). Called synchronously inside Tick; must not throw or block.
    /// </summary>
    public interface IPumpObserver
    {
        void OnTransition(PumpState from, PumpTrigger trigger, PumpState to, long nowUs);

        void OnRejected(PumpState state, PumpTrigger trigger, string reason, long nowUs);

        void OnAlarmRaised(AlarmCode code, long nowUs);

        void OnMotorStopped(long nowUs, long countedMicrosteps);
    }
}
