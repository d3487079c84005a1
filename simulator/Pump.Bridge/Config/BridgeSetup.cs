using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text.Json;
using Pump.Bridge.Forwarding;
using Pump.Bridge.IntelliVue;
using Pump.Bridge.Model;
using Pump.Bridge.Output;
using Pump.Bridge.Pcd01;
using Pump.Core.Link;

namespace Pump.Bridge.Config
{
    /// <summary>
    /// Reads and checks a configuration file and its key file; every refusal names the field (no partial start).
    /// The boot number is raised only by <see cref="RaiseBoot"/>, once all checks have passed.
    /// </summary>
    public sealed class BridgeSetup
    {
        private static readonly JsonSerializerOptions Json = new()
        {
            PropertyNameCaseInsensitive = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        };

        private BridgeSetup(BridgeConfig config, uint monitorId, byte[] key, BridgePolicy policy, string baseDirectory)
        {
            Config = config;
            MonitorId = monitorId;
            Key = key;
            Policy = policy;
            BaseDirectory = baseDirectory;
        }

        public BridgeConfig Config { get; }

        public uint MonitorId { get; }

        public byte[] Key { get; }

        public BridgePolicy Policy { get; }

        public string BaseDirectory { get; }

        public static BridgeSetup Load(string path)
        {
            BridgeConfig? config;
            try
            {
                config = JsonSerializer.Deserialize<BridgeConfig>(File.ReadAllText(path), Json);
            }
            catch (JsonException e)
            {
                throw new ConfigException(e.Path ?? "$", "not valid configuration JSON: " + e.Message);
            }
            catch (IOException e)
            {
                throw new ConfigException("config", $"cannot read '{path}': {e.Message}");
            }
            if (config == null)
            {
                throw new ConfigException("$", "empty configuration");
            }
            string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            uint id = ParseId(config.PairedMonitorId);
            byte[] key = ReadKey(Resolve(dir, Required(config.KeyFile, "keyFile")));
            Required(config.BootFile, "bootFile");
            var policy = new BridgePolicy
            {
                ExpectedBedLabel = string.IsNullOrWhiteSpace(config.ExpectedBedLabel) ? null : config.ExpectedBedLabel,
                SourceTimeoutMs = Range(config.SourceTimeoutMs ?? 5000, 1000, 30000, "sourceTimeoutMs"),
                MaxClockSkewMs = Range(config.MaxClockSkewMs ?? 5000, 100, 60000, "maxClockSkewMs"),
            };
            var setup = new BridgeSetup(config, id, key, policy, dir);
            setup.CheckSource();
            setup.CheckOutput();
            return setup;
        }

        /// <summary>Raises the boot number in the boot file (call once per start, after Load).</summary>
        public uint RaiseBoot() => BootCounter.Next(Resolve(BaseDirectory, Config.BootFile));

        /// <summary>The key's check value, as the pump computes it (LinkKeyStore.KeyCheck): matches pump and bridge without showing the key.</summary>
        public uint KeyCheck
        {
            get
            {
                var probe = new LinkKeyStore();
                probe.Pair(MonitorId, Key, 0, Key.Length);
                return probe.KeyCheck;
            }
        }

        public HmacSha256 NewMac()
        {
            var mac = new HmacSha256();
            mac.SetKey(Key, 0, Key.Length);
            return mac;
        }

        public IVitalsSource CreateSource()
        {
            SourceConfig s = Config.Source;
            if (s.Kind == "pcd01")
            {
                return new MllpSource(Endpoint(s.Listen!, 2575, "source.listen"));
            }
            return new IntelliVueSource(Endpoint(s.Monitor!, IntelliVueSource.DataExportPort, "source.monitor"),
                ParseSourceId(s.SourceId!), s.BedLabel!);
        }

        public ILinkOutput CreateOutput()
        {
            OutputConfig o = Config.Output;
            return o.SerialPort != null ? new SerialLinkOutput(o.SerialPort, o.Baud) : new TcpLinkOutput(Endpoint(o.Tcp!, 0, "output.tcp"));
        }

        /// <summary>Reads a key file: hex, 16 to 64 bytes, not one repeated byte (the pump's own key checks).</summary>
        public static byte[] ReadKey(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path).Trim();
            }
            catch (IOException e)
            {
                throw new ConfigException("keyFile", $"cannot read '{path}': {e.Message}");
            }
            byte[] key;
            try
            {
                key = Convert.FromHexString(text);
            }
            catch (FormatException)
            {
                throw new ConfigException("keyFile", $"'{path}' is not a hex key");
            }
            var probe = new LinkKeyStore();
            KeySetResult r = probe.Pair(1, key, 0, key.Length);
            if (r != KeySetResult.Ok)
            {
                throw new ConfigException("keyFile", $"the pump would refuse this key: {r} ({key.Length} bytes; 16-64 random bytes needed)");
            }
            return key;
        }

        private void CheckSource()
        {
            SourceConfig s = Config.Source;
            switch (s.Kind)
            {
                case "pcd01":
                    Endpoint(Required(s.Listen, "source.listen"), 2575, "source.listen");
                    break;
                case "intellivue":
                    Endpoint(Required(s.Monitor, "source.monitor"), IntelliVueSource.DataExportPort, "source.monitor");
                    ParseSourceId(Required(s.SourceId, "source.sourceId"));
                    if (BridgeForwarder.AsciiLabel(Required(s.BedLabel, "source.bedLabel")).Length == 0)
                    {
                        throw new ConfigException("source.bedLabel", "empty");
                    }
                    break;
                default:
                    throw new ConfigException("source.kind", $"'{s.Kind}' is not one of pcd01, intellivue");
            }
        }

        private void CheckOutput()
        {
            OutputConfig o = Config.Output;
            if ((o.SerialPort == null) == (o.Tcp == null))
            {
                throw new ConfigException("output", "give exactly one of serialPort or tcp");
            }
            if (o.Tcp != null)
            {
                Endpoint(o.Tcp, 0, "output.tcp");
            }
            Range(o.Baud, 1200, 921600, "output.baud");
        }

        private static uint ParseId(string text)
        {
            string t = Required(text, "pairedMonitorId");
            bool ok = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? uint.TryParse(t.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint v)
                : uint.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v);
            if (!ok || v == 0)
            {
                throw new ConfigException("pairedMonitorId", $"'{t}' is not a non-zero 32-bit id");
            }
            return v;
        }

        private static ulong ParseSourceId(string text)
        {
            string t = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
            if (!ulong.TryParse(t, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong v) || v == 0)
            {
                throw new ConfigException("source.sourceId", $"'{text}' is not a non-zero 64-bit hex id");
            }
            return v;
        }

        private static IPEndPoint Endpoint(string text, int defaultPort, string field)
        {
            if (IPEndPoint.TryParse(text, out IPEndPoint? ep) && (ep.Port != 0 || defaultPort != 0))
            {
                if (ep.Port == 0)
                {
                    ep.Port = defaultPort;
                }
                return ep;
            }
            throw new ConfigException(field, $"'{text}' is not an address[:port]");
        }

        private static string Required(string? value, string field) =>
            string.IsNullOrWhiteSpace(value) ? throw new ConfigException(field, "missing") : value;

        private static int Range(int v, int min, int max, string field) =>
            v < min || v > max ? throw new ConfigException(field, $"{v} is outside {min}..{max}") : v;

        private static string Resolve(string dir, string file) => Path.IsPathRooted(file) ? file : Path.Combine(dir, file);
    }
}
