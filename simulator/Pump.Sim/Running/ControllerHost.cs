using Pump.Core.Alarms;
using Pump.Core.Control;
using Pump.Core.Library;
using Pump.Core.Units;
using Pump.Sim.Hardware;

namespace Pump.Sim.Running
{
    /// <summary>
    /// The simulator's composition root for the core (like the ESP32 Program.Main): boots a
    /// <see cref="PumpController"/> on the virtual hardware, paired with the virtual monitor, again after each
    /// power cycle or watchdog reset; ticks it; and reads back what it exposes (state, ledger, alarms), read-only.
    /// </summary>
    public sealed class ControllerHost
    {
        private readonly VirtualPump _pump;
        private readonly global::Pump.Sim.Monitor.MonitorPairing _pairing;
        private readonly IPumpObserver? _observer;
        private PumpController? _controller;

        public ControllerHost(VirtualPump pump, global::Pump.Sim.Monitor.MonitorPairing pairing, IPumpObserver? observer = null)
        {
            _pump = pump;
            _pairing = pairing;
            _observer = observer;
        }

        /// <summary>Control period of the device, ms.</summary>
        public static int TickPeriodMs => PumpController.TickPeriodMs;

        public int Boots { get; private set; }

        public bool IsRunning => _controller != null;

        /// <summary>The running controller, for read-only observation (null while the MCU is off).</summary>
        public PumpController? Pump => _controller;

        /// <summary>Take calibration, pairing and clinic settings from the store's configuration record, as the device does.</summary>
        public bool ConfigureFromStore { get; init; }

        /// <summary>Why the stored configuration was not applied at the last boot (0 = applied or not asked for).</summary>
        public int ConfigurationProblem { get; private set; }

        /// <summary>Why the stored link key was not applied at the last boot (0 = applied or not asked for).</summary>
        public int LinkKeyProblem { get; private set; }

        /// <summary>Power-up: a fresh controller on the same hardware (the store keeps its bytes).</summary>
        public void Boot()
        {
            var settings = new PumpSettings
            {
                EmptyPositionUm = (int)global::Pump.Sim.Physics.Mechanism.DefaultEmptyPositionMicrometres,
            };
            settings.PairedMonitorId = _pairing.MonitorId;
            _pairing.PairPump(settings.MonitorLink);
            // The replay floor persists in the virtual store as on the device, so resets behave as on the device.
            settings.MonitorLink.Floor.Attach(_pump.Hardware.Store, settings.MonitorLink.MonitorId, settings.MonitorLink.KeyCheck);
            if (ConfigureFromStore)
            {
                // As the device: the monitor, the key and the replay floor all come from the store.
                ConfigurationProblem = global::Pump.Core.Configuration.ConfigurationApplier.LoadAndApply(
                    _pump.Hardware.Store, settings, new global::Pump.Core.Configuration.DeviceConfiguration());
                LinkKeyProblem = global::Pump.Core.Configuration.LinkPairingLoader.LoadAndApply(_pump.Hardware.Store, settings);
            }
            _controller = new PumpController(_pump.Hardware, settings, ShippedLibrary.Build());
            _controller.SetObserver(_observer);
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
            PumpController? c = _controller;
            if (c == null)
            {
                return;
            }
            if (!MeasureAllocations)
            {
                c.Tick();
                return;
            }
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            c.Tick();
            TickAllocatedBytes += System.GC.GetAllocatedBytesForCurrentThread() - before;
            MeasuredTicks++;
        }

        /// <summary>Reads the controller's own view into <paramref name="o"/> (no allocation).</summary>
        public void Observe(ref PumpObservation o)
        {
            PumpController? c = _controller;
            o.RejectionReasons = null;
            if (c == null)
            {
                o.Phase = PumpPhase.Unknown;
                o.State = "OFF";
                o.LedgerDeliveredNl = -1;
                o.AlarmCode = null;
                o.AlarmPriority = null;
                return;
            }
            PumpState s = c.State;
            o.State = PumpStates.Name(s);
            o.Phase = s switch
            {
                PumpState.Completed => PumpPhase.Completed,
                PumpState.InterlockHold or PumpState.Paused => PumpPhase.Held,
                PumpState.Stopped => PumpPhase.Stopped,
                PumpState.Alarm or PumpState.Failsafe => PumpPhase.Alarm,
                PumpState.Infusing or PumpState.Priming => PumpPhase.Infusing,
                PumpState.Programming or PumpState.Ready => PumpPhase.Programming,
                _ => PumpPhase.Idle,
            };
            SyringeCalibration? cal = c.Calibration;
            o.LedgerDeliveredNl = cal != null && cal.TryMicrostepsToNl(c.Ledger.CountedMicrosteps, out long nl) ? nl : -1;
            AlarmCode highest = c.Alarms.Highest;
            if (highest == AlarmCode.None)
            {
                o.AlarmCode = null;
                o.AlarmPriority = null;
            }
            else
            {
                o.AlarmCode = AlarmNames.Code(highest);
                o.AlarmPriority = AlarmNames.Priority(AlarmTable.For(highest).Priority);
            }
        }
    }

    /// <summary>Cached names of alarm codes and priorities (no allocation when read).</summary>
    public static class AlarmNames
    {
        private static readonly string[] Codes = Build();

        public static string Code(AlarmCode code)
        {
            int i = (int)code;
            return i >= 0 && i < Codes.Length ? Codes[i] : "CODE_" + i;
        }

        public static string Priority(AlarmPriority p) => p switch
        {
            AlarmPriority.High => "high",
            AlarmPriority.Medium => "medium",
            AlarmPriority.Low => "low",
            _ => "none",
        };

        private static string[] Build()
        {
            var a = new string[AlarmCodes.Count];
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = ((AlarmCode)i).ToString();
            }
            return a;
        }
    }
}
