using System;
using System.CommandLine;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Pump.Bridge.Config;
using Pump.Bridge.Forwarding;
using Pump.Bridge.Hosting;
using Pump.Bridge.Model;
using Pump.Bridge.Output;
using Spectre.Console;

namespace Pump.Bridge
{
    /// <summary>monitor-bridge: real patient monitors in, authenticated monitor-link v2 frames out (hardware-docs/monitor-bridge.md).</summary>
    public static class Program
    {
        public const int ExitOk = 0;
        public const int ExitConfig = 2;

        public static int Main(string[] args)
        {
            var root = new RootCommand("Monitor bridge: IHE PCD-01 (MLLP) or Philips IntelliVue Data Export in, authenticated monitor-link v2 frames to the pump out.");
            root.Subcommands.Add(RunCommand());
            root.Subcommands.Add(CheckCommand());
            root.Subcommands.Add(KeygenCommand());
            return root.Parse(args).Invoke();
        }

        private static Command RunCommand()
        {
            var config = new Option<FileInfo>("--config") { Description = "Configuration file (JSON).", Required = true };
            var plain = new Option<bool>("--plain") { Description = "Print log lines instead of the status view (services, logs to a file)." };
            var cmd = new Command("run", "Run the bridge until Ctrl+C.") { config, plain };
            cmd.SetAction(r =>
            {
                BridgeSetup setup;
                uint boot;
                try
                {
                    setup = BridgeSetup.Load(r.GetValue(config)!.FullName);
                    boot = setup.RaiseBoot();
                }
                catch (ConfigException e)
                {
                    Console.Error.WriteLine("monitor-bridge: configuration refused: " + e.Message);
                    return ExitConfig;
                }
                var log = new BridgeLog();
                bool isPlain = r.GetValue(plain);
                if (isPlain)
                {
                    log.Written += Console.Out.WriteLine;
                }
                IVitalsSource source = setup.CreateSource();
                using ILinkOutput output = setup.CreateOutput();
                var forwarder = new BridgeForwarder(setup.Policy, setup.MonitorId, boot, setup.NewMac(), log);
                var host = new BridgeHost(source, forwarder, output, log, setup.Policy.FramePeriodMs);
                log.Write(0, "bridge", $"boot {boot}, paired id 0x{setup.MonitorId:X8}, source {source.Name}, output {output.Describe}");
                using var cancel = new CancellationTokenSource();
                Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
                Task run = host.RunAsync(cancel.Token);
                if (isPlain)
                {
                    run.GetAwaiter().GetResult();
                    return ExitOk;
                }
                AnsiConsole.Live(StatusView.Render(forwarder, log, source.Name, output.Describe, boot)).Start(ctx =>
                {
                    while (!run.Wait(500))
                    {
                        ctx.UpdateTarget(StatusView.Render(forwarder, log, source.Name, output.Describe, boot));
                    }
                });
                return ExitOk;
            });
            return cmd;
        }

        private static Command CheckCommand()
        {
            var config = new Option<FileInfo>("--config") { Description = "Configuration file (JSON).", Required = true };
            var cmd = new Command("check", "Check a configuration and its key file without starting (the boot number is not raised).") { config };
            cmd.SetAction(r =>
            {
                try
                {
                    BridgeSetup s = BridgeSetup.Load(r.GetValue(config)!.FullName);
                    Console.Out.WriteLine($"configuration OK: source {s.Config.Source.Kind}, paired id 0x{s.MonitorId:X8}, key {s.Key.Length} bytes, key check {s.KeyCheck:X8} (pump-service info shows the pump's)");
                    return ExitOk;
                }
                catch (ConfigException e)
                {
                    Console.Error.WriteLine("monitor-bridge: configuration refused: " + e.Message);
                    return ExitConfig;
                }
            });
            return cmd;
        }

        private static Command KeygenCommand()
        {
            var output = new Option<FileInfo>("--out") { Description = "Key file to create (refuses to overwrite).", Required = true };
            var cmd = new Command("keygen", "Generate a 32-byte random pairing key as hex (enter the same key on the pump at commissioning).") { output };
            cmd.SetAction(r =>
            {
                FileInfo file = r.GetValue(output)!;
                if (file.Exists)
                {
                    Console.Error.WriteLine($"monitor-bridge: {file.FullName} exists; a new key means re-pairing the pump, remove the old file first");
                    return ExitConfig;
                }
                string hex = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
                File.WriteAllText(file.FullName, hex + Environment.NewLine);
                Console.Out.WriteLine($"wrote {file.FullName}: pairing key {hex}");
                return ExitOk;
            });
            return cmd;
        }
    }
}
