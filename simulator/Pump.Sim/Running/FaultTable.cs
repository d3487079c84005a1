using System;
using System.Collections.Generic;
using System.Globalization;
using Pump.Sim.Hardware;
using Pump.Sim.Monitor;
using Pump.Sim.Scenarios;

namespace Pump.Sim.Running
{
    /// <summary>
    /// The simulator's timed faults, one row each: how the fault begins and ends on the virtual hardware or
    /// monitor (one switch: on or off), how it is described in the event log, and which interlock trip it is
    /// (or which monitor frame it marks). Scenario events of these types last <c>durationS</c>.
    /// </summary>
    public static class FaultTable
    {
        /// <summary>One fault: <see cref="Set"/> turns it on (true) or off (false) for a scenario event.</summary>
        public sealed record Fault(
            ScenarioEventType Type,
            Func<ScenarioEvent, string> Describe,
            Action<VirtualPump, VirtualMonitor, ScenarioEvent, bool> Set,
            Func<ScenarioEvent, string>? Trip,
            string? FrameCause);

        private static readonly Dictionary<ScenarioEventType, Fault> Rows = Build();

        public static IReadOnlyCollection<Fault> All => Rows.Values;

        public static bool TryGet(ScenarioEventType type, out Fault fault) => Rows.TryGetValue(type, out fault!);

        private static Dictionary<ScenarioEventType, Fault> Build()
        {
            var rows = new Fault[]
            {
                new(ScenarioEventType.LinkLoss, _ => "monitor link cut",
                    (p, m, e, on) => p.MonitorLink.Disconnected = on, _ => "linkLoss", null),
                new(ScenarioEventType.WrongMonitor, _ => "frames from an unpaired monitor",
                    (p, m, e, on) => m.WrongMonitor = on, null, "wrongMonitor"),
                new(ScenarioEventType.ProbeOff, _ => "SpO2 probe off",
                    (p, m, e, on) => m.ProbeOff = on, null, "probeOff"),
                new(ScenarioEventType.Occlusion, _ => "downstream occlusion",
                    (p, m, e, on) => p.Line.Occluded = on, _ => "occlusion", null),
                new(ScenarioEventType.ClampOpen, _ => "syringe clamp opened",
                    (p, m, e, on) => p.Clamp.ClampClosed = !on, _ => "clampOpen", null),
                new(ScenarioEventType.MotorStall, _ => "motor stall (pulses without motion)",
                    (p, m, e, on) => p.Mechanism.Stalled = on, _ => "motorStall", null),
                new(ScenarioEventType.Runaway,
                    e => "motor runaway (motion without pulses) at " + Number(e.RateMicrostepsPerS) + " microsteps/s",
                    (p, m, e, on) => p.Mechanism.RunawayMicrostepsPerSecond = on ? e.RateMicrostepsPerS ?? 1000 : 0, _ => "runaway", null),
                new(ScenarioEventType.DriverFault, _ => "motor driver fault output asserted",
                    (p, m, e, on) => p.MotorDriver.FaultInjected = on, _ => "driverFault", null),
                new(ScenarioEventType.SensorFault, e => e.Device + " fails",
                    (p, m, e, on) => SetDeviceFault(p, e.Device!, on), e => "sensorFault:" + e.Device, null),
            };
            var table = new Dictionary<ScenarioEventType, Fault>();
            foreach (Fault f in rows)
            {
                table.Add(f.Type, f);
            }
            return table;
        }

        private static void SetDeviceFault(VirtualPump pump, string device, bool failed)
        {
            switch (device)
            {
                case "force": pump.ForceSensor.Failed = failed; break;
                case "position": pump.PlungerPosition.Failed = failed; break;
                case "counter": pump.StepCounter.Failed = failed; break;
                case "clamp": pump.Clamp.ImpossibleCombination = failed; break;
                case "store": pump.Store.Failed = failed; break;
                case "display": pump.Display.Failed = failed; break;
                case "rtc": pump.RealTimeClock.LostTime = failed; break;
                case "generator": pump.StepGenerator.RefuseAll = failed; break;
            }
        }

        private static string Number(double? v) => v is double d ? d.ToString(CultureInfo.InvariantCulture) : "";
    }
}
