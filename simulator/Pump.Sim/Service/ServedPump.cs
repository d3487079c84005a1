using System;
using System.Reflection;
using Pump.Core.Service;
using Pump.Hal;
using Pump.Sim.Hardware;
using Pump.Sim.Physics;

namespace Pump.Sim.Service
{
    /// <summary>
    /// A virtual pump powered up in service mode (the simulator's `serve`): the core's
    /// <see cref="ServiceModeController"/> on virtual hardware, answering the service link on an
    /// <see cref="IServicePort"/>. Simulated time follows the caller's clock (<see cref="AdvanceTo"/>), so the
    /// link's timeouts are real. A store write cut by <see cref="SimNonVolatileStore.ArmPowerCutDuringNextWrite(int)"/>
    /// stops the MCU until <see cref="PowerUp"/>, as on the device. Not thread-safe: <see cref="Sync"/> guards
    /// callers that share it between a serving thread and a test.
    /// </summary>
    public sealed class ServedPump
    {
        private readonly IServicePort _port;
        private readonly long _originUs;
        private long _simUs;

        public ServedPump(IServicePort port, int seed = 1, VirtualPump? pump = null)
        {
            _port = port;
            SyringeCatalog.TryGet("BD60", out SyringeSpec syringe);
            Pump = pump ?? new VirtualPump(syringe, syringe.NominalMl, seed);
            Raw = new SimRawSensors(Pump.Power, Pump.Line, Pump.Mechanism, seed);
            Identity = new DeviceIdentity("sim-" + CoreVersion(), SourceCommit());
            _originUs = Pump.Clock.SimTimeUs;
        }

        /// <summary>Lock for callers that tick on one thread and press keys on another.</summary>
        public object Sync { get; } = new object();

        public VirtualPump Pump { get; }

        public SimRawSensors Raw { get; }

        public DeviceIdentity Identity { get; }

        /// <summary>The running service mode (null while the MCU is off).</summary>
        public ServiceModeController? Service { get; private set; }

        public int Boots { get; private set; }

        /// <summary>Power-up with the service keys held: opens the store and starts service mode.</summary>
        public void PowerUp()
        {
            Pump.Power.Restore();
            Pump.Clock.PowerUp();
            Pump.StepCounter.ResetAtPowerUp();
            Pump.Watchdog.PowerUp(false);
            var context = new ServiceContext(Pump.Hardware, Pump.RealTimeClock, Raw, Identity);
            Service = new ServiceModeController(context, _port);
            Service.Start();
            Boots++;
        }

        /// <summary>Supply cut: the MCU stops at once; RAM (a staged library) is lost, the store keeps its bytes.</summary>
        public void CutPower()
        {
            Pump.Power.Cut();
            Service = null;
        }

        /// <summary>Runs service-mode ticks up to nowUs after this object was made (one per 50 ms control period).</summary>
        public void AdvanceTo(long nowUs)
        {
            while (_simUs + 50_000 <= nowUs)
            {
                _simUs += 50_000;
                Pump.AdvanceTo(_originUs + _simUs);
                if (Service == null)
                {
                    continue;
                }
                Service.Tick();
                if (!Pump.Power.IsOn)
                {
                    Service = null; // a torn write cut the supply
                }
            }
        }

        /// <summary>Time of the last tick after this object was made (µs).</summary>
        public long SimTimeUs => _simUs;

        /// <summary>The panel as text, one line per row.</summary>
        public string ScreenText()
        {
            var d = Pump.Display;
            return d.RowText(0) + "\n" + d.RowText(1) + "\n" + d.RowText(2) + "\n" + d.RowText(3);
        }

        private static string CoreVersion()
        {
            return typeof(ServiceModeController).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        }

        private static string SourceCommit()
        {
            string? info = typeof(ServiceModeController).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            int plus = info?.IndexOf('+') ?? -1;
            return plus >= 0 ? info!.Substring(plus + 1) : "unknown";
        }
    }
}
