using System;
using System.CommandLine;
using Pump.Core.Configuration;
using Pump.Core.Service;
using Pump.ServiceTool.Protocol;

namespace Pump.ServiceTool.Commands
{
    /// <summary>
    /// `calibrate`: the guided calibration of hardware-docs/calibration.md. The technician unloads the pusher,
    /// hangs the reference mass, and moves the pusher to each end stop (service-mode jog on the panel); at each
    /// step the tool averages the pump's raw readings. The result, with the mechanism, technician and date, is
    /// written as one configuration record, which the pump checks before it stores it.
    /// </summary>
    internal static class CalibrateCommand
    {
        /// <summary>Standard gravity 9.80665 m/s² as mN per gram × 100000.</summary>
        private const long StandardGravityMilliNewtonsPerGramE5 = 980665;

        public static Command Create(ToolContext tool)
        {
            var serial = new Option<string?>("--serial") { Description = "Unit serial (needed when the pump has none stored)." };
            var technician = new Option<string>("--technician") { Description = "Your id (A-Z, 0-9, '-', up to 8), stored with the calibration.", Required = true };
            var massG = new Option<int>("--mass-g") { Description = "Reference mass in grams.", DefaultValueFactory = _ => 5000 };
            var spanUm = new Option<int>("--span-um") { Description = "Pusher travel between the two end stops, µm.", DefaultValueFactory = _ => 100000 };
            var lead = new Option<int?>("--lead-um") { Description = "Lead-screw lead, µm (default: as stored, or 1000)." };
            var steps = new Option<int?>("--full-steps") { Description = "Motor full steps per revolution (default: as stored, or 200)." };
            var micro = new Option<int?>("--microstepping") { Description = "Driver microstepping (default: as stored, or 16)." };
            var samples = new Option<int>("--samples") { Description = "Raw readings averaged at each step.", DefaultValueFactory = _ => 8 };
            var cmd = new Command("calibrate", "Guided calibration of force, position and mechanism; writes the calibration record.")
            {
                serial, technician, massG, spanUm, lead, steps, micro, samples,
            };
            cmd.SetAction(r => tool.Run(r, client =>
            {
                DeviceConfiguration? c = PumpReads.Config(client, out ServiceResponse response);
                if (c == null && response.Status != ServiceStatus.NoConfiguration)
                {
                    return tool.Refused("calibrate", response);
                }
                c ??= new DeviceConfiguration();
                string? s = r.GetValue(serial);
                if (s != null)
                {
                    c.Serial = s;
                }
                if (c.Serial.Length == 0)
                {
                    tool.Io.Error.WriteLine("pump-service: this pump has no serial stored: give --serial");
                    return ToolContext.ExitBadInput;
                }
                int mass = r.GetValue(massG);
                int n = r.GetValue(samples);
                if (mass < 100 || mass > 20000 || n < 1 || n > 64)
                {
                    tool.Io.Error.WriteLine("pump-service: --mass-g must be 100..20000 and --samples 1..64");
                    return ToolContext.ExitBadInput;
                }

                int? zero = Step(tool, client, "Remove every load from the pusher", n, force: true);
                int? loaded = zero == null ? null : Step(tool, client, "Hang the " + mass + " g reference mass on the pusher", n, force: true);
                int? posZero = loaded == null ? null : Step(tool, client, "Jog the pusher to the fully withdrawn end stop", n, force: false);
                int? posSpan = posZero == null ? null : Step(tool, client, "Jog the pusher to the forward end stop", n, force: false);
                if (posSpan == null)
                {
                    return ToolContext.ExitRefused;
                }

                c.ForceZeroCounts = zero!.Value;
                c.ForceSpanCounts = loaded!.Value - zero.Value;
                c.ForceSpanMilliNewtons = (int)(mass * StandardGravityMilliNewtonsPerGramE5 / 100000);
                c.PositionZeroCounts = posZero!.Value;
                c.PositionSpanCounts = posSpan.Value;
                c.PositionSpanMicrometres = r.GetValue(spanUm);
                c.LeadUm = r.GetValue(lead) ?? c.LeadUm;
                c.FullStepsPerRev = r.GetValue(steps) ?? c.FullStepsPerRev;
                c.Microstepping = r.GetValue(micro) ?? c.Microstepping;
                c.CalibratedBy = r.GetValue(technician)!;
                c.CalibrationUtcSeconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                tool.Io.Out.WriteLine("force: zero " + c.ForceZeroCounts + " counts, span " + c.ForceSpanCounts + " counts = " + c.ForceSpanMilliNewtons
                    + " mN; position: " + c.PositionZeroCounts + " .. " + c.PositionSpanCounts + " counts over " + c.PositionSpanMicrometres + " µm");
                return ConfigCommand.Write(tool, client, c, "calibration");
            }));
            return cmd;
        }

        /// <summary>Prompts, waits for Enter, and returns the mean raw reading (null after printing why).</summary>
        private static int? Step(ToolContext tool, ServiceClient client, string instruction, int samples, bool force)
        {
            tool.Io.Out.WriteLine(instruction + ", then press Enter.");
            tool.Io.Out.Flush();
            if (tool.Io.In.ReadLine() == null)
            {
                tool.Io.Error.WriteLine("pump-service: calibration abandoned (no more input); nothing was written");
                return null;
            }
            long sum = 0;
            for (int i = 0; i < samples; i++)
            {
                ServiceResponse response = client.Send(ServiceCommand.ReadRawSensors);
                if (!response.IsOk)
                {
                    tool.Refused("raw sensor reading", response);
                    return null;
                }
                var r = response.Reader();
                bool forceOk = r.U8() != 0;
                int forceCounts = r.I32();
                bool positionOk = r.U8() != 0;
                int positionCounts = r.I32();
                if (force ? !forceOk : !positionOk)
                {
                    tool.Io.Error.WriteLine("pump-service: the " + (force ? "load cell" : "position sensor") + " did not answer; nothing was written");
                    return null;
                }
                sum += force ? forceCounts : positionCounts;
            }
            int mean = (int)Math.Round(sum / (double)samples, MidpointRounding.AwayFromZero);
            tool.Io.Out.WriteLine("  read " + mean + " counts");
            return mean;
        }
    }
}
