using System;
using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Threading;
using Pump.Hal;
using Pump.Sim.Service;

namespace Pump.Simulator.Commands
{
    /// <summary>
    /// `serve`: a virtual pump powered up in service mode, answering the service link on 127.0.0.1 TCP (or, with
    /// `--serial DEVICE`, on a serial port) so that `pump-service --connect tcp:127.0.0.1:PORT` (or `serial:DEVICE`) can
    /// commission it. The panel is printed whenever it changes;
    /// type ok, back, up or down (Enter) to press a panel key, load GRAMS / pusher UM to place the
    /// calibration mass or move the pusher to an end stop, power-cycle to restart, quit to stop. The store
    /// lives in memory for as long as the process runs (power-cycle keeps it).
    /// </summary>
    internal static class ServeCommand
    {
        public const int DefaultPort = 47017;

        public static Command Create()
        {
            var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => DefaultPort };
            var seed = new Option<int>("--seed") { Description = "Which virtual unit (its sensor offsets and gains).", DefaultValueFactory = _ => 1 };
            var maxWall = new Option<double>("--max-wall-s") { Description = "Stop after this many wall seconds (0 = never).", DefaultValueFactory = _ => 0 };
            var serial = new Option<string?>("--serial") { Description = "Serve on this serial device instead of TCP (115200 8N1, e.g. /dev/ttyUSB0 or COM3)." };
            var cmd = new Command("serve", "Serve the service link of a virtual pump in service mode on 127.0.0.1 TCP or a serial port.") { port, seed, maxWall, serial };
            cmd.SetAction(r =>
            {
                int p = r.GetValue(port);
                if (p < 0 || p > 65535)
                {
                    Console.Error.WriteLine("--port must be 0..65535");
                    return Common.ExitScenarioError;
                }
                string? device = r.GetValue(serial);
                IServicePort link;
                string where;
                try
                {
                    if (device != null)
                    {
                        var serialPort = new SerialServicePort(device);
                        link = serialPort;
                        where = "serial:" + serialPort.Device;
                    }
                    else
                    {
                        var tcp = new TcpServicePort(p);
                        link = tcp;
                        where = "tcp:127.0.0.1:" + tcp.Port;
                    }
                }
                catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or ArgumentException or System.Net.Sockets.SocketException)
                {
                    Console.Error.WriteLine("serve: cannot open " + (device ?? "tcp port " + p) + ": " + e.Message);
                    return Common.ExitScenarioError;
                }
                using var owned = (IDisposable)link;
                var served = new ServedPump(link, r.GetValue(seed));
                served.PowerUp();
                Console.Out.WriteLine("service link on " + where + "  (keys: ok, back, up, down; bench: load GRAMS, pusher UM|free; power-cycle; quit)");
                Console.Out.Flush();
                var lines = new BlockingCollection<string>();
                var reader = new Thread(() =>
                {
                    string? line;
                    while ((line = Console.In.ReadLine()) != null)
                    {
                        lines.Add(line.Trim().ToLowerInvariant());
                    }
                    lines.Add("eof");
                }) { IsBackground = true };
                reader.Start();
                Serve(served, lines, r.GetValue(maxWall));
                return Common.ExitOk;
            });
            return cmd;
        }

        private static void Serve(ServedPump served, BlockingCollection<string> lines, double maxWallS)
        {
            var wall = Stopwatch.StartNew();
            string shown = "";
            while (maxWallS <= 0 || wall.Elapsed.TotalSeconds < maxWallS)
            {
                while (lines.TryTake(out string? line))
                {
                    if (line == "quit")
                    {
                        return;
                    }
                    Apply(served, line);
                }
                served.AdvanceTo(wall.ElapsedTicks * 1_000_000 / Stopwatch.Frequency);
                string screen = served.Service == null ? "(pump off: type power-cycle)" : served.ScreenText();
                if (screen != shown)
                {
                    shown = screen;
                    Console.Out.WriteLine("+--------------------+\n|" + screen.Replace("\n", "|\n|") + "|\n+--------------------+");
                    Console.Out.Flush();
                }
                Thread.Sleep(5);
            }
        }

        private static void Apply(ServedPump served, string line)
        {
            switch (line)
            {
                case "ok": served.Pump.Keypad.Press(PanelKey.Ok); break;
                case "back": served.Pump.Keypad.Press(PanelKey.Back); break;
                case "up": served.Pump.Keypad.Press(PanelKey.Up); break;
                case "down": served.Pump.Keypad.Press(PanelKey.Down); break;
                case "power-cycle":
                    served.CutPower();
                    served.PowerUp();
                    break;
                case "eof":
                case "":
                    break;
                default:
                    if (!ApplyBench(served, line))
                    {
                        Console.Error.WriteLine("unknown input '" + line + "': ok, back, up, down, load GRAMS, pusher UM|free, power-cycle or quit");
                    }
                    break;
            }
        }

        /// <summary>The technician's bench actions for a guided calibration: a mass on the pusher, the pusher at an end stop.</summary>
        private static bool ApplyBench(ServedPump served, string line)
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                return false;
            }
            if (parts[0] == "load" && int.TryParse(parts[1], out int grams) && grams >= 0 && grams <= 20000)
            {
                served.Raw.AddedLoadMilliNewtons = (int)(grams * 980665L / 100000);
                Console.Out.WriteLine("load on the pusher: " + grams + " g");
                return true;
            }
            if (parts[0] == "pusher" && parts[1] == "free")
            {
                served.Raw.PusherAtMicrometres = null;
                return true;
            }
            if (parts[0] == "pusher" && int.TryParse(parts[1], out int um) && um >= 0 && um <= 200000)
            {
                served.Raw.PusherAtMicrometres = um;
                Console.Out.WriteLine("pusher at " + um + " um");
                return true;
            }
            return false;
        }
    }
}
