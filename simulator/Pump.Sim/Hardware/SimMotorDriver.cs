using Pump.Hal;

namespace Pump.Sim.Hardware
{
    /// <summary>
    /// The stepper driver stage. Its enable line is also cut by the watchdog and by power loss.
    /// Motion itself is modelled by <see cref="Pump.Sim.Physics.Mechanism"/>.
    /// </summary>
    public sealed class SimMotorDriver : IMotorDriver
    {
        private readonly PowerRail _power;
        private bool _enabled;

        public SimMotorDriver(PowerRail power)
        {
            _power = power;
            _power.PoweredOff += Disable;
        }

        /// <summary>Set by the watchdog when it bites: the enable line is held low until reset.</summary>
        public bool HeldOffByWatchdog { get; set; }

        /// <summary>Injected driver fault output (over-current, over-temperature...).</summary>
        public bool FaultInjected { get; set; }

        /// <summary>Direction changes made while segments were queued (a contract violation by the core).</summary>
        public int DirectionChangesWhileQueued { get; private set; }

        internal SimStepGenerator? Generator { get; set; }

        public MotorDirection Direction { get; private set; } = MotorDirection.Forward;

        public bool IsEnabled => _enabled && _power.IsOn && !HeldOffByWatchdog;

        public bool IsFaulted => FaultInjected;

        public void Enable()
        {
            if (_power.IsOn && !HeldOffByWatchdog)
            {
                _enabled = true;
            }
        }

        public void Disable()
        {
            _enabled = false;
        }

        public void SetDirection(MotorDirection direction)
        {
            if (Generator != null && Generator.QueuedSegments > 0 && direction != Direction)
            {
                DirectionChangesWhileQueued++;
            }
            Direction = direction;
        }
    }
}
