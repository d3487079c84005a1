using Pump.Hal;
using Pump.Sim.Hardware;

namespace Pump.Simulator.Tests.Physics
{
    /// <summary>
    /// Test stand-in for the delivery engine: plans 500 ms segments ahead on one absolute schedule (as D2/D5
    /// require) so the virtual hardware can be tested before and independently of the real controller.
    /// </summary>
    internal sealed class OpenLoopDriver
    {
        private readonly VirtualPump _pump;
        private readonly long _totalSteps;
        private readonly long _durationUs;
        private readonly long _anchorUs;
        private long _planned;

        public OpenLoopDriver(VirtualPump pump, long totalSteps, long durationUs, long anchorUs)
        {
            _pump = pump;
            _totalSteps = totalSteps;
            _durationUs = durationUs;
            _anchorUs = anchorUs;
            pump.MotorDriver.SetDirection(MotorDirection.Forward);
            pump.MotorDriver.Enable();
        }

        public void Tick(long nowUs)
        {
            while (_planned < _totalSteps && _pump.StepGenerator.QueuedSegments < 3)
            {
                long horizonUs = nowUs + 500_000 - _anchorUs;
                long last = System.Math.Min(_totalSteps, (long)((System.Int128)horizonUs * _totalSteps / _durationUs));
                if (last <= _planned)
                {
                    last = System.Math.Min(_totalSteps, _planned + 1);
                }
                if (!_pump.StepGenerator.TryEnqueue(new StepSegment(_anchorUs, _planned, last, _totalSteps, _durationUs)))
                {
                    return;
                }
                _planned = last;
            }
        }
    }
}
