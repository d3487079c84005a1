using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Pump.Core.Link;
using Pump.Core.Service;
using Pump.ServiceTool.Model;

namespace Pump.ServiceTool.Commands
{
    /// <summary>
    /// `link key set --key-file FILE [--monitor-id ID]`: stores the monitor-link key on the pump (set-link-key). The key
    /// file is the one the bridge's configuration references (hex, 16-64 bytes). The pump binds the key to the monitor
    /// paired on its panel and never sends it back; both sides print its check value so they can be matched.
    /// </summary>
    internal static class LinkKeyCommand
    {
        public static Command Create(ToolContext tool)
        {
            var keyFile = new Option<FileInfo>("--key-file") { Description = "The bridge's key file (hex, 16-64 bytes).", Required = true };
            var monitorId = new Option<string?>("--monitor-id")
            {
                Description = "The bridge's paired monitor id (decimal or 0x-hex; default: the monitor paired on the pump's panel).",
            };
            var set = new Command("set", "Store the monitor-link key on the pump (service mode, no session open).") { keyFile, monitorId };
            set.SetAction(r =>
            {
                byte[] key;
                string? problem = TryReadKeyFile(r.GetValue(keyFile)!.FullName, out key);
                if (problem != null)
                {
                    tool.Io.Error.WriteLine("pump-service: " + problem);
                    return ToolContext.ExitBadInput;
                }
                string? idText = r.GetValue(monitorId);
                uint id = 0;
                if (idText != null && !TryParseId(idText, out id))
                {
                    tool.Io.Error.WriteLine("pump-service: --monitor-id '" + idText + "' is not a monitor id (1..4294967295, decimal or 0x-hex)");
                    return ToolContext.ExitBadInput;
                }
                return tool.Run(r, client =>
                {
                    if (idText == null)
                    {
                        var info = client.Send(ServiceCommand.GetInfo);
                        if (!info.IsOk)
                        {
                            return tool.Refused("link key set", info);
                        }
                        id = PumpInfo.Parse(info).PairedMonitorId;
                    }
                    var payload = new byte[5 + key.Length];
                    BitConverter.TryWriteBytes(payload.AsSpan(0, 4), id);
                    payload[4] = (byte)key.Length;
                    key.CopyTo(payload, 5);
                    var response = client.Send(ServiceCommand.SetLinkKey, payload);
                    Array.Clear(payload);
                    if (!response.IsOk)
                    {
                        return tool.Refused("link key set", response);
                    }
                    uint check = response.Reader().U32();
                    tool.Io.Out.WriteLine("link key stored for monitor " + id.ToString(CultureInfo.InvariantCulture)
                        + " (0x" + id.ToString("X8", CultureInfo.InvariantCulture) + "), key check " + KeyCheckText(check)
                        + ": it must equal `monitor-bridge check`'s");
                    return ToolContext.ExitOk;
                });
            });
            var keyCmd = new Command("key", "The monitor-link key (write-only: the pump shows its check value).") { set };
            return new Command("link", "The monitor link.") { keyCmd };
        }

        public static string KeyCheckText(uint check) => check.ToString("X8", CultureInfo.InvariantCulture);

        /// <summary>Reads a key file as monitor-bridge does (hex, the pump's own key checks); null or the reason.</summary>
        public static string? TryReadKeyFile(string path, out byte[] key)
        {
            key = Array.Empty<byte>();
            string text;
            try
            {
                text = File.ReadAllText(path).Trim();
            }
            catch (IOException e)
            {
                return "cannot read key file '" + path + "': " + e.Message;
            }
            catch (UnauthorizedAccessException e)
            {
                return "cannot read key file '" + path + "': " + e.Message;
            }
            try
            {
                key = Convert.FromHexString(text);
            }
            catch (FormatException)
            {
                return "key file '" + path + "' is not hex";
            }
            KeySetResult r = new LinkKeyStore().Pair(1, key, 0, key.Length);
            return r == KeySetResult.Ok ? null
                : "the pump would refuse the key in '" + path + "': " + r + " (" + key.Length + " bytes; 16-64 random bytes needed)";
        }

        private static bool TryParseId(string text, out uint id)
        {
            bool ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? uint.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out id)
                : uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
            return ok && id != 0;
        }
    }
}
