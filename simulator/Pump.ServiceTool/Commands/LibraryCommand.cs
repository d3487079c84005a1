using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using Pump.Core.Common;
using Pump.Core.Library;
using Pump.Core.Service;
using Pump.ServiceTool.Protocol;

namespace Pump.ServiceTool.Commands
{
    /// <summary>
    /// `library install FILE`: sends a library file (the LibraryCodec bytes `pump-library` builds) in order,
    /// with its CRC-32; the pump verifies it with its own checks and asks on its panel for confirmation of the
    /// revision. The tool waits for that answer. The library in force stays until the panel confirms.
    /// </summary>
    internal static class LibraryCommand
    {
        public const int ChunkBytes = 512;

        public static Command Create(ToolContext tool)
        {
            var file = new Argument<FileInfo>("FILE") { Description = "Library file (binary, as built by pump-library)." };
            var waitS = new Option<double>("--wait-s") { Description = "Seconds to wait for the confirmation on the pump's panel.", DefaultValueFactory = _ => 300 };
            var install = new Command("install", "Install a drug library; confirmed on the pump's panel.") { file, waitS };
            install.SetAction(r =>
            {
                FileInfo f = r.GetValue(file)!;
                if (!f.Exists)
                {
                    tool.Io.Error.WriteLine("pump-service: no such file: " + f.FullName);
                    return ToolContext.ExitBadInput;
                }
                if (f.Length < LibraryCodec.HeaderBytes + LibraryCodec.CrcBytes || f.Length > LibraryCodec.MaxEncodedBytes)
                {
                    tool.Io.Error.WriteLine("pump-service: " + f.Name + " is " + f.Length + " bytes; a library file is "
                        + (LibraryCodec.HeaderBytes + LibraryCodec.CrcBytes) + ".." + LibraryCodec.MaxEncodedBytes + " bytes");
                    return ToolContext.ExitBadInput;
                }
                byte[] bytes = File.ReadAllBytes(f.FullName);
                return tool.Run(r, client => Install(tool, client, bytes, TimeSpan.FromSeconds(r.GetValue(waitS))));
            });
            return new Command("library", "The pump's drug library.") { install };
        }

        public static int Install(ToolContext tool, ServiceClient client, byte[] bytes, TimeSpan wait)
        {
            var begin = new byte[8];
            BitConverter.TryWriteBytes(begin.AsSpan(0, 4), (uint)bytes.Length);
            BitConverter.TryWriteBytes(begin.AsSpan(4, 4), Crc32.Compute(bytes, 0, bytes.Length));
            ServiceResponse response = client.Send(ServiceCommand.LibraryBegin, begin);
            if (!response.IsOk)
            {
                return tool.Refused("library transfer", response);
            }
            for (int offset = 0; offset < bytes.Length; offset += ChunkBytes)
            {
                int n = Math.Min(ChunkBytes, bytes.Length - offset);
                var chunk = new byte[4 + n];
                BitConverter.TryWriteBytes(chunk.AsSpan(0, 4), (uint)offset);
                Array.Copy(bytes, offset, chunk, 4, n);
                response = client.Send(ServiceCommand.LibraryData, chunk);
                if (!response.IsOk)
                {
                    return tool.Refused("library transfer", response);
                }
            }
            response = client.Send(ServiceCommand.LibraryEnd);
            if (response.Status != ServiceStatus.AwaitingPanel)
            {
                return tool.Refused("library", response);
            }
            uint revision = response.Reader().U32();
            tool.Io.Out.WriteLine("The pump verified library revision " + revision + ". Confirm it on the pump's panel: OK installs it, BACK keeps the old one.");
            tool.Io.Out.Flush();
            var deadline = DateTime.UtcNow + wait;
            while (DateTime.UtcNow < deadline)
            {
                response = client.Send(ServiceCommand.LibraryStatus);
                switch (response.Status)
                {
                    case ServiceStatus.AwaitingPanel:
                        Thread.Sleep(200);
                        continue;
                    case ServiceStatus.Ok:
                        tool.Io.Out.WriteLine("library revision " + revision + " installed");
                        return ToolContext.ExitOk;
                    case ServiceStatus.LibraryDeclined:
                        tool.Io.Error.WriteLine("pump-service: declined on the pump's panel; the previous library stays in force");
                        return ToolContext.ExitRefused;
                    default:
                        return tool.Refused("library installation", response);
                }
            }
            tool.Io.Error.WriteLine("pump-service: nobody confirmed on the pump's panel within " + wait.TotalSeconds + " s; the previous library stays in force");
            return ToolContext.ExitNoAnswer;
        }
    }
}
