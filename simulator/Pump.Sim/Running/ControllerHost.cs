using Pump.Core.Control;
using Pump.Sim.Hardware;

namespace Pump.Sim.Running
{
    /// <summary>
    /// The only place that knows the core controller's API: boots a <see cref="PumpController"/> on the
    /// virtual hardware (again after each power cycle or watchdog reset), ticks it, and reads back what the
    /// controller exposes. While the controller is the placeholder it exposes nothing, so the observation says
    /// <see cref="PumpPhase.Unknown"/> and the runner falls back to what the hardware shows.
    /// </summary>
    public sealed class ControllerHost
    {
        private readonly VirtualPump _pump;
        private PumpController? _controller;

        public ControllerHost(VirtualPump pump)
        {
            _pump = pump;
        }

        /// <summary>Control period of the device, ms.</summary>
        public static int TickPeriodMs => PumpController.TickPeriodMs;

        public int Boots { get; private set; }

        public bool IsRunning => _controller != null;

        /// <summary>Power-up: a fresh controller on the same hardware (the store keeps its bytes).</summary>
        public void Boot()
        {
            _controller = new PumpController(_pump.Hardware);
            Boots++;
        }

        /// <summary>The MCU stops (power loss or watchdog): nothing runs until the next <see cref="Boot"/>.</summary>
        public void Halt()
        {
            _controller = null;
        }

        /// <summary>When set, bytes allocated inside the controller's Tick are added to <see cref="TickAllocatedBytes"/>.</summary>
        public bool MeasureAllocations { get; set; }

        public long TickAllocatedBytes { get; private set; }

        public long MeasuredTicks { get; private set; }

        public void Tick()
        {
            if (_controller == null)
            {
                return;
            }
            if (!MeasureAllocations)
            {
                _controller.Tick();
                return;
            }
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            _controller.Tick();
            TickAllocatedBytes += System.GC.GetAllocatedBytesForCurrentThread() - before;
            MeasuredTicks++;
        }

        public void Observe(ref PumpObservation o)
        {
            o.Phase = PumpPhase.Unknown;
            o.State = _controller == null ? "off" : "unknown";
            o.LedgerDeliveredNl = -1;
            o.AlarmCode = null;
            o.AlarmPriority = null;
            o.RejectionReasons = null;
        }
    }
}
